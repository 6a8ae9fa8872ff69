package io.github.dovelint.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AmbiguousCalls}: {@code f(g(a, b));} with names the file does not declare is read
 * as the call it spells, where it is written; a declaration that can be one stays one.
 */
class AmbiguousCallsTest {

    @TempDir
    Path tmp;

    /** Each statement of the file's functions: its kind, its text, and for a call its callee's and its place. */
    private List<String> statements(String body) throws Exception {
        Path file = Files.writeString(tmp.resolve("t.c"), "typedef int evl_t;\nvoid f(int declared)\n{\n"
                + body + "}\n");
        ParsedUnit unit = new CParser(ParseOptions.defaults()).parse(file);
        List<String> out = new ArrayList<>();
        unit.ast().accept(new ASTVisitor() {
            {
                shouldVisitStatements = true;
            }

            @Override
            public int visit(IASTStatement s) {
                if (s instanceof IASTExpressionStatement e && e.getExpression() instanceof IASTFunctionCallExpression c) {
                    IASTFileLocation at = c.getFileLocation();
                    IASTFileLocation arg = c.getArguments()[0].getFileLocation();
                    out.add("call " + c.getFunctionNameExpression().getRawSignature() + "("
                            + c.getArguments()[0].getRawSignature() + ") at " + at.getStartingLineNumber() + ":"
                            + at.getNodeOffset() + "+" + at.getNodeLength() + ", argument at " + arg.getNodeOffset()
                            + "+" + arg.getNodeLength());
                } else if (s instanceof IASTDeclarationStatement) {
                    out.add("declaration " + s.getRawSignature());
                }
                return PROCESS_CONTINUE;
            }
        });
        return out;
    }

    @Test
    void aCallWithUndeclaredNamesIsACallWhereItIsWritten() throws Exception {
        // "typedef int evl_t;\nvoid f(int declared)\n{\n" is 42 characters: the statement starts at 43
        assertEquals(List.of("call spin_lock(sb_bgl_lock(sbi, group)) at 4:43+34, argument at 53+23"),
                statements("\tspin_lock(sb_bgl_lock(sbi, group));\n"));
    }

    @Test
    void inAnIfOrALoopToo() throws Exception {
        // the if's line is 15 characters, the call's 26, the for's 10
        assertEquals(List.of("call mutex_lock(lock_of(x)) at 5:59+22, argument at 70+10",
                        "call msleep(delay(A, B)) at 7:95+19, argument at 102+11"),
                statements("\tif (declared)\n\t\tmutex_lock(lock_of(x));\n\tfor (;;)\n\t\tmsleep(delay(A, B));\n"));
    }

    @Test
    void aDeclarationThatCanBeOneStaysOne() throws Exception {
        assertEquals(List.of("declaration evl_t (seq);", "declaration u32 (count);",
                        "declaration mutex_lock(lock_of(int, y));", "declaration static f2(g(x, y));",
                        "declaration f3(*g(x, y));", "declaration f4(g(x, y)) = 0;"),
                statements("\tevl_t (seq);\n\tu32 (count);\n\tmutex_lock(lock_of(int, y));\n"
                        + "\tstatic f2(g(x, y));\n\tf3(*g(x, y));\n\tf4(g(x, y)) = 0;\n"));
    }
}
