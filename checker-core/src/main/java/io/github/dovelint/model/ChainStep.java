package io.github.dovelint.model;

/** One link of the call chain that explains a finding: where, and what happens there. */
public record ChainStep(Location location, String description) {
}
