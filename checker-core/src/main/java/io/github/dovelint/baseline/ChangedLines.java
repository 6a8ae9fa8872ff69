package io.github.dovelint.baseline;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines added or changed since a git ref, read with the {@code git}
 * binary: what a review gate ({@code --new-since origin/main}) compares against.
 *
 * <p>"Since the ref" means since the merge base of the ref and {@code HEAD}
 * (what a pull request changes, not what the target branch gained in the
 * meantime), and includes uncommitted changes in the working tree and
 * untracked files (not ignored ones), which count as entirely new. A file
 * only renamed has no changed lines. Deleted lines leave nothing to report.
 */
public final class ChangedLines {

    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");
    private static final long TIMEOUT_SECONDS = 120;

    private final String ref;
    private final Map<Path, BitSet> changed;
    private final Set<Path> whollyNew;

    private ChangedLines(String ref, Map<Path, BitSet> changed, Set<Path> whollyNew) {
        this.ref = ref;
        this.changed = changed;
        this.whollyNew = whollyNew;
    }

    /**
     * Asks git, in the repository containing {@code directory}, which lines
     * changed since {@code ref}.
     *
     * @throws IOException when git is missing, {@code directory} is not in a
     *                     work tree or {@code ref} is unknown, with git's own words
     */
    public static ChangedLines since(Path directory, String ref) throws IOException {
        if (ref == null || ref.isBlank() || ref.startsWith("-")) {
            throw new IOException("'" + ref + "' is not a git ref");
        }
        Path dir = directory.toAbsolutePath().normalize();
        Path top = Path.of(git(dir, "rev-parse", "--show-toplevel").strip()).toRealPath();
        String commit;
        try {
            commit = git(top, "rev-parse", "--verify", "--quiet", ref + "^{commit}").strip();
        } catch (IOException e) {
            throw new IOException("unknown git ref '" + ref + "' in " + top + " (fetch it first, e.g. git fetch origin)");
        }
        String base;
        try {
            base = git(top, "merge-base", commit, "HEAD").strip();
        } catch (IOException e) {
            base = commit; // no common history (or no HEAD yet): compare with the ref itself
        }
        String diff = git(top, "-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
                "--unified=0", "--find-renames", base, "--");
        Map<Path, BitSet> changed = parse(top, diff);
        Set<Path> untracked = new HashSet<>();
        for (String name : git(top, "ls-files", "--others", "--exclude-standard", "-z").split("\0")) {
            if (!name.isEmpty()) {
                untracked.add(top.resolve(name).normalize());
            }
        }
        return new ChangedLines(ref, changed, untracked);
    }

    static Map<Path, BitSet> parse(Path top, String diff) {
        Map<Path, BitSet> changed = new HashMap<>();
        BitSet current = null;
        for (String line : diff.split("\n")) {
            if (line.startsWith("+++ ")) {
                String name = line.substring(4);
                if (name.equals("/dev/null")) {
                    current = null;
                    continue;
                }
                name = unquote(name);
                if (name.startsWith("b/")) {
                    name = name.substring(2);
                }
                current = changed.computeIfAbsent(top.resolve(name).normalize(), k -> new BitSet());
            } else if (line.startsWith("@@") && current != null) {
                Matcher m = HUNK.matcher(line);
                if (m.find()) {
                    int start = Integer.parseInt(m.group(1));
                    int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                    if (count > 0) {
                        current.set(start, start + count);
                    }
                }
            }
        }
        return changed;
    }

    /** git quotes names with unusual characters C-style, even with core.quotepath off. */
    static String unquote(String name) {
        if (name.length() < 2 || name.charAt(0) != '"' || name.charAt(name.length() - 1) != '"') {
            return name;
        }
        String body = name.substring(1, name.length() - 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char n = body.charAt(++i);
            switch (n) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'v' -> bytes.write(11);
                default -> {
                    if (n >= '0' && n <= '7' && i + 2 < body.length()) {
                        bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
                        i += 2;
                    } else {
                        bytes.write(n);
                    }
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The ref this was computed against. */
    public String ref() {
        return ref;
    }

    /** Whether line {@code line} (1-based) of {@code file} (absolute) was added or changed. */
    public boolean contains(Path file, int line) {
        Path key = file.toAbsolutePath().normalize();
        if (whollyNew.contains(key)) {
            return true;
        }
        BitSet lines = changed.get(key);
        return lines != null && line > 0 && lines.get(line);
    }

    /**
     * {@code result} with only the findings whose primary location is on a
     * changed line; {@code root} is the root the findings' paths are relative to.
     */
    public AnalysisResult filter(AnalysisResult result, Path root) {
        Path base;
        try {
            base = root.toAbsolutePath().normalize().toRealPath();
        } catch (IOException e) {
            base = root.toAbsolutePath().normalize();
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (contains(base.resolve(f.location().file()), f.location().line())) {
                kept.add(f);
            }
        }
        return result.withFindings(kept);
    }

    private static String git(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run git (is it installed and on the PATH?): " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("git " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
        if (p.exitValue() != 0) {
            String message = new String(err.join(), StandardCharsets.UTF_8).strip();
            throw new IOException("git " + subcommand(args) + " failed in " + dir
                    + (message.isEmpty() ? "" : ": " + message));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The git subcommand among {@code args}: the first word that is neither an option nor a {@code -c} value. */
    private static String subcommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-c")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return "";
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
