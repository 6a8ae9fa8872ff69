package io.github.dovelint.rules;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile shapes: the flow rules must stay bounded and quiet on balanced code. */
class FlowAdversarialTest {

    @TempDir
    Path tmp;

    private static final String HOOK = "void install_inband_fd(unsigned int fd, struct file *file, "
            + "struct files_struct *files)\n";

    @Test
    void thousandsOfIndependentTestsStayFastAndBalanced() throws Exception {
        StringBuilder body = new StringBuilder("{\n\tstruct evl_file *ctx = file->oob_data;\n"
                + "\tif (!ctx)\n\t\treturn;\n");
        for (int i = 0; i < 1500; i++) {
            body.append("\tif (fd == ").append(i).append(") { spin_lock(&l); ctx->n").append(" += ").append(i)
                    .append("; spin_unlock(&l); } else if (v").append(i % 7).append(") goto out;\n");
        }
        body.append("out:\n\treturn;\n}\n");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            AnalysisResult r = Check.in(tmp).file("a.c", "static int v0, v1, v2, v3, v4, v5, v6;\n" + HOOK + body)
                    .only("DL106", "DL201", "DL301", "DL302", "DL303").verify();
            assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().startsWith("DL1")
                    || f.ruleId().startsWith("DL2")), r.findings().toString());
        });
    }

    @Test
    void deepNestingGotoSpaghettiAndMutualRecursion() throws Exception {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            deep.append("if (fd > ").append(i).append(") {");
        }
        deep.append("spin_lock(&l); spin_unlock(&l);");
        deep.append("}".repeat(300));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Check.in(tmp).file("a.c", """
                static void a(int n);
                static void b(int n) { if (n) a(n - 1); else rcu_read_lock(); }
                static void a(int n) { b(n); rcu_read_unlock(); }
                """ + HOOK + "{\n" + deep + """
                l1:	if (fd & 1) goto l3;
                l2:	if (fd & 2) goto l1;
                l3:	if (fd & 4) goto l2;
                	a(3);
                	fd = fd ? (fd > 1 ? (fd > 2 ? 3 : 2) : 1) : 0;
                }
                """).only("DL106", "DL201").verify());
    }
}
