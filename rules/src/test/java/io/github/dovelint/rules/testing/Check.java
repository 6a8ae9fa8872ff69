package io.github.dovelint.rules.testing;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test harness: writes C files into a directory, runs dovelint over it with
 * the bundled knowledge base and rules (found on the class path), and compares
 * the findings with the {@code expect: DL101} marks in the sources
 * ({@link Expectations}, as the samples do): every mark reported, every
 * report marked.
 */
public final class Check {

    private java.util.Set<String> only;

    /** Compares only findings (and marks) of these rules. */
    public Check only(String... ids) {
        only = java.util.Set.of(ids);
        return this;
    }

    private final Path dir;
    private final Map<String, String> files = new LinkedHashMap<>();
    private int threads = 1;

    private Check(Path dir) {
        this.dir = dir;
    }

    public static Check in(Path dir) {
        return new Check(dir);
    }

    public Check file(String name, String text) {
        files.put(name, text);
        return this;
    }

    public Check threads(int n) {
        threads = n;
        return this;
    }

    public AnalysisResult run() throws Exception {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        return Analyzer.builder().root(dir).path(dir).threads(threads).build().run();
    }

    /** The marks of the files written, restricted to {@link #only} when set. */
    public Expectations expectations() {
        return Expectations.of(files).only("", this::compared);
    }

    private boolean compared(String rule) {
        return only == null || only.contains(rule);
    }

    /** Runs and asserts that findings match the marks and that nothing failed to parse. */
    public AnalysisResult verify() throws Exception {
        AnalysisResult r = run();
        List<String> problems = new ArrayList<>();
        for (Problem p : r.problems()) {
            problems.add(p.location() + ": " + p.message());
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), problems, "parse problems");
        List<Finding> compared = r.findings().stream().filter(f -> compared(f.ruleId())).toList();
        org.junit.jupiter.api.Assertions.assertEquals("", String.join("\n", expectations().compare(compared)),
                () -> describe(r));
        return r;
    }

    public static String describe(AnalysisResult r) {
        StringBuilder sb = new StringBuilder("findings:\n");
        for (Finding f : r.findings()) {
            sb.append(f.location()).append(' ').append(f.ruleId()).append(' ').append(f.message()).append('\n');
        }
        return sb.toString();
    }

    public static String hooks(String install, String replace, String uninstall) {
        return "void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n{\n"
                + install + "\n}\n"
                + "void replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n{\n"
                + replace + "\n}\n"
                + "void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n{\n"
                + uninstall + "\n}\n";
    }
}
