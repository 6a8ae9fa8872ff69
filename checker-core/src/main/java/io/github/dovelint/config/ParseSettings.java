package io.github.dovelint.config;

import io.github.dovelint.parse.ParseOptions;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code parse:} section: how to parse the project's C files. Paths are
 * already resolved against the configuration file's directory (they stay
 * relative when the configuration was not read from a file).
 *
 * @param includeDirs     extra include directories, in order
 * @param defines         macro definitions ({@code ""} for a bare {@code NAME:})
 * @param compileCommands a compile_commands.json, or null
 */
public record ParseSettings(List<Path> includeDirs, Map<String, String> defines, Path compileCommands) {

    private static final ParseSettings EMPTY = new ParseSettings(List.of(), Map.of(), null);

    public ParseSettings {
        includeDirs = List.copyOf(includeDirs);
        defines = Collections.unmodifiableMap(new LinkedHashMap<>(defines));
    }

    public static ParseSettings empty() {
        return EMPTY;
    }

    /** These settings as the parser's options. */
    public ParseOptions toParseOptions(boolean prelude) {
        return new ParseOptions(includeDirs, defines, compileCommands, prelude);
    }

    /** This on top of {@code parent}: include dirs appended, defines and compile-commands of this win. */
    public ParseSettings over(ParseSettings parent) {
        List<Path> dirs = new java.util.ArrayList<>(parent.includeDirs());
        dirs.addAll(includeDirs);
        Map<String, String> defs = new LinkedHashMap<>(parent.defines());
        defs.putAll(defines);
        return new ParseSettings(dirs, defs, compileCommands != null ? compileCommands : parent.compileCommands());
    }
}
