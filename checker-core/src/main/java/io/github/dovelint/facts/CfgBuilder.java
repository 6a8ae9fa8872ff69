package io.github.dovelint.facts;

import io.github.dovelint.model.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTBreakStatement;
import org.eclipse.cdt.core.dom.ast.IASTCaseStatement;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTContinueStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDefaultStatement;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;

/**
 * Builds a {@link Cfg} from a function body. Scope-based cleanups
 * ({@code guard()}, {@code scoped_guard()}, {@code CLASS()}, {@code __free()};
 * see {@link ScopeCleanups}) are modelled as C++ destructors are: each scope
 * keeps the cleanups registered in it, and wherever control leaves scopes (the
 * closing brace, {@code return}, {@code goto} to a label outside, {@code break}
 * and {@code continue}) the release calls of the scopes left are made there,
 * innermost first. {@code no_free_ptr(p)} and {@code return_ptr(p)} hand
 * {@code p} off: the statement stores NULL in {@code p} after it is
 * evaluated, a {@code return} leaves {@code p} unfreed, and {@link FreeHandoffs}
 * drops a {@code __free()} release wherever its variable is NULL on every
 * path. Bounded for hostile input: past
 * {@link #MAX_DEPTH} nested statements or expressions the deeper part is
 * skipped (no events, straight-line flow), and past {@link #MAX_BLOCKS}
 * blocks or {@link #MAX_EVENTS} events the whole function gets
 * {@link Cfg#UNAVAILABLE}.
 */
final class CfgBuilder {

    static final int MAX_DEPTH = 200;

    /** Calls that do not return: the path ends there. */
    static final java.util.Set<String> NORETURN = java.util.Set.of("BUG", "panic", "do_exit", "__builtin_unreachable",
            "unreachable", "__builtin_trap", "kthread_exit", "make_task_dead");
    /** {@code BUG_ON(cond)}: the path where {@code cond} holds does not come back. */
    static final java.util.Set<String> ASSERTS = java.util.Set.of("BUG_ON", "BUILD_BUG_ON");
    /** {@code if (WARN_ON(cond))} tests {@code cond}. */
    static final java.util.Set<String> WARNS = java.util.Set.of("WARN_ON", "WARN_ON_ONCE", "WARN", "WARN_ONCE",
            "unlikely", "likely");
    static final int MAX_BLOCKS = 20_000;
    static final int MAX_EVENTS = 100_000;

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final SourcePositions positions;
    private final Map<IASTFunctionCallExpression, CallFact> callFacts;
    private final List<List<Cfg.Event>> events = new ArrayList<>();
    private final List<List<Cfg.Edge>> edges = new ArrayList<>();
    private final Map<IASTNode, ScopeCleanups.Cleanup> cleanups;
    /** The release calls made at scope exits, for {@link FunctionFacts#calls()}. */
    private final List<CallFact> releases;
    private final Map<String, Integer> labels = new HashMap<>();
    /** The scopes enclosing each label, to know which scopes a {@code goto} leaves. */
    private final Map<String, java.util.Set<IASTNode>> labelScopes = new HashMap<>();
    /** The open scopes, innermost first, each with the cleanups registered in it so far. */
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Deque<Target> breakTargets = new ArrayDeque<>();
    private final Deque<Target> continueTargets = new ArrayDeque<>();
    /** Open switches: the dispatch block and whether a default label was seen. */
    private final Deque<int[]> switches = new ArrayDeque<>();
    private int eventCount;
    /** The {@code __free()} releases made at scope exits, for {@link FreeHandoffs}. */
    private final java.util.Set<CallFact> freeReleases = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());
    /**
     * Where the variables handed off by {@code no_free_ptr()} in the statement being evaluated
     * go, to be stored NULL at its end; null outside such a statement (the store is made at once).
     */
    private List<String> handoffs;

    /** A compound statement (or a scoped guard) and the cleanups to run when control leaves it. */
    private record Scope(IASTNode node, List<ScopeCleanups.Cleanup> cleanups) {
    }

    /** Where {@code break} or {@code continue} goes, and how many scopes are open there. */
    private record Target(int block, int scopes) {
    }

    private CfgBuilder(SourcePositions positions, Map<IASTFunctionCallExpression, CallFact> callFacts,
                       Map<IASTNode, ScopeCleanups.Cleanup> cleanups, List<CallFact> releases) {
        this.positions = positions;
        this.callFacts = callFacts;
        this.cleanups = cleanups;
        this.releases = releases;
    }

    /**
     * @param body      the function body
     * @param callFacts the call facts already extracted for the calls of the body, by node identity
     */
    static Cfg build(IASTStatement body, SourcePositions positions,
                     Map<IASTFunctionCallExpression, CallFact> callFacts) {
        return build(body, positions, callFacts, Map.of(), new ArrayList<>());
    }

    /**
     * @param body      the function body
     * @param callFacts the call facts already extracted for the calls of the body, by node identity
     * @param cleanups  the scope-based cleanups of the body, by the node of their use ({@link ScopeCleanups})
     * @param releases  receives the release calls made at scope exits
     */
    static Cfg build(IASTStatement body, SourcePositions positions,
                     Map<IASTFunctionCallExpression, CallFact> callFacts,
                     Map<IASTNode, ScopeCleanups.Cleanup> cleanups, List<CallFact> releases) {
        CfgBuilder b = new CfgBuilder(positions, callFacts, cleanups, releases);
        if (!cleanups.isEmpty()) {
            b.collectLabelScopes(body);
        }
        try {
            int entry = b.newBlock();
            int exit = b.newBlock();
            int end = b.stmt(body, entry, 0);
            b.edge(end, exit, null, true, null);
            b.edges.set(exit, new ArrayList<>());
            Cfg cfg = b.straightened(entry, exit);
            return b.freeReleases.isEmpty() ? cfg : FreeHandoffs.prune(cfg, b.freeReleases, releases);
        } catch (TooLarge | StackOverflowError e) {
            releases.clear();
            return Cfg.UNAVAILABLE;
        }
    }

    /**
     * The graph with every straight run of blocks made one: a block whose only
     * way out is an unconditional edge to a block nothing else reaches takes
     * in that block's events and edges. The builder makes a block per
     * statement boundary; a whole tree has millions of them, and analyses see
     * the same events in the same order either way. Entry and exit keep their
     * ids; the other blocks are renumbered in order.
     */
    private Cfg straightened(int entry, int exit) {
        int n = events.size();
        int[] preds = new int[n];
        for (List<Cfg.Edge> out : edges) {
            for (Cfg.Edge e : out) {
                preds[e.target()]++;
            }
        }
        boolean[] merged = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (merged[i] || i == exit) {
                continue;
            }
            while (edges.get(i).size() == 1) {
                Cfg.Edge e = edges.get(i).get(0);
                int t = e.target();
                if (e.conditional() || t == i || t == entry || t == exit || preds[t] != 1 || merged[t]) {
                    break;
                }
                events.get(i).addAll(events.get(t));
                edges.set(i, edges.get(t));
                merged[t] = true;
            }
        }
        int[] id = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            id[i] = merged[i] ? -1 : next++;
        }
        List<Cfg.Block> blocks = new ArrayList<>(next);
        for (int i = 0; i < n; i++) {
            if (merged[i]) {
                continue;
            }
            List<Cfg.Edge> out = new ArrayList<>(edges.get(i).size());
            for (Cfg.Edge e : edges.get(i)) {
                out.add(id[e.target()] == e.target() ? e : new Cfg.Edge(id[e.target()], e.condition(), e.when(), e.at()));
            }
            blocks.add(new Cfg.Block(id[i], events.get(i), out));
        }
        return new Cfg(blocks);
    }

    private int newBlock() {
        if (events.size() >= MAX_BLOCKS) {
            throw new TooLarge();
        }
        events.add(new ArrayList<>());
        edges.add(new ArrayList<>());
        return events.size() - 1;
    }

    private void edge(int from, int to, Expr condition, boolean when, Location at) {
        Cfg.Edge e = new Cfg.Edge(to, condition, when, at);
        if (!edges.get(from).contains(e)) {
            edges.get(from).add(e);
        }
    }

    private void event(int block, Cfg.Event e) {
        if (++eventCount > MAX_EVENTS) {
            throw new TooLarge();
        }
        events.get(block).add(e);
    }

    private Location loc(IASTNode node) {
        return node == null ? null : positions.of(node);
    }

    // ---------------------------------------------------------------- statements

    /** Adds {@code s} starting in block {@code cur}; returns the block where control continues. */
    private int stmt(IASTStatement s, int cur, int depth) {
        if (s == null || depth > MAX_DEPTH) {
            return cur;
        }
        int d = depth + 1;
        if (s instanceof IASTCompoundStatement c) {
            scopes.push(new Scope(c, new ArrayList<>()));
            try {
                int b = cur;
                for (IASTStatement child : c.getStatements()) {
                    b = stmt(child, b, d);
                }
                if (!scopes.peek().cleanups().isEmpty()) { // most blocks: no position to look up
                    leave(b, scopes.size() - 1, closingOf(c));
                }
                return b;
            } finally {
                scopes.pop();
            }
        }
        if (s instanceof IASTExpressionStatement e) {
            IASTExpression x = e.getExpression();
            if (x instanceof IASTFunctionCallExpression call && ASSERTS.contains(calleeName(call))
                    && call.getArguments().length >= 1 && call.getArguments()[0] instanceof IASTExpression arg) {
                int dead = newBlock(); // BUG_ON(!p): the path where it fires does not come back
                int next = newBlock();
                cond(arg, cur, dead, next, loc(e), d);
                return next;
            }
            List<String> handed = new ArrayList<>();
            int b = handingOff(handed, () -> expr(x, cur, d));
            stored(b, handed, loc(e));
            if (ExprBuilder.stripParens(x) instanceof IASTFunctionCallExpression call) {
                register(cleanups.get(call)); // guard(mutex)(&m);
            }
            return b;
        }
        if (s instanceof IASTDeclarationStatement ds) {
            return declaration(ds.getDeclaration(), cur, d);
        }
        if (s instanceof IASTIfStatement i) {
            int then = newBlock();
            int join = newBlock();
            int otherwise = i.getElseClause() == null ? join : newBlock();
            cond(i.getConditionExpression(), cur, then, otherwise, loc(i), d);
            edge(stmt(i.getThenClause(), then, d), join, null, true, null);
            if (i.getElseClause() != null) {
                edge(stmt(i.getElseClause(), otherwise, d), join, null, true, null);
            }
            return join;
        }
        if (s instanceof IASTWhileStatement w) {
            int head = newBlock();
            int body = newBlock();
            int after = newBlock();
            edge(cur, head, null, true, null);
            cond(w.getCondition(), head, body, after, loc(w), d);
            loop(w.getBody(), body, head, after, d);
            return after;
        }
        if (s instanceof IASTDoStatement w) {
            int body = newBlock();
            int test = newBlock();
            int after = newBlock();
            edge(cur, body, null, true, null);
            loop(w.getBody(), body, test, after, d);
            cond(w.getCondition(), test, body, after, loc(w), d);
            return after;
        }
        if (s instanceof IASTForStatement f && scopedGuardEnter(f) != null) {
            return scopedGuard(f, scopedGuardEnter(f), cur, d);
        }
        if (s instanceof IASTForStatement f) {
            int b = stmt(f.getInitializerStatement(), cur, d);
            int head = newBlock();
            int body = newBlock();
            int step = newBlock();
            int after = newBlock();
            edge(b, head, null, true, null);
            if (f.getConditionExpression() == null) {
                edge(head, body, null, true, null);
            } else {
                cond(f.getConditionExpression(), head, body, after, loc(f), d);
            }
            loop(f.getBody(), body, step, after, d);
            edge(expr(f.getIterationExpression(), step, d), head, null, true, null);
            return after;
        }
        if (s instanceof IASTSwitchStatement sw) {
            int dispatch = expr(sw.getControllerExpression(), cur, d);
            int after = newBlock();
            int[] state = {dispatch, 0};
            switches.push(state);
            breakTargets.push(new Target(after, scopes.size()));
            int unreachable = newBlock();
            int end;
            try {
                end = stmt(sw.getBody(), unreachable, d);
            } finally {
                breakTargets.pop();
                switches.pop();
            }
            edge(end, after, null, true, null);
            if (state[1] == 0) {
                edge(dispatch, after, null, true, null);
            }
            return after;
        }
        if (s instanceof IASTCaseStatement || s instanceof IASTDefaultStatement) {
            int label = newBlock();
            edge(cur, label, null, true, null);
            int[] sw = switches.peek();
            if (sw != null) {
                edge(sw[0], label, null, true, null);
                if (s instanceof IASTDefaultStatement) {
                    sw[1] = 1;
                }
            }
            return label;
        }
        if (s instanceof IASTBreakStatement || s instanceof IASTContinueStatement) {
            Target t = (s instanceof IASTBreakStatement ? breakTargets : continueTargets).peek();
            if (t != null) {
                leave(cur, t.scopes(), loc(s));
                edge(cur, t.block(), null, true, null);
            }
            return newBlock();
        }
        if (s instanceof IASTReturnStatement r) {
            int b = cur;
            Expr value = null;
            List<String> handed = new ArrayList<>();
            if (r.getReturnValue() != null) {
                b = handingOff(handed, () -> expr(r.getReturnValue(), cur, d));
                value = ExprBuilder.build(r.getReturnValue());
            }
            Location at = loc(r);
            leave(b, 0, at, handed); // return_ptr(p): p is the caller's now
            if (at != null) {
                event(b, new Cfg.Return(value, at));
            }
            edge(b, Cfg.EXIT, null, true, null);
            return newBlock();
        }
        if (s instanceof IASTGotoStatement g) {
            String name = g.getName().toString();
            leave(cur, scopesKeptBy(name), loc(g));
            edge(cur, label(name), null, true, null);
            return newBlock();
        }
        if (s instanceof IASTLabelStatement l) {
            int target = label(l.getName().toString());
            edge(cur, target, null, true, null);
            return stmt(l.getNestedStatement(), target, d);
        }
        return cur; // null statement, problem statement, asm: no events
    }

    private void loop(IASTStatement body, int start, int continueTo, int breakTo, int depth) {
        breakTargets.push(new Target(breakTo, scopes.size()));
        continueTargets.push(new Target(continueTo, scopes.size()));
        try {
            edge(stmt(body, start, depth), continueTo, null, true, null);
        } finally {
            continueTargets.pop();
            breakTargets.pop();
        }
    }

    private int label(String name) {
        Integer b = labels.get(name);
        if (b == null) {
            b = newBlock();
            labels.put(name, b);
        }
        return b;
    }

    private int declaration(IASTDeclaration decl, int cur, int depth) {
        int b = cur;
        if (decl instanceof IASTSimpleDeclaration simple) {
            for (IASTDeclarator dtor : simple.getDeclarators()) {
                if (dtor.getInitializer() instanceof IASTEqualsInitializer eq) {
                    List<String> handed = new ArrayList<>();
                    int from = b;
                    b = handingOff(handed, () -> initializer(eq.getInitializerClause(), from, depth));
                    String name = FactExtractor.innermost(dtor).getName().toString();
                    Location at = loc(dtor);
                    if (!name.isEmpty() && at != null && eq.getInitializerClause() instanceof IASTExpression value) {
                        event(b, new Cfg.Assign(Expr.Name.of(name), ExprBuilder.build(value), at));
                    }
                    stored(b, handed, at);
                    if (eq.getInitializerClause() instanceof IASTFunctionCallExpression call) {
                        register(cleanups.get(call)); // CLASS(fd, f)(fd);
                    }
                }
                register(cleanups.get(dtor)); // T *p __free(kfree) = ...;
            }
        }
        return b;
    }

    // ---------------------------------------------------------------- scope-based cleanups

    /** Adds a cleanup to the innermost open scope. */
    private void register(ScopeCleanups.Cleanup cleanup) {
        if (cleanup != null && !scopes.isEmpty()) {
            scopes.peek().cleanups().add(cleanup);
        }
    }

    /**
     * Control leaves every scope above the outermost {@code keep} ones, from {@code block}:
     * their cleanups run there, innermost scope first and, within a scope, last registered first.
     */
    private void leave(int block, int keep, Location at) {
        leave(block, keep, at, List.of());
    }

    /** {@link #leave(int, int, Location)}, but the {@code __free()} cleanups of {@code handedOff} free nothing. */
    private void leave(int block, int keep, Location at, List<String> handedOff) {
        if (at == null) {
            return;
        }
        int open = scopes.size();
        for (Scope scope : scopes) { // innermost first
            if (open-- <= keep) {
                break;
            }
            List<ScopeCleanups.Cleanup> list = scope.cleanups();
            for (int i = list.size() - 1; i >= 0; i--) {
                ScopeCleanups.Cleanup cleanup = list.get(i);
                if (cleanup.isFree() && cleanup.args().get(0) instanceof Expr.Name v
                        && handedOff.contains(v.id())) {
                    continue;
                }
                CallFact release = cleanup.callAt(at);
                releases.add(release);
                if (cleanup.isFree()) {
                    freeReleases.add(release);
                }
                event(block, new Cfg.Call(release, LockApis.classify(release)));
            }
        }
    }

    /** Evaluates with the variables {@code no_free_ptr()} hands off collected in {@code into}. */
    private int handingOff(List<String> into, java.util.function.IntSupplier evaluation) {
        List<String> saved = handoffs;
        handoffs = into;
        try {
            return evaluation.getAsInt();
        } finally {
            handoffs = saved;
        }
    }

    /** {@code no_free_ptr(p)} leaves NULL in {@code p} (cleanup.h's {@code __get_and_null}). */
    private void stored(int block, List<String> handedOff, Location at) {
        if (at != null) {
            for (String v : handedOff) {
                event(block, new Cfg.Assign(Expr.Name.of(v), FreeHandoffs.NULL, at));
            }
        }
    }

    /** The closing brace of a compound statement, where falling off its end leaves it. */
    private Location closingOf(IASTNode node) {
        org.eclipse.cdt.core.dom.ast.IASTFileLocation f = node.getFileLocation();
        if (f == null || f.getNodeLength() == 0) {
            return loc(node);
        }
        return positions.at(f.getFileName(), f.getNodeOffset() + f.getNodeLength() - 1, f.getEndingLineNumber());
    }

    /** How many of the open scopes (outermost first) enclose label {@code name}: a goto there leaves the others. */
    private int scopesKeptBy(String name) {
        java.util.Set<IASTNode> enclosing = labelScopes.get(name);
        if (enclosing == null) {
            return scopes.size(); // unknown label: leave nothing
        }
        int kept = 0;
        java.util.Iterator<Scope> outermostFirst = scopes.descendingIterator();
        while (outermostFirst.hasNext() && enclosing.contains(outermostFirst.next().node())) {
            kept++;
        }
        return kept;
    }

    private void collectLabelScopes(IASTStatement body) {
        body.accept(new org.eclipse.cdt.core.dom.ast.ASTVisitor() {
            {
                shouldVisitStatements = true;
            }

            @Override
            public int visit(IASTStatement statement) {
                if (statement instanceof IASTLabelStatement l) {
                    java.util.Set<IASTNode> enclosing = java.util.Collections.newSetFromMap(
                            new java.util.IdentityHashMap<>());
                    for (IASTNode n = l.getParent(); n != null && n != body.getParent(); n = n.getParent()) {
                        enclosing.add(n);
                    }
                    labelScopes.put(l.getName().toString(), enclosing);
                }
                return PROCESS_CONTINUE;
            }
        });
    }

    /** The {@code __dl_scope_enter} call of a scoped guard's for statement, or null for another for. */
    private IASTFunctionCallExpression scopedGuardEnter(IASTForStatement f) {
        if (f.getInitializerStatement() instanceof IASTDeclarationStatement ds
                && ds.getDeclaration() instanceof IASTSimpleDeclaration simple
                && simple.getDeclarators().length == 1
                && simple.getDeclarators()[0].getInitializer() instanceof IASTEqualsInitializer eq
                && eq.getInitializerClause() instanceof IASTFunctionCallExpression call
                && cleanups.containsKey(call)) {
            return call;
        }
        return null;
    }

    /**
     * {@code scoped_guard(c, args) body}: the arguments, the acquire, the body in a scope of its
     * own (a for statement in the kernel too, so break and continue leave it), the release at
     * the body's end. {@code scoped_cond_guard(c, fail, args) body}: when the acquire fails the
     * fail statement runs instead, without the lock.
     */
    private int scopedGuard(IASTForStatement f, IASTFunctionCallExpression enter, int cur, int depth) {
        int b = cur;
        IASTInitializerClause[] args = enter.getArguments();
        for (int i = 1; i < args.length; i++) {
            b = initializer(args[i], b, depth);
        }
        IASTStatement body = f.getBody();
        int after = newBlock();
        boolean conditional = false;
        if (body instanceof IASTIfStatement test && test.getElseClause() != null
                && ScopeCleanups.SCOPE_ENTER_COND.equals(calleeName(enter))) {
            conditional = true;
            int failed = newBlock();
            edge(b, failed, null, true, null);
            edge(stmt(test.getThenClause(), failed, depth), after, null, true, null);
            int acquired = newBlock();
            edge(b, acquired, null, true, null);
            b = acquired;
            body = test.getElseClause();
        }
        CallFact acquire = callFacts.get(enter);
        if (acquire != null) {
            LockOp op = LockApis.classify(acquire);
            if (conditional && op != null && op.action() == LockOp.Action.TRY_ACQUIRE) {
                // a _try class (mutex_try, spinlock_try): the body runs only where the trylock succeeded
                op = new LockOp(LockOp.Action.ACQUIRE, op.family(), op.api(), op.lock(), op.location());
            }
            event(b, new Cfg.Call(acquire, op));
        }
        scopes.push(new Scope(f, new ArrayList<>(List.of(cleanups.get(enter)))));
        try {
            Target out = new Target(after, scopes.size() - 1);
            breakTargets.push(out);
            continueTargets.push(out);
            try {
                int end = stmt(body, b, depth);
                leave(end, scopes.size() - 1, closingOf(body));
                edge(end, after, null, true, null);
            } finally {
                continueTargets.pop();
                breakTargets.pop();
            }
        } finally {
            scopes.pop();
        }
        return after;
    }

    private int initializer(IASTInitializerClause clause, int cur, int depth) {
        if (depth > MAX_DEPTH) {
            return cur;
        }
        if (clause instanceof IASTExpression e) {
            return expr(e, cur, depth + 1);
        }
        if (clause instanceof IASTInitializerList list) {
            int b = cur;
            for (IASTInitializerClause c : list.getClauses()) {
                b = initializer(c, b, depth + 1);
            }
            return b;
        }
        if (clause instanceof org.eclipse.cdt.core.dom.ast.c.ICASTDesignatedInitializer di) {
            return initializer(di.getOperand(), cur, depth + 1);
        }
        return cur;
    }

    private static String calleeName(IASTFunctionCallExpression call) {
        return ExprBuilder.stripParens(call.getFunctionNameExpression())
                instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression id ? id.getName().toString() : "";
    }

    // ---------------------------------------------------------------- conditions

    /** Evaluates a condition in {@code cur} and branches to {@code yes} or {@code no}. */
    private void cond(IASTExpression e, int cur, int yes, int no, Location at, int depth) {
        if (e == null) {
            edge(cur, yes, null, true, null);
            return;
        }
        if (depth > MAX_DEPTH) {
            edge(cur, yes, null, true, null);
            edge(cur, no, null, true, null);
            return;
        }
        int d = depth + 1;
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
            cond(u.getOperand(), cur, yes, no, at, d);
            return;
        }
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not) {
            cond(u.getOperand(), cur, no, yes, at, d);
            return;
        }
        if (e instanceof IASTCastExpression c) {
            cond(c.getOperand(), cur, yes, no, at, d);
            return;
        }
        if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_logicalAnd) {
            int second = newBlock();
            cond(b.getOperand1(), cur, second, no, at, d);
            cond(b.getOperand2(), second, yes, no, at, d);
            return;
        }
        if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_logicalOr) {
            int second = newBlock();
            cond(b.getOperand1(), cur, yes, second, at, d);
            cond(b.getOperand2(), second, yes, no, at, d);
            return;
        }
        if (e instanceof IASTExpressionList list && list.getExpressions().length > 0) {
            IASTExpression[] parts = list.getExpressions();
            int b = cur;
            for (int i = 0; i < parts.length - 1; i++) {
                b = expr(parts[i], b, d);
            }
            cond(parts[parts.length - 1], b, yes, no, at, d);
            return;
        }
        if (e instanceof IASTFunctionCallExpression call && WARNS.contains(calleeName(call))
                && call.getArguments().length >= 1 && call.getArguments()[0] instanceof IASTExpression arg) {
            int b = cur;
            IASTInitializerClause[] args = call.getArguments();
            for (int i = 1; i < args.length; i++) {
                b = initializer(args[i], b, d);
            }
            cond(arg, b, yes, no, at, d); // the warning itself is only a message
            return;
        }
        int b = expr(e, cur, d);
        Expr atom = ExprBuilder.build(e);
        if (e instanceof IASTBinaryExpression asg && asg.getOperator() == IASTBinaryExpression.op_assign) {
            atom = ExprBuilder.build(asg.getOperand1()); // if ((p = lookup())): tests what was stored
        }
        if (atom instanceof Expr.Number n) {
            edge(b, n.value() != 0 ? yes : no, null, true, null);
            return;
        }
        edge(b, yes, atom, true, at);
        edge(b, no, atom, false, at);
    }

    // ---------------------------------------------------------------- expressions

    /** Evaluates {@code e} starting in {@code cur}; returns the block where evaluation ends. */
    private int expr(IASTExpression e, int cur, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return cur;
        }
        int d = depth + 1;
        if (e instanceof IASTUnaryExpression u) {
            int op = u.getOperator();
            if (op == IASTUnaryExpression.op_sizeof || op == IASTUnaryExpression.op_typeof
                    || op == IASTUnaryExpression.op_alignOf) {
                return cur; // not evaluated
            }
            int b = expr(u.getOperand(), cur, d);
            if (op == IASTUnaryExpression.op_star) {
                Location at = loc(u);
                if (at != null) {
                    event(b, new Cfg.Deref(ExprBuilder.build(u.getOperand()), Cfg.DerefKind.STAR, null, at));
                }
            } else if (op == IASTUnaryExpression.op_prefixIncr || op == IASTUnaryExpression.op_prefixDecr
                    || op == IASTUnaryExpression.op_postFixIncr || op == IASTUnaryExpression.op_postFixDecr) {
                store(b, u.getOperand(), new Expr.Other(ExprBuilder.text(u)), u);
            }
            return b;
        }
        if (e instanceof IASTBinaryExpression bin) {
            int op = bin.getOperator();
            if (op == IASTBinaryExpression.op_logicalAnd || op == IASTBinaryExpression.op_logicalOr) {
                int rhs = newBlock();
                int join = newBlock();
                if (op == IASTBinaryExpression.op_logicalAnd) {
                    cond(bin.getOperand1(), cur, rhs, join, loc(bin), d);
                } else {
                    cond(bin.getOperand1(), cur, join, rhs, loc(bin), d);
                }
                edge(expr(bin.getOperand2(), rhs, d), join, null, true, null);
                return join;
            }
            if (op == IASTBinaryExpression.op_assign) {
                int b = expr(bin.getOperand2(), cur, d);
                b = lvalue(bin.getOperand1(), b, d);
                store(b, bin.getOperand1(), ExprBuilder.build(bin.getOperand2()), bin);
                return b;
            }
            int b = expr(bin.getOperand1(), cur, d);
            b = expr(bin.getOperand2(), b, d);
            if (isCompoundAssign(op)) {
                store(b, bin.getOperand1(), ExprBuilder.build(bin), bin);
            }
            return b;
        }
        if (e instanceof IASTConditionalExpression c) {
            int yes = newBlock();
            int no = newBlock();
            int join = newBlock();
            IASTExpression positive = c.getPositiveResultExpression();
            cond(c.getLogicalConditionExpression(), cur, yes, no, loc(c), d);
            edge(positive == null ? yes : expr(positive, yes, d), join, null, true, null);
            edge(expr(c.getNegativeResultExpression(), no, d), join, null, true, null);
            return join;
        }
        if (e instanceof IASTFunctionCallExpression call) {
            int b = cur;
            for (IASTInitializerClause a : call.getArguments()) {
                b = initializer(a, b, d);
            }
            IASTExpression name = call.getFunctionNameExpression();
            if (!(ExprBuilder.stripParens(name) instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression)) {
                b = expr(name, b, d);
            }
            CallFact fact = callFacts.get(call);
            if (fact != null) {
                event(b, new Cfg.Call(fact, LockApis.classify(fact)));
            }
            String handed = ScopeCleanups.handedOff(call);
            if (handed != null && handoffs != null) {
                handoffs.add(handed); // stored NULL at the end of the statement
            } else if (handed != null) {
                stored(b, List.of(handed), loc(call));
            }
            if (NORETURN.contains(calleeName(call))) {
                return newBlock(); // nothing flows on
            }
            return b;
        }
        if (e instanceof IASTFieldReference f) {
            int b = expr(f.getFieldOwner(), cur, d);
            if (f.isPointerDereference()) {
                Location at = loc(f);
                if (at != null) {
                    event(b, new Cfg.Deref(ExprBuilder.build(f.getFieldOwner()), Cfg.DerefKind.ARROW,
                            f.getFieldName().toString(), at));
                }
            }
            return b;
        }
        if (e instanceof IASTArraySubscriptExpression a) {
            int b = expr(a.getArrayExpression(), cur, d);
            b = initializer(a.getArgument(), b, d);
            Location at = loc(a);
            if (at != null) {
                event(b, new Cfg.Deref(ExprBuilder.build(a.getArrayExpression()), Cfg.DerefKind.INDEX, null, at));
            }
            return b;
        }
        if (e instanceof IASTCastExpression c) {
            return expr(c.getOperand(), cur, d);
        }
        if (e instanceof IASTExpressionList list) {
            int b = cur;
            for (IASTExpression part : list.getExpressions()) {
                b = expr(part, b, d);
            }
            return b;
        }
        if (e instanceof IGNUASTCompoundStatementExpression g) {
            return stmt(g.getCompoundStatement(), cur, d);
        }
        return cur; // names, literals, type ids
    }

    /** Evaluates the sub-expressions of an assignment target (not the target itself as a read). */
    private int lvalue(IASTExpression target, int cur, int depth) {
        IASTExpression t = target;
        while (t instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
            t = u.getOperand();
        }
        if (t instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression) {
            return cur;
        }
        return expr(t, cur, depth);
    }

    private void store(int block, IASTExpression target, Expr value, IASTNode at) {
        Location where = loc(at);
        if (where != null) {
            event(block, new Cfg.Assign(ExprBuilder.build(target), value, where));
        }
    }

    private static boolean isCompoundAssign(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_plusAssign, IASTBinaryExpression.op_minusAssign,
                 IASTBinaryExpression.op_multiplyAssign, IASTBinaryExpression.op_divideAssign,
                 IASTBinaryExpression.op_moduloAssign, IASTBinaryExpression.op_shiftLeftAssign,
                 IASTBinaryExpression.op_shiftRightAssign, IASTBinaryExpression.op_binaryAndAssign,
                 IASTBinaryExpression.op_binaryOrAssign, IASTBinaryExpression.op_binaryXorAssign -> true;
            default -> false;
        };
    }
}
