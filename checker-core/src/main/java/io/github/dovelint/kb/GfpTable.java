package io.github.dovelint.kb;

import io.github.dovelint.model.Location;
import io.github.dovelint.yaml.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The GFP flag bits and composite masks of the kernel, evaluated once, so
 * that an allocation's mask argument can be decided: it may sleep iff it
 * contains the direct-reclaim bit ({@code __GFP_DIRECT_RECLAIM}). Kept as
 * data rather than hard-coded because bit values and masks change between
 * kernel generations (e.g. {@code __GFP_ATOMIC} is gone in 6.4) and projects
 * define their own masks.
 */
public final class GfpTable {

    private final String reclaimFlag;
    private final Location reclaimWhere;
    private final Map<String, GfpDefinition> definitions;
    private final Map<String, Long> values;
    private final long reclaimBit;

    private GfpTable(String reclaimFlag, Location reclaimWhere, Map<String, GfpDefinition> definitions,
                     Map<String, Long> values, long reclaimBit) {
        this.reclaimFlag = reclaimFlag;
        this.reclaimWhere = reclaimWhere;
        this.definitions = Collections.unmodifiableMap(definitions);
        this.values = Collections.unmodifiableMap(values);
        this.reclaimBit = reclaimBit;
    }

    /**
     * Builds and evaluates a table. Later definitions of the same name replace
     * earlier ones.
     *
     * @throws ConfigException located at the offending definition: unknown
     *                         name, malformed expression, cycle, or a reclaim
     *                         flag that is undefined or zero
     */
    public static GfpTable of(String reclaimFlag, Location reclaimWhere, Collection<GfpDefinition> definitions)
            throws ConfigException {
        Objects.requireNonNull(reclaimFlag, "reclaimFlag");
        Map<String, GfpDefinition> defs = new LinkedHashMap<>();
        for (GfpDefinition d : definitions) {
            defs.remove(d.name());
            defs.put(d.name(), d);
        }
        Map<String, Long> values = new Evaluator(defs).all();
        Long bit = values.get(reclaimFlag);
        Location where = reclaimWhere != null ? reclaimWhere : new Location("<gfp>", 0, 0);
        if (bit == null) {
            throw new ConfigException(where, "reclaim-flag '" + reclaimFlag + "' is not a defined GFP flag or mask");
        }
        if (bit == 0) {
            throw new ConfigException(where, "reclaim-flag '" + reclaimFlag + "' evaluates to 0");
        }
        return new GfpTable(reclaimFlag, reclaimWhere, defs, values, bit);
    }

    /**
     * This table with extra or replacing definitions (a configuration's
     * {@code gfp:} section) and optionally another reclaim flag; the result is
     * re-evaluated, so project masks may use kernel names and vice versa.
     */
    public GfpTable withOverrides(String newReclaimFlag, Location newReclaimWhere,
                                  Collection<GfpDefinition> overrides) throws ConfigException {
        List<GfpDefinition> all = new ArrayList<>(definitions.values());
        all.addAll(overrides);
        return newReclaimFlag != null
                ? of(newReclaimFlag, newReclaimWhere, all)
                : of(reclaimFlag, reclaimWhere, all);
    }

    /** The value of a flag or mask, empty when the name is not defined. */
    public OptionalLong value(String name) {
        Long v = values.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * Evaluates an expression over the table's names ({@code "GFP_KERNEL | __GFP_NOWARN"}),
     * empty when it is malformed or uses an unknown name (e.g. a variable).
     */
    public OptionalLong evaluate(String expression) {
        try {
            return OptionalLong.of(GfpExpression.evaluate(expression, (name, offset) -> {
                Long v = values.get(name);
                if (v == null) {
                    throw new GfpExpression.ExpressionError(offset, name);
                }
                return v;
            }));
        } catch (GfpExpression.ExpressionError e) {
            return OptionalLong.empty();
        }
    }

    /** True when an allocation with {@code mask} may enter direct reclaim, i.e. may sleep. */
    public boolean allowsReclaim(long mask) {
        return (mask & reclaimBit) != 0;
    }

    /** The bit(s) of the reclaim flag. */
    public long reclaimBit() {
        return reclaimBit;
    }

    /** The name of the reclaim flag ({@code __GFP_DIRECT_RECLAIM}). */
    public String reclaimFlag() {
        return reclaimFlag;
    }

    /** All definitions by name, in definition order. */
    public Map<String, GfpDefinition> definitions() {
        return definitions;
    }

    /** All evaluated values by name, in definition order. */
    public Map<String, Long> values() {
        return values;
    }

    /**
     * A readable form of a mask for messages: the exact {@code GFP_*} name if
     * one matches, else the largest {@code GFP_*} mask it contains plus single
     * flags, then the hex value, e.g. {@code "GFP_KERNEL | __GFP_NOWARN (0x2cc0)"}.
     */
    public String describe(long mask) {
        String hex = "0x" + Long.toHexString(mask);
        if (mask == 0) {
            return "0";
        }
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getKey().startsWith("GFP_") && e.getValue() == mask) {
                return e.getKey() + " (" + hex + ")";
            }
        }
        List<String> parts = new ArrayList<>();
        long rest = mask;
        String bestName = null;
        long best = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            long v = e.getValue();
            if (e.getKey().startsWith("GFP_") && Long.bitCount(v) > 1 && (v & ~mask) == 0
                    && Long.bitCount(v) > Long.bitCount(best)) {
                best = v;
                bestName = e.getKey();
            }
        }
        if (bestName != null) {
            parts.add(bestName);
            rest &= ~best;
        }
        for (int bit = 0; bit < 64 && rest != 0; bit++) {
            long b = 1L << bit;
            if ((rest & b) != 0) {
                String name = singleBitName(b);
                if (name != null) {
                    parts.add(name);
                    rest &= ~b;
                }
            }
        }
        if (rest != 0) {
            parts.add("0x" + Long.toHexString(rest));
        }
        return String.join(" | ", parts) + " (" + hex + ")";
    }

    private String singleBitName(long bit) {
        String fallback = null;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getValue() == bit) {
                if (e.getKey().startsWith("__GFP_")) {
                    return e.getKey();
                }
                if (fallback == null) {
                    fallback = e.getKey();
                }
            }
        }
        return fallback;
    }

    /** Evaluates every definition once, with cycle detection. */
    private static final class Evaluator {
        private final Map<String, GfpDefinition> defs;
        private final Map<String, Long> values = new LinkedHashMap<>();
        private final Set<String> inProgress = new LinkedHashSet<>();

        Evaluator(Map<String, GfpDefinition> defs) {
            this.defs = defs;
        }

        Map<String, Long> all() throws ConfigException {
            try {
                for (String name : defs.keySet()) {
                    value(name);
                }
            } catch (Located e) {
                throw e.error;
            }
            Map<String, Long> ordered = new LinkedHashMap<>();
            for (String name : defs.keySet()) {
                ordered.put(name, values.get(name));
            }
            return ordered;
        }

        private long value(String name) {
            Long known = values.get(name);
            if (known != null) {
                return known;
            }
            GfpDefinition def = defs.get(name);
            if (!inProgress.add(name)) {
                List<String> path = new ArrayList<>(inProgress);
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
                cycle.add(name);
                throw new Located(new ConfigException(where(def, 0),
                        "cycle in GFP mask definitions: " + String.join(" -> ", cycle)));
            }
            long v;
            try {
                v = GfpExpression.evaluate(def.expression(), (ident, offset) -> {
                    if (!defs.containsKey(ident)) {
                        throw new GfpExpression.ExpressionError(offset,
                                "unknown GFP name '" + ident + "' in the definition of " + name);
                    }
                    return value(ident);
                });
            } catch (GfpExpression.ExpressionError e) {
                throw new Located(new ConfigException(where(def, e.offset), e.getMessage()));
            }
            inProgress.remove(name);
            values.put(name, v);
            return v;
        }

        private static Location where(GfpDefinition def, int offset) {
            Location w = def.where();
            if (w == null) {
                return new Location("<gfp " + def.name() + ">", 0, 0);
            }
            return new Location(w.file(), w.line(), w.column() + offset);
        }
    }

    /** Carries a located error out of the evaluation lambdas. */
    private static final class Located extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ConfigException error;

        Located(ConfigException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }
}
