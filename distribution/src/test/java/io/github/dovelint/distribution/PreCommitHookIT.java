package io.github.dovelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's .pre-commit-hooks.yaml, run by the pre-commit tool (Debian package
 * {@code pre-commit}; .ci/run installs it) from a hook repository holding it, in a project whose
 * staged C files it checks, with the unpacked archive's bin on PATH as the README says.
 */
class PreCommitHookIT {

    @TempDir
    static Path tmp;

    static String preCommit;

    static String path;

    static String hooksRev;

    @BeforeAll
    static void setUp() throws Exception {
        preCommit = onPath("pre-commit").orElse(null);
        assumeTrue(preCommit != null, "pre-commit is not installed (Debian: apt-get install pre-commit):"
                + " the hook is not run through it here");
        assumeTrue(onPath("git").isPresent(), "git is not installed: pre-commit needs it");
        Distribution.assumeJava17();
        Path home = Distribution.unpack(tmp.resolve("install"));
        path = home.resolve("bin") + ":" + Distribution.JAVA17.resolve("bin") + ":" + Path.of(preCommit).getParent()
                + ":/usr/bin:/bin";
        Path hooks = Files.createDirectories(tmp.resolve("hooks"));
        Files.copy(Distribution.repository().resolve(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
        git(hooks, "init", "-q");
        git(hooks, "add", ".pre-commit-hooks.yaml");
        git(hooks, "-c", "user.name=dovelint", "-c", "user.email=dovelint@example.org", "commit", "-q", "-m", "hooks");
        hooksRev = git(hooks, "rev-parse", "HEAD").out().strip();
    }

    private static Optional<String> onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .map(d -> Path.of(d, command)).filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    private static Map<String, String> env() throws Exception {
        return Distribution.env("PATH", path, "HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                "PRE_COMMIT_HOME", tmp.resolve("pre-commit-cache").toString());
    }

    private static Distribution.Run git(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Distribution.Run r = Distribution.run(dir, env(), command);
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    /** A git repository using the hook, with {@code staged} sample staged and {@code unstaged} only copied. */
    private static Path project(String name, String staged, String unstaged) throws Exception {
        Path project = Files.createDirectories(tmp.resolve(name));
        git(project, "init", "-q");
        Files.writeString(project.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: dovelint
                """.formatted(tmp.resolve("hooks"), hooksRev));
        Distribution.copySample(staged, project.resolve(staged));
        if (unstaged != null) {
            Distribution.copySample(unstaged, project.resolve(unstaged));
        }
        git(project, "add", ".pre-commit-config.yaml", staged);
        return project;
    }

    @Test
    void theHookFailsOnTheFindingsOfTheStagedFilesOnly() throws Exception {
        Path project = project("with-findings", "sleep-direct", "sleep-helpers");
        Distribution.Run r = Distribution.run(project, env(), preCommit, "run");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("dovelint") && r.out().contains("Failed"), r::toString);
        assertTrue(r.out().contains(ArchiveIT.FINDING), r::toString);
        assertFalse(r.out().contains("sleep-helpers/"), "files not staged are not checked\n" + r);
    }

    @Test
    void theHookPassesOnCleanStagedFiles() throws Exception {
        Path project = project("clean", "evl-good", null);
        Distribution.Run r = Distribution.run(project, env(), preCommit, "run");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("dovelint") && r.out().contains("Passed"), r::toString);
    }
}
