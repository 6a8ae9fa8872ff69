package io.github.dovelint.callgraph;

import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.GlobalVar;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.UnitFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The facts of every translation unit of one program (one link unit: a
 * companion core and the drivers built with it), indexed for resolution.
 * A function defined in a header is one function however many units include it.
 */
public final class Program {

    private final Map<String, FunctionFacts> functionsById = new TreeMap<>();
    private final Map<String, List<FunctionFacts>> byName = new HashMap<>();
    private final Map<String, Set<String>> unitsOf = new HashMap<>();
    private final List<FieldBinding> bindings = new ArrayList<>();
    private final Map<String, List<FieldBinding>> bindingsByField = new HashMap<>();
    /** unit file -> static variable -> initializers (a header's static seen once per including unit). */
    private final Map<String, Map<String, List<Expr>>> staticGlobals = new HashMap<>();
    private final Map<String, List<Expr>> globals = new HashMap<>();
    /** The units defining each global (not static) variable with an initializer. */
    private final Map<String, Set<String>> globalUnits = new HashMap<>();
    /** unit file -> name -> the static definitions it sees, in program order. */
    private final Map<String, Map<String, List<FunctionFacts>>> staticsByUnit = new HashMap<>();
    /** name -> the non-static definitions, in program order. */
    private final Map<String, List<FunctionFacts>> externallyVisible = new HashMap<>();

    public Program(Collection<UnitFacts> units) {
        List<UnitFacts> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparing(UnitFacts::file));
        Set<String> seenBindings = new HashSet<>();
        for (UnitFacts unit : sorted) {
            for (FunctionFacts f : unit.functions()) {
                if (functionsById.putIfAbsent(f.id(), f) == null) {
                    byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
                }
                unitsOf.computeIfAbsent(f.id(), k -> new HashSet<>()).add(unit.file());
                f.bindings().forEach(b -> addBinding(b, seenBindings));
            }
            unit.bindings().forEach(b -> addBinding(b, seenBindings));
            for (GlobalVar g : unit.globals()) {
                Map<String, List<Expr>> target = g.isStatic()
                        ? staticGlobals.computeIfAbsent(unit.file(), k -> new HashMap<>()) : globals;
                if (!g.isStatic()) {
                    globalUnits.computeIfAbsent(g.name(), k -> new java.util.TreeSet<>()).add(unit.file());
                }
                List<Expr> values = target.computeIfAbsent(g.name(), k -> new ArrayList<>());
                if (!values.contains(g.value())) {
                    values.add(g.value());
                }
            }
        }
        byName.values().forEach(list -> list.sort(Comparator.comparing(FunctionFacts::id)));
        for (FunctionFacts f : functionsById.values()) {
            if (f.isStatic()) {
                for (String unit : unitsOf(f)) {
                    staticsByUnit.computeIfAbsent(unit, k -> new HashMap<>())
                            .computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
                }
            } else {
                externallyVisible.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
            }
        }
    }

    /**
     * The static definitions of {@code name} in any of {@code units}, in program order. An
     * index, not a scan of {@link #definitions}: a whole kernel defines thousands of static
     * {@code probe} or {@code show} functions, each called from its own file.
     */
    public List<FunctionFacts> staticDefinitions(Set<String> units, String name) {
        if (units.size() == 1) {
            return staticsByUnit.getOrDefault(units.iterator().next(), Map.of()).getOrDefault(name, List.of());
        }
        Map<String, FunctionFacts> out = new TreeMap<>();
        for (String unit : units) {
            for (FunctionFacts f : staticsByUnit.getOrDefault(unit, Map.of()).getOrDefault(name, List.of())) {
                out.put(f.id(), f);
            }
        }
        return List.copyOf(out.values());
    }

    /** The non-static definitions of {@code name}, in program order. */
    public List<FunctionFacts> globalDefinitions(String name) {
        return externallyVisible.getOrDefault(name, List.of());
    }

    private void addBinding(FieldBinding b, Set<String> seen) {
        String key = b.location() + "|" + b.field() + "|" + b.function();
        if (seen.add(key)) {
            bindings.add(b);
            bindingsByField.computeIfAbsent(b.field(), k -> new ArrayList<>()).add(b);
        }
    }

    /** Every function definition, in a stable order (by file, line, column, name). */
    public Collection<FunctionFacts> functions() {
        return functionsById.values();
    }

    /** The definitions of {@code name} in this program (several when static in different files). */
    public List<FunctionFacts> definitions(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The translation units (main files) a definition was seen in. */
    public Set<String> unitsOf(FunctionFacts f) {
        return unitsOf.getOrDefault(f.id(), Set.of());
    }

    /**
     * The initializers of the file-scope variable {@code name} as seen from {@code f}: a
     * {@code static} one of a unit {@code f} belongs to wins over a global one; null when
     * there is none. Only initializers are known: later assignments are not tracked.
     */
    public List<Expr> globalValues(FunctionFacts f, String name) {
        return globalValues(unitsOf(f), name);
    }

    /**
     * The units where the names in the initializers of {@link #globalValues} are to be looked
     * up: those of {@code f} for a {@code static} variable, else those defining the global (a
     * {@code static} function whose address a global holds is called from anywhere).
     */
    public Set<String> globalScope(FunctionFacts f, String name) {
        for (String unit : unitsOf(f)) {
            if (staticGlobals.getOrDefault(unit, Map.of()).containsKey(name)) {
                return unitsOf(f);
            }
        }
        return globalUnits.getOrDefault(name, Set.of());
    }

    private List<Expr> globalValues(Set<String> units, String name) {
        List<Expr> out = new ArrayList<>();
        for (String unit : new java.util.TreeSet<>(units)) {
            List<Expr> v = staticGlobals.getOrDefault(unit, Map.of()).get(name);
            if (v != null) {
                v.stream().filter(e -> !out.contains(e)).forEach(out::add);
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        return globals.get(name);
    }

    /** Every function-pointer binding, in a stable order. */
    public List<FieldBinding> bindings() {
        return bindings;
    }

    /** Bindings of a struct member name, whatever the struct. */
    public List<FieldBinding> bindingsOf(String field) {
        return bindingsByField.getOrDefault(field, List.of());
    }

    /** Functions grouped by name, for rules about names ({@code install_inband_fd} defined twice). */
    public Map<String, List<FunctionFacts>> byName() {
        Map<String, List<FunctionFacts>> out = new LinkedHashMap<>();
        new TreeMap<>(byName).forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
