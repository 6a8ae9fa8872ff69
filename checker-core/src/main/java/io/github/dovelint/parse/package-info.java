/**
 * C parsing for dovelint: {@link io.github.dovelint.parse.CParser} turns a
 * source file into a CDT AST plus located problems, with or without kernel
 * headers. Without headers, {@link io.github.dovelint.parse.Prelude} supplies
 * the kernel's annotation, definition and iterator macros (and basic
 * typedefs) so that kernel code parses into proper statements;
 * {@link io.github.dovelint.parse.CompileCommands} reads per-file flags from a
 * compile_commands.json; {@link io.github.dovelint.parse.Attributes} finds GNU
 * attributes such as {@code weak} on declarations.
 */
package io.github.dovelint.parse;
