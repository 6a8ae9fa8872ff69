package io.github.dovelint.spec;

/**
 * One operation of a scenario: a system call (or kernel event) made by a task.
 * {@link #line()} is its scenario text, which {@link Scenario#parse} reads back.
 */
public sealed interface Op {

    /** The task that performs the operation. */
    String task();

    /** The operation in the scenario format. */
    String line();

    /** {@code open TASK oob|plain [cloexec] [resizing]}: open a file on an oob-capable driver or not. */
    record Open(String task, boolean oob, boolean cloexec, boolean resizing) implements Op {
        public String line() {
            return "open " + task + (oob ? " oob" : " plain") + (cloexec ? " cloexec" : "") + (resizing ? " resizing" : "");
        }
    }

    /** {@code dup TASK FD}. */
    record Dup(String task, int fd) implements Op {
        public String line() {
            return "dup " + task + " " + fd;
        }
    }

    /** {@code fcntl-dupfd TASK FD MIN [cloexec]}: F_DUPFD / F_DUPFD_CLOEXEC. */
    record DupFd(String task, int fd, int min, boolean cloexec) implements Op {
        public String line() {
            return "fcntl-dupfd " + task + " " + fd + " " + min + (cloexec ? " cloexec" : "");
        }
    }

    /** {@code dup2 TASK OLDFD NEWFD}. */
    record Dup2(String task, int oldFd, int newFd) implements Op {
        public String line() {
            return "dup2 " + task + " " + oldFd + " " + newFd;
        }
    }

    /** {@code dup3 TASK OLDFD NEWFD [cloexec]}. */
    record Dup3(String task, int oldFd, int newFd, boolean cloexec) implements Op {
        public String line() {
            return "dup3 " + task + " " + oldFd + " " + newFd + (cloexec ? " cloexec" : "");
        }
    }

    /** {@code close TASK FD}. */
    record Close(String task, int fd) implements Op {
        public String line() {
            return "close " + task + " " + fd;
        }
    }

    /** {@code close-range TASK LO HI [cloexec]}. */
    record CloseRange(String task, int lo, int hi, boolean cloexec) implements Op {
        public String line() {
            return "close-range " + task + " " + lo + " " + hi + (cloexec ? " cloexec" : "");
        }
    }

    /** {@code exec TASK}: unshares a shared table, then closes the close-on-exec fds. */
    record Exec(String task) implements Op {
        public String line() {
            return "exec " + task;
        }
    }

    /** {@code fork TASK CHILD}: the child gets a copy of the table (dup_fd, no hook). */
    record Fork(String task, String child) implements Op {
        public String line() {
            return "fork " + task + " " + child;
        }
    }

    /** {@code clone-files TASK CHILD}: clone(CLONE_FILES), the child shares the table. */
    record CloneFiles(String task, String child) implements Op {
        public String line() {
            return "clone-files " + task + " " + child;
        }
    }

    /** {@code unshare TASK}: unshare(CLONE_FILES). */
    record Unshare(String task) implements Op {
        public String line() {
            return "unshare " + task;
        }
    }

    /** {@code exit TASK}. */
    record Exit(String task) implements Op {
        public String line() {
            return "exit " + task;
        }
    }

    /** {@code hold TASK Fn}: TASK (a /proc reader, say) takes a reference on table Fn. */
    record Hold(String task, int files) implements Op {
        public String line() {
            return "hold " + task + " F" + files;
        }
    }

    /** {@code drop TASK Fn}: TASK drops a reference it took with hold; the last one closes the table. */
    record Drop(String task, int files) implements Op {
        public String line() {
            return "drop " + task + " F" + files;
        }
    }
}
