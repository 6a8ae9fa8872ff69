package io.github.dovelint.spec;

import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * A companion core as far as the fd hooks go: it receives the hook calls and
 * keeps an index from {@code (files, fd)} to the file it tracks there.
 * {@link ReferenceCore} is the correct one (per-fd index, docs/contracts.md#c6-the-per-fd-index-a-core-maintains); {@link FaultyCores}
 * reproduce known mistakes; {@link ExternalCore} drives a compiled C core.
 */
public interface CompanionCore extends InbandFdHooks {

    /** The current index: (files, fd) to file id. */
    SortedMap<IndexKey, Integer> index();

    /** A short name for reports. */
    String name();

    /** {@code F1:0->#1 F2:3->#4}, or {@code (empty)}. */
    static String render(SortedMap<IndexKey, Integer> index) {
        if (index.isEmpty()) {
            return "(empty)";
        }
        return index.entrySet().stream().map(e -> e.getKey() + "->#" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
