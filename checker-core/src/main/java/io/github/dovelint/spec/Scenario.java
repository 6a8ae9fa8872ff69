package io.github.dovelint.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario: operations, one per line, with their positions. The format:
 *
 * <pre>
 * # a comment; blank lines are ignored; a '#' starts a comment anywhere
 * open T1 oob            # open on an oob-capable driver -> lowest free fd
 * open T1 plain cloexec  # a plain file, close-on-exec
 * open T2 oob resizing   # T2's table is being resized by a sharer: slow path
 * dup T1 0
 * fcntl-dupfd T1 0 10 [cloexec]
 * dup2 T1 1 0
 * dup3 T1 1 0 [cloexec]
 * close T1 0
 * close-range T1 0 5 [cloexec]
 * fork T1 T2             # T2 gets a copy of T1's table
 * clone-files T1 T3      # T3 shares T1's table
 * unshare T3
 * exec T1
 * hold T2 F1             # T2 takes a reference on table F1 (a /proc reader)
 * drop T2 F1             # ... and drops it; the last reference closes F1
 * exit T1
 * </pre>
 *
 * The model starts with task {@code T1} and its table {@code F1}; tables are
 * numbered F1, F2, ... and files #1, #2, ... in creation order.
 */
public record Scenario(String source, List<Step> steps) {

    /** One operation and where it was written: its line and the column of each word. */
    public record Step(Op op, int line, int[] columns) {
        public int column(int argument) {
            return columns[Math.min(Math.max(argument, 0), columns.length - 1)];
        }
    }

    private static final Pattern TASK = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern FILES = Pattern.compile("F([0-9]{1,6})");

    /** The operation names, for help texts. */
    public static final List<String> OPERATIONS = List.of("open", "dup", "fcntl-dupfd", "dup2", "dup3", "close",
            "close-range", "exec", "fork", "clone-files", "unshare", "exit", "hold", "drop");

    /** Parses a scenario; {@code source} names it in error messages. */
    public static Scenario parse(String source, String text) throws ScenarioException {
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int hash = raw.indexOf('#');
            String body = hash >= 0 ? raw.substring(0, hash) : raw;
            List<String> words = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            Matcher m = Pattern.compile("\\S+").matcher(body);
            while (m.find()) {
                words.add(m.group());
                cols.add(m.start() + 1);
            }
            if (words.isEmpty()) {
                continue;
            }
            int[] columns = cols.stream().mapToInt(Integer::intValue).toArray();
            Line l = new Line(source, i + 1, words, columns, body.stripTrailing().length() + 1);
            steps.add(new Step(l.op(), i + 1, columns));
        }
        return new Scenario(source, List.copyOf(steps));
    }

    /** The scenario text of a list of operations. */
    public static String format(List<Op> ops) {
        StringBuilder sb = new StringBuilder();
        for (Op op : ops) {
            sb.append(op.line()).append('\n');
        }
        return sb.toString();
    }

    private static final class Line {
        final String source;
        final int line;
        final List<String> words;
        final int[] columns;
        final int end;

        Line(String source, int line, List<String> words, int[] columns, int end) {
            this.source = source;
            this.line = line;
            this.words = words;
            this.columns = columns;
            this.end = end;
        }

        ScenarioException error(int word, String message) {
            int col = word < words.size() ? columns[word] : end;
            return new ScenarioException(source, line, col, message);
        }

        Op op() throws ScenarioException {
            String name = words.get(0).toLowerCase(Locale.ROOT);
            return switch (name) {
                case "open" -> {
                    String task = task(1);
                    String kind = word(2, "oob or plain");
                    if (!kind.equals("oob") && !kind.equals("plain")) {
                        throw error(2, "expected oob or plain, found '" + kind + "'");
                    }
                    boolean cloexec = false;
                    boolean resizing = false;
                    for (int w = 3; w < words.size(); w++) {
                        switch (words.get(w)) {
                            case "cloexec" -> cloexec = true;
                            case "resizing" -> resizing = true;
                            default -> throw error(w, "expected cloexec or resizing, found '" + words.get(w) + "'");
                        }
                    }
                    yield new Op.Open(task, kind.equals("oob"), cloexec, resizing);
                }
                case "dup" -> done(2, new Op.Dup(task(1), fd(2)));
                case "fcntl-dupfd" -> new Op.DupFd(task(1), fd(2), fd(3), cloexec(4));
                case "dup2" -> done(3, new Op.Dup2(task(1), fd(2), fd(3)));
                case "dup3" -> new Op.Dup3(task(1), fd(2), fd(3), cloexec(4));
                case "close" -> done(2, new Op.Close(task(1), fd(2)));
                case "close-range" -> new Op.CloseRange(task(1), fd(2), fd(3), cloexec(4));
                case "exec" -> done(1, new Op.Exec(task(1)));
                case "fork" -> done(2, new Op.Fork(task(1), task(2)));
                case "clone-files" -> done(2, new Op.CloneFiles(task(1), task(2)));
                case "unshare" -> done(1, new Op.Unshare(task(1)));
                case "exit" -> done(1, new Op.Exit(task(1)));
                case "hold" -> done(2, new Op.Hold(task(1), files(2)));
                case "drop" -> done(2, new Op.Drop(task(1), files(2)));
                default -> throw error(0, "unknown operation '" + words.get(0) + "' (expected one of: "
                        + String.join(", ", OPERATIONS) + ")");
            };
        }

        Op done(int last, Op op) throws ScenarioException {
            if (words.size() > last + 1) {
                throw error(last + 1, "unexpected '" + words.get(last + 1) + "' after " + words.get(0) + "'s arguments");
            }
            return op;
        }

        String word(int i, String what) throws ScenarioException {
            if (i >= words.size()) {
                throw error(i, "missing " + what + " after '" + words.get(i - 1) + "'");
            }
            return words.get(i);
        }

        String task(int i) throws ScenarioException {
            String w = word(i, "task name");
            if (!TASK.matcher(w).matches()) {
                throw error(i, "expected a task name (like T1), found '" + w + "'");
            }
            return w;
        }

        int fd(int i) throws ScenarioException {
            String w = word(i, "number");
            if (!w.matches("[0-9]{1,9}")) {
                throw error(i, "expected a non-negative number, found '" + w + "'");
            }
            return Integer.parseInt(w);
        }

        int files(int i) throws ScenarioException {
            String w = word(i, "table (like F1)");
            Matcher m = FILES.matcher(w);
            if (!m.matches()) {
                throw error(i, "expected a table like F1, found '" + w + "'");
            }
            return Integer.parseInt(m.group(1));
        }

        boolean cloexec(int i) throws ScenarioException {
            if (i >= words.size()) {
                return false;
            }
            if (!words.get(i).equals("cloexec")) {
                throw error(i, "expected cloexec, found '" + words.get(i) + "'");
            }
            done(i, null);
            return true;
        }
    }
}
