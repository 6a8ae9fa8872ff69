package io.github.dovelint.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference tracker running alongside real C code: the samples' companion
 * core ({@code samples/evl-good/fdindex.c}) and a copy with the stale-replace
 * bug ({@code src/test/c/stale-replace/fdindex.c}) are compiled with the
 * machine's gcc against a user-space shim of the kernel types
 * ({@code src/test/c/shim}) and driven through {@code src/test/c/driver.c} by
 * spec-generated operation sequences; the core's index is compared with the
 * reference core's after every hook call, and with the invariants after every
 * operation. Skipped, saying so, only when gcc is absent.
 */
class CConformanceTest {

    static final Path C = Path.of("src/test/c");
    static final Path GOOD = Path.of("../samples/evl-good/fdindex.c");
    static final Path STALE = C.resolve("stale-replace/fdindex.c");
    static final Path OUT = Path.of("target/conformance");

    static final int SEQUENCES = 500;
    static final int LENGTH = 40;

    @BeforeAll
    static void needsGcc() {
        boolean gcc;
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            gcc = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            gcc = false;
        }
        if (!gcc) {
            System.err.println("[spec] gcc not found on PATH: the C conformance test (CConformanceTest) is SKIPPED");
        }
        Assumptions.assumeTrue(gcc, "gcc not found on PATH: the C conformance test is skipped");
    }

    static Path compile(String name, Path core) throws Exception {
        Files.createDirectories(OUT);
        Path exe = OUT.resolve(name).toAbsolutePath();
        List<String> cmd = List.of("gcc", "-std=gnu11", "-O1", "-Wall", "-Werror", "-Wno-unused-function",
                "-I", C.resolve("shim").toAbsolutePath().toString(),
                "-I", core.toAbsolutePath().getParent().toString(),
                "-I", GOOD.toAbsolutePath().getParent().toString(),
                "-DCORE_SOURCE=\"" + core.toAbsolutePath().normalize() + "\"",
                "-o", exe.toString(), C.resolve("driver.c").toAbsolutePath().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "gcc timed out");
        assertEquals(0, p.exitValue(), "gcc failed:\n" + String.join(" ", cmd) + "\n" + log);
        return exe;
    }

    /** Deterministic random sequences, in the jqwik property's ranges. */
    static List<List<RandomOps.Choice>> sequences(long seed) {
        Random r = new Random(seed);
        List<List<RandomOps.Choice>> out = new ArrayList<>();
        for (int s = 0; s < SEQUENCES; s++) {
            List<RandomOps.Choice> seq = new ArrayList<>();
            for (int i = 0; i < LENGTH; i++) {
                seq.add(new RandomOps.Choice(r.nextInt(RandomOps.KINDS), r.nextInt(8), r.nextInt(RandomOps.FDS), r.nextInt(RandomOps.FDS),
                        r.nextBoolean(), r.nextBoolean()));
            }
            out.add(seq);
        }
        return out;
    }

    static int hookCalls(List<RandomOps.Choice> seq) {
        Vfs vfs = new Vfs();
        int[] n = new int[1];
        vfs.listen(c -> n[0]++);
        RandomOps.Resolver resolver = new RandomOps.Resolver();
        for (RandomOps.Choice c : seq) {
            resolver.resolve(vfs, c).ifPresent(vfs::apply);
        }
        return n[0];
    }

    @Test
    void theSamplesCorePassesThousandsOfRandomSteps() throws Exception {
        Path exe = compile("evl-good", GOOD);
        int ops = 0;
        int calls = 0;
        try (ExternalCore core = new ExternalCore("evl-good (C)", List.of(exe.toString()))) {
            for (List<RandomOps.Choice> seq : sequences(20260101L)) {
                core.reset();
                Optional<RandomOps.Failure> f = RandomOps.run(seq, core, true);
                if (f.isPresent()) {
                    throw new AssertionError("step " + f.get().step() + ": " + f.get().message() + "\nscenario:\n"
                            + f.get().scenario());
                }
                ops += RandomOps.resolveAll(seq).size();
                calls += hookCalls(seq);
            }
        }
        System.out.println("[spec] C conformance: samples/evl-good/fdindex.c agrees with the reference after each of "
                + calls + " hook calls (" + ops + " operations, " + SEQUENCES + " random sequences)");
        assertTrue(calls >= 2000, "too few hook calls to mean anything: " + calls);
    }

    @Test
    void theStaleReplaceCoreIsReportedWithAShortScenario() throws Exception {
        Path exe = compile("stale-replace", STALE);
        try (ExternalCore core = new ExternalCore("stale-replace (C)", List.of(exe.toString()))) {
            List<RandomOps.Choice> failing = null;
            for (List<RandomOps.Choice> seq : sequences(20260101L)) {
                core.reset();
                if (RandomOps.run(seq, core, true).isPresent()) {
                    failing = seq;
                    break;
                }
            }
            assertTrue(failing != null, "the stale-replace bug was not found");
            List<RandomOps.Choice> minimal = RandomOps.minimize(failing, () -> {
                core.reset();
                return core;
            });
            core.reset();
            RandomOps.Failure f = RandomOps.run(minimal, core, true).orElseThrow();
            System.out.println("[spec] C conformance: stale-replace/fdindex.c diverges at step " + f.step() + ":\n"
                    + "    " + f.scenario().strip().replace("\n", "\n    ") + "\n  " + f.message());
            assertTrue(f.ops().size() <= ExpectCounterexample.MAX_OPS, "counterexample too long:\n" + f.scenario());
            assertTrue(f.scenario().contains("dup2") || f.scenario().contains("dup3"), f.scenario());
            assertTrue(f.message().contains("replace("), f.message());
        }
    }
}
