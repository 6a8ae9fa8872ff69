package io.github.dovelint.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the user's options are a real configuration, and when they are not. */
class GivenConfigurationTest {

    @TempDir
    Path tmp;

    @Test
    void noOptionsNoConfiguration() {
        assertEquals(Optional.empty(), GivenConfiguration.of(List.of(), Map.of(), null));
    }

    @Test
    void otherDefinesAndIncludesAreNoConfiguration() throws Exception {
        Files.createDirectories(tmp.resolve("linux"));
        Files.writeString(tmp.resolve("linux/fs.h"), "");
        assertEquals(Optional.empty(), GivenConfiguration.of(List.of(tmp), Map.of("NR_CPUS", "4"), null));
    }

    @Test
    void aConfigDefineIsOne() {
        assertEquals(Optional.of("-D CONFIG_A"),
                GivenConfiguration.of(List.of(), Map.of("NR_CPUS", "4", "CONFIG_A", ""), null));
    }

    @Test
    void anAutoconfHeaderIsOne() throws Exception {
        Files.createDirectories(tmp.resolve("generated"));
        Files.writeString(tmp.resolve("generated/autoconf.h"), "#define CONFIG_A 1\n");
        assertEquals(Optional.of(tmp.resolve("generated/autoconf.h").toString()),
                GivenConfiguration.of(List.of(tmp), Map.of(), null));
    }

    @Test
    void aCompilationDatabaseIsOne() {
        assertEquals(Optional.of("a compile_commands.json"),
                GivenConfiguration.of(List.of(), Map.of(), tmp.resolve("compile_commands.json")));
    }
}
