package io.github.dovelint.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names and contracts that change between Dovetail kernel generations
 * (docs/contracts.md#the-oob-pointer-across-dovetail-generations): the member path of
 * {@code struct file} that carries the oob pointer ({@code oob_data},
 * {@code f_oob_ctx}, {@code f_oob_state.data}), the file reference counting
 * API ({@code f_count} with {@code atomic_long_inc_not_zero()}, or
 * {@code f_ref} with {@code file_ref_get()}), and the in-band VFS calls the
 * oob stage may make. The default profile, {@value #AUTO}, recognises every
 * generation at once.
 *
 * @param name           the profile's name as written in {@code .dovelint.yml}
 * @param generation     the Dovetail generation it describes (1, 2, 3), or 0 when it says none
 * @param oobFields      member paths of the oob pointer ({@code oob_data}, {@code f_oob_state.data})
 * @param countFields    names of {@code struct file}'s reference count field
 * @param incNotZero     functions that take a reference only if the count is not zero (safe under RCU)
 * @param plainIncrease  functions that take a reference unconditionally (wrong under RCU)
 * @param oobStageAllows in-band VFS functions that this generation lets the oob stage call although
 *                       they use {@code current->files} ({@code fget}; C8)
 */
public record Profile(String name, int generation, List<String> oobFields, List<String> countFields,
                      List<String> incNotZero, List<String> plainIncrease, List<String> oobStageAllows) {

    /** The profile that recognises every generation. */
    public static final String AUTO = "auto";

    public Profile {
        oobFields = List.copyOf(oobFields);
        countFields = List.copyOf(countFields);
        incNotZero = List.copyOf(incNotZero);
        plainIncrease = List.copyOf(plainIncrease);
        oobStageAllows = List.copyOf(oobStageAllows);
    }

    /**
     * The union of several profiles, named {@value #AUTO}, of no generation. What the oob stage may
     * call is decided per run from the code ({@code rules.Generation}), not here: none.
     */
    static Profile union(List<String> baseOobFields, Collection<Profile> profiles) {
        Set<String> oob = new LinkedHashSet<>(baseOobFields);
        Set<String> count = new LinkedHashSet<>();
        Set<String> safe = new LinkedHashSet<>();
        Set<String> plain = new LinkedHashSet<>();
        for (Profile p : profiles) {
            oob.addAll(p.oobFields());
            count.addAll(p.countFields());
            safe.addAll(p.incNotZero());
            plain.addAll(p.plainIncrease());
        }
        plain.removeAll(safe);
        return new Profile(AUTO, 0, new ArrayList<>(oob), new ArrayList<>(count), new ArrayList<>(safe),
                new ArrayList<>(plain), List.of());
    }

    /** Whether this is the {@value #AUTO} profile (every generation at once). */
    public boolean isAuto() {
        return AUTO.equals(name);
    }

    /** This profile with its oob field names replaced (a project's {@code oob-fields:}). */
    Profile withOobFields(List<String> fields) {
        return new Profile(name, generation, fields, countFields, incNotZero, plainIncrease, oobStageAllows);
    }
}
