package io.github.dovelint.rules.testing;

import io.github.dovelint.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The findings C sources expect, read from marks on the lines where they must
 * be reported (clang's {@code -verify}, Error Prone's
 * {@code // BUG: Diagnostic contains:}):
 *
 * <pre>
 * kfree(p);    /* expect: DL101 *&#47;
 * f(p);        // expect: DL101, DL104 "uses current-&gt;files"
 * </pre>
 *
 * A quoted text after a rule id must occur in that finding's message. The
 * comparison is a multiset of (file, line, rule): every mark reported, every
 * report marked. The samples test and the rule tests ({@link Check}) share it.
 */
public final class Expectations {

    private static final String ID = "DL\\d{3}(?:\\s*\"[^\"]*\")?";
    private static final Pattern MARK = Pattern.compile("expect:\\s*(" + ID + "(?:\\s*,\\s*" + ID + ")*)");
    private static final Pattern ONE = Pattern.compile("(DL\\d{3})(?:\\s*\"([^\"]*)\")?");

    /** One expected finding: its rule and a text its message must contain (empty: any). */
    public record Mark(String rule, String contains) implements Comparable<Mark> {
        @Override
        public int compareTo(Mark o) {
            int c = rule.compareTo(o.rule);
            return c != 0 ? c : contains.compareTo(o.contains);
        }
    }

    /** file:line to the marks there, sorted, with repeats. */
    private final Map<String, List<Mark>> expected = new TreeMap<>();

    private Expectations() {
    }

    /** The marks of every {@code .c} and {@code .h} file under {@code root}, by path relative to it. */
    public static Expectations read(Path root) throws IOException {
        Expectations e = new Expectations();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(Expectations::isSource).sorted().toList();
        }
        for (Path f : files) {
            e.add(root.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
        }
        return e;
    }

    /** The marks of sources given as texts, by name. */
    public static Expectations of(Map<String, String> files) {
        Expectations e = new Expectations();
        files.forEach(e::add);
        return e;
    }

    private void add(String file, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARK.matcher(lines[i]);
            while (m.find()) {
                Matcher one = ONE.matcher(m.group(1));
                while (one.find()) {
                    expected.computeIfAbsent(file + ":" + (i + 1), k -> new ArrayList<>())
                            .add(new Mark(one.group(1), one.group(2) == null ? "" : one.group(2)));
                }
            }
        }
        expected.values().forEach(l -> l.sort(null));
    }

    private static boolean isSource(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".c") || n.endsWith(".h");
    }

    /** The marks in files whose path starts with {@code prefix} and of the rules {@code rules} accepts. */
    public Expectations only(String prefix, Predicate<String> rules) {
        Expectations e = new Expectations();
        expected.forEach((k, v) -> {
            List<Mark> kept = v.stream().filter(m -> rules.test(m.rule())).toList();
            if (k.startsWith(prefix) && !kept.isEmpty()) {
                e.expected.put(k, new ArrayList<>(kept));
            }
        });
        return e;
    }

    /** The differences, one line each, empty when the findings match the marks exactly. */
    public List<String> compare(List<Finding> findings) {
        Map<String, List<Finding>> actual = new TreeMap<>();
        for (Finding f : findings) {
            actual.computeIfAbsent(f.location().file() + ":" + f.location().line(), k -> new ArrayList<>()).add(f);
        }
        List<String> diffs = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            List<Mark> want = new ArrayList<>(expected.getOrDefault(key, List.of()));
            List<Finding> extra = new ArrayList<>();
            for (Finding f : actual.getOrDefault(key, List.of())) {
                Mark match = want.stream().filter(m -> m.rule().equals(f.ruleId())
                        && f.message().contains(m.contains())).findFirst().orElse(null);
                if (match != null) {
                    want.remove(match);
                } else {
                    extra.add(f);
                }
            }
            for (Mark missing : want) {
                diffs.add(key + ": expected " + missing.rule()
                        + (missing.contains().isEmpty() ? "" : " containing \"" + missing.contains() + "\"")
                        + " but dovelint reported nothing for it");
            }
            for (Finding f : extra) {
                diffs.add(key + ": unexpected " + f.ruleId() + ": " + f.message());
            }
        }
        return diffs;
    }

    /** The number of marks. */
    public int count() {
        return expected.values().stream().mapToInt(List::size).sum();
    }
}
