package io.github.dovelint.eclipse;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Plugin;
import org.eclipse.core.runtime.Status;
import org.osgi.framework.BundleContext;

/** The bundle's activator: ids and logging. */
public final class DovelintPlugin extends Plugin {

    public static final String ID = "io.github.dovelint.eclipse";

    private static DovelintPlugin instance;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        instance = null;
        super.stop(context);
    }

    public static DovelintPlugin getDefault() {
        return instance;
    }

    static void log(int severity, String message, Throwable error) {
        ILog.of(DovelintPlugin.class).log(new Status(severity, ID, message, error));
    }

    static void info(String message) {
        log(IStatus.INFO, message, null);
    }
}
