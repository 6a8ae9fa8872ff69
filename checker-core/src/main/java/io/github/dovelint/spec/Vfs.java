package io.github.dovelint.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The VFS model: tasks, shareable reference-counted fd tables
 * ({@code files_struct}) that grow, and reference-counted files with an oob
 * pointer. {@link #apply} runs one {@link Op} the way {@code fs/file.c} does:
 * it takes and drops {@code file_lock} and disables preemption where the
 * kernel does, and emits each hook call, in the kernel's order, with the
 * context computed from that state.
 *
 * <p>A new model has one task, {@code T1}, with an empty table {@code F1}.
 * Tables start with {@link #INITIAL_FDS} slots (the kernel's is
 * BITS_PER_LONG; a small one lets short scenarios reach the resize) and
 * double up to {@link #MAX_FDS} (RLIMIT_NOFILE).
 */
public final class Vfs {

    public static final int INITIAL_FDS = 8;
    public static final int MAX_FDS = 256;

    /** A {@code struct file}. */
    public static final class SpecFile {
        final int id;
        final boolean oob;
        int refs = 1;

        SpecFile(int id, boolean oob) {
            this.id = id;
            this.oob = oob;
        }

        public FileRef ref() {
            return new FileRef(id, oob);
        }

        public boolean alive() {
            return refs > 0;
        }
    }

    /** One fd slot. {@code announced}: the fd came in through install or replace (not through dup_fd). */
    static final class Slot {
        final SpecFile file;
        boolean cloexec;
        final boolean announced;

        Slot(SpecFile file, boolean cloexec, boolean announced) {
            this.file = file;
            this.cloexec = cloexec;
            this.announced = announced;
        }
    }

    /** A {@code files_struct}. */
    public static final class Table {
        final int id;
        int refs = 1;
        int holds;
        Slot[] fds = new Slot[INITIAL_FDS];

        Table(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        public boolean alive() {
            return refs > 0;
        }

        int capacity() {
            return fds.length;
        }

        Slot slot(int fd) {
            return fd >= 0 && fd < fds.length ? fds[fd] : null;
        }
    }

    /** A task. */
    static final class Task {
        final String name;
        Table files;

        Task(String name, Table files) {
            this.name = name;
            this.files = files;
        }
    }

    /** What an operation produced: hook calls and notes, in order. */
    public sealed interface Event {
    }

    /** A hook call event. */
    public record Called(HookCall call) implements Event {
    }

    /** A remark about what the kernel did without calling a hook. */
    public record Note(String text) implements Event {
    }

    /** The result of an operation: what the system call returned, and its events. */
    public record Outcome(String result, List<Event> events) {
        public List<HookCall> calls() {
            List<HookCall> out = new ArrayList<>();
            for (Event e : events) {
                if (e instanceof Called c) {
                    out.add(c.call());
                }
            }
            return out;
        }
    }

    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<Integer, Table> tables = new LinkedHashMap<>();
    private final Map<Integer, SpecFile> openedFiles = new LinkedHashMap<>();
    private final List<Consumer<HookCall>> listeners = new ArrayList<>();
    private int nextTable = 1;
    private int nextFile = 1;

    // the kernel state that makes the contexts
    private Table lockedTable;
    private int preemptOff;
    private Task current;
    private List<Event> events;

    public Vfs() {
        Table f1 = newTable();
        tasks.put("T1", new Task("T1", f1));
    }

    /** Every hook call goes to the listener (the core under test, say) as it is made. */
    public Vfs listen(Consumer<HookCall> listener) {
        listeners.add(listener);
        return this;
    }

    /** The live tasks' names, in creation order. */
    public List<String> taskNames() {
        return List.copyOf(tasks.keySet());
    }

    /** The live tables' ids. */
    public List<Integer> liveTables() {
        return tables.values().stream().filter(Table::alive).map(Table::id).toList();
    }

    /** The table a task uses. */
    public int filesOf(String task) {
        return task(task, 1).files.id;
    }

    /** The open fds of a live task, ascending. */
    public List<Integer> openFds(String task) {
        Table t = task(task, 1).files;
        List<Integer> out = new ArrayList<>();
        for (int fd = 0; fd < t.capacity(); fd++) {
            if (t.fds[fd] != null) {
                out.add(fd);
            }
        }
        return out;
    }

    /** How many tasks use a table. */
    public int sharers(int table) {
        return (int) tasks.values().stream().filter(t -> t.files != null && t.files.id == table).count();
    }

    /** Outstanding hold references on a table. */
    public int holds(int table) {
        Table t = tables.get(table);
        return t == null ? 0 : t.holds;
    }

    /** Whether a file is still referenced. */
    public boolean fileAlive(int file) {
        SpecFile f = openedFiles.get(file);
        return f != null && f.alive();
    }

    /**
     * The index a correct core must hold now (per-fd index, docs/contracts.md#c6-the-per-fd-index-a-core-maintains): for every live
     * table, every fd whose file is oob-capable and that came in through
     * install or replace. fds copied by dup_fd (fork, unshare) are not in it:
     * no hook ever told the core about them.
     */
    public SortedMap<IndexKey, Integer> expectedIndex() {
        TreeMap<IndexKey, Integer> out = new TreeMap<>();
        for (Table t : tables.values()) {
            if (!t.alive()) {
                continue;
            }
            for (int fd = 0; fd < t.capacity(); fd++) {
                Slot s = t.fds[fd];
                if (s != null && s.announced && s.file.oob) {
                    out.put(new IndexKey(t.id, fd), s.file.id);
                }
            }
        }
        return out;
    }

    /** {@code T1:F1[0=#1 oob, 1=#2*] T2:F2[...]}: every live task's table; * marks close-on-exec. */
    public String describeTables() {
        StringBuilder sb = new StringBuilder();
        for (Task t : tasks.values()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.name).append(":F").append(t.files.id).append('[');
            boolean first = true;
            for (int fd = 0; fd < t.files.capacity(); fd++) {
                Slot s = t.files.fds[fd];
                if (s != null) {
                    sb.append(first ? "" : ", ").append(fd).append('=').append('#').append(s.file.id)
                            .append(s.file.oob ? " oob" : "").append(s.cloexec ? "*" : "");
                    first = false;
                }
            }
            sb.append(']');
        }
        return sb.toString();
    }

    /** Runs one operation; throws {@link OpException} if it cannot happen in the model. */
    public Outcome apply(Op op) {
        events = new ArrayList<>();
        try {
            String result = run(op);
            return new Outcome(result, Collections.unmodifiableList(events));
        } finally {
            lockedTable = null;
            preemptOff = 0;
            current = null;
        }
    }

    private String run(Op op) {
        if (op instanceof Op.Fork f) {
            Task parent = task(f.task(), 1);
            fresh(f.child(), 2);
            Table copy = dupFd(parent.files);
            tasks.put(f.child(), new Task(f.child(), copy));
            return f.child() + " with F" + copy.id;
        }
        if (op instanceof Op.CloneFiles c) {
            Task parent = task(c.task(), 1);
            fresh(c.child(), 2);
            parent.files.refs++;
            tasks.put(c.child(), new Task(c.child(), parent.files));
            note("no hook: " + c.child() + " shares F" + parent.files.id + " (" + parent.files.refs + " references)");
            return c.child() + " with F" + parent.files.id;
        }
        current = task(op.task(), 1);
        Table files = current.files;
        if (op instanceof Op.Open o) {
            if (o.resizing() && sharers(files.id) < 2) {
                throw new OpException("'resizing' needs another task sharing " + o.task()
                        + "'s table to be resizing it (clone-files first)", 3);
            }
            int fd = allocFd(files, 0);
            if (fd < 0) {
                return "EMFILE";
            }
            SpecFile file = new SpecFile(nextFile++, o.oob());
            openedFiles.put(file.id, file);
            fdInstall(files, fd, file, o.cloexec(), o.resizing());
            return "fd " + fd + " (file #" + file.id + (o.oob() ? " oob" : " plain") + ")";
        }
        if (op instanceof Op.Dup d) {
            return dupTo(files, d.fd(), 0, false);
        }
        if (op instanceof Op.DupFd d) {
            if (d.min() < 0 || d.min() >= MAX_FDS) {
                return "EINVAL";
            }
            return dupTo(files, d.fd(), d.min(), d.cloexec());
        }
        if (op instanceof Op.Dup2 d) {
            if (d.oldFd() == d.newFd()) {
                if (files.slot(d.oldFd()) == null) {
                    return "EBADF";
                }
                note("no hook: dup2 onto itself only checks that the fd is open");
                return "fd " + d.newFd();
            }
            return doDup2(files, d.oldFd(), d.newFd(), false);
        }
        if (op instanceof Op.Dup3 d) {
            if (d.oldFd() == d.newFd()) {
                return "EINVAL";
            }
            return doDup2(files, d.oldFd(), d.newFd(), d.cloexec());
        }
        if (op instanceof Op.Close c) {
            lock(files);
            Slot s = files.slot(c.fd());
            if (s == null) {
                unlock();
                return "EBADF";
            }
            files.fds[c.fd()] = null;
            call(Hook.UNINSTALL, Site.FILE_CLOSE_FD_LOCKED, c.fd(), s.file, files);
            unlock();
            fput(s.file);
            return "0";
        }
        if (op instanceof Op.CloseRange r) {
            if (r.lo() < 0 || r.hi() < 0 || r.lo() > r.hi()) {
                return "EINVAL";
            }
            int last = Math.min(r.hi(), files.capacity() - 1);
            if (r.cloexec()) {
                lock(files);
                for (int fd = r.lo(); fd <= last; fd++) {
                    if (files.fds[fd] != null) {
                        files.fds[fd].cloexec = true;
                    }
                }
                unlock();
                note("no hook: CLOSE_RANGE_CLOEXEC only sets close-on-exec");
                return "0";
            }
            lock(files);
            for (int fd = r.lo(); fd <= last; fd++) {
                Slot s = files.fds[fd];
                if (s != null) {
                    files.fds[fd] = null;
                    call(Hook.UNINSTALL, Site.FILE_CLOSE_FD_LOCKED, fd, s.file, files);
                    unlock();
                    fput(s.file);
                    lock(files);
                }
            }
            unlock();
            return "0";
        }
        if (op instanceof Op.Exec) {
            unshare(current, "exec: unshare_files()");
            files = current.files;
            lock(files);
            for (int fd = 0; fd < files.capacity(); fd++) {
                Slot s = files.fds[fd];
                if (s != null && s.cloexec) {
                    files.fds[fd] = null;
                    call(Hook.UNINSTALL, Site.DO_CLOSE_ON_EXEC, fd, s.file, files);
                    unlock();
                    fput(s.file);
                    lock(files);
                }
            }
            unlock();
            return "0";
        }
        if (op instanceof Op.Unshare) {
            if (!unshare(current, "unshare(CLONE_FILES)")) {
                note("no hook: F" + files.id + " is not shared, nothing to do");
            }
            return "0";
        }
        if (op instanceof Op.Exit) {
            // exit_files(): task_lock; current->files = NULL; task_unlock; put_files_struct()
            current.files = null;
            putFiles(files, Site.CLOSE_FILES_AT_EXIT);
            tasks.remove(current.name);
            return "exited";
        }
        if (op instanceof Op.Hold h) {
            Table t = table(h.files(), 2);
            t.refs++;
            t.holds++;
            note("no hook: " + h.task() + " holds a reference on F" + t.id + " (" + t.refs + " references)");
            return "0";
        }
        if (op instanceof Op.Drop d) {
            Table t = table(d.files(), 2);
            if (t.holds == 0) {
                throw new OpException("nobody holds a reference on F" + t.id + " (hold first)", 2);
            }
            t.holds--;
            putFiles(t, Site.CLOSE_FILES_BY_OTHER);
            return "0";
        }
        throw new IllegalArgumentException("unknown operation " + op);
    }

    private String dupTo(Table files, int oldFd, int min, boolean cloexec) {
        Slot s = files.slot(oldFd);
        if (s == null) {
            return "EBADF";
        }
        int fd = allocFd(files, min);
        if (fd < 0) {
            return min >= MAX_FDS ? "EINVAL" : "EMFILE";
        }
        s.file.refs++;
        fdInstall(files, fd, s.file, cloexec, false);
        return "fd " + fd;
    }

    private String doDup2(Table files, int oldFd, int newFd, boolean cloexec) {
        if (newFd < 0 || newFd >= MAX_FDS) {
            return "EBADF";
        }
        lock(files);
        if (newFd >= files.capacity()) {
            expand(files, newFd);
        }
        Slot old = files.slot(oldFd);
        if (old == null) {
            unlock();
            return "EBADF";
        }
        Slot tofree = files.fds[newFd];
        old.file.refs++;
        files.fds[newFd] = new Slot(old.file, cloexec, true);
        call(Hook.REPLACE, Site.DO_DUP2, newFd, old.file, files);
        unlock();
        if (tofree != null) {
            note("no hook: the old file #" + tofree.file.id + " of fd " + newFd
                    + " is closed after unlocking, without uninstall");
            fput(tofree.file);
        }
        return "fd " + newFd;
    }

    /** alloc_fd(): the lowest free fd from min, growing the table under file_lock. */
    private int allocFd(Table files, int min) {
        lock(files);
        try {
            for (int fd = min; fd < MAX_FDS; fd++) {
                if (fd >= files.capacity()) {
                    expand(files, fd);
                }
                if (files.fds[fd] == null) {
                    return fd;
                }
            }
            return -1;
        } finally {
            unlock();
        }
    }

    private void expand(Table files, int fd) {
        int size = files.capacity();
        while (size <= fd) {
            size *= 2;
        }
        Slot[] bigger = new Slot[Math.min(size, MAX_FDS)];
        System.arraycopy(files.fds, 0, bigger, 0, files.capacity());
        note("no hook: expand_files() grows F" + files.id + " from " + files.capacity() + " to " + bigger.length + " fds");
        files.fds = bigger;
    }

    /** fd_install(): the fast path under rcu_read_lock_sched(), or the slow path under file_lock while resizing. */
    private void fdInstall(Table files, int fd, SpecFile file, boolean cloexec, boolean resizing) {
        if (resizing) {
            note("another task sharing F" + files.id + " is resizing it: fd_install() takes the slow path");
            lock(files);
            files.fds[fd] = new Slot(file, cloexec, true);
            call(Hook.INSTALL, Site.FD_INSTALL_SLOWPATH, fd, file, files);
            unlock();
        } else {
            preemptOff++;
            files.fds[fd] = new Slot(file, cloexec, true);
            call(Hook.INSTALL, Site.FD_INSTALL, fd, file, files);
            preemptOff--;
        }
    }

    /** Unshares the task's table if it is shared (dup_fd, no hook); true if it did. */
    private boolean unshare(Task task, String why) {
        Table old = task.files;
        if (old.refs <= 1) {
            return false;
        }
        Table copy = dupFd(old);
        task.files = copy;
        note(why + ": " + task.name + " now uses F" + copy.id);
        putFiles(old, Site.CLOSE_FILES_BY_OTHER);
        return true;
    }

    /** dup_fd(): a copy of the open fds, each file gets a reference; no hook. */
    private Table dupFd(Table from) {
        Table copy = newTable();
        copy.fds = new Slot[from.capacity()];
        int n = 0;
        for (int fd = 0; fd < from.capacity(); fd++) {
            Slot s = from.fds[fd];
            if (s != null) {
                s.file.refs++;
                copy.fds[fd] = new Slot(s.file, s.cloexec, false);
                n++;
            }
        }
        note("no hook: dup_fd() copies F" + from.id + " into F" + copy.id + " (" + n + " fd" + (n == 1 ? "" : "s")
                + ", never installed)");
        return copy;
    }

    /** put_files_struct(): the last reference runs close_files(), without locks. */
    private void putFiles(Table files, Site site) {
        files.refs--;
        if (files.refs > 0) {
            note("no hook: F" + files.id + " still has " + files.refs + " reference" + (files.refs == 1 ? "" : "s"));
            return;
        }
        note("last reference to F" + files.id + " dropped: close_files()");
        for (int fd = 0; fd < files.capacity(); fd++) {
            Slot s = files.fds[fd];
            if (s != null) {
                call(Hook.UNINSTALL, site, fd, s.file, files);
                fput(s.file);
            }
        }
        files.fds = new Slot[0];
    }

    private void fput(SpecFile file) {
        file.refs--;
        if (file.refs == 0) {
            note("file #" + file.id + " released");
        }
    }

    private void call(Hook hook, Site site, int fd, SpecFile file, Table files) {
        CurrentFiles cur = current.files == null ? CurrentFiles.NULL
                : current.files == files ? CurrentFiles.SAME : CurrentFiles.OTHER;
        boolean fileLock = lockedTable == files;
        boolean preemptible = lockedTable == null && preemptOff == 0;
        HookCall call = new HookCall(hook, fd, file.ref(), files.id,
                new HookContext(site, fileLock, preemptible, cur, current.name));
        events.add(new Called(call));
        for (Consumer<HookCall> l : listeners) {
            l.accept(call);
        }
    }

    private void note(String text) {
        events.add(new Note(text));
    }

    private void lock(Table files) {
        if (lockedTable != null) {
            throw new IllegalStateException("file_lock taken twice");
        }
        lockedTable = files;
    }

    private void unlock() {
        lockedTable = null;
    }

    private Table newTable() {
        Table t = new Table(nextTable++);
        tables.put(t.id, t);
        return t;
    }

    private Task task(String name, int argument) {
        Task t = tasks.get(name);
        if (t == null) {
            throw new OpException("no task '" + name + "'" + (tasks.isEmpty() ? " (all tasks exited)"
                    : " (tasks: " + String.join(", ", tasks.keySet()) + ")"), argument);
        }
        return t;
    }

    private void fresh(String name, int argument) {
        if (tasks.containsKey(name)) {
            throw new OpException("task '" + name + "' already exists", argument);
        }
    }

    private Table table(int id, int argument) {
        Table t = tables.get(id);
        if (t == null || !t.alive()) {
            throw new OpException("no live table F" + id, argument);
        }
        return t;
    }
}
