package io.github.dovelint.kerneldb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.config.ConfigLoader;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.Problem;
import io.github.dovelint.yaml.ConfigException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class KernelDbTest {

    private static final List<DerivedFact> FACTS = List.of(
            new DerivedFact("foo_wait", "sleeps", "true", "calls msleep() at kernel/foo.c:12"),
            new DerivedFact("foo_alloc", "gfp-arg", "1", "calls kmalloc() at mm/foo.c:3"),
            new DerivedFact("foo_files", "uses", "current-files", "calls fget() at fs/foo.c:9"),
            new DerivedFact("foo_files", "uses", "current-mm", "uses current->mm at fs/foo.c:10"),
            new DerivedFact("kfree", "sleeps", "true", "made up, below the curated entry"));

    private static List<DerivedFact> reversed() {
        List<DerivedFact> out = new java.util.ArrayList<>(FACTS);
        java.util.Collections.reverse(out);
        return out;
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void roundTripsSortedAndDeterministic() throws Exception {
        KernelDbWriter.Encoded a = KernelDbWriter.encode(FACTS);
        KernelDbWriter.Encoded b = KernelDbWriter.encode(reversed());
        assertArrayEquals(a.bytes(), b.bytes());
        KernelDb db = KernelDbReader.decode(a.bytes(), "k.db");
        assertEquals(a.checksum(), db.checksum());
        assertEquals("foo_alloc", db.facts().get(0).function());
        FunctionSpec files = db.specs().get("foo_files");
        assertEquals(2, files.uses().size());
        assertEquals("calls msleep() at kernel/foo.c:12 in k.db", db.specs().get("foo_wait").why().orElseThrow());
        assertEquals(1, db.specs().get("foo_alloc").gfpArg().getAsInt());
    }

    private static String message(byte[] bytes) {
        ConfigException e = assertThrows(ConfigException.class, () -> KernelDbReader.decode(bytes, "k.db"));
        assertEquals(Problem.Kind.INPUT, e.kind());
        assertEquals("k.db", e.location().file());
        return e.detail();
    }

    @Test
    void badFilesAreErrorsNeverEmptyKnowledge() throws Exception {
        byte[] good = KernelDbWriter.encode(FACTS).bytes();
        assertTrue(message(Arrays.copyOf(good, good.length - 9)).contains("truncated"));
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertTrue(message(flipped).contains("corrupt"), "gzip's CRC-32 covers every byte");
        assertTrue(message("plain text".getBytes(StandardCharsets.UTF_8)).startsWith("not a dovelint kernel database"));
        assertTrue(message(gzip("something else\n")).startsWith("not a dovelint kernel database"));
        assertTrue(message(gzip("dovelint-kernel-db\t1\nfacts\t0\nend\tx\n")).startsWith(
                "kernel database of format version 1; this dovelint reads version 2"));
        String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(good))
                .readAllBytes(), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        String shorter = String.join("\n", Arrays.copyOf(lines, lines.length - 2)) + "\n" + lines[lines.length - 1]
                + "\n";
        assertTrue(message(gzip(shorter)).contains("truncated or corrupt"));
        assertTrue(message(gzip(text.replace("end\n", ""))).contains("truncated or corrupt"));
        assertTrue(message(gzip(text + "kfree\tsleeps\ttrue\tx\n")).contains("truncated or corrupt"));
        assertTrue(message(new byte[0]).contains("truncated"));
    }

    @Test
    void everyLineIsCheckedBeforeAnyLookup() throws Exception {
        String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                KernelDbWriter.encode(FACTS).bytes())).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("the kernel database is corrupt: unknown attribute 'sleepz'",
                message(gzip(text.replace("\tsleeps\ttrue\tcalls msleep", "\tsleepz\ttrue\tcalls msleep"))));
        assertEquals("the kernel database is corrupt: bad value 'maybe' for sleeps",
                message(gzip(text.replace("\tsleeps\ttrue\tcalls msleep", "\tsleeps\tmaybe\tcalls msleep"))));
        assertEquals("the kernel database is corrupt: facts out of order",
                message(gzip(text.replace("foo_alloc\t", "zzz\t"))));
        assertEquals("the kernel database is corrupt: bad function name",
                message(gzip(text.replace("foo_alloc\t", "foo alloc\t"))));
        assertEquals("the kernel database is corrupt: expected FUNCTION, ATTRIBUTE, VALUE and REASON",
                message(gzip(text.replace("\tcalls kmalloc() at", "\tcalls\tkmalloc() at"))));
        ConfigException e = assertThrows(ConfigException.class,
                () -> KernelDbReader.decode(gzip(text.replace("foo_alloc\t", "zzz\t")), "k.db"));
        assertEquals(4, e.location().line(), "the line where the order breaks, after zzz");
    }

    @Test
    void looksUpOneNameAmongItsNeighbours() throws Exception {
        KernelDb db = KernelDbReader.decode(KernelDbWriter.encode(List.of(
                new DerivedFact("a", "sleeps", "true", "r1"),
                new DerivedFact("a_b", "sleeps", "true", "r2"),
                new DerivedFact("a_b", "frees-arg", "0", "r3"),
                new DerivedFact("ab", "sleeps", "true", "r4"))).bytes(), "k.db");
        assertEquals(List.of("r3", "r2"), db.factsOf("a_b").stream().map(DerivedFact::reason).toList());
        assertEquals(List.of("r1"), db.factsOf("a").stream().map(DerivedFact::reason).toList());
        assertTrue(db.factsOf("a_").isEmpty());
        assertTrue(db.function("b").isEmpty());
        assertEquals(4, db.facts().size());
    }

    @Test
    void precedenceIsConfigurationThenCuratedThenDatabase() throws Exception {
        KernelDb db = KernelDbReader.decode(KernelDbWriter.encode(FACTS).bytes(), "k.db");
        KnowledgeBase curated = KnowledgeBase.bundled();
        KnowledgeBase kb = curated.withDatabase(db, db.checksum());
        assertTrue(kb.function("kfree").orElseThrow().knownNotToSleep(), "curated kernel.yml wins");
        assertTrue(kb.function("foo_wait").orElseThrow().maySleep(), "the database fills the gap");
        assertTrue(kb.declaredFunction("foo_wait").isEmpty(), "a body in the run wins over the database");
        assertFalse(kb.origin().equals(curated.origin()), "the origin covers the database");
        KnowledgeBase configured = ConfigLoader.parse(".dovelint.yml", """
                functions:
                  foo_wait: { sleeps: false }
                  foo_alloc: { why: "project reason" }
                """).knowledge(kb);
        assertTrue(configured.function("foo_wait").orElseThrow().knownNotToSleep(), "the configuration wins");
        FunctionSpec alloc = configured.function("foo_alloc").orElseThrow();
        assertEquals(1, alloc.gfpArg().getAsInt(), "field by field over the database's entry");
        assertEquals("project reason", alloc.why().orElseThrow());
        assertTrue(kb.function("unknown_fn").isEmpty());
    }
}
