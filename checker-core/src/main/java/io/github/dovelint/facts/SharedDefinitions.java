package io.github.dovelint.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One copy of each function a header defines. A {@code static inline}
 * function in a header is extracted again in every unit that includes it; in
 * the kernel's {@code fs/ext4} that is 6,966 copies of 209 header functions
 * next to 1,190 functions of its own, so holding every copy multiplies the
 * memory of a whole-tree run several times over.
 *
 * <p>A copy equal to one already seen (records compare by value, locations
 * included) is replaced by that one; copies that differ because the header
 * saw other macros stay distinct. Since only equal values are merged, which
 * copy is kept changes no result, whatever the order in which threads get
 * here. Functions of the unit's own main file are left alone: they are never
 * repeated. Thread-safe; one instance per run.
 */
public final class SharedDefinitions {

    private final ConcurrentMap<FunctionFacts, FunctionFacts> canonical = new ConcurrentHashMap<>();

    /** {@code unit} with each header function replaced by the first equal copy seen in this run. */
    public UnitFacts share(UnitFacts unit) {
        if (unit == null) {
            return null;
        }
        List<FunctionFacts> functions = null;
        for (int i = 0; i < unit.functions().size(); i++) {
            FunctionFacts f = unit.functions().get(i);
            if (f.location().file().equals(unit.file())) {
                continue;
            }
            FunctionFacts kept = canonical.putIfAbsent(f, f);
            if (kept != null && kept != f) {
                if (functions == null) {
                    functions = new ArrayList<>(unit.functions());
                }
                functions.set(i, kept);
            }
        }
        return functions == null ? unit : new UnitFacts(unit.file(), functions, unit.bindings(), unit.globals());
    }

    /** How many distinct header functions were seen. */
    public int size() {
        return canonical.size();
    }
}
