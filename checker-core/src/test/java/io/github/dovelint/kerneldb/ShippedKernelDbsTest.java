package io.github.dovelint.kerneldb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.kb.KnowledgeBase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The databases that ship with dovelint (docs/kernel-db.md#shipped): each reads whole (so one
 * that is corrupt, truncated or of another format version fails the build), matches the digest
 * shipped.txt records, and says what reading the kernel's code says of a few well-known APIs.
 */
class ShippedKernelDbsTest {

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.1", "linux-6.12"})
    void readsWholeAndKnowsTheKernelsApis(String name) throws Exception {
        KernelDb db = KernelDbs.load(KernelDbChoice.shipped(name), name);
        assertTrue(db.facts().size() > 20_000, name + ": " + db.facts().size() + " facts");
        // may sleep: vfree() calls cond_resched() through __vunmap(); vmalloc() allocates with GFP_KERNEL
        assertTrue(db.function("vfree").orElseThrow().maySleep(), name);
        boolean noprof = name.equals("linux-6.12"); // Linux 6.10 renamed the allocators behind macros
        assertTrue(db.function(noprof ? "vmalloc_noprof" : "vmalloc").orElseThrow().maySleep(), name);
        // sleeps only when the mask allows direct reclaim: a GFP_ATOMIC allocation does not
        assertEquals(1, db.function(noprof ? "__kmalloc_noprof" : "__kmalloc").orElseThrow().gfpArg().getAsInt(),
                name);
        assertTrue(!db.function(noprof ? "__kmalloc_noprof" : "__kmalloc").orElseThrow().maySleep(), name);
        // callable in atomic context: no entry
        for (String atomic : new String[] {"complete", "wake_up_process", "call_rcu", "queue_work_on",
                "mod_timer", "kfree", "kmem_cache_free"}) {
            assertTrue(db.function(atomic).isEmpty(), name + ": " + atomic);
        }
        // 6.12's fput() "sleeps" through a branch its caller's test rules out (kb derive lists it as a
        // disagreement): the curated entry is above the database, so a run knows better
        KnowledgeBase kb = KnowledgeBase.bundled().withDatabase(db, db.checksum());
        assertTrue(kb.function("fput").orElseThrow().knownNotToSleep(), name);
    }

    @Test
    void shippedTxtRecordsEachDatabaseDigest() throws Exception {
        Map<String, String> recorded = new HashMap<>();
        try (InputStream in = KernelDbs.class.getResourceAsStream(KernelDbs.RESOURCES + "shipped.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t");
                    recorded.put(f[0], f[3]);
                }
            }
        }
        assertEquals(KernelDbChoice.SHIPPED.size(), recorded.size(), recorded::toString);
        for (String name : KernelDbChoice.SHIPPED) {
            byte[] file;
            try (InputStream in = KernelDbs.class.getResourceAsStream(KernelDbs.RESOURCES + name + ".kdb")) {
                file = in.readAllBytes();
            }
            assertEquals(KernelDbFormat.sha256(file), recorded.get(name), name + ": the file's digest");
            // a run takes the recorded digest as the database's identity rather than hashing the file
            assertEquals(recorded.get(name), KernelDbs.open(KernelDbChoice.shipped(name), name).identity(), name);
        }
    }
}
