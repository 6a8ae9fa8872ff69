package io.github.dovelint.engine;

import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.rules.StartingPoints;
import io.github.dovelint.slice.Slicer;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules' scopes as the slicer walks them: each {@link Scope.Part} with the knowledge base's
 * names filled in. The rules know nothing of the slicer; this is where the two meet.
 */
public final class SliceSpecs {

    private SliceSpecs() {
    }

    /** The specs of these rules, or null when one can look at everything (then everything is parsed). */
    public static List<Slicer.Spec> of(List<Rule> rules, KnowledgeBase kb) {
        List<Slicer.Spec> out = new ArrayList<>();
        for (Rule rule : rules) {
            Scope scope = rule.scope();
            if (scope.isEverything()) {
                return null;
            }
            for (Scope.Part p : scope.parts()) {
                out.add(of(p, kb));
            }
        }
        return out;
    }

    /** The spec of one part of a scope. */
    public static Slicer.Spec of(Scope.Part p, KnowledgeBase kb) {
        StartingPoints s = p.from().startingPoints(kb);
        List<String> filter = p.calleesMentioning() == null ? List.of() : p.calleesMentioning().apply(kb).patterns();
        return new Slicer.Spec(s.defines(), s.mentions().patterns(), s.confirmed(), s.boundTo(), levels(p.callers()),
                levels(p.callees()), filter, p.followsMembers());
    }

    /** A scope's levels in the slicer's terms: {@link Scope#ALL} is its {@link Slicer#ALL}. */
    private static int levels(int scope) {
        return scope == Scope.ALL ? Slicer.ALL : scope;
    }
}
