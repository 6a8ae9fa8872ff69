package io.github.dovelint.samples;

import io.github.dovelint.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The findings a sample tree expects, read from {@code expect: DL101, DL104}
 * marks on the lines where they must be reported (clang's {@code -verify},
 * Error Prone's {@code // BUG: Diagnostic contains:}), and the comparison
 * with what dovelint reported: every mark must be reported and every report
 * must be marked, as a multiset of (file, line, rule).
 */
final class Expectations {

    private static final Pattern MARK = Pattern.compile("expect:\\s*(DL\\d{3}(?:\\s*,\\s*DL\\d{3})*)");

    /** file:line -> rule ids expected there (sorted, with repeats). */
    final Map<String, List<String>> expected = new TreeMap<>();

    static Expectations read(Path root) throws IOException {
        Expectations e = new Expectations();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(Expectations::isSource).sorted().toList();
        }
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARK.matcher(lines.get(i));
                while (m.find()) {
                    for (String id : m.group(1).split(",")) {
                        e.expected.computeIfAbsent(rel + ":" + (i + 1), k -> new ArrayList<>()).add(id.strip());
                    }
                }
            }
        }
        e.expected.values().forEach(l -> l.sort(null));
        return e;
    }

    private static boolean isSource(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".c") || n.endsWith(".h");
    }

    /** The differences, one line each, empty when the findings match the marks exactly. */
    List<String> compare(List<Finding> findings) {
        Map<String, List<Finding>> actual = new TreeMap<>();
        for (Finding f : findings) {
            actual.computeIfAbsent(f.location().file() + ":" + f.location().line(), k -> new ArrayList<>()).add(f);
        }
        List<String> diffs = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            List<String> want = new ArrayList<>(expected.getOrDefault(key, List.of()));
            List<Finding> got = actual.getOrDefault(key, List.of());
            List<Finding> extra = new ArrayList<>();
            for (Finding f : got) {
                if (!want.remove(f.ruleId())) {
                    extra.add(f);
                }
            }
            for (String missing : want) {
                diffs.add(key + ": expected " + missing + " but dovelint reported nothing for it");
            }
            for (Finding f : extra) {
                diffs.add(key + ": unexpected " + f.ruleId() + ": " + f.message());
            }
        }
        return diffs;
    }

    int count() {
        return expected.values().stream().mapToInt(List::size).sum();
    }
}
