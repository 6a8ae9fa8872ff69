package io.github.dovelint.kb;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Function entries below the knowledge base's own, looked up by name: a kernel database's
 * (docs/kernel-db.md#precedence). Looked up one name at a time, so that a database of tens of
 * thousands of functions costs a run only the names it asks about.
 */
public interface DerivedKnowledge {

    /** No derived knowledge. */
    DerivedKnowledge NONE = new DerivedKnowledge() {
        @Override
        public Optional<FunctionSpec> function(String name) {
            return Optional.empty();
        }

        @Override
        public SortedMap<String, FunctionSpec> all() {
            return Collections.emptySortedMap();
        }
    };

    /** The entry for {@code name}, if the source has one. */
    Optional<FunctionSpec> function(String name);

    /** Every entry, sorted by name (for listings; a run looks names up one at a time). */
    SortedMap<String, FunctionSpec> all();

    /**
     * Waits until the entries can be looked up; fails when their source turned out unusable, so
     * that a run reports a broken database even when it looked nothing up.
     */
    default void await() throws io.github.dovelint.yaml.ConfigException {
    }
}
