/**
 * Configuration-aware analysis (docs/configurations.md): kernel code tests {@code CONFIG_*}
 * options in {@code #if}/{@code #ifdef}, and without the kernel's configuration only the
 * branches of an empty one are parsed. Here is what the engine needs to analyse the files the
 * rules reach a second time with those options taken the other way:
 * {@link io.github.dovelint.kconfig.ConfigConditionals} reads which options a text's
 * conditionals test and which of them enclose a line,
 * {@link io.github.dovelint.kconfig.TestedOptions} gathers them over a file and the headers it
 * includes, {@link io.github.dovelint.kconfig.GivenConfiguration} says when the user gave a
 * real configuration (then there is no second pass), and
 * {@link io.github.dovelint.kconfig.ConfigFindings} reports the findings of both passes once,
 * naming the options when only one configuration shows a finding.
 */
package io.github.dovelint.kconfig;
