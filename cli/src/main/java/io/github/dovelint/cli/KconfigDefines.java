package io.github.dovelint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel {@code .config} as the macros the kernel's build defines from it
 * ({@code include/generated/autoconf.h}): {@code CONFIG_X=y} defines {@code CONFIG_X} to 1,
 * {@code CONFIG_X=m} defines {@code CONFIG_X_MODULE} to 1, a string or number keeps its value,
 * and {@code # CONFIG_X is not set} defines nothing (docs/kernel-db.md#configuration).
 */
final class KconfigDefines {

    private static final Pattern OPTION = Pattern.compile("(CONFIG_[A-Za-z0-9_]+)=(.*)");

    private KconfigDefines() {
    }

    /** The {@code -D} arguments ({@code NAME=VALUE}) {@code file} stands for, in its order. */
    static List<String> of(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = OPTION.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            String value = m.group(2);
            switch (value) {
                case "y" -> out.add(name + "=1");
                case "m" -> out.add(name + "_MODULE=1");
                case "n", "" -> { }
                default -> out.add(name + "=" + value);
            }
        }
        return out;
    }
}
