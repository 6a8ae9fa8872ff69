package io.github.dovelint.kb;

import io.github.dovelint.facts.GuardClasses;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.yaml.ConfigException;
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

    /** Class-path location of the bundled knowledge base (a resource of this module, beside this class). */
    public static final String RESOURCE = "/io/github/dovelint/kb/kernel.yml";

    private static volatile KnowledgeBase bundled;

    private final List<String> hooks;
    private final List<String> oobFields;
    private final GfpTable gfp;
    private final SortedMap<String, FunctionSpec> functions;
    private final SortedMap<String, Profile> profiles;
    private final Profile profile;
    /** Names by the part they play ({@link Roles}). */
    private final SortedMap<String, List<String>> roles;
    /** A digest of the text this base was loaded from, or null (see {@link #origin()}). */
    private final String origin;
    /** What each scope-based cleanup class stands for ({@code guard-classes:}). */
    private final GuardClasses guardClasses;
    /**
     * Entries of a kernel database for the names the base does not describe: below the curated
     * entries and the configuration's, and below a body in the run (docs/kernel-db.md#precedence).
     */
    private final DerivedKnowledge derived;

    /**
     * @param hooks     the hook names
     * @param oobFields the oob field names every generation may use (the {@value Profile#AUTO} profile's base)
     * @param gfp       the GFP table
     * @param functions function entries by name
     * @param profiles  the named generation profiles
     * @param active    the active profile's name ({@value Profile#AUTO}: all generations)
     */
    public KnowledgeBase(List<String> hooks, List<String> oobFields, GfpTable gfp,
                         Map<String, FunctionSpec> functions, Map<String, Profile> profiles, String active) {
        this(hooks, oobFields, gfp, functions, profiles, active, Map.of(), null,
                GuardClasses.none(), DerivedKnowledge.NONE);
    }

    private KnowledgeBase(List<String> hooks, List<String> oobFields, GfpTable gfp,
                          Map<String, FunctionSpec> functions, Map<String, Profile> profiles, String active,
                          Map<String, List<String>> roles, String origin,
                          GuardClasses guardClasses, DerivedKnowledge derived) {
        this.origin = origin;
        this.guardClasses = Objects.requireNonNull(guardClasses, "guardClasses");
        this.derived = Objects.requireNonNull(derived, "derived");
        this.roles = Collections.unmodifiableSortedMap(new TreeMap<>(roles));
        this.hooks = List.copyOf(hooks);
        this.oobFields = List.copyOf(oobFields);
        this.gfp = Objects.requireNonNull(gfp, "gfp");
        this.functions = Collections.unmodifiableSortedMap(new TreeMap<>(functions));
        this.profiles = Collections.unmodifiableSortedMap(new TreeMap<>(profiles));
        this.profile = Profile.AUTO.equals(active) ? Profile.union(oobFields, this.profiles.values())
                : Objects.requireNonNull(this.profiles.get(active), "unknown profile " + active);
    }

    /**
     * The knowledge base bundled with dovelint, read from the class path once.
     *
     * @throws ConfigException (kind INPUT) when the resource is missing (a
     *                         broken engine jar), or
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
                                + "(it ships in the dovelint-checker-core jar)", null);
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

    /** The names of {@code struct file}'s oob pointer under the active profile. */
    public List<String> oobFields() {
        return profile.oobFields();
    }

    /** The active generation profile (by default {@value Profile#AUTO}: every generation). */
    public Profile profile() {
        return profile;
    }

    /** The named profiles, sorted by name. */
    public SortedMap<String, Profile> profiles() {
        return profiles;
    }

    public GfpTable gfp() {
        return gfp;
    }

    /** The entry for a function, if known: a declared one, else a kernel database's. */
    public Optional<FunctionSpec> function(String name) {
        FunctionSpec spec = functions.get(name);
        return spec != null ? Optional.of(spec) : derived.function(name);
    }

    /**
     * The entry for a function whose body is in the run: only a declared one (curated or
     * configured) stops the analysis there; a kernel database's gives way to the body.
     */
    public Optional<FunctionSpec> declaredFunction(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** Waits for the kernel database's entries; fails when the database turned out unusable. */
    public void awaitDerived() throws ConfigException {
        derived.await();
    }

    /** The kernel database's entries for the names nothing else declares, sorted by name. */
    public SortedMap<String, FunctionSpec> derivedFunctions() {
        SortedMap<String, FunctionSpec> out = new TreeMap<>(derived.all());
        out.keySet().removeAll(functions.keySet());
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * This base with a kernel database's entries under its own: a name this base declares keeps
     * its entry whole; the others get the database's. The origin then covers the database's
     * identity, so recorded runs are reused only with the same database.
     */
    public KnowledgeBase withDatabase(DerivedKnowledge entries, String identity) {
        return new KnowledgeBase(hooks, oobFields, gfp, functions, profiles, profile.name(), roles,
                origin == null ? null : origin + " kernel-db:" + identity, guardClasses, entries);
    }

    /** All entries, sorted by name. */
    public SortedMap<String, FunctionSpec> functions() {
        return functions;
    }

    /**
     * This knowledge base with a configuration's overrides applied: each
     * overriding function entry replaces the fields it gives and keeps the
     * others; GFP definitions are added or replaced and the table re-evaluated;
     * hook and oob-field lists are replaced when given; guard classes are added or replaced.
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
            if (!merged.containsKey(spec.name())) {
                // the configuration's fields over the database's
                derived.function(spec.name()).ifPresent(base -> merged.put(spec.name(), base));
            }
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
        String active = profile.name();
        if (overrides.profile() != null) {
            active = overrides.profile();
            if (!Profile.AUTO.equals(active) && !profiles.containsKey(active)) {
                throw new ConfigException(overrides.profileWhere() != null ? overrides.profileWhere()
                        : new Location("<config>", 0, 0), "unknown profile '" + active + "' (known: "
                        + Profile.AUTO + ", " + String.join(", ", profiles.keySet()) + ")");
            }
        }
        Map<String, Profile> named = new TreeMap<>(profiles);
        List<String> base = oobFields;
        if (overrides.oobFields() != null) {
            // An explicit field list wins over whatever the profile says.
            base = overrides.oobFields();
            named.replaceAll((k, p) -> p.withOobFields(overrides.oobFields()));
        }
        // the overrides come from a configuration file, whose bytes the configuration digest covers
        return new KnowledgeBase(overrides.hooks() != null ? overrides.hooks() : hooks,
                base, table, merged, named, active, roles, origin, guardClasses.with(overrides.guardClasses()),
                derived);
    }

    /**
     * What identifies this base's content across runs: a digest of the text it was loaded
     * from (configuration overrides aside), or null for a base built in code, which a run
     * cannot tell from another and so never reuses a recorded result for.
     */
    public String origin() {
        return origin;
    }

    /** This base, known to come from a text with digest {@code value}. */
    KnowledgeBase withOrigin(String value) {
        return new KnowledgeBase(hooks, oobFields, gfp, functions, profiles, profile.name(), roles, value,
                guardClasses, derived);
    }

    /** This base with these names by role ({@link Roles}). */
    KnowledgeBase withRoles(Map<String, List<String>> value) {
        return new KnowledgeBase(hooks, oobFields, gfp, functions, profiles, profile.name(), value, origin,
                guardClasses, derived);
    }

    /** This base with this table of scope-based cleanup classes. */
    KnowledgeBase withGuardClasses(GuardClasses value) {
        return new KnowledgeBase(hooks, oobFields, gfp, functions, profiles, profile.name(), roles, origin, value,
                derived);
    }

    /**
     * What {@code guard(c)}, {@code scoped_guard(c, ...)} and {@code CLASS(c, v)} stand for: the
     * base's {@code guard-classes:} with the configuration's laid over them.
     */
    public GuardClasses guardClasses() {
        return guardClasses;
    }

    /** The names that play {@code role} ({@link Roles}); empty when this base declares none. */
    public List<String> role(String role) {
        return roles.getOrDefault(role, List.of());
    }

    /** Every declared role with its names. */
    public SortedMap<String, List<String>> roles() {
        return roles;
    }

    /** True when {@code name} is one of the hooks. */
    public boolean isHook(String name) {
        return hooks.contains(name);
    }
}
