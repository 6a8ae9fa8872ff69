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
     * Runs {@code body} for every index below {@code count} on up to {@code threads} daemon
     * threads, each taking the next index when done with one, and returns when all are done.
     * What {@code body} throws is thrown here (the first of them); an interrupt stops the
     * work and is thrown as an {@link IllegalStateException}.
     */
    public static void forEachIndex(String name, int count, int threads, java.util.function.IntConsumer body) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        int n = Math.max(1, Math.min(threads, count));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n,
                r -> thread(name, 0, r));
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < n; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        body.accept(i);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
