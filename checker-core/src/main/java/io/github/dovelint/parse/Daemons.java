package io.github.dovelint.parse;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The threads dovelint starts are daemons: an analysis never keeps the JVM of
 * a build or an IDE alive, and a worker given up on (stuck in a file past its
 * time budget) cannot be stopped safely, only left behind.
 */
public final class Daemons {

    private Daemons() {
    }

    /** An unstarted daemon thread running {@code task}, with a stack of {@code stackBytes} (0: the JVM's default). */
    public static Thread thread(String name, long stackBytes, Runnable task) {
        Thread t = new Thread(null, task, name, stackBytes);
        t.setDaemon(true);
        return t;
    }

    /**
     * A scheduler on one daemon thread, for watchdogs: a cancelled alarm leaves its queue at
     * once, so the millions of alarms of a whole-tree run that never fire do not pile up.
     */
    public static ScheduledExecutorService scheduler(String name) {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> thread(name, 0, r));
        e.setRemoveOnCancelPolicy(true);
        return e;
    }
}
