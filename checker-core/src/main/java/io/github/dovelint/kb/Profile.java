package io.github.dovelint.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names that change between Dovetail kernel generations: the field of
 * {@code struct file} that carries the oob pointer ({@code oob_data} on older
 * kernels, {@code f_oob_ctx} on recent ones) and the file reference counting
 * API ({@code f_count} with {@code atomic_long_inc_not_zero()}, or
 * {@code f_ref} with {@code file_ref_get()}). The default profile,
 * {@value #AUTO}, recognises every generation at once.
 *
 * @param name          the profile's name as written in {@code .dovelint.yml}
 * @param oobFields     names of the oob pointer field
 * @param countFields   names of {@code struct file}'s reference count field
 * @param incNotZero    functions that take a reference only if the count is not zero (safe under RCU)
 * @param plainIncrease functions that take a reference unconditionally (wrong under RCU)
 */
public record Profile(String name, List<String> oobFields, List<String> countFields, List<String> incNotZero,
                      List<String> plainIncrease) {

    /** The profile that recognises every generation. */
    public static final String AUTO = "auto";

    public Profile {
        oobFields = List.copyOf(oobFields);
        countFields = List.copyOf(countFields);
        incNotZero = List.copyOf(incNotZero);
        plainIncrease = List.copyOf(plainIncrease);
    }

    /** The union of several profiles, named {@value #AUTO}. */
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
        return new Profile(AUTO, new ArrayList<>(oob), new ArrayList<>(count), new ArrayList<>(safe),
                new ArrayList<>(plain));
    }

    /** This profile with its oob field names replaced (a project's {@code oob-fields:}). */
    Profile withOobFields(List<String> fields) {
        return new Profile(name, fields, countFields, incNotZero, plainIncrease);
    }
}
