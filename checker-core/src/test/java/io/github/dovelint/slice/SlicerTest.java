package io.github.dovelint.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Slicer}: starting points, callers and callees to the levels asked, filters, members. */
class SlicerTest {

    @TempDir
    Path tmp;

    private final Map<String, String> files = new TreeMap<>();
    private final List<Path> paths = new ArrayList<>();

    private void file(String name, String text) {
        files.put(name, text);
    }

    /** The files of the slice, by name. */
    private TreeSet<String> slice(List<Slicer.Spec> specs, List<Slicer.Confirmed> confirmed) throws Exception {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = tmp.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
            if (!paths.contains(p)) {
                paths.add(p);
            }
        }
        paths.sort(null);
        LexicalIndex index = LexicalIndex.build(paths, List.of(), 2, false);
        BitSet chosen = new Slicer(index).slice(specs, confirmed);
        TreeSet<String> out = new TreeSet<>();
        chosen.stream().forEach(i -> out.add(tmp.relativize(paths.get(i)).toString()));
        return out;
    }

    private static Slicer.Spec spec(List<String> defines, List<String> mentions, int callers, int callees,
                                    List<String> filter, boolean members) {
        return new Slicer.Spec(defines, mentions, List.of(), List.of(), callers, callees, filter, members);
    }

    private void chain() {
        file("seed.c", "void seed(void) { files_fdtable(f); helper(); }\n");
        file("up1.c", "void up1(void) { seed(); }\n");
        file("up2.c", "void up2(void) { up1(); }\n");
        file("up3.c", "void up3(void) { up2(); }\n");
        file("helper.c", "void helper(void) { deeper(); }\n");
        file("deeper.c", "void deeper(void) { rcu_read_lock(); }\n");
        file("plain.c", "void plain(void) { }\nvoid up1_other(void) { plain(); }\n");
        file("unrelated.c", "void unrelated(void) { printk(); }\n");
    }

    @Test
    void callersToTheLevelsAsked() throws Exception {
        chain();
        assertEquals(new TreeSet<>(List.of("seed.c", "up1.c", "up2.c")),
                slice(List.of(spec(List.of(), List.of("files_fdtable"), 2, 0, List.of(), false)), List.of()));
        assertEquals(new TreeSet<>(List.of("seed.c", "up1.c", "up2.c", "up3.c")),
                slice(List.of(spec(List.of(), List.of("files_fdtable"), -1, 0, List.of(), false)), List.of()));
    }

    @Test
    void calleesThatCanMatterOnly() throws Exception {
        chain();
        // helper reaches rcu_read_lock one call down: within two levels, not within one
        assertEquals(new TreeSet<>(List.of("seed.c", "helper.c", "deeper.c")),
                slice(List.of(spec(List.of("seed"), List.of(), 0, 2, List.of("rcu_read_lock"), false)), List.of()));
        assertEquals(new TreeSet<>(List.of("seed.c")),
                slice(List.of(spec(List.of("seed"), List.of(), 0, 1, List.of("rcu_read_lock"), false)), List.of()));
        assertEquals(new TreeSet<>(List.of("seed.c", "helper.c", "deeper.c")),
                slice(List.of(spec(List.of("seed"), List.of(), 0, -1, List.of(), true)), List.of()));
    }

    @Test
    void membersAreFollowedOnlyWhenAsked() throws Exception {
        file("seed.c", "void seed(struct ops *o) { o->release(o); }\n");
        file("table.c", "static const struct ops t = { .release = rel };\n");
        file("rel.c", "void rel(struct ops *o) { rcu_read_lock(); }\n");
        assertEquals(new TreeSet<>(List.of("seed.c", "rel.c")),
                slice(List.of(spec(List.of("seed"), List.of(), 0, -1, List.of(), true)), List.of()));
        assertEquals(new TreeSet<>(List.of("seed.c")),
                slice(List.of(spec(List.of("seed"), List.of(), 0, 2, List.of("rcu_read_lock"), false)), List.of()));
    }

    @Test
    void theFilesThatBindAFunctionComeWithIt() throws Exception {
        file("seed.c", "int handler(void) { files_fdtable(f); return 0; }\n");
        file("fops.c", "static const struct file_operations fops = { .open = handler };\n");
        file("other.c", "int other(void) { return 0; }\n");
        assertEquals(new TreeSet<>(List.of("seed.c", "fops.c")),
                slice(List.of(spec(List.of(), List.of("files_fdtable"), 0, 0, List.of(), false)), List.of()));
    }

    @Test
    void patternsConjunctionsAndHeaders() throws Exception {
        file("a.c", "void a(void) { x = fdt->fd[i]; }\n");
        file("b.c", "void b(void) { x = fd; y = fdt; }\n");
        file("c.c", "#include \"c.h\"\nvoid c(void) { LOOKUP(); }\n");
        file("c.h", "#define LOOKUP() new_fdt->fd[0]\n");
        assertEquals(new TreeSet<>(List.of("a.c", "c.c")),
                slice(List.of(spec(List.of(), List.of("fd[+fdt", "fd[+*_fdt"), 0, 0, List.of(), false)), List.of()),
                "b.c mentions fd but does not index it; c.c does through its header's macro");
    }

    @Test
    void confirmedStartingPointsAndUnreadableFiles() throws Exception {
        file("writer.c", "void writer(struct file *f) { f->oob_data = 0; }\n");
        file("opener.c", "int opener(struct file *f) { writer(f); return 0; }\n");
        file("bt.c", "void bt(struct hci *h) { h->oob_data = 0; }\n");
        Path binary = tmp.resolve("blob.c");
        Files.write(binary, new byte[] {'i', 0, 1});
        paths.add(binary);
        Slicer.Spec oob = new Slicer.Spec(List.of(), List.of(), List.of("oob_data"), List.of(), -1, 0, List.of(),
                true);
        // sorted: blob.c, bt.c, opener.c, writer.c
        TreeSet<String> sliced = slice(List.of(oob), List.of(new Slicer.Confirmed(3, "writer")));
        assertEquals(new TreeSet<>(List.of("blob.c", "opener.c", "writer.c")), sliced,
                "bt.c mentions oob_data but the facts did not confirm it; blob.c is for the parser to report");
    }
}
