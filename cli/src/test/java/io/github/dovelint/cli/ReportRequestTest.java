package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several {@code --format X --output F} pairs in one {@code check} run. */
class ReportRequestTest {

    private static final String SUMMARY = "dovelint: 1 error, 0 warnings, 0 notes in 1 file\n";

    @TempDir
    Path dir;

    @BeforeEach
    void sleepingHook() throws IOException {
        Files.writeString(dir.resolve("hook.c"), CheckCommandTest.SLEEPING_HOOK, StandardCharsets.UTF_8);
    }

    private Cli.Result check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--root", dir.toString(), "--no-cache"));
        args.addAll(Arrays.asList(extra));
        args.add(dir.resolve("hook.c").toString());
        return Cli.run(args.toArray(String[]::new));
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void eachPairWritesItsReportAndTheOneWithoutOutputGoesToStdout() throws IOException {
        byte[] sarif = check("--format", "sarif", "--sarif-category", "gen3").outBytes();
        byte[] json = check("--format", "json").outBytes();
        Cli.Result github = check("--format", "github");

        Cli.Result r = check("--format", "sarif", "--output", file("out/dovelint.sarif"),
                "--format", "github",
                "--sarif-category", "gen3",
                "--format", "json", "-o", file("out/dovelint.json"));

        assertEquals(1, r.exit(), r::toString);
        assertArrayEquals(sarif, Files.readAllBytes(dir.resolve("out/dovelint.sarif")), "the same SARIF report");
        assertArrayEquals(json, Files.readAllBytes(dir.resolve("out/dovelint.json")), "the same JSON report");
        assertArrayEquals(github.outBytes(), r.outBytes(), "the github report on stdout");
        assertTrue(r.out().startsWith("::error file=hook.c,line=4,col=90,title=DL101 "), r::toString);
        assertTrue(r.err().endsWith(SUMMARY), "no text report on stdout: the summary on stderr\n" + r);
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(2, files.count(), "two reports and no temporary file");
        }
    }

    @Test
    void anOutputBelongsToTheFormatWrittenNextToIt() throws IOException {
        Cli.Result r = check("--output", file("a.json"), "--format", "json",
                "--format", "checkstyle", "--output", file("b.xml"));
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(Files.readString(dir.resolve("a.json")).startsWith("{"), "json before its --format");
        assertTrue(Files.readString(dir.resolve("b.xml")).contains("<checkstyle"), "checkstyle after its --format");
    }

    @Test
    void aTextReportOnStdoutKeepsTheSummaryThere() throws IOException {
        Cli.Result r = check("--format", "json", "--output", file("r.json"), "--format", "text");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith(CheckCommandTest.FIRST_LINE + "\n"), r::toString);
        assertTrue(r.out().endsWith(SUMMARY), r::toString);
        assertFalse(r.err().contains(SUMMARY), "the summary once, in the text report\n" + r);
        assertTrue(Files.readString(dir.resolve("r.json")).startsWith("{"));
    }

    @Test
    void aRepeatedOutputOpensTheNextPair() throws IOException {
        // "--output r.txt" opens a second pair, which the "--format html" after it completes
        Cli.Result r = check("--format", "json", "--output", file("r.json"), "--output", file("r.html"),
                "--format", "html", "--output", file("r.txt"));
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().endsWith(SUMMARY), r::toString);
        assertTrue(Files.readString(dir.resolve("r.json")).startsWith("{"));
        assertTrue(Files.readString(dir.resolve("r.html")).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(dir.resolve("r.txt")).startsWith(CheckCommandTest.FIRST_LINE + "\n"),
                "an --output without a --format is a text report");
    }

    @Test
    void twoReportsToStdoutIsAUsageErrorBeforeAnythingIsWritten() {
        Cli.Result r = check("--format", "sarif", "--output", file("r.sarif"), "--format", "github",
                "--format", "json");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("dovelint: only one report can go to standard output, but --format github and --format json"
                + " have no --output FILE (give each format but one its own --output)\n"
                + "Try 'dovelint check --help' for more information.\n", r.err(), r::toString);
        assertFalse(Files.exists(dir.resolve("r.sarif")), "no report when the command line is wrong");
    }

    @Test
    void twoReportsToOneFileIsAUsageError() {
        Cli.Result r = check("--format", "sarif", "--output", file("r"), "--format", "json", "--output",
                dir.resolve("sub/../r").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dovelint: two reports to one file: '--format sarif --output "), r::toString);
        assertFalse(Files.exists(dir.resolve("r")), r::toString);
    }

    @Test
    void anUnknownFormatAmongSeveralIsNamed() {
        Cli.Result r = check("--format", "json", "--output", file("r.json"), "--format", "yaml");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dovelint: unknown format 'yaml' for --format (expected one of: text,"),
                r::toString);
    }

    @Test
    void aReportThatCannotBeWrittenFailsTheRunButNotTheOthers() throws IOException {
        Files.createDirectories(dir.resolve("taken"));
        Cli.Result r = check("--format", "json", "--output", file("taken"), "--format", "sarif", "--output",
                file("r.sarif"));
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dovelint: cannot write the report to " + file("taken") + ": "), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        assertTrue(Files.readString(dir.resolve("r.sarif")).contains("\"DL101\""), "the other report is written");
    }
}
