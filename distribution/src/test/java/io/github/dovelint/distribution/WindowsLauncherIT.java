package io.github.dovelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bin/dovelint.bat, read as cmd reads it, since no cmd runs in the build (Wine, the one way
 * here, is hundreds of MB): the gotos and labels, the two ways cmd's parenthesized blocks break
 * (a variable set in a block reads its old value there without delayed expansion; an unquoted
 * path with a parenthesis, "C:\Program Files (x86)\...", ends the block), the error exits,
 * and the version parsing of its {@code for /f} lines applied to what Java 8 to 25 print.
 */
class WindowsLauncherIT {

    private static final Pattern EXPANSION = Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)(?::[^%]*)?%");
    private static final Pattern SET = Pattern.compile("(?i)\\bset \"?([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    static List<String> lines;

    @BeforeAll
    static void read() throws Exception {
        lines = Files.readString(Distribution.repository().resolve("distribution/src/bin/dovelint.bat")).lines()
                .map(String::strip).filter(l -> !l.toLowerCase(Locale.ROOT).startsWith("rem ")).toList();
    }

    /** The lines of each parenthesized block: from a line ending in "(" to the line starting with ")". */
    static List<List<String>> blocks() {
        List<List<String>> blocks = new ArrayList<>();
        List<String> open = null;
        for (String line : lines) {
            if (open == null && line.endsWith("(")) {
                open = new ArrayList<>();
            }
            if (open != null) {
                open.add(line);
                if (line.startsWith(")")) {
                    blocks.add(open);
                    open = null;
                }
            }
        }
        assertEquals(null, open, "every block is closed");
        return blocks;
    }

    /** Whether {@code at} in {@code line} is between double quotes. */
    static boolean quoted(String line, int at) {
        return line.substring(0, at).chars().filter(c -> c == '"').count() % 2 == 1;
    }

    @Test
    void theGotosAndTheLabelsMatch() {
        Set<String> labels = new HashSet<>();
        lines.stream().filter(l -> l.startsWith(":")).forEach(l -> labels.add(l.substring(1).toLowerCase(Locale.ROOT)));
        Set<String> gotos = new HashSet<>();
        Matcher m = Pattern.compile("(?i)\\bgoto ([A-Za-z]+)").matcher(String.join("\n", lines));
        while (m.find()) {
            gotos.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        assertEquals(labels, gotos, "every goto has its label, and every label is gone to");
        assertTrue(labels.size() >= 7, "the error paths are labels: " + labels);
    }

    @Test
    void blocksReadNoVariableTheySetAndQuoteEveryPath() {
        assertTrue(lines.stream().noneMatch(l -> l.toLowerCase(Locale.ROOT).contains("enabledelayedexpansion")),
                "without delayed expansion, which a '!' in a path would break");
        // the variables that may hold a path: JAVA_HOME and what is set from a path
        Set<String> paths = new HashSet<>(Set.of("JAVA_HOME"));
        for (String line : lines) {
            Matcher set = SET.matcher(line);
            if (set.find() && (set.group(2).contains("%~dp0") || expanded(set.group(2)).stream().anyMatch(paths::contains))) {
                paths.add(set.group(1));
            }
        }
        assertEquals(Set.of("JAVA_HOME", "DOVELINT_JAR", "DOVELINT_JAVA"), paths);
        List<List<String>> blocks = blocks();
        assertTrue(blocks.size() >= 2, "the version is parsed in blocks: " + blocks);
        for (List<String> block : blocks) {
            Set<String> setInBlock = new HashSet<>();
            block.forEach(l -> {
                Matcher set = SET.matcher(l);
                while (set.find()) {
                    setInBlock.add(set.group(1));
                }
            });
            for (String line : block) {
                Matcher m = EXPANSION.matcher(line);
                while (m.find()) {
                    assertTrue(!setInBlock.contains(m.group(1)), "%" + m.group(1) + "% is read in the block that sets"
                            + " it, where cmd has expanded it before: " + line);
                    assertTrue(!paths.contains(m.group(1)) || quoted(line, m.start()), "the path %" + m.group(1)
                            + "% unquoted in a block: " + line);
                }
            }
        }
    }

    private static List<String> expanded(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = EXPANSION.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyMessageGoesToStderrAndExitsWith2() {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        List<String> body = null;
        for (String line : lines) {
            if (line.startsWith(":")) {
                labels.put(line.substring(1), body = new ArrayList<>());
            } else if (body != null && !line.isEmpty()) {
                body.add(line);
            }
        }
        List<String> errors = List.of("noJar", "noJava", "noJavaInHome", "unknownVersion", "tooOld");
        for (String label : errors) {
            List<String> lines = labels.get(label);
            assertEquals(2, lines.size(), label + ": " + lines);
            assertTrue(lines.get(0).startsWith("echo dovelint: ") && lines.get(0).endsWith(" 1>&2"), lines.get(0));
            assertEquals("exit /b 2", lines.get(1));
        }
        assertTrue(WindowsLauncherIT.lines.contains("exit /b %ERRORLEVEL%"), "the run exits with Java's status");
    }

    /**
     * The two {@code for /f} lines as cmd applies them: the first takes the third token, split at
     * spaces, of the line with " version " (and drops its quotes, {@code %%~v}); the second splits
     * that at its delims and takes the first number, the second after "1.".
     */
    @Test
    void theVersionLinesOfJava8To25GiveTheirMajorVersion() {
        String text = String.join("\n", lines);
        Matcher versionLine = Pattern.compile("for /f \"tokens=(\\d)\" %%v in \\('call \"%DOVELINT_JAVA%\" -version"
                + " 2\\^>\\^&1 \\^\\| findstr /i /c:\" version \"'\\)").matcher(text);
        assertTrue(versionLine.find(), "the line that reads java -version");
        int token = Integer.parseInt(versionLine.group(1));
        Matcher numbers = Pattern.compile("for /f \"tokens=1,2 delims=([^\"]+)\" %%a in \\(\"%DOVELINT_JAVA_VERSION%\"\\)")
                .matcher(text);
        assertTrue(numbers.find(), "the line that splits the version");
        assertTrue(text.contains("if \"%%a\"==\"1\" set \"DOVELINT_MAJOR=%%b\""), "1.x is Java x");
        String delims = numbers.group(1);
        Map<String, String> said = Map.of(
                "java version \"1.8.0_392\"", "8",
                "openjdk version \"11.0.22\" 2024-01-16", "11",
                "openjdk version \"17.0.15\" 2025-04-15", "17",
                "openjdk version \"21.0.2-ea\" 2024-01-16", "21",
                "java version \"21.0.1\" 2023-10-17 LTS", "21",
                "openjdk version \"25\" 2025-09-16", "25",
                "openjdk version \"17-internal\" 2021-09-14", "17");
        said.forEach((line, major) -> {
            assertTrue(line.toLowerCase(Locale.ROOT).contains(" version "), line);
            String version = line.split(" +")[token - 1].replace("\"", "");
            String spaced = version;
            for (char d : delims.toCharArray()) {
                spaced = spaced.replace(d, ' '); // for /f: any delim ends a token, runs of them count once
            }
            String[] parts = spaced.strip().split(" +");
            assertEquals(major, parts[0].equals("1") ? parts[1] : parts[0], line);
        });
    }
}
