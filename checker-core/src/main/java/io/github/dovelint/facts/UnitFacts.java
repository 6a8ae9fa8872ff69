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
 */
public record UnitFacts(String file, List<FunctionFacts> functions, List<FieldBinding> bindings) {
    public UnitFacts {
        functions = List.copyOf(functions);
        bindings = List.copyOf(bindings);
    }
}
