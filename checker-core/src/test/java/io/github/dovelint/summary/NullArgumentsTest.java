package io.github.dovelint.summary;

import static io.github.dovelint.engine.TestRun.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.engine.TestRun;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.ChainStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a function does only behind a NULL test of a pointer parameter happens only for a caller
 * passing a pointer (docs/kernel-db.md#null-arguments): 6.12's receive_fd(file, NULL, flags).
 */
class NullArgumentsTest {

    @TempDir
    Path tmp;

    private static final String GIVE = """
            static int give_fd(struct file *file, int *ufd)
            {
            	if (ufd)
            		msleep(1); /* SLEEP */
            	return 3;
            }
            static int give_or_stop(int *ufd, struct completion *done)
            {
            	if (!done)
            		return 0;
            	mutex_lock(0); /* LOCK */
            	return 1;
            }
            static int relay(struct file *file, int *ufd)
            {
            	return give_fd(file, ufd);
            }
            """;

    @Test
    void aCallerPassingNullNeverGetsThere() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", GIVE + hook("install_inband_fd") + """
                {
                	give_fd(file, NULL);
                	give_fd(file, 0);
                	relay(file, NULL);
                	give_or_stop(0, NULL);
                }
                """).run();
        assertEquals(List.of(), t.lines(), t::render);
    }

    @Test
    void aCallerPassingAPointerDoes() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", GIVE + hook("install_inband_fd") + """
                {
                	int fdv;

                	relay(file, &fdv);
                	give_or_stop(&fdv, file->private_data);
                }
                """).run();
        List<String> expected = new java.util.ArrayList<>(t.marked("SLEEP"));
        expected.addAll(t.marked("LOCK"));
        expected.sort(null);
        assertEquals(expected, t.lines(), t::render);
        List<String> steps = t.result.findings().get(0).chains().get(0).steps().stream()
                .map(ChainStep::description).toList();
        assertEquals(List.of("install_inband_fd() is the entry point",
                "install_inband_fd() calls relay() passing &fdv",
                "relay() calls give_fd() passing ufd",
                "msleep() may sleep: sleeps"), steps, t::render);
    }

    @Test
    void aParameterAssignedInTheBodyIsNotTrusted() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                static int reuse(int *ufd)
                {
                	if (!ufd)
                		ufd = default_slot();
                	if (ufd)
                		msleep(1); /* SLEEP */
                	return 0;
                }
                """ + hook("install_inband_fd") + " { reuse(NULL); }\n").run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
    }

    @Test
    void anEntryPointMayBeGivenAPointer() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", GIVE + hook("install_inband_fd") + " { }\n").run();
        Summaries s = new Summaries(t.graph(), KnowledgeBaseLoader.load("test.yml", TestRun.KB));
        assertEquals(1, s.reachedSites(t.function("give_fd"), Set.of(EffectKind.SLEEP)).size());
    }
}
