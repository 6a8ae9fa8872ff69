package io.github.dovelint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.IdleRules;
import io.github.dovelint.report.JsonReport;
import io.github.dovelint.report.TextReport;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that gives some rules nothing to look at says so, from a cold run and from a replayed one. */
class IdleRulesTest {

    @TempDir
    Path tmp;

    private static final String DRIVER = """
            #include <linux/fs.h>
            static int d_open(struct inode *i, struct file *f)
            {
            	f->oob_data = f;
            	return 0;
            }
            static int d_release(struct inode *i, struct file *f)
            {
            	f->oob_data = NULL;
            	return 0;
            }
            static const struct file_operations fops = { .open = d_open, .release = d_release };
            """;

    private static final String HOOK = """
            #include <linux/fs.h>
            void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            }
            """;

    private AnalysisResult run(Path src, Path cache) throws Exception {
        return Analyzer.builder().root(src).path(src).cacheDir(cache).build().run();
    }

    @Test
    void aDriverWithoutHooksSaysTheHookRulesHadNothingToCheck() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("drv.c"), DRIVER);
        AnalysisResult cold = run(src, tmp.resolve("cache"));
        List<String> hookRules = cold.idle().stream()
                .filter(g -> g.missing().equals("hook definition"))
                .findFirst().map(IdleRules::rules).orElseThrow();
        assertTrue(hookRules.containsAll(List.of("DL101", "DL102", "DL106")), hookRules.toString());
        assertTrue(cold.idle().stream().anyMatch(g -> g.rules().contains("DL104")
                && g.missing().equals("uninstall_inband_fd definition")), cold.idle().toString());
        assertTrue(cold.idle().stream().noneMatch(g -> g.rules().contains("DL205")),
                "the driver sets the oob pointer: DL205 had something to check");
        assertTrue(cold.idle().stream().anyMatch(g -> g.rules().equals(List.of("DL401"))
                && g.missing().contains(".oob_ioctl")), cold.idle().toString());

        StringWriter text = new StringWriter();
        new TextReport().write(cold, text);
        assertTrue(text.toString().contains("dovelint: nothing to check for DL101, DL102"), text.toString());
        assertEquals(1, text.toString().lines().filter(l -> l.startsWith("dovelint: nothing")).count(),
                "one line, whatever the number of idle rules");
        StringWriter json = new StringWriter();
        new JsonReport().write(cold, json);
        assertTrue(json.toString().contains("\"idle\""), json.toString());

        AnalysisResult warm = run(src, tmp.resolve("cache"));
        assertEquals(cold.idle(), warm.idle(), "a run replayed from the cache says the same");
    }

    @Test
    void aRunWithAHookHasNoIdleHookRules() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("drv.c"), DRIVER);
        Files.writeString(src.resolve("core.c"), HOOK);
        AnalysisResult result = run(src, tmp.resolve("cache"));
        assertTrue(result.idle().stream().noneMatch(g -> g.rules().contains("DL101")), result.idle().toString());
        assertTrue(result.idle().stream().anyMatch(g -> g.rules().contains("DL401")), result.idle().toString());
    }
}
