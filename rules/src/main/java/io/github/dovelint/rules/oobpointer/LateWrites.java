package io.github.dovelint.rules.oobpointer;

import static io.github.dovelint.summary.EffectKind.OOB_CLEAR;
import static io.github.dovelint.summary.EffectKind.OOB_SET;

import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.Roles;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Location;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.summary.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The oob-pointer writes an entry point makes once the file is installed, itself or through
 * the helpers it calls (docs/contracts.md#c51-set-before-the-fd-is-published). A write that a
 * function makes, or reaches through a call, before that same function publishes a file with
 * an fd publisher ({@code fd_install()}: knowledge base role {@value Roles#FD_PUBLISHERS}) is
 * on a file not installed yet: a core creating its own file sets the pointer, then installs it.
 * Such a function is not looked into further. One instance per rule run.
 */
final class LateWrites {

    /**
     * A late write.
     *
     * @param at     where it is reported: the write itself when the entry makes it, else the
     *               entry's call that leads to it
     * @param site   the write
     * @param direct whether the entry makes the write itself
     * @param chain  the calls from the entry to the write
     */
    record Late(Location at, Site site, boolean direct, CallChain chain) {
    }

    private final RuleContext context;
    private final Set<String> publishers;
    private final Map<String, Boolean> reaches = new HashMap<>();

    LateWrites(RuleContext context) {
        this.context = context;
        this.publishers = Set.copyOf(context.knowledge().role(Roles.FD_PUBLISHERS));
    }

    /** Whether any function of the program writes the oob pointer. */
    boolean any() {
        for (FunctionFacts f : context.program().functions()) {
            if (!context.localSites(f, OOB_SET, OOB_CLEAR).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The writes {@code entry} makes or reaches after the file was installed, first path first. */
    List<Late> from(FunctionFacts entry) {
        if (!reachesWrite(entry)) {
            return List.of();
        }
        List<Late> out = new ArrayList<>();
        List<ChainStep> path = new ArrayList<>();
        path.add(new ChainStep(entry.location(), entry.name() + "() is the entry point"));
        walk(entry, entry, path, new HashSet<>(), new HashSet<>(), out);
        return out;
    }

    private void walk(FunctionFacts entry, FunctionFacts f, List<ChainStep> path, Set<String> visited,
                      Set<Site> seen, List<Late> out) {
        if (!visited.add(f.id())) {
            return;
        }
        for (Site site : context.localSites(f, OOB_SET, OOB_CLEAR)) {
            if (!publishesAfter(f, site.location()) && seen.add(site)) {
                List<ChainStep> steps = new ArrayList<>(path);
                steps.add(new ChainStep(site.location(), site.description()));
                Location at = path.size() > 1 ? path.get(1).location() : site.location();
                out.add(new Late(at, site, f == entry, new CallChain(entry.name(), steps)));
            }
        }
        for (CallFact call : f.calls()) {
            if (publishesAfter(f, call.location())) {
                continue;
            }
            for (Target t : context.callGraph().targets(f, call)) {
                FunctionFacts g = t.definition();
                if (g != null && reachesWrite(g)) {
                    path.add(new ChainStep(call.location(), f.name() + "() calls " + g.name() + "()"));
                    walk(entry, g, path, visited, seen, out);
                    path.remove(path.size() - 1);
                }
            }
        }
    }

    /** Whether {@code f} publishes a file with an fd publisher after {@code at}. */
    private boolean publishesAfter(FunctionFacts f, Location at) {
        for (CallFact c : f.calls()) {
            if (c.callee() instanceof Callee.Named n && publishers.contains(n.name())
                    && c.location().compareTo(at) > 0) {
                return true;
            }
        }
        return false;
    }

    private boolean reachesWrite(FunctionFacts f) {
        return reaches.computeIfAbsent(f.id(),
                id -> !context.reachable(OOB_SET, OOB_CLEAR).from(List.of(f)).isEmpty());
    }
}
