package io.github.dovelint.rules;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Program;
import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.BoundMember;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.spec.Hook;
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
    private Generation generation;

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

    /**
     * The definitions of the hooks for which a property of the reference
     * tracker's contract table holds, e.g. {@code hooks(HookContracts::mayRunAtomic)}:
     * rules take their entry points from the spec rather than restating it.
     * A project that renames the hooks ({@code hooks:} in .dovelint.yml) keeps
     * their order: install, replace, uninstall.
     */
    public List<FunctionFacts> hooks(java.util.function.Predicate<Hook> property) {
        List<FunctionFacts> out = new ArrayList<>();
        for (Hook h : Hook.values()) {
            if (property.test(h)) {
                out.addAll(program.definitions(hookName(kb, h)));
            }
        }
        return out;
    }

    /** The name a project gives a hook: its {@code hooks:} renaming, in install, replace, uninstall order. */
    static String hookName(KnowledgeBase kb, Hook h) {
        List<String> names = kb.hooks();
        return names.size() == Hook.values().length ? names.get(h.ordinal()) : h.function();
    }

    /** The definitions of one hook ({@code uninstall_inband_fd}). */
    public List<FunctionFacts> hook(String name) {
        return program.definitions(name);
    }

    /** The struct tag of the VFS operations table. */
    public static final String FILE_OPERATIONS = BoundMember.FILE_OPERATIONS;

    /**
     * The definitions a binding stores: a {@code static} one visible from the binding's file
     * wins, as for a call written there; otherwise every global one.
     */
    public List<FunctionFacts> definitionsOf(FieldBinding binding) {
        List<FunctionFacts> sameFile = new ArrayList<>();
        List<FunctionFacts> global = new ArrayList<>();
        for (FunctionFacts f : program.definitions(binding.function())) {
            if (f.isStatic()) {
                if (f.location().file().equals(binding.location().file())
                        || program.unitsOf(f).contains(binding.location().file())) {
                    sameFile.add(f);
                }
            } else {
                global.add(f);
            }
        }
        return !sameFile.isEmpty() ? sameFile : global;
    }

    /**
     * The definitions bound to a member: {@code oob_read} of a file_operations (or of an untyped
     * table); {@code evl_net_proto.oob_send} of that struct (or of an untyped table).
     */
    public List<FunctionFacts> handlers(String member) {
        BoundMember bound = BoundMember.of(member);
        Map<String, FunctionFacts> out = new java.util.TreeMap<>();
        for (FieldBinding b : program.bindingsOf(bound.field())) {
            if (bound.inStruct(b.structTag())) {
                definitionsOf(b).forEach(f -> out.putIfAbsent(f.id(), f));
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * One {@code struct file_operations} initializer: its function members.
     *
     * @param name     the variable it initialises ({@code evl_fops})
     * @param location where that variable is defined
     * @param members  the bound members by name ({@code open}, {@code release}), in source order
     */
    public record FileOperations(String name, Location location, Map<String, FieldBinding> members) {
        public FileOperations {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        /** The binding of a member, or null. */
        public FieldBinding member(String field) {
            return members.get(field);
        }
    }

    /**
     * The {@code struct file_operations} tables initialised in the program (at file
     * scope or in a function), one per initialised variable, in source order.
     */
    public List<FileOperations> fileOperations() {
        Map<Location, FileOperations> byOwner = new java.util.TreeMap<>();
        Map<Location, Map<String, FieldBinding>> members = new java.util.TreeMap<>();
        Map<Location, String> names = new java.util.HashMap<>();
        for (FieldBinding b : program.bindings()) {
            if (FILE_OPERATIONS.equals(b.structTag()) && b.ownerAt() != null) {
                members.computeIfAbsent(b.ownerAt(), k -> new LinkedHashMap<>()).putIfAbsent(b.field(), b);
                names.put(b.ownerAt(), b.owner());
            }
        }
        members.forEach((at, m) -> byOwner.put(at, new FileOperations(names.get(at), at, m)));
        return List.copyOf(byOwner.values());
    }

    /**
     * The ids of the functions that can only run from {@code entries}: the entries themselves and
     * every function whose callers all can only run from them (a function stored in a struct
     * member, or without callers, can run from elsewhere). Ids, not the facts: a set of facts
     * would hash whole function bodies.
     */
    public java.util.Set<String> onlyReachableFrom(Collection<FunctionFacts> entries) {
        java.util.Set<String> bound = new java.util.HashSet<>();
        for (FieldBinding b : program.bindings()) {
            bound.add(b.function());
        }
        java.util.Set<String> entryIds = new java.util.HashSet<>();
        entries.forEach(e -> entryIds.add(e.id()));
        java.util.Set<String> ok = new java.util.HashSet<>();
        List<FunctionFacts> candidates = new ArrayList<>();
        for (FunctionFacts f : program.functions()) {
            if (entryIds.contains(f.id()) || !bound.contains(f.name()) && !graph.callers(f).isEmpty()) {
                ok.add(f.id());
                candidates.add(f);
            }
        }
        // Greatest fixpoint by worklist: a function drops out when one of its callers is out,
        // and then its callees are looked at again (one pass per change, not per round).
        java.util.ArrayDeque<FunctionFacts> work = new java.util.ArrayDeque<>(candidates);
        while (!work.isEmpty()) {
            FunctionFacts f = work.poll();
            if (ok.contains(f.id()) && !entryIds.contains(f.id())
                    && !graph.callers(f).stream().allMatch(c -> ok.contains(c.id()))) {
                ok.remove(f.id());
                for (io.github.dovelint.facts.CallFact c : f.calls()) {
                    for (io.github.dovelint.callgraph.Target t : graph.targets(f, c)) {
                        if (t.definition() != null) {
                            work.add(t.definition());
                        }
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableSet(ok);
    }

    /** The effect sites of the given kinds in {@code f}'s own body, sorted. */
    public java.util.Set<Site> localSites(FunctionFacts f, EffectKind first, EffectKind... more) {
        return summaries.localSites(f, EnumSet.of(first, more));
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

    /**
     * The Dovetail generation whose contracts apply to this program: the pinned profile's, or
     * under {@code profile: auto} the one the code's oob pointer tells ({@link Generation}).
     */
    public Generation generation() {
        if (generation == null) {
            generation = Generation.of(kb, program);
        }
        return generation;
    }

    /** A reachability question under construction. */
    public final class Reachability {
        private final Set<EffectKind> kinds;
        private final Map<EffectKind, Set<String>> avoid = new java.util.EnumMap<>(EffectKind.class);
        private boolean oobStage;

        private Reachability(Set<EffectKind> kinds) {
            this.kinds = kinds;
        }

        /**
         * The entries run on the oob stage: a site counts only along chains that pass no stage
         * test keeping them in-band ({@code if (running_inband()) relay();}), as the oob stage
         * never takes that side (docs/contracts.md#c8-oob-handlers-never-call-in-band-services).
         */
        public Reachability onOobStage() {
            oobStage = true;
            return this;
        }

        /**
         * Sites of {@code kind} count only along chains that call none of {@code functions}:
         * a site that is a call to one of them, or that every chain reaches through one of them,
         * is left out ({@code fget} where a Dovetail generation lets the oob stage call it).
         */
        public Reachability avoiding(EffectKind kind, Collection<String> functions) {
            avoid.computeIfAbsent(kind, k -> new java.util.HashSet<>()).addAll(functions);
            return this;
        }

        /**
         * The sites reached from any of {@code entries}, each once, sorted by
         * location, with one chain per entry that reaches it.
         */
        public List<Reached> from(Collection<FunctionFacts> entries) {
            Map<Site, List<CallChain>> bySite = new java.util.TreeMap<>();
            for (FunctionFacts entry : entries) {
                for (Site site : summaries.reachedSites(entry, kinds)) {
                    Set<String> without = avoid.getOrDefault(site.kind(), Set.of());
                    CallChain chain = site.callee() != null && without.contains(site.callee()) ? null
                            : oobStage ? summaries.chainOnOobStage(entry, site, without)
                            : without.isEmpty() ? summaries.chain(entry, site)
                            : summaries.chainAvoiding(entry, site, without);
                    if (chain != null) {
                        bySite.computeIfAbsent(site, k -> new ArrayList<>()).add(chain);
                    }
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
