package io.github.dovelint.facts;

import io.github.dovelint.model.Location;
import java.util.List;
import java.util.Map;

/**
 * Everything the rules need to know about one function definition, extracted
 * once from the AST.
 *
 * @param name        the function's name
 * @param location    where its name is written in the definition
 * @param isStatic    declared {@code static}
 * @param isInline    declared {@code inline}
 * @param isWeak      carries {@code __weak} / {@code __attribute__((weak))}
 * @param returnType  the return type as written, normalised ({@code void}, {@code int *})
 * @param params      the parameters in order
 * @param calls       the calls in source order
 * @param currentUses uses of {@code current->field}, directly or through a local alias
 * @param locals      for each local variable (and parameter reassigned in the body), the
 *                    expressions assigned to it anywhere in the body, in source order
 *                    (flow-insensitive: enough for masks and function pointers)
 * @param bindings    functions stored in struct members inside this body
 * @param lockOps     lock, RCU, preemption and interrupt operations and lock assertions, in source order
 * @param oobAccesses reads, writes and NULL tests of the file's oob pointer, in source order
 * @param cfg         the body's control-flow graph ({@link Cfg#UNAVAILABLE} when it could not be modelled)
 * @param callerHolds the locks a comment before the definition or opening the body says the caller holds
 *                    ({@code files->file_lock}, {@code rcu_read_lock}): a documented precondition, unchecked
 * @param id          a stable identity: the definition's location and name (a header's static inline is
 *                    one function); derived, kept because every map of the analysis is keyed by it
 */
public record FunctionFacts(String name, Location location, boolean isStatic, boolean isInline, boolean isWeak,
                            String returnType, List<Param> params, List<CallFact> calls,
                            List<CurrentUse> currentUses, Map<String, List<Expr>> locals,
                            List<FieldBinding> bindings, List<LockOp> lockOps, List<OobAccess> oobAccesses,
                            Cfg cfg, List<String> callerHolds, String id) {
    public FunctionFacts {
        name = Shared.of(name);
        returnType = Shared.of(returnType);
        params = List.copyOf(params);
        calls = List.copyOf(calls);
        currentUses = List.copyOf(currentUses);
        locals = compact(locals);
        bindings = List.copyOf(bindings);
        lockOps = List.copyOf(lockOps);
        oobAccesses = List.copyOf(oobAccesses);
        cfg = cfg == null ? Cfg.UNAVAILABLE : cfg;
        callerHolds = callerHolds == null ? List.of() : List.copyOf(callerHolds);
        id = location.file() + ":" + location.line() + ":" + location.column() + ":" + name;
    }

    /** Facts with a control-flow graph and a documented precondition; the id is derived. */
    public FunctionFacts(String name, Location location, boolean isStatic, boolean isInline, boolean isWeak,
                         String returnType, List<Param> params, List<CallFact> calls,
                         List<CurrentUse> currentUses, Map<String, List<Expr>> locals,
                         List<FieldBinding> bindings, List<LockOp> lockOps, List<OobAccess> oobAccesses, Cfg cfg,
                         List<String> callerHolds) {
        this(name, location, isStatic, isInline, isWeak, returnType, params, calls, currentUses, locals, bindings,
                lockOps, oobAccesses, cfg, callerHolds, null);
    }

    /** Facts with a control-flow graph; the id is derived. */
    public FunctionFacts(String name, Location location, boolean isStatic, boolean isInline, boolean isWeak,
                         String returnType, List<Param> params, List<CallFact> calls,
                         List<CurrentUse> currentUses, Map<String, List<Expr>> locals,
                         List<FieldBinding> bindings, List<LockOp> lockOps, List<OobAccess> oobAccesses, Cfg cfg) {
        this(name, location, isStatic, isInline, isWeak, returnType, params, calls, currentUses, locals, bindings,
                lockOps, oobAccesses, cfg, List.of(), null);
    }

    /** Facts without a control-flow graph. */
    public FunctionFacts(String name, Location location, boolean isStatic, boolean isInline, boolean isWeak,
                         String returnType, List<Param> params, List<CallFact> calls,
                         List<CurrentUse> currentUses, Map<String, List<Expr>> locals,
                         List<FieldBinding> bindings, List<LockOp> lockOps, List<OobAccess> oobAccesses) {
        this(name, location, isStatic, isInline, isWeak, returnType, params, calls, currentUses, locals, bindings,
                lockOps, oobAccesses, Cfg.UNAVAILABLE);
    }

    /** The index of the parameter called {@code name}, or -1. */
    public int paramIndex(String paramName) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(paramName)) {
                return i;
            }
        }
        return -1;
    }

    /** An immutable copy: the extractor's growable lists would keep ten slots for one assignment. */
    private static Map<String, List<Expr>> compact(Map<String, List<Expr>> locals) {
        Map<String, List<Expr>> out = new java.util.HashMap<>();
        locals.forEach((name, values) -> out.put(name,
                values.stream().anyMatch(java.util.Objects::isNull) ? values : List.copyOf(values)));
        return Map.copyOf(out);
    }
}
