package io.github.dovelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baseline -Ddovelint.prune} after a run that skipped a file would drop that file's
 * entries as stale: it is refused, leaving the baseline as it was, unless {@code keepGoing}.
 */
class BaselinePruneTest {

    @TempDir
    Path dir;

    @Test
    void pruningAnIncompleteRunIsRefusedUnlessKeepGoing() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK);
        p.configure(new BaselineMojo()).execute();
        Path baseline = dir.resolve("dovelint-baseline.json");
        String accepted = Files.readString(baseline);
        assertTrue(accepted.contains("mutex_lock(&evl_lock);"), accepted);

        BaselineMojo prune = p.configure(new BaselineMojo());
        prune.prune = true;
        prune.maxFileSize = "10";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, prune::execute);
        assertTrue(e.getMessage().contains("the run is incomplete (not analysed: hooks.c): not pruning"), e.getMessage());
        assertTrue(e.getMessage().contains("-Ddovelint.keepGoing"), e.getMessage());
        assertEquals(accepted, Files.readString(baseline), "the baseline is unchanged");

        prune = p.configure(new BaselineMojo());
        prune.prune = true;
        prune.maxFileSize = "10";
        prune.keepGoing = true;
        prune.execute();
        assertFalse(Files.readString(baseline).contains("mutex_lock"), "pruned on request");
    }
}
