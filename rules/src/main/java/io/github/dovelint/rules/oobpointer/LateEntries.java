package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.rules.RuleContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The entry points that run once a file is installed, where setting its oob pointer is too late
 * (docs/contracts.md#c51-set-before-the-fd-is-published): functions stored in a struct member
 * other than {@code .open} and {@code .release} ({@code .unlocked_ioctl}, {@code .mmap}, an oob
 * handler), and static functions nothing calls by name: they run through their address (a work
 * item's function given to {@code INIT_WORK()}, an interrupt handler).
 *
 * <p>Not entries: {@code .open} (the file is not installed yet) and {@code .release} (it may
 * clear the pointer); the hooks (DL202's); and a global function nothing in the run calls: a
 * library helper such as EVL's {@code evl_open_file()}, correct in itself, whose callers decide.
 */
final class LateEntries {

    /** The members whose handlers may write the oob pointer. */
    private static final Set<String> OWNERS = Set.of("open", "release");

    private LateEntries() {
    }

    /** The late entry points of the program, in a stable order. */
    static List<FunctionFacts> of(RuleContext context) {
        Set<String> owners = new HashSet<>();
        Set<String> late = new HashSet<>();
        for (FieldBinding b : context.program().bindings()) {
            (OWNERS.contains(b.field()) ? owners : late).add(b.function());
        }
        Set<String> hooks = new HashSet<>();
        context.hooks().forEach(h -> hooks.add(h.id()));
        List<FunctionFacts> out = new ArrayList<>();
        for (FunctionFacts f : context.program().functions()) {
            if (hooks.contains(f.id()) || owners.contains(f.name())) {
                continue;
            }
            // a static function nothing calls by name runs only through its address: a callback
            boolean callback = f.isStatic() && context.callGraph().callers(f).isEmpty();
            if (late.contains(f.name()) || callback) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing(FunctionFacts::id));
        return out;
    }
}
