package io.github.dovelint.eclipse;

import io.github.dovelint.engine.ProgressListener;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The engine's progress told to a build's monitor, one unit of work per file, and the
 * monitor's cancel told to the engine, which stops within a file
 * ({@link ProgressListener#cancelled()}). The engine calls from its parser threads, and a
 * progress monitor is not thread-safe, so every call to the monitor holds this object's lock.
 */
final class BuildProgress implements ProgressListener {

    private final SubMonitor monitor;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger parsed = new AtomicInteger();
    private volatile int total = -1;

    /** @param monitor the part of the build's monitor the analysis is given */
    BuildProgress(SubMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public synchronized void started(int files) {
        total = files;
        monitor.setWorkRemaining(files + 1); // and one for the rules
    }

    @Override
    public void fileDone(String file, long lines) {
        int n = done.incrementAndGet();
        synchronized (this) {
            monitor.worked(1);
            monitor.subTask(n >= total ? "checking the rules" : "file " + n + "/" + total + ": " + file);
        }
    }

    @Override
    public void fileParsed(String file) {
        parsed.incrementAndGet();
    }

    @Override
    public synchronized boolean cancelled() {
        return monitor.isCanceled();
    }

    /** The files whose facts the engine has told ready, parsed or from the cache. */
    int filesDone() {
        return done.get();
    }

    /** The files the engine really parsed (their facts were not in the cache). */
    int filesParsed() {
        return parsed.get();
    }
}
