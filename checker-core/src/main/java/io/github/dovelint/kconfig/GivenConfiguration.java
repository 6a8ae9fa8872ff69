package io.github.dovelint.kconfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the user gave a real kernel configuration, which is then used exactly as given,
 * with no second pass (docs/configurations.md#a-real-configuration): a compile_commands.json
 * (the kernel's carry {@code -include kconfig.h}, which pulls in {@code autoconf.h}), a
 * {@code CONFIG_*} macro among the defines, or an include directory holding an
 * {@code autoconf.h} ({@code generated/autoconf.h} of a built tree's {@code include/}).
 */
public final class GivenConfiguration {

    private static final List<String> AUTOCONF = List.of("generated/autoconf.h", "autoconf.h",
            "linux/autoconf.h");

    private GivenConfiguration() {
    }

    /** What gives the configuration, or empty when none was given. */
    public static Optional<String> of(List<Path> includeDirs, Map<String, String> defines, Path compileCommands) {
        if (compileCommands != null) {
            return Optional.of("a compile_commands.json");
        }
        Optional<String> define = defines.keySet().stream().filter(d -> d.startsWith("CONFIG_")).sorted().findFirst();
        if (define.isPresent()) {
            return Optional.of("-D " + define.get());
        }
        for (Path dir : includeDirs) {
            for (String name : AUTOCONF) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return Optional.of(dir.resolve(name).toString());
                }
            }
        }
        return Optional.empty();
    }
}
