package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.OobPaths;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.FlowAnalysis;
import io.github.dovelint.flow.NullTest;
import io.github.dovelint.kb.Roles;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.spec.Hook;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-fd index a core maintains (docs/contracts.md#c6-the-per-fd-index-a-core-maintains): when {@code replace_inband_fd} finds the new file is not
 * oob-capable, the entry for {@code (files, fd)} must go: {@code do_dup2()}
 * never calls uninstall for the old file. Forward analysis over the hook's
 * graph; the state is whether every path so far removed an entry (a removing
 * call or a NULL stored into an array slot, see {@link Removals}, or a lookup of {@code (files, fd)} found to
 * return NULL: nothing to remove), and the oob-pointer tests whose NULL side
 * was taken on a path that had not. What is left at the exit is reported.
 */
@RuleInfo(id = "DL206", name = "replace-keeps-stale-entry", severity = Severity.ERROR,
        summary = "replace_inband_fd returns when the new file is not oob-capable without removing the "
                + "companion's entry for (files, fd); do_dup2() never calls uninstall for the old file.")
public final class ReplaceKeepsStaleEntry implements Rule {

    /** The replace hook: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks(hook -> hook == Hook.REPLACE);

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES);
    }


    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparing(Location::line).thenComparing(Location::column);

    @Override
    public void check(RuleContext context) {
        Set<String> fields = Set.copyOf(context.knowledge().oobFields());
        Removals removals = new Removals(context.callGraph(), context.knowledge().role(Roles.ENTRY_REMOVALS));
        OobDerefs helpers = new OobDerefs(context.callGraph(), OobPaths.of(fields));
        for (FunctionFacts replace : ENTRIES.select(context)) {
            if (!replace.cfg().available() || replace.params().size() < 2) {
                continue;
            }
            String file = replace.params().get(1).name();
            Analysis analysis = new Analysis(replace, file, fields, OobPaths.of(fields), removals, helpers);
            State exit = Dataflow.forward(replace.cfg(), analysis).atExit();
            if (exit == null) {
                continue;
            }
            for (Location at : exit.stale()) {
                context.report(at, replace.name(), replace.name() + "() can return from the side of this test "
                        + "where the new file is not oob-capable without removing the entry of (files, fd); "
                        + "do_dup2() never calls uninstall for the old file, so the entry outlives it", List.of());
            }
        }
    }

    /**
     * @param removed whether every path here removed an entry (or found there was none)
     * @param stale   tests whose NULL side was taken on a path that had not removed one, and has not since
     */
    record State(boolean removed, Set<Location> stale) {
        State {
            TreeSet<Location> sorted = new TreeSet<>(ORDER);
            sorted.addAll(stale);
            stale = java.util.Collections.unmodifiableSortedSet(sorted);
        }
    }

    private static final class Analysis implements FlowAnalysis<State> {
        private final FunctionFacts function;
        private final String file;
        private final Set<String> fields;
        private final OobPaths paths;
        private final Removals removals;
        private final OobDerefs helpers;

        Analysis(FunctionFacts function, String file, Set<String> fields, OobPaths paths, Removals removals,
                 OobDerefs helpers) {
            this.function = function;
            this.file = file;
            this.fields = fields;
            this.paths = paths;
            this.removals = removals;
            this.helpers = helpers;
        }

        @Override
        public State initial() {
            return new State(false, Set.of());
        }

        @Override
        public State join(State a, State b) {
            Set<Location> stale = new TreeSet<>(ORDER);
            stale.addAll(a.stale());
            stale.addAll(b.stale());
            return new State(a.removed() && b.removed(), stale);
        }

        @Override
        public State transfer(State state, Cfg.Event event) {
            if (event instanceof Cfg.Call c && removals.removes(function, c.call())
                    || event instanceof Cfg.Assign a && Removals.clearsSlot(a)) {
                return new State(true, Set.of());
            }
            return state;
        }

        @Override
        public State branch(State state, Cfg.Edge edge) {
            NullTest t = NullTest.of(edge);
            if (t == null || t.nonNullAlong(edge)) {
                return state;
            }
            if (isLookup(t.pointer())) {
                return new State(true, Set.of()); // no entry for (files, fd): nothing to remove
            }
            if (state.removed() || edge.at() == null || !isNewFileOob(t.pointer())) {
                return state;
            }
            Set<Location> out = new TreeSet<>(ORDER);
            out.addAll(state.stale());
            out.add(edge.at());
            return new State(false, out);
        }

        /** A local assigned the result of a call given the hook's {@code files} and {@code fd}: a lookup. */
        private boolean isLookup(Expr e) {
            if (!(unwrap(e) instanceof Expr.Name n) || function.params().size() < 3) {
                return false;
            }
            List<Expr> values = function.locals().get(n.id());
            if (values == null) {
                return false;
            }
            String fd = function.params().get(0).name();
            String files = function.params().get(2).name();
            for (Expr v : values) {
                if (v instanceof Expr.Call c) {
                    List<String> args = c.args().stream().map(NullTest::key).toList();
                    if (args.contains(fd) && args.contains(files)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean isNewFileOob(Expr e) {
            return isNewFileOob(e, 0);
        }

        /** {@code file->oob_data} (or another generation's path), or a local only ever assigned that (or NULL). */
        private boolean isNewFileOob(Expr e, int depth) {
            Expr u = unwrap(e);
            if (depth > 4) {
                return false;
            }
            if (u instanceof Expr.Member) {
                OobPaths.Match oob = paths.match(u);
                return oob != null && unwrap(oob.file()) instanceof Expr.Name n && n.id().equals(file);
            }
            if (u instanceof Expr.Call c) {
                // evl_ctx(file), a helper returning the file's oob pointer
                return helpers.returned(c, arg -> Set.of()).stream().anyMatch(k -> fields.stream()
                        .anyMatch(f -> k.equals(file + "->" + f)));
            }
            if (u instanceof Expr.Name n) {
                List<Expr> values = function.locals().get(n.id());
                if (values == null) {
                    return false;
                }
                List<Expr> real = values.stream().filter(v -> !NullTest.isNull(v)).toList();
                return !real.isEmpty() && real.stream().allMatch(v -> isNewFileOob(v, depth + 1));
            }
            return false;
        }

        private static Expr unwrap(Expr e) {
            Expr cur = e;
            for (int i = 0; i < 8 && cur instanceof Expr.Call c && c.args().size() == 1
                    && (c.callee().equals("READ_ONCE") || c.callee().startsWith("rcu_dereference")); i++) {
                cur = c.args().get(0);
            }
            return cur;
        }
    }
}
