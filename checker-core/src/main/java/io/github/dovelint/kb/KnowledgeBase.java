package io.github.dovelint.kb;

import io.github.dovelint.Location;
import io.github.dovelint.Problem;
import io.github.dovelint.config.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the checker knows about kernel APIs, as data: the hook names, the
 * name(s) of {@code struct file}'s oob pointer, the GFP table and per-function
 * facts (sleeps, allocates with a GFP mask, uses current's files/mm, takes
 * {@code file_lock}, frees an argument). Kept out of the code so that it can
 * follow kernel generations and be extended by a project's configuration.
 * Immutable.
 */
public final class KnowledgeBase {

    /** Class-path location of the bundled knowledge base (shipped in the rules module). */
    public static final String RESOURCE = "/io/github/dovelint/kb/kernel.yml";

    private static volatile KnowledgeBase bundled;

    private final List<String> hooks;
    private final List<String> oobFields;
    private final GfpTable gfp;
    private final SortedMap<String, FunctionSpec> functions;

    public KnowledgeBase(List<String> hooks, List<String> oobFields, GfpTable gfp,
                         Map<String, FunctionSpec> functions) {
        this.hooks = List.copyOf(hooks);
        this.oobFields = List.copyOf(oobFields);
        this.gfp = Objects.requireNonNull(gfp, "gfp");
        this.functions = Collections.unmodifiableSortedMap(new TreeMap<>(functions));
    }

    /**
     * The knowledge base bundled with dovelint, read from the class path once.
     *
     * @throws ConfigException (kind INPUT) when the resource is missing, i.e.
     *                         the rules module is not on the class path, or
     *                         (kind CONFIG) when it is invalid
     */
    public static KnowledgeBase bundled() throws ConfigException {
        KnowledgeBase kb = bundled;
        if (kb != null) {
            return kb;
        }
        String text;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ConfigException(Problem.Kind.INPUT, new Location(RESOURCE, 0, 0),
                        "the bundled knowledge base is not on the class path "
                                + "(it ships in the dovelint-rules module)", null);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(Problem.Kind.INPUT, new Location(RESOURCE, 0, 0),
                    "cannot read the bundled knowledge base: " + e.getMessage(), e);
        }
        kb = KnowledgeBaseLoader.load(RESOURCE, text);
        bundled = kb;
        return kb;
    }

    /** The hook function names ({@code install_inband_fd}, ...). */
    public List<String> hooks() {
        return hooks;
    }

    /** The names {@code struct file}'s oob pointer has had across Dovetail generations. */
    public List<String> oobFields() {
        return oobFields;
    }

    public GfpTable gfp() {
        return gfp;
    }

    /** The entry for a function, if known. */
    public Optional<FunctionSpec> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** All entries, sorted by name. */
    public SortedMap<String, FunctionSpec> functions() {
        return functions;
    }

    /**
     * This knowledge base with a configuration's overrides applied: each
     * overriding function entry replaces the fields it gives and keeps the
     * others; GFP definitions are added or replaced and the table re-evaluated;
     * hook and oob-field lists are replaced when given.
     *
     * @throws ConfigException located in the configuration, when a GFP
     *                         definition does not evaluate or a merged function entry is inconsistent
     */
    public KnowledgeBase withOverrides(KnowledgeOverrides overrides) throws ConfigException {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, FunctionSpec> merged = new TreeMap<>(functions);
        for (FunctionSpec spec : overrides.functions().values()) {
            FunctionSpec result = merged.merge(spec.name(), spec, FunctionSpec::withOverride);
            String problem = result.inconsistency();
            if (problem != null) {
                throw new ConfigException(spec.where() != null ? spec.where() : new Location("<config>", 0, 0),
                        problem);
            }
        }
        GfpTable table = overrides.gfp().isEmpty() && overrides.reclaimFlag() == null
                ? gfp
                : gfp.withOverrides(overrides.reclaimFlag(), overrides.reclaimWhere(), overrides.gfp());
        return new KnowledgeBase(
                overrides.hooks() != null ? overrides.hooks() : hooks,
                overrides.oobFields() != null ? overrides.oobFields() : oobFields,
                table, merged);
    }

    /** True when {@code name} is one of the hooks. */
    public boolean isHook(String name) {
        return hooks.contains(name);
    }
}
