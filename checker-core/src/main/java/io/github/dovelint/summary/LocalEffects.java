package io.github.dovelint.summary;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.LockOp;
import io.github.dovelint.facts.OobAccess;
import io.github.dovelint.facts.OobPaths;
import io.github.dovelint.facts.CurrentUse;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Use;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The effects a function has by itself, before propagation: calls to
 * functions the knowledge base describes, direct {@code current->files}
 * / {@code current->mm} uses, operations on the fd table's {@code file_lock}
 * and writes and frees of the file's oob pointer. A function the knowledge base describes is
 * taken at its word and never entered, even when its body is in the run:
 * that is how a project says "{@code evl_alloc} does not sleep".
 */
final class LocalEffects {

    private final KnowledgeBase kb;
    private final GfpEvaluator gfp;
    private final CallGraph graph;
    private final OobPaths oobPaths;

    /** The core's helpers that set a file's oob pointer (the knowledge base's {@code oob-open-helpers}). */
    private final Set<String> openHelpers;

    /** True: only calls whose callee is known exactly count ({@link CallGraph#exactTargets}). */
    private final boolean exactOnly;

    LocalEffects(KnowledgeBase kb, GfpEvaluator gfp, CallGraph graph) {
        this(kb, gfp, graph, false);
    }

    LocalEffects(KnowledgeBase kb, GfpEvaluator gfp, CallGraph graph, boolean exactOnly) {
        this.exactOnly = exactOnly;
        this.kb = kb;
        this.oobPaths = OobPaths.of(kb.oobFields());
        this.gfp = gfp;
        this.graph = graph;
        this.openHelpers = Set.copyOf(kb.role(io.github.dovelint.kb.Roles.OOB_OPEN_HELPERS));
    }

    /** The kinds whose sites come from a function's oob writes alone (see {@link #oob}). */
    static final Set<EffectKind> OOB_WRITES = java.util.EnumSet.of(EffectKind.OOB_SET, EffectKind.OOB_CLEAR);

    /**
     * Whether {@code f}'s own body may have sites of {@code kind}, without computing them: for
     * {@link #OOB_WRITES} whether it writes an oob pointer at all, calls one of the knowledge
     * base's {@code oob-open-helpers} or a function whose entry {@code sets-oob} or
     * {@code clears-oob}, for other kinds always.
     */
    boolean mayHave(FunctionFacts f, EffectKind kind) {
        if (!OOB_WRITES.contains(kind)) {
            return true;
        }
        for (OobAccess a : f.oobAccesses()) {
            if (a.kind() == OobAccess.Kind.WRITE) {
                return true;
            }
        }
        for (CallFact call : f.calls()) {
            if (call.callee() instanceof Callee.Named n && (kind == EffectKind.OOB_SET && openHelpers.contains(n.name())
                    || kb.function(n.name()).filter(s -> kind == EffectKind.OOB_SET ? s.setsOob().isPresent()
                            : s.clearsOob().isPresent()).isPresent())) {
                return true;
            }
        }
        return false;
    }

    /** The targets of a call under this instance's resolution policy. */
    java.util.List<Target> targets(FunctionFacts f, CallFact call) {
        return exactOnly ? graph.exactTargets(f, call) : graph.targets(f, call);
    }

    /** The knowledge-base entry that stops analysis at {@code target}, if any. */
    Optional<FunctionSpec> spec(Target target) {
        // a body in the run wins over a kernel database's entry (docs/kernel-db.md#precedence)
        return target.definition() != null ? kb.declaredFunction(target.name()) : kb.function(target.name());
    }

    Map<Site, Set<Cond>> of(FunctionFacts f) {
        Map<Site, Set<Cond>> out = new LinkedHashMap<>();
        for (CallFact call : f.calls()) {
            for (Target t : targets(f, call)) {
                spec(t).ifPresent(spec -> fromSpec(f, call, t.name(), spec, out));
                openHelper(f, call, t, out);
            }
        }
        fileLock(f, out);
        oob(f, out);
        for (CurrentUse use : f.currentUses()) {
            EffectKind kind = switch (use.field()) {
                case "files" -> EffectKind.CURRENT_FILES;
                case "mm" -> EffectKind.CURRENT_MM;
                default -> null;
            };
            if (kind != null) {
                add(out, new Site(kind, use.location(), f.name(), "uses " + use.text()), Cond.ALWAYS);
            }
        }
        return out;
    }

    private void fromSpec(FunctionFacts f, CallFact call, String name, FunctionSpec spec,
                          Map<Site, Set<Cond>> out) {
        String where = call.macro() != null && !call.macro().equals(name) ? " (in macro " + call.macro() + ")" : "";
        if (spec.takesFileLock()) {
            String why = spec.why().filter(w -> !w.isBlank()).map(w -> ": " + w).orElse("");
            add(out, new Site(EffectKind.FILE_LOCK, call.location(), f.name(),
                    name + "() takes files->file_lock" + why + where, name), Cond.ALWAYS);
        }
        if (spec.freesArg().isPresent()) {
            Expr arg = call.arg(spec.freesArg().getAsInt());
            Cond c = subjectOf(arg, f, Cond.Subject.OOB_OBJECT);
            if (c != null) {
                add(out, new Site(EffectKind.OOB_FREE, call.location(), f.name(),
                        name + "(" + arg.text() + ") frees the file's oob object" + where, name), c);
            }
        }
        // a core's open or release helper, known from kernel.yml or a database
        oobWrite(f, call, name, spec.setsOob(), EffectKind.OOB_SET, "sets", where, out);
        oobWrite(f, call, name, spec.clearsOob(), EffectKind.OOB_CLEAR, "clears", where, out);
        if (spec.maySleep()) {
            String why = spec.why().filter(w -> !w.isBlank()).map(w -> ": " + w).orElse("");
            add(out, new Site(EffectKind.SLEEP, call.location(), f.name(), name + "() may sleep" + why + where,
                    name), Cond.ALWAYS);
        }
        if (spec.gfpArg().isPresent()) {
            Expr arg = call.arg(spec.gfpArg().getAsInt());
            Set<Mask> masks = arg == null ? null : gfp.eval(arg, f);
            if (masks != null) {
                Site site = new Site(EffectKind.SLEEP, call.location(), f.name(),
                        name + "() with " + arg.text() + " may sleep: the mask allows direct reclaim" + where, name);
                for (Mask m : masks) {
                    if (gfp.allowsReclaim(m.or())) {
                        add(out, site, Cond.ALWAYS);
                    } else if (!m.isConstant() && gfp.allowsReclaim(m.and())) {
                        add(out, site, Cond.onParam(m));
                    }
                }
            }
        }
        for (Use use : spec.uses()) {
            EffectKind kind = use.isFiles() ? EffectKind.CURRENT_FILES : EffectKind.CURRENT_MM;
            String field = use.isFiles() ? "files" : "mm";
            if (!use.isTaskRelative()) {
                add(out, new Site(kind, call.location(), f.name(),
                        name + "() uses current->" + field + " implicitly" + where, name), Cond.ALWAYS);
            } else if (spec.taskArg().isPresent()) {
                Expr task = call.arg(spec.taskArg().getAsInt());
                Cond c = subjectOf(task, f, Cond.Subject.TASK);
                if (c != null && c.isAlways()) {
                    add(out, new Site(kind, call.location(), f.name(),
                            name + "(current) uses current->" + field + where, name), Cond.ALWAYS);
                } else if (c != null) { // the task is a parameter: the caller's own when it passes current
                    add(out, new Site(kind, call.location(), f.name(),
                            name + "(" + task.text() + ") uses " + task.text() + "->" + field + where, name), c);
                }
            }
        }
    }

    /** Assertion-like wrappers: a lock query inside one of them asserts the lock state. */
    private static final Set<String> ASSERTING = Set.of("WARN_ON", "WARN_ON_ONCE", "WARN", "WARN_ONCE",
            "BUG_ON", "VM_BUG_ON", "VM_WARN_ON", "VM_WARN_ON_ONCE", "WARN_ON_SMP", "lockdep_assert",
            "lockdep_assert_once", "RCU_LOCKDEP_WARN", "rcu_dereference_protected", "rcu_dereference_check",
            "rcu_access_pointer_check", "rcu_replace_pointer", "lockdep_assert_held", "lockdep_assert_held_once",
            "assert_spin_locked", "assert_raw_spin_locked");

    /** Lock-state questions ({@code spin_is_locked()}, {@code lockdep_is_held()}). */
    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile(
            "(raw_|hard_)?spin_is_locked|lockdep_is_held(_type)?|mutex_is_locked");

    /** Lock, unlock and assertion calls on {@code ->file_lock}, directly, through aliases or parameters. */
    private void fileLock(FunctionFacts f, Map<Site, Set<Cond>> out) {
        for (LockOp op : f.lockOps()) {
            CallFact call = callAt(f, op);
            Cond c = op.isFileLock() ? Cond.ALWAYS
                    : call == null ? null : subjectOf(call.arg(0), f, Cond.Subject.FILE_LOCK);
            if (c == null) {
                continue;
            }
            String lock = op.lock().isEmpty() || op.isFileLock() ? (op.lock().isEmpty() ? "files->file_lock" : op.lock())
                    : op.lock() + " (the fd table's file_lock)";
            String where = call != null && call.macro() != null && !call.macro().equals(op.api())
                    ? " (in macro " + call.macro() + ")" : "";
            switch (op.action()) {
                case ACQUIRE -> add(out, new Site(EffectKind.FILE_LOCK, op.location(), f.name(),
                        op.api() + "() acquires " + lock + where), c);
                case TRY_ACQUIRE -> add(out, new Site(EffectKind.FILE_LOCK, op.location(), f.name(),
                        op.api() + "() tries to acquire " + lock + where), c);
                case RELEASE -> add(out, new Site(EffectKind.FILE_LOCK, op.location(), f.name(),
                        op.api() + "() releases " + lock + where), c);
                case ASSERT_HELD -> add(out, new Site(EffectKind.FILE_LOCK_ASSERT, op.location(), f.name(),
                        op.family().equals("context")
                                ? f.name() + "() is annotated " + op.api() + "(" + lock + "): it assumes " + lock
                                        + " is held"
                                : op.api() + "() asserts that " + lock + " is held" + where), c);
                case QUERY -> {
                    if (call != null && call.macro() != null && ASSERTING.contains(call.macro())) {
                        add(out, new Site(EffectKind.FILE_LOCK_ASSERT, op.location(), f.name(),
                                call.macro() + "() asserts the state of " + lock + " with " + op.api() + "()"), c);
                    }
                }
                default -> {
                }
            }
        }
        for (CallFact call : f.calls()) {
            if (call.callee() instanceof Callee.Named n && ASSERTING.contains(n.name())
                    && f.lockOps().stream().noneMatch(op -> op.location().equals(call.location())
                            && op.api().equals(n.name()))) {
                for (Expr arg : call.args()) {
                    Expr.Call q = query(arg, 0);
                    Cond c = q == null ? null : subjectOf(q.args().isEmpty() ? null : q.args().get(0), f,
                            Cond.Subject.FILE_LOCK);
                    if (c != null) {
                        add(out, new Site(EffectKind.FILE_LOCK_ASSERT, call.location(), f.name(),
                                n.name() + "() asserts the state of " + LockText.of(q.args().get(0)) + " with "
                                        + q.callee() + "()"), c);
                        break;
                    }
                }
            }
        }
    }

    /** A lock-state query inside {@code e}, or null. */
    private static Expr.Call query(Expr e, int depth) {
        if (e == null || depth > 16) {
            return null;
        }
        if (e instanceof Expr.Call c) {
            if (QUERY.matcher(c.callee()).matches()) {
                return c;
            }
            for (Expr a : c.args()) {
                Expr.Call q = query(a, depth + 1);
                if (q != null) {
                    return q;
                }
            }
            return null;
        }
        if (e instanceof Expr.Unary u) {
            return query(u.operand(), depth + 1);
        }
        if (e instanceof Expr.Binary b) {
            Expr.Call q = query(b.left(), depth + 1);
            return q != null ? q : query(b.right(), depth + 1);
        }
        if (e instanceof Expr.Conditional c) {
            Expr.Call q = query(c.condition(), depth + 1);
            q = q != null ? q : query(c.yes(), depth + 1);
            return q != null ? q : query(c.no(), depth + 1);
        }
        return null;
    }

    private static CallFact callAt(FunctionFacts f, LockOp op) {
        for (CallFact c : f.calls()) {
            if (c.location().equals(op.location()) && c.callee() instanceof Callee.Named n
                    && n.name().equals(op.api())) {
                return c;
            }
        }
        return null;
    }

    /** A call to a function whose entry sets or clears the oob pointer of its argument {@code file}. */
    private static void oobWrite(FunctionFacts f, CallFact call, String name, java.util.OptionalInt file,
                                 EffectKind kind, String verb, String where, Map<Site, Set<Cond>> out) {
        if (file.isPresent()) {
            Expr arg = call.arg(file.getAsInt());
            add(out, new Site(kind, call.location(), f.name(), name + "() " + verb + " "
                    + (arg == null ? "a file" : arg.text()) + "'s oob pointer" + where, name), Cond.ALWAYS);
        }
    }

    /**
     * A call to one of the core's helpers that set the oob pointer of their argument 1 to their
     * argument 0 (EVL's {@code evl_open_file()}), whose body is not in the run: the knowledge
     * base stands for the body (docs/contracts.md#c51-set-before-the-fd-is-published). With the
     * body in the run, its own write is the site.
     */
    private void openHelper(FunctionFacts f, CallFact call, Target t, Map<Site, Set<Cond>> out) {
        if (t.definition() != null || !openHelpers.contains(t.name())) {
            return;
        }
        Expr file = call.arg(1);
        String target = file == null ? "a file's oob pointer" : file.text() + "'s oob pointer";
        add(out, new Site(EffectKind.OOB_SET, call.location(), f.name(),
                "calls " + t.name() + "() (a core helper that sets " + target + ")"), Cond.ALWAYS);
    }

    /** Writes of the oob pointer: {@code NULL} clears it, anything else sets it. */
    private void oob(FunctionFacts f, Map<Site, Set<Cond>> out) {
        for (OobAccess a : f.oobAccesses()) {
            if (a.kind() != OobAccess.Kind.WRITE) {
                continue;
            }
            String target = a.owner() + "->" + a.field();
            if (a.writesNull()) {
                add(out, new Site(EffectKind.OOB_CLEAR, a.location(), f.name(), "clears " + target), Cond.ALWAYS);
            } else {
                add(out, new Site(EffectKind.OOB_SET, a.location(), f.name(), "assigns " + target), Cond.ALWAYS);
            }
        }
    }

    /**
     * Whether {@code e}, in {@code f}, is the subject: always (the oob pointer, a file_lock, a
     * local assigned one), when the caller passes one as parameter N, or not (null).
     */
    Cond subjectOf(Expr e, FunctionFacts f, Cond.Subject subject) {
        return subjectOf(e, f, subject, new java.util.HashSet<>(), 0);
    }

    private Cond subjectOf(Expr e, FunctionFacts f, Cond.Subject subject, Set<String> visiting, int depth) {
        if (e == null || depth > 16) {
            return null;
        }
        int d = depth + 1;
        if (e instanceof Expr.Unary u && (u.op().equals("&") || u.op().equals("+") || u.op().equals("()"))) {
            return subjectOf(u.operand(), f, subject, visiting, d);
        }
        if (subject == Cond.Subject.TASK && Expr.isCurrentTask(e)) {
            return Cond.ALWAYS;
        }
        if (e instanceof Expr.Member m) {
            boolean is = subject == Cond.Subject.FILE_LOCK ? m.field().equals("file_lock")
                    : subject == Cond.Subject.OOB_OBJECT && oobPaths.isOob(m);
            return is ? Cond.ALWAYS : null;
        }
        if (e instanceof Expr.Conditional c) {
            Cond yes = subjectOf(c.yes(), f, subject, visiting, d);
            return yes != null ? yes : subjectOf(c.no(), f, subject, visiting, d);
        }
        if (e instanceof Expr.Call c) {
            // container_of(file->oob_data, ...), READ_ONCE(file->oob_data), rcu_dereference(...)
            if (subject == Cond.Subject.OOB_OBJECT && !c.args().isEmpty() && (c.callee().contains("container_of")
                    || c.callee().equals("READ_ONCE") || c.callee().startsWith("rcu_dereference"))) {
                return subjectOf(c.args().get(0), f, subject, visiting, d);
            }
            return null;
        }
        if (e instanceof Expr.Name n) {
            Cond best = null;
            java.util.List<Expr> assigned = f.locals().get(n.id());
            if (assigned != null && visiting.add(n.id())) {
                try {
                    for (Expr v : assigned) {
                        Cond c = subjectOf(v, f, subject, visiting, d);
                        if (c != null && c.isAlways()) {
                            return c;
                        }
                        best = best == null ? c : best;
                    }
                } finally {
                    visiting.remove(n.id());
                }
            }
            int param = f.paramIndex(n.id());
            if (best == null && param >= 0) {
                best = Cond.paramIs(param, subject);
            }
            return best;
        }
        if (subject == Cond.Subject.FILE_LOCK && LockText.of(e).matches(".*(->|\\.)file_lock")) {
            return Cond.ALWAYS;
        }
        return null;
    }

    /** The text of a lock argument without its leading {@code &}. */
    static final class LockText {
        private LockText() {
        }

        static String of(Expr e) {
            Expr cur = e instanceof Expr.Unary u && u.op().equals("&") ? u.operand() : e;
            String t = cur.text();
            return t.startsWith("&") ? t.substring(1).strip() : t;
        }
    }

    static void add(Map<Site, Set<Cond>> out, Site site, Cond cond) {
        out.computeIfAbsent(site, k -> new LinkedHashSet<>()).add(cond);
    }
}
