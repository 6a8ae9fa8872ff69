package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.parse.CParser;
import io.github.dovelint.parse.ParseOptions;
import io.github.dovelint.parse.ParsedUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Composite expressions print as C from their parts, with the parentheses precedence needs. */
class RenderingTest {

    private static final Expr A = new Expr.Name("a");
    private static final Expr B = new Expr.Name("b");
    private static final Expr C = new Expr.Name("c");

    @Test
    void parenthesesOnlyWherePrecedenceNeedsThem() {
        assertEquals("a | b | c", new Expr.Binary("|", new Expr.Binary("|", A, B), C).text());
        assertEquals("a | (b | c)", new Expr.Binary("|", A, new Expr.Binary("|", B, C)).text());
        assertEquals("(a | b) & c", new Expr.Binary("&", new Expr.Binary("|", A, B), C).text());
        assertEquals("a | b & c", new Expr.Binary("|", A, new Expr.Binary("&", B, C)).text());
        assertEquals("a - (b - c)", new Expr.Binary("-", A, new Expr.Binary("-", B, C)).text());
        assertEquals("~(a | b)", new Expr.Unary("~", new Expr.Binary("|", A, B)).text());
        assertEquals("(a ? b : c) | a", new Expr.Binary("|", new Expr.Conditional(A, B, C), A).text());
        assertEquals("a ? b : c ? a : b",
                new Expr.Conditional(A, B, new Expr.Conditional(C, A, B)).text());
    }

    @Test
    void membersCallsAndUnaries() {
        Expr files = new Expr.Member(new Expr.Name("files"), "file_lock", false);
        assertEquals("files.file_lock", files.text());
        assertEquals("&files.file_lock", new Expr.Unary("&", files).text());
        Expr deref = new Expr.Unary("*", new Expr.Name("p"));
        assertEquals("(*p).oob_data", new Expr.Member(deref, "oob_data", false).text());
        assertEquals("kmalloc(sizeof(*e), GFP_KERNEL | __GFP_ZERO)", new Expr.Call("kmalloc",
                List.of(new Expr.Other("sizeof(*e)"), new Expr.Binary("|", new Expr.Name("GFP_KERNEL"),
                        new Expr.Name("__GFP_ZERO")))).text());
        assertEquals("fdt->fd[fd]->f_op", new Expr.Member(new Expr.Other("fdt->fd[fd]"), "f_op", true).text());
        assertEquals("(a[i + 1])->f", new Expr.Member(new Expr.Other("a[i + 1]"), "f", true).text());
        assertEquals("0x10 | a", new Expr.Binary("|", new Expr.Number(16, "0x10"), A).text());
    }

    @Test
    void longTextsAreCutAndDeepOnesElided() {
        List<Expr> args = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            args.add(new Expr.Name("argument_" + i));
        }
        String t = new Expr.Call("f", args).text();
        assertEquals(ExprBuilder.MAX_TEXT, t.length());
        assertTrue(t.startsWith("f(argument_0, argument_1, ") && t.endsWith("..."), t);
        Expr deep = A;
        for (int i = 0; i < 100; i++) {
            deep = new Expr.Unary("-", deep);
        }
        assertTrue(deep.text().endsWith("..."), deep.text());
    }

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "(GFP_KERNEL) | (__GFP_ZERO)#GFP_KERNEL | __GFP_ZERO",
        "(gfp_t)(GFP_KERNEL  |\t__GFP_NOWARN)#GFP_KERNEL | __GFP_NOWARN",
        "(flags & ~__GFP_DIRECT_RECLAIM)#flags & ~__GFP_DIRECT_RECLAIM",
        "((a | b) & c)#(a | b) & c",
        "(file) -> oob_data#file->oob_data",
        "&(files)->file_lock#&files->file_lock",
        "helper(x,1)#helper(x, 1)"})
    void sourceReadsBackInKernelStyle(String written, String printed) throws Exception {
        Path file = tmp.resolve("a.c");
        Files.writeString(file, "void f(void)\n{\n\tuse(" + written + ");\n}\n");
        ParsedUnit unit = new CParser(ParseOptions.defaults()).parse(file);
        SourcePositions positions = new SourcePositions(p -> "a.c", file.toString(), unit.text());
        UnitFacts facts = new FactExtractor(positions, Set.of("oob_data")).extract("a.c", unit.ast());
        assertEquals(printed, facts.functions().get(0).calls().get(0).arg(0).text());
    }
}
