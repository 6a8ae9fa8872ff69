package io.github.dovelint.model;

import java.util.List;

/**
 * Rules that had nothing to check in a whole run, and why: none of their starting points (a
 * hook definition, an oob handler, an fd-table read) is in the analysed code. A clean result
 * then says nothing about those contracts; the reports say so instead of staying silent.
 *
 * @param missing what the run lacks, a noun phrase: "hook definition", "fd-table read"
 * @param rules   the ids of the rules that start there, sorted
 */
public record IdleRules(String missing, List<String> rules) {
    public IdleRules {
        rules = List.copyOf(rules);
    }

    /** {@code DL301 (no fd-table read)}. */
    public String describe() {
        return String.join(", ", rules) + " (no " + missing + ")";
    }
}
