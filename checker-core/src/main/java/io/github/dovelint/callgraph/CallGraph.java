package io.github.dovelint.callgraph;

import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.MemberPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves calls to their possible targets.
 *
 * <ul>
 *   <li>{@code foo(...)}: a {@code static foo} visible in the caller's translation
 *       unit wins; otherwise every non-static {@code foo} of the program; otherwise
 *       the external function {@code foo}.</li>
 *   <li>{@code fn(...)} where {@code fn} is a local variable: the functions assigned
 *       to it anywhere in the body ({@code fn = helper;}, {@code fn = c ? a : b;},
 *       {@code fn = ops->get;}); where {@code fn} is a file-scope variable, its
 *       initializer (assignments elsewhere are not followed).</li>
 *   <li>{@code ops->get(...)}: every function bound to a member {@code get} in an
 *       initializer or assignment, restricted to the same struct when both types
 *       are known, and to the same embedded instance when both say which
 *       ({@link #instancePaths}).</li>
 * </ul>
 * Calls through parameters or computed pointers stay unresolved: dovelint does
 * not guess.
 */
public final class CallGraph {

    private final Program program;
    /**
     * Every call of every function of the program, resolved once when the graph is built, keyed
     * by identity: a call event of a CFG carries the very {@link CallFact} of its function's
     * {@link FunctionFacts#calls()}, and a record key would hash its argument trees on every
     * lookup. Read-only once built, so rules on several threads share it without locking.
     */
    private final Map<CallFact, List<Target>> resolved = new IdentityHashMap<>();
    /** Callee id to the functions that may call it (itself included), in program order. */
    private final Map<String, List<FunctionFacts>> callers = new HashMap<>();
    /**
     * One shared target list per definition called by its own name: a whole tree resolves
     * millions of calls, mostly to the same few hundred thousand functions.
     */
    private final Map<String, List<Target>> direct = new ConcurrentHashMap<>();
    /** Targets of a call through a member, by struct tag, member name and the embedded members it is read from. */
    private final Map<String, List<Target>> throughFieldMemo = new ConcurrentHashMap<>();
    /** {@link #instancePaths}, by the same key and the target. */
    private final Map<String, List<List<String>>> instancePathsMemo = new ConcurrentHashMap<>();
    /** One shared target list per external name (most calls of a tree are to the kernel API). */
    private final Map<String, List<Target>> externals = new ConcurrentHashMap<>();

    public CallGraph(Program program) {
        this.program = program;
        for (FunctionFacts f : program.functions()) {
            for (CallFact c : f.calls()) {
                List<Target> targets = resolve(f, c);
                resolved.put(c, targets);
                for (Target t : targets) {
                    if (t.definition() != null) {
                        List<FunctionFacts> list = callers.computeIfAbsent(t.definition().id(), k -> new ArrayList<>());
                        if (list.isEmpty() || list.get(list.size() - 1) != f) {
                            list.add(f);
                        }
                    }
                }
            }
        }
    }

    public Program program() {
        return program;
    }

    /**
     * The possible targets of a call made by {@code caller}, in a stable order. A call
     * that is not one of the program's own (facts built apart from it) is resolved anew.
     */
    public List<Target> targets(FunctionFacts caller, CallFact call) {
        List<Target> known = resolved.get(call);
        return known != null ? known : resolve(caller, call);
    }

    /**
     * The definitions a call reaches by the name it is written with ({@code foo(x)} where
     * {@code foo} is a function of the program, not a local, a parameter or a global
     * function pointer): no call through a struct member or a variable. Rules that declare
     * they do not follow members ({@code Scope.withoutMemberCalls}) walk these only.
     */
    public List<FunctionFacts> directTargets(FunctionFacts caller, CallFact call) {
        if (!(call.callee() instanceof Callee.Named named) || caller.locals().get(named.name()) != null
                || caller.paramIndex(named.name()) >= 0 || program.definitions(named.name()).isEmpty()) {
            return List.of();
        }
        List<FunctionFacts> out = new ArrayList<>();
        for (Target t : targets(caller, call)) {
            if (t.definition() != null) {
                out.add(t.definition());
            }
        }
        return out;
    }

    /**
     * The targets of a call whose callee is known exactly: a call written with a function's
     * own name (a definition of the program, or an external function), not through a struct
     * member, a local or global function pointer or a parameter. The visible static definition,
     * or every global one of that name: several are alternatives (per architecture, per
     * configuration), of which a build links one, and kernel derivation keeps only what they all
     * do (docs/kernel-db.md#alternatives). Kernel derivation follows only these
     * (docs/kernel-db.md#function-pointers).
     */
    public List<Target> exactTargets(FunctionFacts caller, CallFact call) {
        if (!(call.callee() instanceof Callee.Named named) || caller.locals().get(named.name()) != null
                || caller.paramIndex(named.name()) >= 0) {
            return List.of();
        }
        if (program.definitions(named.name()).isEmpty() && program.globalValues(caller, named.name()) != null) {
            return List.of();
        }
        return targets(caller, call);
    }

    /**
     * The functions of the program that may call {@code callee} (a recursive one among them),
     * each once, in program order.
     */
    public List<FunctionFacts> callers(FunctionFacts callee) {
        return java.util.Collections.unmodifiableList(callers.getOrDefault(callee.id(), List.of()));
    }

    private List<Target> resolve(FunctionFacts caller, CallFact call) {
        Callee callee = call.callee();
        if (callee instanceof Callee.Named named) {
            String name = named.name();
            List<Expr> assigned = caller.locals().get(name);
            if (assigned != null) {
                return throughVariable(caller, program.unitsOf(caller), assigned);
            }
            if (caller.paramIndex(name) >= 0) {
                return List.of(); // a function-pointer parameter: unknown target
            }
            if (program.definitions(name).isEmpty()) {
                List<Expr> initial = program.globalValues(caller, name);
                if (initial != null) {
                    // static void (*cb)(void) = waiter;
                    return throughVariable(caller, program.globalScope(caller, name), initial);
                }
            }
            return byName(caller, name);
        }
        if (callee instanceof Callee.Field field) {
            return throughField(field, basePath(caller, field), call.args().size());
        }
        return List.of();
    }

    /**
     * A local function pointer: every function assigned to it, including both arms of
     * {@code fn = cond ? a : b} and a member read ({@code fn = ops->get}, resolved like a
     * call through that member whatever the struct, since the value carries no type).
     */
    private List<Target> throughVariable(FunctionFacts caller, Set<String> scope, List<Expr> assigned) {
        Map<String, Target> out = new LinkedHashMap<>();
        java.util.Deque<Expr> todo = new java.util.ArrayDeque<>(assigned);
        for (int guard = 0; !todo.isEmpty() && guard < 64; guard++) {
            Expr e = todo.poll();
            if (e instanceof Expr.Conditional c) {
                todo.add(c.yes());
                todo.add(c.no());
                continue;
            }
            if (e instanceof Expr.Member m) {
                for (Target t : throughField(new Callee.Field(null, m.field(), m.text()), List.of(), -1)) {
                    out.putIfAbsent(key(t), t);
                }
                continue;
            }
            String fn = Expr.functionRef(e);
            if (fn != null && caller.locals().get(fn) == null) {
                for (Target t : byName(scope, fn)) {
                    if (!t.isExternal() || !fn.equals("NULL")) {
                        out.putIfAbsent(key(t), t);
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * What a call through {@code field} with {@code args} arguments (-1: not known) reaches. A
     * function whose definition takes more parameters than the call passes is not one of them:
     * {@code clock->ops.read(clock)} never calls a {@code .read} of a file_operations, which takes
     * four, even where neither struct's type is known (headerless runs). One that takes fewer
     * stays: it may be variadic.
     */
    private List<Target> throughField(Callee.Field field, List<String> at, int args) {
        // The same for every call through the member from the same place of a struct with as many
        // arguments: a whole kernel calls ->open, ->read... from thousands of places, each over
        // thousands of bindings.
        String key = fieldKey(field, at) + "\0" + args;
        return throughFieldMemo.computeIfAbsent(key, k -> {
            List<Target> all = resolveField(field, at);
            if (args < 0) {
                return all;
            }
            List<Target> out = all.stream()
                    .filter(t -> t.definition() == null || t.definition().params().size() <= args).toList();
            return out.size() == all.size() ? all : out;
        });
    }

    /**
     * The functions bound to the member, restricted to the bindings of the same struct when both
     * types are known, and to those that may be of the struct the call reads the member from:
     * {@code ibnd->ring.wait_input(...)} is not {@code xbuf->obnd.ring.wait_input = f}
     * (docs/internals.md#instances).
     */
    private List<Target> resolveField(Callee.Field field, List<String> at) {
        Map<String, Target> out = new java.util.TreeMap<>();
        for (FieldBinding b : bindingsFor(field, at)) {
            for (Target t : bindingTargets(b)) {
                out.putIfAbsent(key(t), t);
            }
        }
        return List.copyOf(out.values());
    }

    private List<FieldBinding> bindingsFor(Callee.Field field, List<String> at) {
        MemberPath base = new MemberPath(null, at);
        List<FieldBinding> out = new ArrayList<>();
        for (FieldBinding b : program.bindingsOf(field.field())) {
            if (field.structTag() != null && b.structTag() != null && !field.structTag().equals(b.structTag())) {
                continue;
            }
            if (base.mayBe(b.pathMembers())) {
                out.add(b);
            }
        }
        return out;
    }

    /** What the bindings a call through {@code field}, read from the struct at {@code at}, may reach depend on. */
    private static String fieldKey(Callee.Field field, List<String> at) {
        String tag = field.structTag() == null ? "" : field.structTag();
        return tag + "\0" + field.field() + "\0" + String.join(".", at);
    }

    private static List<String> basePath(FunctionFacts caller, Callee.Field field) {
        return field.holder(caller).members();
    }

    /**
     * Where {@code target} is bound for {@code call}, a call through a member: the paths of the
     * bindings that store it there ({@link FieldBinding#pathMembers()}), each naming an embedded
     * instance ({@code [ibnd, ring]}); an empty list when one of them may be any instance (an
     * initializer, {@code ops->get = f}), when the call is not through a member, or when the
     * target is not bound there. A summary through {@code ring->wait_input(...)}, {@code ring} a
     * parameter, holds only for a caller passing such an instance (docs/internals.md#instances).
     */
    public List<List<String>> instancePaths(FunctionFacts caller, CallFact call, FunctionFacts target) {
        if (!(call.callee() instanceof Callee.Field field)) {
            return List.of();
        }
        List<String> at = basePath(caller, field);
        String key = fieldKey(field, at) + "\0" + target.id();
        return instancePathsMemo.computeIfAbsent(key, k -> {
            List<List<String>> out = new ArrayList<>();
            for (FieldBinding b : bindingsFor(field, at)) {
                if (bindingTargets(b).stream().noneMatch(t -> t.definition() == target)) {
                    continue;
                }
                if (b.pathMembers().isEmpty()) {
                    return List.of(); // bound for any instance
                }
                if (!out.contains(b.pathMembers())) {
                    out.add(b.pathMembers());
                }
            }
            return List.copyOf(out);
        });
    }

    /** A bound function resolves like a call written in the file of the binding. */
    private List<Target> bindingTargets(FieldBinding b) {
        List<FunctionFacts> defs = program.definitions(b.function());
        List<FunctionFacts> sameFile = new ArrayList<>();
        List<FunctionFacts> global = new ArrayList<>();
        for (FunctionFacts f : defs) {
            if (f.isStatic()) {
                if (f.location().file().equals(b.location().file())
                        || program.unitsOf(f).contains(b.location().file())) {
                    sameFile.add(f);
                }
            } else {
                global.add(f);
            }
        }
        return toTargets(b.function(), !sameFile.isEmpty() ? sameFile : global);
    }

    private List<Target> byName(FunctionFacts caller, String name) {
        return byName(program.unitsOf(caller), name);
    }

    /** The definitions {@code name} denotes in {@code units}: their own static ones, else the global ones. */
    private List<Target> byName(Set<String> units, String name) {
        List<FunctionFacts> defs = program.definitions(name);
        if (defs.isEmpty()) {
            return external(name);
        }
        List<FunctionFacts> visibleStatic = program.staticDefinitions(units, name);
        return toTargets(name, !visibleStatic.isEmpty() ? visibleStatic : program.globalDefinitions(name));
    }

    private List<Target> toTargets(String name, List<FunctionFacts> defs) {
        if (defs.isEmpty()) {
            return external(name);
        }
        if (defs.size() == 1 && defs.get(0).name().equals(name)) {
            FunctionFacts only = defs.get(0);
            return direct.computeIfAbsent(only.id(), id -> List.of(new Target(only.name(), only)));
        }
        List<Target> out = new ArrayList<>(defs.size());
        for (FunctionFacts f : defs) {
            out.add(new Target(name, f));
        }
        return List.copyOf(out);
    }

    private List<Target> external(String name) {
        return externals.computeIfAbsent(name, n -> List.of(new Target(n, null)));
    }

    private static String key(Target t) {
        return t.definition() == null ? "~" + t.name() : t.definition().id();
    }
}
