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
        assertTrue(message("plain text".getBytes(StandardCharsets.UTF_8)).startsWith("not a dovelint kernel database"));
        assertTrue(message(gzip("something else\n")).startsWith("not a dovelint kernel database"));
        assertTrue(message(gzip("dovelint-kernel-db\t99\nfacts\t0\nend\tx\n")).startsWith(
                "kernel database of format version 99; this dovelint reads version 1"));
        String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(good))
                .readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(message(gzip(text.replace("kernel/foo.c:12", "kernel/foo.c:13"))).contains("checksum"));
        String[] lines = text.split("\n");
        String shorter = String.join("\n", Arrays.copyOf(lines, lines.length - 2)) + "\n" + lines[lines.length - 1]
                + "\n";
        assertTrue(message(gzip(shorter)).contains("truncated or corrupt"));
        assertTrue(message(new byte[0]).contains("truncated"));
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
