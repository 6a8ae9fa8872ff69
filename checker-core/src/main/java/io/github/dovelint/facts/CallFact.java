package io.github.dovelint.facts;

import io.github.dovelint.model.Location;
import java.util.List;

/**
 * One call made by a function.
 *
 * @param callee   what is called
 * @param args     the arguments, in order
 * @param location where the call is (for a call produced by a macro, where the macro is used)
 * @param macro    the outermost macro whose expansion produced this call, or null when written directly
 */
public record CallFact(Callee callee, List<Expr> args, Location location, String macro) {
    public CallFact {
        args = List.copyOf(args);
        macro = Shared.of(macro);
    }

    /** The argument at {@code index}, or null when the call has fewer. */
    public Expr arg(int index) {
        return index >= 0 && index < args.size() ? args.get(index) : null;
    }
}
