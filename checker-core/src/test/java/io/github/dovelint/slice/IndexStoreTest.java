package io.github.dovelint.slice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IndexStore}: an index kept between runs gives the slice a fresh scan gives, after
 * any change to a source or a header; a corrupt store is no store.
 */
class IndexStoreTest {

    @TempDir
    Path tmp;

    private final List<Path> sources = new ArrayList<>();
    private Path store;

    @BeforeEach
    void tree() throws Exception {
        write("seed.c", "#include \"seed.h\"\nvoid seed(void) { files_fdtable(f); LOCKED(); }\n");
        write("seed.h", "#define LOCKED() helper()\n");
        write("helper.c", "void helper(void) { rcu_read_lock(); }\n");
        write("caller.c", "void caller(void) { seed(); }\n");
        write("far.c", "void far(void) { printk(); }\n");
        sources.add(tmp.resolve("caller.c"));
        sources.add(tmp.resolve("far.c"));
        sources.add(tmp.resolve("helper.c"));
        sources.add(tmp.resolve("seed.c"));
        store = tmp.resolve("store/index.idx");
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(tmp.resolve(name), text);
    }

    private static final Slicer.Spec SPEC = new Slicer.Spec(List.of(), List.of("files_fdtable"), List.of(), List.of(),
            1, 2, List.of("rcu_read_lock"), false);

    private List<String> slice(LexicalIndex index) {
        BitSet b = new Slicer(index).slice(List.of(SPEC), List.of());
        List<String> out = new ArrayList<>();
        b.stream().forEach(i -> out.add(sources.get(i).getFileName().toString()));
        return out;
    }

    /** A run with the store: read it, build, write it back; its slice. */
    private List<String> storedRun() throws Exception {
        IndexStore.Stored previous = IndexStore.read(store, "k").orElse(null);
        LexicalIndex index = LexicalIndex.build(sources, List.of(), 2, true, previous, null);
        if (index.rebuilt()) {
            IndexStore.write(store, "k", index);
        }
        assertEquals(answers(LexicalIndex.build(sources, List.of(), 2, true)), answers(index),
                "the stored index and the files scanned since answer as a fresh scan");
        return slice(index);
    }

    private List<String> freshRun() {
        return slice(LexicalIndex.build(sources, List.of(), 2, true));
    }

    @Test
    void aStoredIndexGivesTheSliceOfAFreshScanAfterEachChange() throws Exception {
        assertEquals(List.of("caller.c", "helper.c", "seed.c"), storedRun());
        assertTrue(IndexStore.read(store, "k").isPresent());
        assertEquals(freshRun(), storedRun(), "nothing changed");
        write("far.c", "void far(void) { seed(); }\n");
        assertEquals(List.of("caller.c", "far.c", "helper.c", "seed.c"), storedRun(), "a new caller");
        assertEquals(freshRun(), storedRun());
        write("seed.h", "#define LOCKED() nothing()\n");
        assertEquals(List.of("caller.c", "far.c", "seed.c"), storedRun(), "the header changed: helper is no callee");
        assertEquals(freshRun(), storedRun());
    }

    @Test
    void aChangedSourceIsScannedAgainAndTheOthersComeFromTheStore() throws Exception {
        storedRun();
        IndexStore.Stored stored = IndexStore.read(store, "k").orElseThrow();
        byte[] before = stored.digest(tmp.resolve("far.c").toString());
        write("far.c", "void far(void) { printk(); }\n/* a comment */\n");
        LexicalIndex again = LexicalIndex.build(sources, List.of(), 2, true, stored, null);
        assertArrayEquals(before, again.digest(1), "same identifiers, same digest");
        write("far.c", "void far(void) { pr_info(); }\n");
        LexicalIndex changed = LexicalIndex.build(sources, List.of(), 2, true, stored, null);
        assertFalse(java.util.Arrays.equals(before, changed.digest(1)));
        assertNotEquals(stored.symbols(), changed.symbols().size(), "pr_info is a new symbol");
        assertEquals(1, changed.scannedAfresh(), "only far.c");
        assertFalse(changed.rebuilt(), "one file scanned again: the stored layout stays");
    }

    /**
     * Every question the slicer asks, answered by name (symbol and node numbers differ between
     * indexes): for each symbol, who defines, mentions and binds it, and what each node mentions.
     */
    private static java.util.SortedMap<String, String> answers(LexicalIndex index) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        String[] names = index.symbols().names();
        java.util.function.IntFunction<String> node = n -> index.file(n) + ":" + (index.name(n) < 0 ? "<file>"
                : names[index.name(n)]);
        for (int s = 0; s < names.length; s++) {
            java.util.List<String> row = new ArrayList<>();
            row.add("def " + sorted(java.util.Arrays.stream(index.definers(s)).mapToObj(node)));
            row.add("ref " + sorted(java.util.Arrays.stream(index.mentioners(s)).mapToObj(node)));
            row.add("bound " + sorted(java.util.Arrays.stream(index.boundTo(s)).mapToObj(f -> names[f])));
            row.add("binders " + sorted(java.util.Arrays.stream(index.binders(s)).mapToObj(String::valueOf)));
            row.add("members " + sorted(java.util.Arrays.stream(index.membersOf(s)).mapToObj(m -> names[m])));
            if (!row.equals(List.of("def []", "ref []", "bound []", "binders []", "members []"))) {
                out.put(names[s], row.toString());
            }
        }
        for (int n = 0; n < index.nodes(); n++) {
            if (index.file(n) >= 0) {
                out.put("node " + node.apply(n),
                        sorted(java.util.Arrays.stream(index.mentions(n)).mapToObj(m -> names[m])).toString());
            }
        }
        for (int f = 0; f < index.sources(); f++) {
            out.put("source " + f, index.unreadable(f) + " " + java.util.HexFormat.of().formatHex(
                    index.digest(f) == null ? new byte[0] : index.digest(f)) + " " + index.hasSuppression(f));
        }
        return out;
    }

    private static List<String> sorted(java.util.stream.Stream<String> s) {
        return s.sorted().toList();
    }

    @Test
    void manySourcesChangedLayTheIndexOutAnewFromTheStoreAndTheScans() throws Exception {
        sources.clear();
        for (int k = 0; k < 80; k++) {
            String name = String.format("f%02d.c", k);
            write(name, "void f" + k + "(void) { f" + (k + 1) + "(); }\n");
            sources.add(tmp.resolve(name));
        }
        storedRun();
        for (int k = 0; k < 70; k++) {
            write(String.format("f%02d.c", k), "void f" + k + "(void) { g" + k + "(); files_fdtable(x); }\n");
        }
        IndexStore.Stored stored = IndexStore.read(store, "k").orElseThrow();
        LexicalIndex index = LexicalIndex.build(sources, List.of(), 2, true, stored, null);
        assertEquals(70, index.scannedAfresh());
        assertTrue(index.rebuilt(), "more than 64 scanned again");
        assertEquals(answers(LexicalIndex.build(sources, List.of(), 2, true)), answers(index));
        IndexStore.write(store, "k", index);
        LexicalIndex again = LexicalIndex.build(sources, List.of(), 2, true, IndexStore.read(store, "k").orElseThrow(),
                null);
        assertEquals(0, again.scannedAfresh(), "the new layout was stored");
        assertEquals(answers(index), answers(again));
    }

    @Test
    void aSourceGoneOrAddedIsAnsweredForAsAFreshScanWould() throws Exception {
        storedRun();
        sources.remove(tmp.resolve("helper.c"));
        write("added.c", "void added(void) { files_fdtable(f); }\n");
        sources.add(0, tmp.resolve("added.c"));
        assertEquals(List.of("added.c", "caller.c", "seed.c"), storedRun());
    }

    @Test
    void aCorruptOrForeignStoreIsNoStore() throws Exception {
        storedRun();
        byte[] good = Files.readAllBytes(store);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        Files.write(store, flipped);
        assertTrue(IndexStore.read(store, "k").isEmpty(), "checksum");
        Files.write(store, good);
        assertTrue(IndexStore.read(store, "other key").isEmpty(), "key");
        Files.write(store, java.util.Arrays.copyOf(good, 10));
        assertTrue(IndexStore.read(store, "k").isEmpty(), "truncated");
        assertEquals(freshRun(), storedRun(), "rebuilt");
    }

    @Test
    void aStoreTruncatedAgainAndAgainWhileItIsReadIsAMissOrReadWhole() throws Exception {
        sources.clear();
        for (int k = 0; k < 300; k++) {
            String name = String.format("f%03d.c", k);
            write(name, "void f" + k + "(void) { f" + (k + 1) + "(); files_fdtable(x" + k + "); }\n");
            sources.add(tmp.resolve(name));
        }
        storedRun();
        byte[] good = Files.readAllBytes(store);
        IndexStore.Stored whole = IndexStore.read(store, "k").orElseThrow();
        java.util.SortedMap<String, String> expected = answers(LexicalIndex.build(sources, List.of(), 2, true));
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger truncations = new java.util.concurrent.atomic.AtomicInteger();
        Thread truncator = new Thread(() -> {
            java.util.Random random = new java.util.Random(19);
            while (!stop.get()) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(store,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    ch.truncate(random.nextInt(good.length));
                    truncations.incrementAndGet();
                    Thread.onSpinWait();
                    ch.write(java.nio.ByteBuffer.wrap(good), 0); // back to whole, in place
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        truncator.start();
        int hits = 0;
        try {
            for (int k = 0; k < 400; k++) {
                IndexStore.Stored stored = IndexStore.read(store, "k").orElse(null);
                if (stored != null) {
                    hits++;
                    assertEquals(whole.symbols(), stored.symbols());
                    if (k % 50 == 0) {
                        assertEquals(expected, answers(LexicalIndex.build(sources, List.of(), 1, true, stored, null)),
                                "a store read while it was truncated answers as a fresh scan");
                    }
                }
            }
        } finally {
            stop.set(true);
            truncator.join();
        }
        assertTrue(truncations.get() > 100, "the store was truncated while it was read: " + truncations);
        assertTrue(IndexStore.read(store, "k").isPresent(), "whole again: read (" + hits + " hits while truncated)");
    }
}
