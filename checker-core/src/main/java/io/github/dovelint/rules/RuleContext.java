package io.github.dovelint.rules;

import io.github.dovelint.CallChain;
import io.github.dovelint.Location;
import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Program;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.summary.EffectKind;
import io.github.dovelint.summary.Site;
import io.github.dovelint.summary.Summaries;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule sees of one program (the shared facts, the call graph, the
 * summaries, the knowledge base) and where it reports. Rules never touch the AST.
 */
public final class RuleContext {

    /** Receives a rule's reports. */
    public interface Sink {
        void report(RuleDescriptor rule, Location location, String function, String message, List<CallChain> chains);
    }

    private final Program program;
    private final CallGraph graph;
    private final Summaries summaries;
    private final KnowledgeBase kb;
    private final RuleDescriptor rule;
    private final Sink sink;

    public RuleContext(Program program, CallGraph graph, Summaries summaries, KnowledgeBase kb,
                       RuleDescriptor rule, Sink sink) {
        this.program = program;
        this.graph = graph;
        this.summaries = summaries;
        this.kb = kb;
        this.rule = rule;
        this.sink = sink;
    }

    public Program program() {
        return program;
    }

    public CallGraph callGraph() {
        return graph;
    }

    public KnowledgeBase knowledge() {
        return kb;
    }

    /** Every definition of the three Dovetail hooks in this program, in a stable order. */
    public List<FunctionFacts> hooks() {
        List<FunctionFacts> out = new ArrayList<>();
        for (String name : kb.hooks()) {
            out.addAll(program.definitions(name));
        }
        return out;
    }

    /** The definitions of one hook ({@code uninstall_inband_fd}). */
    public List<FunctionFacts> hook(String name) {
        return program.definitions(name);
    }

    /** Starts a reachability question: which effect sites of these kinds do some entries reach? */
    public Reachability reachable(EffectKind first, EffectKind... more) {
        return new Reachability(EnumSet.of(first, more));
    }

    /** Reports a finding of this rule. */
    public void report(Location location, String function, String message, List<CallChain> chains) {
        sink.report(rule, location, function, message, chains);
    }

    /** Reports a finding at an effect site with the chains that reach it. */
    public void report(Reached reached, String message) {
        report(reached.site().location(), reached.site().function(), message, reached.chains());
    }

    /** A reachability question under construction. */
    public final class Reachability {
        private final Set<EffectKind> kinds;

        private Reachability(Set<EffectKind> kinds) {
            this.kinds = kinds;
        }

        /**
         * The sites reached from any of {@code entries}, each once, sorted by
         * location, with one chain per entry that reaches it.
         */
        public List<Reached> from(Collection<FunctionFacts> entries) {
            Map<Site, List<CallChain>> bySite = new java.util.TreeMap<>();
            for (FunctionFacts entry : entries) {
                for (Site site : summaries.reachedSites(entry, kinds)) {
                    bySite.computeIfAbsent(site, k -> new ArrayList<>()).add(summaries.chain(entry, site));
                }
            }
            // Several sites may share one location (copy_to_user both sleeps and uses current->mm
            // for different rules; a rule asking for both kinds reports that location once).
            Map<Location, Reached> byLocation = new LinkedHashMap<>();
            bySite.forEach((site, chains) -> byLocation.putIfAbsent(site.location(), new Reached(site, chains)));
            return List.copyOf(byLocation.values());
        }
    }
}
