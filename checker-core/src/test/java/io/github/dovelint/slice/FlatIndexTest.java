package io.github.dovelint.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FlatIndex} read from damaged bytes: refused, or answering without hanging. */
class FlatIndexTest {

    @TempDir
    Path tmp;

    @Test
    void aNameTableWithNoFreeSlotDoesNotMakeALookupLoopForEver() throws Exception {
        Files.writeString(tmp.resolve("a.c"), "void a(void) { b(); c(); }\n");
        FlatIndex flat = LexicalIndex.build(List.of(tmp.resolve("a.c")), List.of(), 1, true).layout();
        ByteBuffer copy = ByteBuffer.allocate(flat.layout().remaining()).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(flat.layout()).clear();
        int slotsAt = copy.getInt(12 + 8 * 2);
        int slots = copy.getInt(16 + 8 * 2);
        for (int k = 0; k < slots; k++) {
            copy.putInt(slotsAt + 4 * k, 1); // every slot taken, by the first symbol
        }
        FlatIndex damaged = FlatIndex.open(copy);
        assertEquals(0, damaged.find(damaged.name(0)), "the name that is there is found");
        assertEquals(-1, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> damaged.find("no_such_name")),
                "a name that is not there is not found, after one lap of the table");
    }
}
