package io.github.dovelint.summary;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.MemberPath;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Roles;
import io.github.dovelint.model.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Interprocedural summaries: for each function, every effect site reachable
 * from it and under which condition on its own parameters. Computed lazily,
 * only for the functions reachable from the entry points rules ask about,
 * as a monotone fixpoint (sets only grow and are bounded), so recursion
 * terminates.
 */
public final class Summaries {

    private static final int MAX_CONDITIONS_PER_SITE = 8;

    private final CallGraph graph;
    private final GfpEvaluator gfp;
    private final LocalEffects local;
    /**
     * Finished summaries, per effect kind: a question about one kind (the oob
     * pointer set from every driver's .open) must not drag every sleep site of
     * the tree into memory. Functions that reach nothing share an empty map.
     */
    private final Map<EffectKind, Map<String, Map<Site, Set<Cond>>>> done = new java.util.EnumMap<>(EffectKind.class);
    /** Local effects, computed once per function (the fixpoint visits functions many times). */
    private final Map<String, Map<Site, Set<Cond>>> locals = new HashMap<>();
    /**
     * Per kind of {@link LocalEffects#OOB_WRITES}: the ids of the functions that may reach a site
     * of it, the callers' cone of the functions that write an oob pointer. Most of a tree
     * writes none: asking about the others costs nothing.
     */
    private final Map<EffectKind, Set<String>> mayReach = new java.util.EnumMap<>(EffectKind.class);

    /** The stage tests (kb roles), and each function's calls and accesses they keep in-band. */
    private final Set<String> inbandTests;
    private final Set<String> oobTests;
    /** The functions that switch their caller to the in-band stage (kb role). */
    private final Set<String> inbandSwitches;
    private final Map<String, StageGuards> stageGuards = new HashMap<>();
    /** Each function's mask guards and NULL tests of its parameters, found once. */
    private final Map<String, Guards> guards = new HashMap<>();

    public Summaries(CallGraph graph, KnowledgeBase kb) {
        this.graph = graph;
        this.gfp = new GfpEvaluator(kb.gfp(), graph.program()::globalValues);
        this.local = new LocalEffects(kb, gfp, graph);
        this.inbandTests = Set.copyOf(kb.role(Roles.INBAND_STAGE_TESTS));
        this.oobTests = Set.copyOf(kb.role(Roles.OOB_STAGE_TESTS));
        this.inbandSwitches = Set.copyOf(kb.role(Roles.INBAND_SWITCHES));
    }

    /** The sites of the given kinds that {@code root} reaches unconditionally, sorted. */
    public synchronized Set<Site> reachedSites(FunctionFacts root, Set<EffectKind> kinds) {
        Set<Site> out = new TreeSet<>();
        for (EffectKind kind : kinds) {
            summary(root, kind).forEach((site, conds) -> {
                if (conds.stream().anyMatch(Cond::atEntry)) {
                    out.add(site);
                }
            });
        }
        return out;
    }

    /** The sites of the given kinds in {@code f}'s own body (not its callees'), unconditional ones, sorted. */
    public synchronized Set<Site> localSites(FunctionFacts f, Set<EffectKind> kinds) {
        Set<Site> out = new TreeSet<>();
        if (kinds.stream().noneMatch(k -> local.mayHave(f, k))) {
            return out;
        }
        localOf(f).forEach((site, conds) -> {
            if (kinds.contains(site.kind()) && conds.contains(Cond.ALWAYS)) {
                out.add(site);
            }
        });
        return out;
    }

    /** How {@code root} reaches {@code site}: the shortest chain of calls, deterministic. */
    public synchronized io.github.dovelint.model.CallChain chain(FunctionFacts root, Site site) {
        summary(root, site.kind());
        return new ChainFinder(graph, this).find(root, site);
    }

    /**
     * How {@code root} reaches {@code site} without calling any function named in {@code avoid}:
     * the shortest such chain, or null when every way there goes through one of them.
     */
    public synchronized io.github.dovelint.model.CallChain chainAvoiding(FunctionFacts root, Site site,
                                                                        Set<String> avoid) {
        summary(root, site.kind());
        return new ChainFinder(graph, this).find(root, site, avoid, false);
    }

    /**
     * As {@link #chainAvoiding}, for code that runs on the oob stage: not through a call, nor to a
     * site, that a stage test keeps in-band ({@code if (running_inband())}, {@link StageGuards}).
     */
    public synchronized io.github.dovelint.model.CallChain chainOnOobStage(FunctionFacts root, Site site,
                                                                          Set<String> avoid) {
        summary(root, site.kind());
        return new ChainFinder(graph, this).find(root, site, avoid, true);
    }

    /** What {@code f} does only on the in-band stage. */
    StageGuards stageGuards(FunctionFacts f) {
        return stageGuards.computeIfAbsent(f.id(), k -> StageGuards.of(f, inbandTests, oobTests, inbandSwitches));
    }

    /** Whether {@code f} switches its caller to the in-band stage: what it does after that is in-band by design. */
    boolean switchesInband(FunctionFacts f) {
        return inbandSwitches.contains(f.name());
    }

    Map<Site, Set<Cond>> summary(FunctionFacts f, EffectKind kind) {
        Map<String, Map<Site, Set<Cond>>> finished = done.computeIfAbsent(kind, k -> new HashMap<>());
        Map<Site, Set<Cond>> s = finished.get(f.id());
        if (s == null && !mayReach(f, kind)) {
            return Map.of();
        }
        if (s == null) {
            compute(f, kind, finished);
            s = finished.get(f.id());
        }
        return s;
    }

    private boolean mayReach(FunctionFacts f, EffectKind kind) {
        if (!LocalEffects.OOB_WRITES.contains(kind)) {
            return true;
        }
        return mayReach.computeIfAbsent(kind, k -> {
            Set<String> out = new HashSet<>();
            Deque<FunctionFacts> todo = new ArrayDeque<>();
            for (FunctionFacts g : graph.program().functions()) {
                if (local.mayHave(g, k)) {
                    todo.add(g);
                }
            }
            while (!todo.isEmpty()) {
                FunctionFacts g = todo.poll();
                if (out.add(g.id())) {
                    todo.addAll(graph.callers(g));
                }
            }
            return out;
        }).contains(f.id());
    }

    /**
     * {@code f}'s own effect sites, a sleep that its mask guards keep for a caller that may block
     * under that condition rather than always (docs/kernel-db.md#masks).
     */
    Map<Site, Set<Cond>> localOf(FunctionFacts f) {
        return locals.computeIfAbsent(f.id(), id -> {
            Map<Site, Set<Cond>> l = local.of(f);
            if (l.isEmpty()) {
                return Map.of();
            }
            Map<Site, Set<Cond>> out = new LinkedHashMap<>();
            l.forEach((site, conds) -> {
                Set<Cond> guarded = new LinkedHashSet<>();
                conds.forEach(c -> guarded.addAll(guarded(f, site.kind(), site.location(), c)));
                out.put(site, guarded);
            });
            return out;
        });
    }

    /**
     * What {@code f} gets of a callee {@code g}'s {@code cond} through {@code call}: the condition
     * in {@code f}'s terms ({@link #translate}), then {@code f}'s guards at the call, then,
     * for a call through a member of a parameter, the instance {@code g} is bound in.
     */
    Set<Cond> through(EffectKind kind, Cond cond, FunctionFacts f, CallFact call, FunctionFacts g) {
        Set<Cond> out = new LinkedHashSet<>();
        for (Cond t : translate(cond, f, call)) {
            out.addAll(guarded(f, kind, call.location(), t));
        }
        return onInstance(out, f, call, g);
    }

    /**
     * {@code ring->wait_input(...)}, {@code ring} a parameter of {@code f}, reaches {@code g}
     * only when the caller passes an instance {@code g} is bound in
     * ({@code xbuf->ibnd.ring.wait_input = g}): what {@code g} does always, {@code f} does
     * for those instances (docs/internals.md#instances). Other conditions stay as they are.
     */
    private Set<Cond> onInstance(Set<Cond> conds, FunctionFacts f, CallFact call, FunctionFacts g) {
        if (!(call.callee() instanceof Callee.Field field) || field.base() == null || !conds.contains(Cond.ALWAYS)) {
            return conds;
        }
        MemberPath holder = field.holder(f);
        int param = field.arrow() && holder.members().isEmpty() && holder.root() instanceof Expr.Name n
                ? f.paramIndex(n.id()) : -1;
        List<List<String>> instances = param < 0 ? List.of() : graph.instancePaths(f, call, g);
        if (instances.isEmpty()) {
            return conds;
        }
        Set<Cond> out = new LinkedHashSet<>();
        for (Cond c : conds) {
            if (c.isAlways()) {
                instances.forEach(members -> out.add(Cond.instance(param, members)));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * {@code c}, or for a sleep at a place of {@code f} that runs only when a parameter's mask
     * allows blocking, that mask's conditions ({@code mempool_alloc()} waits for its pool only when
     * its caller may block), and for an effect at a place that runs only when a parameter is not
     * NULL, that condition ({@link Guards}).
     */
    private Set<Cond> guarded(FunctionFacts f, EffectKind kind, Location at, Cond c) {
        if (!c.isAlways()) {
            return Set.of(c); // no guard changes it: none is looked for
        }
        return guards.computeIfAbsent(f.id(), k -> Guards.of(f, gfp)).at(at, kind, c);
    }

    /** The callees a call descends into: definitions the knowledge base does not describe. */
    List<FunctionFacts> descend(FunctionFacts caller, CallFact call) {
        List<FunctionFacts> out = new ArrayList<>();
        for (Target t : graph.targets(caller, call)) {
            if (t.definition() != null && local.spec(t).isEmpty()) {
                out.add(t.definition());
            }
        }
        return out;
    }

    /** Translates a callee's condition into the caller's terms through the call's arguments. */
    Set<Cond> translate(Cond cond, FunctionFacts caller, CallFact call) {
        return translate(gfp, local, cond, caller, call);
    }

    static Set<Cond> translate(GfpEvaluator gfp, LocalEffects local, Cond cond, FunctionFacts caller,
                               CallFact call) {
        if (cond.isAlways()) {
            return Set.of(Cond.ALWAYS);
        }
        if (cond.subject() == Cond.Subject.INSTANCE) {
            return instanceThrough(cond, caller, call.arg(cond.param()));
        }
        if (cond.subject() == Cond.Subject.NONNULL) {
            return nonNullThrough(caller, call.arg(cond.param()));
        }
        if (cond.subject() != null) {
            Cond c = local.subjectOf(call.arg(cond.param()), caller, cond.subject());
            return c == null ? Set.of() : Set.of(c);
        }
        Set<Mask> args = gfp.eval(call.arg(cond.param()), caller);
        if (args == null) {
            return Set.of();
        }
        Set<Cond> out = new LinkedHashSet<>();
        for (Mask arg : args) {
            Mask m = cond.mask().applyTo(arg);
            if (gfp.allowsReclaim(m.or())) {
                out.add(Cond.ALWAYS);
            } else if (!m.isConstant() && gfp.allowsReclaim(m.and())) {
                out.add(Cond.onParam(m));
            }
        }
        return out;
    }

    /**
     * An instance condition in the caller's terms: a caller passing {@code &xbuf->obnd.ring}
     * meets {@code [obnd, ring]} and not {@code [ibnd, ring]}; one passing its own parameter
     * passes the condition on; one passing anything else may pass any instance.
     */
    private static Set<Cond> instanceThrough(Cond cond, FunctionFacts caller, Expr arg) {
        if (arg == null) {
            return Set.of(Cond.ALWAYS);
        }
        MemberPath path = MemberPath.pointee(caller, arg);
        if (!path.members().isEmpty()) {
            return path.mayBe(cond.instance()) ? Set.of(Cond.ALWAYS) : Set.of();
        }
        int param = path.root() instanceof Expr.Name n ? caller.paramIndex(n.id()) : -1;
        return Set.of(param >= 0 ? Cond.instance(param, cond.instance()) : Cond.ALWAYS);
    }

    /**
     * Not NULL, in the caller's terms: never for a caller passing NULL, when its own parameter is
     * not NULL for one passing that parameter on, always for one passing anything else.
     */
    private static Set<Cond> nonNullThrough(FunctionFacts caller, Expr arg) {
        if (arg != null && NullGuards.isNull(arg)) {
            return Set.of();
        }
        int param = arg instanceof Expr.Name n && caller.locals().get(n.id()) == null ? caller.paramIndex(n.id()) : -1;
        return Set.of(param >= 0 ? Cond.paramIs(param, Cond.Subject.NONNULL) : Cond.ALWAYS);
    }

    private void compute(FunctionFacts root, EffectKind kind, Map<String, Map<Site, Set<Cond>>> done) {
        // Collect the not-yet-summarised functions reachable from root, with reverse edges.
        Map<String, FunctionFacts> pending = new LinkedHashMap<>();
        Map<String, Set<String>> callers = new HashMap<>();
        Deque<FunctionFacts> stack = new ArrayDeque<>();
        stack.push(root);
        pending.put(root.id(), root);
        while (!stack.isEmpty()) {
            FunctionFacts f = stack.pop();
            for (CallFact c : f.calls()) {
                for (FunctionFacts g : descend(f, c)) {
                    if (done.containsKey(g.id())) {
                        continue;
                    }
                    callers.computeIfAbsent(g.id(), k -> new LinkedHashSet<>()).add(f.id());
                    if (pending.putIfAbsent(g.id(), g) == null) {
                        stack.push(g);
                    }
                }
            }
        }
        Map<String, Map<Site, Set<Cond>>> work = new HashMap<>();
        for (FunctionFacts f : pending.values()) {
            work.put(f.id(), new LinkedHashMap<>());
        }
        Deque<FunctionFacts> queue = new ArrayDeque<>(pending.values());
        Set<String> queued = new HashSet<>(pending.keySet());
        while (!queue.isEmpty()) {
            FunctionFacts f = queue.poll();
            queued.remove(f.id());
            Map<Site, Set<Cond>> next = evaluate(f, kind, work, done);
            if (!next.equals(work.get(f.id()))) {
                work.put(f.id(), next);
                for (String caller : callers.getOrDefault(f.id(), Set.of())) {
                    if (queued.add(caller)) {
                        queue.add(pending.get(caller));
                    }
                }
            }
        }
        work.forEach((id, s) -> done.put(id, s.isEmpty() ? Map.of() : Collections.unmodifiableMap(s)));
    }

    private Map<Site, Set<Cond>> evaluate(FunctionFacts f, EffectKind kind, Map<String, Map<Site, Set<Cond>>> work,
                                          Map<String, Map<Site, Set<Cond>>> done) {
        Map<Site, Set<Cond>> out = new LinkedHashMap<>();
        localOf(f).forEach((site, conds) -> {
            if (site.kind() == kind) {
                conds.forEach(c -> addBounded(out, site, c));
            }
        });
        for (CallFact c : f.calls()) {
            for (FunctionFacts g : descend(f, c)) {
                Map<Site, Set<Cond>> callee = done.containsKey(g.id()) ? done.get(g.id()) : work.get(g.id());
                if (callee == null) {
                    continue;
                }
                callee.forEach((site, conds) -> {
                    for (Cond cond : conds) {
                        through(kind, cond, f, c, g).forEach(t -> addBounded(out, site, t));
                    }
                });
            }
        }
        return out;
    }

    private static void addBounded(Map<Site, Set<Cond>> out, Site site, Cond cond) {
        Set<Cond> conds = out.computeIfAbsent(site, k -> new LinkedHashSet<>());
        if (conds.size() < MAX_CONDITIONS_PER_SITE || cond.isAlways()) {
            conds.add(cond);
        }
    }
}
