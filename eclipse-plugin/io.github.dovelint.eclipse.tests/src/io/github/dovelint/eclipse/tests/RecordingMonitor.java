package io.github.dovelint.eclipse.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * A progress monitor that keeps the sub-tasks and the work it is told, and lets a test act on
 * a sub-task (cancel, wait) from the thread that tells it. Thread-safe.
 */
final class RecordingMonitor extends NullProgressMonitor {

    private final List<String> subTasks = new ArrayList<>();
    private final Consumer<String> onSubTask;
    private double work;

    RecordingMonitor(Consumer<String> onSubTask) {
        this.onSubTask = onSubTask;
    }

    RecordingMonitor() {
        this(s -> {
        });
    }

    @Override
    public void subTask(String name) {
        synchronized (this) {
            subTasks.add(name);
        }
        onSubTask.accept(name);
    }

    @Override
    public synchronized void worked(int ticks) {
        work += ticks;
    }

    @Override
    public synchronized void internalWorked(double ticks) {
        work += ticks;
    }

    synchronized List<String> subTasks() {
        return List.copyOf(subTasks);
    }

    /** The files the builder said were done ("file N/TOTAL: name"), the last one being "checking the rules". */
    synchronized List<String> filesDone() {
        return subTasks.stream().filter(s -> s.startsWith("file ") || s.equals("checking the rules")).toList();
    }

    synchronized double work() {
        return work;
    }
}
