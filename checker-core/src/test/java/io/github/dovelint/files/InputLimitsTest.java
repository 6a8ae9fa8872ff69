package io.github.dovelint.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.baseline.BaselineException;
import io.github.dovelint.config.ConfigLoader;
import io.github.dovelint.kerneldb.KernelDbReader;
import io.github.dovelint.parse.CompileCommands;
import io.github.dovelint.parse.ParseSetupException;
import io.github.dovelint.spec.ScenarioException;
import io.github.dovelint.spec.TraceChecker;
import io.github.dovelint.yaml.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size and depth limits of every structured input (docs/robustness.md#size-and-depth-limits),
 * one input kind each: the error names the file, the line where there is one, and the limit.
 * Files over a size limit are sparse: their size is refused before a byte is read.
 */
class InputLimitsTest {

    @TempDir
    Path dir;

    private Path sparse(String name, long size) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    private static String nested(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    @Test
    void aConfigurationOverItsSizeIsRefusedNamingTheLimit() throws IOException {
        Path file = sparse(".dovelint.yml", InputFiles.CONFIGURATION.bytes() + 1);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(file.toString(), e.location().file());
        assertTrue(e.getMessage().endsWith("larger than 16 MiB: the size limit for a configuration file"),
                e.getMessage());
    }

    @Test
    void knowledgeBaseOverridesNestedTooDeeplyAreALocatedError() throws IOException {
        Path file = Files.writeString(dir.resolve(".dovelint.yml"),
                "rules: {}\nfunctions:\n  msleep: { sleeps: true }\n  kmalloc: " + nested(300) + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(file.toString(), e.location().file());
        assertEquals(4, e.location().line());
        assertTrue(e.getMessage().contains("nested more than 256 levels deep"), e.getMessage());
    }

    @Test
    void aBaselineOverItsSizeOrNestedTooDeeplyIsRefusedNamingTheLimit() throws IOException {
        Path big = sparse("big.json", InputFiles.BASELINE.bytes() + 1);
        BaselineException e = assertThrows(BaselineException.class, () -> Baseline.read(big));
        assertEquals(big + ": larger than 256 MiB: the size limit for a baseline", e.getMessage());
        Path deep = Files.writeString(dir.resolve("deep.json"), "{\n\"entries\":\n" + nested(5000) + "}\n");
        e = assertThrows(BaselineException.class, () -> Baseline.read(deep));
        assertTrue(e.getMessage().startsWith(deep + ":3: not a JSON file: "), e.getMessage());
        assertTrue(e.getMessage().contains("nesting depth") && e.getMessage().contains("1000"), e.getMessage());
    }

    @Test
    void compileCommandsOverTheirSizeOrNestedTooDeeplyAreRefusedNamingTheLimit() throws IOException {
        Path big = sparse("compile_commands.json", InputFiles.COMPILE_COMMANDS.bytes() + 1);
        ParseSetupException e = assertThrows(ParseSetupException.class, () -> CompileCommands.load(big));
        assertTrue(e.getMessage().contains("larger than 512 MiB: the size limit for a compile_commands.json"),
                e.getMessage());
        Path deep = Files.writeString(dir.resolve("deep.json"), "[\n{\"file\": " + nested(5000) + "}]\n");
        e = assertThrows(ParseSetupException.class, () -> CompileCommands.load(deep));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("nesting depth") && e.getMessage().contains("1000"), e.getMessage());
    }

    @Test
    void aTraceLineNestedTooDeeplyIsALocatedError() {
        String trace = "{\"hook\":\"install\",\"fd\":3,\"files\":1,\"file\":7,\"oob\":true,\"task\":\"T1\"}\n"
                + "{\"hook\":" + nested(5000) + "}\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> TraceChecker.check("t.log", trace));
        assertTrue(e.getMessage().startsWith("t.log:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("nesting depth") && e.getMessage().contains("1000"), e.getMessage());
    }

    @Test
    void aKernelDatabaseOverItsSizeCompressedOrNotIsRefusedNamingTheLimit() throws Exception {
        Path big = sparse("big.kdb", (64L << 20) + 1);
        ConfigException e = assertThrows(ConfigException.class, () -> KernelDbReader.read(big, "big.kdb"));
        assertEquals("big.kdb", e.location().file());
        assertTrue(e.getMessage().endsWith("larger than 64 MiB: the size limit for a kernel database"),
                e.getMessage());
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int k = 0; k < 65; k++) {
                gz.write(zeros);
            }
        }
        assertTrue(bomb.size() < 1 << 20, "a small file: " + bomb.size());
        e = assertThrows(ConfigException.class, () -> KernelDbReader.decode(bomb.toByteArray(), "bomb.kdb"));
        assertTrue(e.getMessage().endsWith("larger than 64 MiB uncompressed: the size limit for a kernel database"),
                e.getMessage());
    }

    @Test
    void aStreamOverItsLimitIsRefusedAfterTheLimitNotAtItsEnd() {
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        InputFiles.Limit small = new InputFiles.Limit("a test input", 1 << 20);
        IOException e = assertThrows(InputFiles.TooLarge.class, () -> InputFiles.read(endless, small));
        assertEquals("larger than 1 MiB: the size limit for a test input", e.getMessage());
    }
}
