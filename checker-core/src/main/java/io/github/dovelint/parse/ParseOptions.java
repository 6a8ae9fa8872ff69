package io.github.dovelint.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How C files are parsed. With no include directories dovelint needs no kernel
 * headers: its prelude defines the kernel's common annotation and iterator
 * macros. Include directories, defines and a compile_commands.json give
 * full-precision parsing when a built kernel tree is at hand.
 *
 * @param includeDirs     extra {@code -I} directories, searched for both quoted and angle includes
 * @param defines         {@code -D} macros: name to value ("" for {@code -DNAME}, value "1" semantics as gcc)
 * @param compileCommands a compile_commands.json whose per-file -I/-D/-include flags are used, or null
 * @param prelude         whether to force-include dovelint's kernel prelude (on by default)
 */
public record ParseOptions(List<Path> includeDirs, Map<String, String> defines, Path compileCommands,
                           boolean prelude) {

    public ParseOptions {
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
    }

    public static ParseOptions defaults() {
        return new ParseOptions(List.of(), Map.of(), null, true);
    }
}
