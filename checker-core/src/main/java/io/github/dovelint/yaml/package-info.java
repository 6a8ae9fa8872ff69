/**
 * Reading dovelint's YAML files with exact locations: {@link io.github.dovelint.yaml.YamlDoc}
 * and the located error they raise, {@link io.github.dovelint.yaml.ConfigException}. Both
 * the configuration ({@code config}) and the knowledge base ({@code kb}) read YAML, and
 * the configuration carries knowledge-base overrides, so this reader sits below both
 * and depends on neither: that keeps {@code config} and {@code kb} free of a cycle.
 */
package io.github.dovelint.yaml;
