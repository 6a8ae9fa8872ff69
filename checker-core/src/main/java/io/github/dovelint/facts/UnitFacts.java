package io.github.dovelint.facts;

import java.util.List;

/**
 * The facts of one translation unit: the function definitions it contains
 * (including static inline ones from the headers it includes) and the
 * function pointers bound in its file-scope initializers.
 *
 * @param file      the main file, relative to the root
 * @param functions every function definition seen in the unit
 * @param bindings  file-scope function-pointer bindings
 * @param globals   file-scope variables with a scalar initializer, in source order
 */
public record UnitFacts(String file, List<FunctionFacts> functions, List<FieldBinding> bindings,
                        List<GlobalVar> globals) {
    public UnitFacts {
        functions = List.copyOf(functions);
        bindings = List.copyOf(bindings);
        globals = List.copyOf(globals);
    }

    /** A unit without file-scope variables. */
    public UnitFacts(String file, List<FunctionFacts> functions, List<FieldBinding> bindings) {
        this(file, functions, bindings, List.of());
    }
}
