package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.Param;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Roles;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a {@code .release} handler tears down what its file carries, for DL205
 * (docs/contracts.md#c52-torn-down-in-release), beyond clearing the oob pointer or freeing
 * the oob object itself (the summaries' effects). A handler tears down when it, or a function
 * with a body in the run that it gives the file or something hung on it, makes one of these
 * calls on an object hung on the file (the file's {@code private_data} or oob pointer, what
 * they point to or embed: {@code ctx = filp->private_data; kfree(ctx)},
 * {@code evl_release_file(&ctx->efile)}, {@code container_of(filp->oob_data, ...)}), or,
 * inside a helper, on the object it was given:
 * <ul>
 * <li>a free (the knowledge base's {@code frees-arg}): the oob object, or the object that embeds it;</li>
 * <li>a core release helper (the knowledge base's {@code oob-release-helpers}, EVL's
 *     {@code evl_release_file()}), whether or not its body is in the run;</li>
 * <li>a reference drop that tells the last user (the knowledge base's {@code ref-drops}:
 *     {@code kref_put}, {@code atomic_dec_return}, ...): how a core's release helper lets go of
 *     the oob object ({@code atomic_dec_return(&efilp->oob_refs)}).</li>
 * </ul>
 * Freeing the file's {@code private_data} counts even when the oob object is a separate
 * allocation: the facts do not say what the object embeds, and this errs on the side of silence.
 * Not thread-safe: one instance per rule run.
 */
final class Teardowns {

    static final int MAX_DEPTH = 12;

    /** How a parameter is seen: the file itself, or an object hung on it (or embedding the oob object). */
    private enum Mode { FILE, OBJECT }

    private final CallGraph graph;
    private final KnowledgeBase kb;
    private final Set<String> oobFields;
    private final Set<String> releaseHelpers;
    private final Set<String> refDrops;
    private final Map<String, Boolean> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private int depth;

    Teardowns(CallGraph graph, KnowledgeBase kb) {
        this.graph = graph;
        this.kb = kb;
        this.oobFields = Set.copyOf(kb.oobFields());
        this.releaseHelpers = Set.copyOf(kb.role(Roles.OOB_RELEASE_HELPERS));
        this.refDrops = Set.copyOf(kb.role(Roles.REF_DROPS));
    }

    /** Whether the {@code .release} handler {@code release} tears down what its file carries. */
    boolean tearsDown(FunctionFacts release) {
        int file = fileParam(release);
        return file >= 0 && tearsDown(release, file, Mode.FILE);
    }

    /** The {@code struct file *} parameter: by type, else the second of two ({@code (inode, file)}). */
    private static int fileParam(FunctionFacts f) {
        List<Param> params = f.params();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).type().replace(" ", "").equals("structfile*") && !params.get(i).name().isEmpty()) {
                return i;
            }
        }
        return params.size() == 2 && !params.get(1).name().isEmpty() ? 1 : -1;
    }

    private boolean tearsDown(FunctionFacts f, int param, Mode mode) {
        String key = f.id() + "#" + param + "#" + mode;
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        if (depth >= MAX_DEPTH || !inProgress.add(key)) {
            return false;
        }
        depth++;
        boolean out = false;
        try {
            String name = f.params().get(param).name();
            for (CallFact c : f.calls()) {
                if (tearsDown(f, c, name, mode)) {
                    out = true;
                    break;
                }
            }
        } finally {
            depth--;
            inProgress.remove(key);
        }
        memo.put(key, out);
        return out;
    }

    /** Whether {@code call}, in {@code f} whose parameter {@code root} is seen as {@code mode}, tears down. */
    private boolean tearsDown(FunctionFacts f, CallFact call, String root, Mode mode) {
        String name = call.callee() instanceof Callee.Named n ? n.name() : null;
        if (name != null) {
            if (releaseHelpers.contains(name) || refDrops.contains(name)) {
                return hung(call.arg(0), f, root, mode);
            }
            java.util.Optional<FunctionSpec> spec = kb.function(name);
            if (spec.isPresent()) { // taken at its word, never entered
                return spec.get().freesArg().isPresent() && hung(call.arg(spec.get().freesArg().getAsInt()), f, root, mode);
            }
        }
        for (Target t : graph.targets(f, call)) {
            FunctionFacts g = t.definition();
            if (g == null || kb.function(t.name()).isPresent()) {
                continue;
            }
            for (int j = 0; j < call.args().size() && j < g.params().size(); j++) {
                if (g.params().get(j).name().isEmpty()) {
                    continue;
                }
                Expr arg = call.args().get(j);
                boolean passesFile = mode == Mode.FILE && isRoot(arg, root);
                if (passesFile ? tearsDown(g, j, Mode.FILE) : hung(arg, f, root, mode) && tearsDown(g, j, Mode.OBJECT)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code e} is an object hung on the root, not a pointer loaded from one of its fields
     * ({@code ctx->tasks} is another allocation): for a file, what its {@code private_data} or oob
     * pointer points to ({@code filp->private_data}, a local assigned it, {@code container_of()} of
     * it, an accessor given the file); for an object, itself; in both cases the address of a part
     * embedded in such an object ({@code &ctx->efile}, {@code &efilp->refs}).
     */
    private boolean hung(Expr e, FunctionFacts f, String root, Mode mode) {
        return hung(e, f, root, mode, new HashSet<>(), 0);
    }

    private boolean hung(Expr e, FunctionFacts f, String root, Mode mode, Set<String> visiting, int d) {
        if (e == null || d > 16) {
            return false;
        }
        Expr u = e;
        while (u instanceof Expr.Unary c && c.op().equals("()")) {
            u = c.operand();
        }
        if (u instanceof Expr.Unary a && a.op().equals("&")) {
            return embedded(a.operand(), f, root, mode, visiting, d + 1);
        }
        if (u instanceof Expr.Member m) {
            return mode == Mode.FILE && m.arrow() && isRoot(m.owner(), root)
                    && (m.field().equals("private_data") || oobFields.contains(m.field()));
        }
        if (u instanceof Expr.Call c) {
            // container_of(filp->private_data, ...), READ_ONCE(...), an accessor given the file
            for (Expr a : c.args()) {
                if (hung(a, f, root, mode, visiting, d + 1) || mode == Mode.FILE && isRoot(a, root)) {
                    return true;
                }
            }
            return false;
        }
        if (u instanceof Expr.Conditional c) {
            return hung(c.yes(), f, root, mode, visiting, d + 1) || hung(c.no(), f, root, mode, visiting, d + 1);
        }
        if (u instanceof Expr.Name n) {
            if (n.id().equals(root)) {
                return mode == Mode.OBJECT;
            }
            List<Expr> values = f.locals().get(n.id());
            if (values == null || f.paramIndex(n.id()) >= 0 || !visiting.add(n.id())) {
                return false;
            }
            try {
                for (Expr v : values) {
                    if (hung(v, f, root, mode, visiting, d + 1)) {
                        return true;
                    }
                }
            } finally {
                visiting.remove(n.id());
            }
        }
        return false;
    }

    /** {@code x.a.b} or {@code x->a.b} (under {@code &}): a part embedded in an object hung on the root. */
    private boolean embedded(Expr e, FunctionFacts f, String root, Mode mode, Set<String> visiting, int d) {
        Expr cur = e;
        for (int i = 0; i < 16 && cur instanceof Expr.Member m; i++) {
            if (m.arrow()) {
                return hung(m.owner(), f, root, mode, visiting, d + 1);
            }
            cur = m.owner();
        }
        return false;
    }

    private static boolean isRoot(Expr e, String root) {
        return strip(e) instanceof Expr.Name n && n.id().equals(root);
    }

    /** Without {@code &}, {@code *}, parentheses and casts. */
    private static Expr strip(Expr e) {
        Expr cur = e;
        for (int i = 0; i < 8 && cur instanceof Expr.Unary u
                && (u.op().equals("&") || u.op().equals("*") || u.op().equals("()")); i++) {
            cur = u.operand();
        }
        return cur;
    }
}
