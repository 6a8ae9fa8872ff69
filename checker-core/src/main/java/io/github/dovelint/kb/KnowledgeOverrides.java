package io.github.dovelint.kb;

import io.github.dovelint.facts.GuardClasses;
import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a project configuration that changes the knowledge base:
 * function entries laid over the base's (field by field), extra or replacing
 * GFP definitions, optional replacements of the hook and oob-field lists, and
 * a project's own scope-based cleanup classes.
 *
 * @param functions    function entries by name (possibly partial)
 * @param gfp          GFP flag and mask definitions, applied in order
 * @param reclaimFlag  a replacement reclaim flag name, or null
 * @param reclaimWhere where {@code reclaimFlag} was given, or null
 * @param hooks        a replacement list of hook names, or null to keep the base's
 * @param oobFields    a replacement list of oob field names, or null to keep the base's
 * @param profile      the generation profile to use, or null to keep the base's
 * @param profileWhere where {@code profile} was given, or null
 * @param guardClasses scope-based cleanup classes to add or replace, by name
 */
public record KnowledgeOverrides(Map<String, FunctionSpec> functions, List<GfpDefinition> gfp,
                                 String reclaimFlag, Location reclaimWhere,
                                 List<String> hooks, List<String> oobFields, String profile,
                                 Location profileWhere, Map<String, GuardClasses.GuardClass> guardClasses) {

    private static final KnowledgeOverrides EMPTY =
            new KnowledgeOverrides(Map.of(), List.of(), null, null, null, null, null, null);

    /** Overrides that add no guard class. */
    public KnowledgeOverrides(Map<String, FunctionSpec> functions, List<GfpDefinition> gfp,
                              String reclaimFlag, Location reclaimWhere,
                              List<String> hooks, List<String> oobFields, String profile, Location profileWhere) {
        this(functions, gfp, reclaimFlag, reclaimWhere, hooks, oobFields, profile, profileWhere, Map.of());
    }

    public KnowledgeOverrides {
        guardClasses = Collections.unmodifiableMap(new LinkedHashMap<>(guardClasses));
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        gfp = List.copyOf(gfp);
        hooks = hooks == null ? null : List.copyOf(hooks);
        oobFields = oobFields == null ? null : List.copyOf(oobFields);
    }

    /** No changes. */
    public static KnowledgeOverrides empty() {
        return EMPTY;
    }

    /** True when applying this changes nothing. */
    public boolean isEmpty() {
        return functions.isEmpty() && gfp.isEmpty() && reclaimFlag == null && hooks == null && oobFields == null
                && profile == null && guardClasses.isEmpty();
    }

    /**
     * These overrides on top of {@code parent}'s: function entries merged field
     * by field (this one's fields win), GFP definitions appended (so this
     * one's win), lists and the reclaim flag replaced when this one gives them,
     * guard classes added (this one's win).
     */
    public KnowledgeOverrides over(KnowledgeOverrides parent) {
        Map<String, FunctionSpec> merged = new LinkedHashMap<>(parent.functions());
        for (FunctionSpec spec : functions.values()) {
            merged.merge(spec.name(), spec, FunctionSpec::withOverride);
        }
        List<GfpDefinition> defs = new ArrayList<>(parent.gfp());
        defs.addAll(gfp);
        Map<String, GuardClasses.GuardClass> classes = new LinkedHashMap<>(parent.guardClasses());
        classes.putAll(guardClasses);
        return new KnowledgeOverrides(merged, defs,
                reclaimFlag != null ? reclaimFlag : parent.reclaimFlag(),
                reclaimFlag != null ? reclaimWhere : parent.reclaimWhere(),
                hooks != null ? hooks : parent.hooks(),
                oobFields != null ? oobFields : parent.oobFields(),
                profile != null ? profile : parent.profile(),
                profile != null ? profileWhere : parent.profileWhere(), classes);
    }
}
