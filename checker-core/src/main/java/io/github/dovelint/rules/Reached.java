package io.github.dovelint.rules;

import io.github.dovelint.model.CallChain;
import io.github.dovelint.summary.Site;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An effect site and the entry points that reach it, one chain per entry.
 *
 * @param site   where the effect happens
 * @param chains how each entry point gets there, in entry order
 */
public record Reached(Site site, List<CallChain> chains) {
    public Reached {
        chains = List.copyOf(chains);
    }

    /** {@code install_inband_fd() and replace_inband_fd()}: the entries, for messages. */
    public String entries() {
        List<String> names = entryNames();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Whether more than one entry point reaches the site (a message says "handlers ... run"). */
    public boolean severalEntries() {
        return entryNames().size() > 1;
    }

    private List<String> entryNames() {
        return chains.stream().map(c -> c.entry() + "()").distinct().collect(Collectors.toList());
    }
}
