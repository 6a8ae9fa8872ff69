package io.github.dovelint.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderCacheTest {

    @TempDir
    Path tmp;

    private String header(String name, int chars) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, "x".repeat(chars - 1) + "\n");
        return p.toString();
    }

    @Test
    void keepsHeadersUntilFullThenStartsAfresh() throws Exception {
        String a = header("a.h", 40);
        String b = header("b.h", 40);
        String c = header("c.h", 40);
        HeaderCache cache = new HeaderCache(100);

        char[] first = cache.get(a);
        assertSame(first, cache.get(a), "a header is read once while it is cached");
        cache.get(b);
        assertEquals(80, cache.cachedChars());

        char[] third = cache.get(c);
        assertEquals(40, cache.cachedChars(), "over the limit: only the newest header is kept");
        assertSame(third, cache.get(c));
        char[] again = cache.get(a);
        assertArrayEquals(first, again, "an evicted header reads back the same");
        assertTrue(cache.exists(b));
    }

    @Test
    void absentHeadersCostNothingAndStayAbsent() {
        HeaderCache cache = new HeaderCache(100);
        String missing = tmp.resolve("missing.h").toString();
        assertNull(cache.get(missing));
        assertEquals(0, cache.cachedChars());
        assertTrue(!cache.exists(missing));
    }
}
