package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.dovelint.parse.CParser;
import io.github.dovelint.parse.ParseOptions;
import io.github.dovelint.parse.ParsedUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDefinitionsTest {

    @TempDir
    Path tmp;

    private final CParser parser = new CParser(ParseOptions.defaults());

    private UnitFacts extract(String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        ParsedUnit unit = parser.parse(file);
        SourcePositions positions = new SourcePositions(p -> tmp.relativize(Path.of(p)).toString(),
                file.toString(), unit.text());
        return new FactExtractor(positions, Set.of("oob_data")).extract(name, unit.ast());
    }

    private static FunctionFacts function(UnitFacts unit, String name) {
        return unit.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void equalHeaderCopiesBecomeOneAndDifferentOnesStay() throws Exception {
        Files.writeString(tmp.resolve("ops.h"), """
                static inline int twice(int x)
                {
                	return helper(x) * 2;
                }
                """);
        UnitFacts a = extract("a.c", "#include \"ops.h\"\nint a(void) { return twice(1); }\n");
        UnitFacts b = extract("b.c", "#include \"ops.h\"\nint b(void) { return twice(2); }\n");
        UnitFacts c = extract("c.c", "#define helper other\n#include \"ops.h\"\nint c(void) { return twice(3); }\n");
        assertNotSame(function(a, "twice"), function(b, "twice"), "each unit extracts its own copy");

        SharedDefinitions shared = new SharedDefinitions();
        UnitFacts sa = shared.share(a);
        UnitFacts sb = shared.share(b);
        UnitFacts sc = shared.share(c);

        assertSame(function(sa, "twice"), function(sb, "twice"));
        assertEquals(function(b, "twice"), function(sb, "twice"));
        assertNotEquals(function(sa, "twice"), function(sc, "twice"), "the other macro gives other facts");
        assertEquals("other", function(sc, "twice").calls().get(0).callee().display());
        assertEquals(2, shared.size());
        assertSame(a, sa, "the first unit is unchanged");
        assertSame(function(b, "b"), function(sb, "b"), "a unit's own functions are left alone");
        assertEquals(b.functions().stream().map(FunctionFacts::id).toList(),
                sb.functions().stream().map(FunctionFacts::id).toList());
        assertEquals(null, shared.share(null));
    }
}
