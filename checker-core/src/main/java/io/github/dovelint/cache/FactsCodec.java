package io.github.dovelint.cache;

import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.CurrentUse;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.GlobalVar;
import io.github.dovelint.facts.LockOp;
import io.github.dovelint.facts.OobAccess;
import io.github.dovelint.facts.Param;
import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compact binary codec for the AST-free facts ({@link UnitFacts} and
 * everything it holds, the {@link Cfg} included) and parse problems. Strings
 * go through a per-stream table, so the file name repeated in every
 * {@link Location} costs a few bytes. A {@link Cfg.Call} event is written as
 * the index of its {@link CallFact} in {@link FunctionFacts#calls()} and read
 * back as that same instance.
 *
 * <p>Hand-written rather than Java serialization: reading untrusted bytes
 * only ever builds these records, and any inconsistency throws
 * {@link IOException} (callers treat it as a cache miss).
 */
public final class FactsCodec {

    /**
     * Bump whenever the encoding or a fact record changes, or what a fact means. 4: an
     * {@code OobAccess} field is a member path ({@code f_oob_state.data}) and its owner the file
     * the path starts from, not the last member's owner. 5: without headers, a project's message
     * prefixes and type-taking macros are predefined (parse.MacroGuesses), so the same source
     * gives more facts. 6: {@code FunctionFacts.callerHolds}, the precondition a comment documents.
     * 7: without headers, a project's own iterator ({@code for_each_evl_thread(t) S}) is a loop
     * header (parse.IteratorGuesses), so the calls of its body are facts; with a partial include
     * tree, a file missing a header may be read with the headerless recovery (parse.CParser).
     * 8: a compound assignment in a function's outermost block is recorded as {@code "&="} (an
     * update on every path), not {@code "&"}.
     * 9: a call through a member keeps the struct it reads it from ({@code Callee.Field.base}), an
     * assigned binding the members leading to its struct ({@code FieldBinding.path}).
     */
    public static final int FORMAT = 9;

    private static final int MAX_COUNT = 1 << 24;
    /**
     * The deepest expression read: facts.ExprBuilder builds none deeper than 64 levels, and a
     * damaged entry nested deeper would overflow the stack of the reading thread.
     */
    static final int MAX_EXPR_DEPTH = 256;

    private FactsCodec() {
    }

    /** Writes to a stream, with its string table. */
    public static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();

        public Writer(DataOutputStream out) {
            this.out = out;
        }

        void str(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            int id = strings.size();
            strings.put(s, id);
            out.writeInt(-2);
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        void count(int n) throws IOException {
            out.writeInt(n);
        }

        void location(Location l) throws IOException {
            if (l == null) {
                out.writeBoolean(false);
                return;
            }
            out.writeBoolean(true);
            str(l.file());
            out.writeInt(l.line());
            out.writeInt(l.column());
        }

        public void problems(List<Problem> problems) throws IOException {
            count(problems.size());
            for (Problem p : problems) {
                out.writeByte(p.kind().ordinal());
                location(p.location());
                str(p.message());
            }
        }

        public void unit(UnitFacts u) throws IOException {
            str(u.file());
            count(u.functions().size());
            for (FunctionFacts f : u.functions()) {
                function(f);
            }
            bindings(u.bindings());
            count(u.globals().size());
            for (GlobalVar g : u.globals()) {
                str(g.name());
                out.writeBoolean(g.isStatic());
                expr(g.value());
            }
        }

        private void bindings(List<FieldBinding> list) throws IOException {
            count(list.size());
            for (FieldBinding b : list) {
                str(b.structTag());
                str(b.field());
                str(b.function());
                location(b.location());
                str(b.owner());
                location(b.ownerAt());
                str(b.path());
            }
        }

        void function(FunctionFacts f) throws IOException {
            str(f.name());
            location(f.location());
            out.writeByte((f.isStatic() ? 1 : 0) | (f.isInline() ? 2 : 0) | (f.isWeak() ? 4 : 0));
            str(f.returnType());
            count(f.params().size());
            for (Param p : f.params()) {
                str(p.name());
                str(p.type());
            }
            count(f.calls().size());
            for (CallFact c : f.calls()) {
                call(c);
            }
            count(f.currentUses().size());
            for (CurrentUse c : f.currentUses()) {
                str(c.field());
                str(c.text());
                location(c.location());
            }
            Map<String, List<Expr>> locals = new TreeMap<>(f.locals());
            count(locals.size());
            for (Map.Entry<String, List<Expr>> e : locals.entrySet()) {
                str(e.getKey());
                exprs(e.getValue());
            }
            bindings(f.bindings());
            count(f.lockOps().size());
            for (LockOp op : f.lockOps()) {
                lockOp(op);
            }
            count(f.oobAccesses().size());
            for (OobAccess a : f.oobAccesses()) {
                out.writeByte(a.kind().ordinal());
                str(a.field());
                str(a.owner());
                location(a.location());
                expr(a.value());
            }
            cfg(f.cfg(), f.calls());
            count(f.callerHolds().size());
            for (String lock : f.callerHolds()) {
                str(lock);
            }
        }

        private void lockOp(LockOp op) throws IOException {
            if (op == null) {
                out.writeByte(-1);
                return;
            }
            out.writeByte(op.action().ordinal());
            str(op.family());
            str(op.api());
            str(op.lock());
            location(op.location());
        }

        private void call(CallFact c) throws IOException {
            callee(c.callee());
            exprs(c.args());
            location(c.location());
            str(c.macro());
        }

        private void callee(Callee c) throws IOException {
            if (c instanceof Callee.Named n) {
                out.writeByte(0);
                str(n.name());
            } else if (c instanceof Callee.Field f) {
                out.writeByte(1);
                str(f.structTag());
                str(f.field());
                str(f.display());
                expr(f.base());
                out.writeBoolean(f.arrow());
            } else if (c instanceof Callee.Unknown u) {
                out.writeByte(2);
                str(u.display());
            } else {
                out.writeByte(3); // null
            }
        }

        private void cfg(Cfg cfg, List<CallFact> calls) throws IOException {
            if (!cfg.available()) {
                out.writeInt(-1);
                return;
            }
            Map<CallFact, Integer> index = new java.util.IdentityHashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                index.putIfAbsent(calls.get(i), i);
            }
            count(cfg.size());
            for (Cfg.Block b : cfg.blocks()) {
                out.writeInt(b.id());
                count(b.events().size());
                for (Cfg.Event e : b.events()) {
                    event(e, index);
                }
                count(b.successors().size());
                for (Cfg.Edge edge : b.successors()) {
                    out.writeInt(edge.target());
                    expr(edge.condition());
                    out.writeBoolean(edge.when());
                    location(edge.at());
                }
            }
        }

        private void event(Cfg.Event e, Map<CallFact, Integer> index) throws IOException {
            if (e instanceof Cfg.Call c) {
                Integer i = index.get(c.call());
                if (i != null) {
                    out.writeByte(0);
                    out.writeInt(i);
                } else {
                    out.writeByte(1);
                    call(c.call());
                }
                lockOp(c.lock());
            } else if (e instanceof Cfg.Deref d) {
                out.writeByte(2);
                expr(d.pointer());
                out.writeByte(d.kind().ordinal());
                str(d.field());
                location(d.location());
            } else if (e instanceof Cfg.Assign a) {
                out.writeByte(3);
                expr(a.target());
                expr(a.value());
                location(a.location());
            } else if (e instanceof Cfg.Return r) {
                out.writeByte(4);
                expr(r.value());
                location(r.location());
            } else {
                throw new IOException("unknown CFG event " + e);
            }
        }

        private void exprs(List<Expr> list) throws IOException {
            count(list.size());
            for (Expr e : list) {
                expr(e);
            }
        }

        void expr(Expr e) throws IOException {
            if (e == null) {
                out.writeByte(0);
            } else if (e instanceof Expr.Name n) {
                out.writeByte(1);
                str(n.id());
            } else if (e instanceof Expr.Number n) {
                out.writeByte(2);
                out.writeLong(n.value());
                str(n.text());
            } else if (e instanceof Expr.Unary u) {
                out.writeByte(3);
                str(u.op());
                expr(u.operand());
            } else if (e instanceof Expr.Binary b) {
                out.writeByte(4);
                str(b.op());
                expr(b.left());
                expr(b.right());
            } else if (e instanceof Expr.Conditional c) {
                out.writeByte(5);
                expr(c.condition());
                expr(c.yes());
                expr(c.no());
            } else if (e instanceof Expr.Call c) {
                out.writeByte(6);
                str(c.callee());
                exprs(c.args());
            } else if (e instanceof Expr.Member m) {
                out.writeByte(7);
                expr(m.owner());
                str(m.field());
                out.writeBoolean(m.arrow());
            } else if (e instanceof Expr.Other o) {
                out.writeByte(8);
                str(o.text());
            } else {
                throw new IOException("unknown expression " + e);
            }
        }
    }

    /** Reads what a {@link Writer} wrote; throws {@link IOException} on anything inconsistent. */
    public static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        private int depth;

        public Reader(DataInputStream in) {
            this.in = in;
        }

        String str() throws IOException {
            int id = in.readInt();
            if (id == -1) {
                return null;
            }
            if (id == -2) {
                int n = in.readInt();
                if (n < 0 || n > MAX_COUNT || n > in.available()) {
                    throw new IOException("bad string length");
                }
                byte[] b = new byte[n];
                in.readFully(b);
                String s = new String(b, java.nio.charset.StandardCharsets.UTF_8);
                strings.add(s);
                return s;
            }
            if (id < 0 || id >= strings.size()) {
                throw new IOException("bad string reference");
            }
            return strings.get(id);
        }

        String nonNull() throws IOException {
            String s = str();
            if (s == null) {
                throw new IOException("unexpected null string");
            }
            return s;
        }

        /** A count of elements to read: each takes a byte at least, so no more than the bytes left. */
        int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > MAX_COUNT || n > in.available()) {
                throw new IOException("bad count " + n);
            }
            return n;
        }

        private <E extends Enum<E>> E enumOf(E[] values) throws IOException {
            int i = in.readByte();
            if (i < 0 || i >= values.length) {
                throw new IOException("bad enum ordinal " + i);
            }
            return values[i];
        }

        Location location() throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            return new Location(nonNull(), in.readInt(), in.readInt());
        }

        Location nonNullLocation() throws IOException {
            Location l = location();
            if (l == null) {
                throw new IOException("unexpected null location");
            }
            return l;
        }

        public List<Problem> problems() throws IOException {
            int n = count();
            List<Problem> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Problem.Kind kind = enumOf(Problem.Kind.values());
                out.add(new Problem(kind, nonNullLocation(), nonNull()));
            }
            return out;
        }

        public UnitFacts unit() throws IOException {
            String file = str();
            int n = count();
            List<FunctionFacts> functions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                functions.add(function());
            }
            List<FieldBinding> bindings = bindings();
            int g = count();
            List<GlobalVar> globals = new ArrayList<>(g);
            for (int i = 0; i < g; i++) {
                globals.add(new GlobalVar(str(), in.readBoolean(), expr()));
            }
            return new UnitFacts(file, functions, bindings, globals);
        }

        private List<FieldBinding> bindings() throws IOException {
            int n = count();
            List<FieldBinding> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new FieldBinding(str(), str(), str(), location(), str(), location(), str()));
            }
            return out;
        }

        FunctionFacts function() throws IOException {
            String name = str();
            Location location = nonNullLocation();
            int flags = in.readByte();
            String returnType = str();
            int n = count();
            List<Param> params = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                params.add(new Param(str(), str()));
            }
            n = count();
            List<CallFact> calls = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                calls.add(call());
            }
            n = count();
            List<CurrentUse> uses = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                uses.add(new CurrentUse(str(), str(), location()));
            }
            n = count();
            Map<String, List<Expr>> locals = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                locals.put(nonNull(), exprs());
            }
            List<FieldBinding> bindings = bindings();
            n = count();
            List<LockOp> lockOps = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                LockOp op = lockOp();
                if (op == null) {
                    throw new IOException("null lock operation");
                }
                lockOps.add(op);
            }
            n = count();
            List<OobAccess> oob = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                OobAccess.Kind kind = enumOf(OobAccess.Kind.values());
                oob.add(new OobAccess(kind, str(), str(), location(), expr()));
            }
            Cfg cfg = cfg(calls);
            n = count();
            List<String> callerHolds = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                callerHolds.add(nonNull());
            }
            try {
                return new FunctionFacts(name, location, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0,
                        returnType, params, calls, uses, locals, bindings, lockOps, oob, cfg, callerHolds);
            } catch (RuntimeException e) {
                throw new IOException("inconsistent function facts", e);
            }
        }

        private LockOp lockOp() throws IOException {
            int a = in.readByte();
            if (a == -1) {
                return null;
            }
            LockOp.Action[] values = LockOp.Action.values();
            if (a < 0 || a >= values.length) {
                throw new IOException("bad lock action");
            }
            return new LockOp(values[a], str(), str(), str(), location());
        }

        private CallFact call() throws IOException {
            return new CallFact(callee(), exprs(), location(), str());
        }

        private Callee callee() throws IOException {
            int tag = in.readByte();
            return switch (tag) {
                case 0 -> new Callee.Named(str());
                case 1 -> new Callee.Field(str(), str(), str(), expr(), in.readBoolean());
                case 2 -> new Callee.Unknown(str());
                case 3 -> null;
                default -> throw new IOException("bad callee tag " + tag);
            };
        }

        private Cfg cfg(List<CallFact> calls) throws IOException {
            int n = in.readInt();
            if (n == -1) {
                return Cfg.UNAVAILABLE;
            }
            if (n < 0 || n > MAX_COUNT || n > in.available()) {
                throw new IOException("bad block count");
            }
            List<Cfg.Block> blocks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int id = in.readInt();
                int ne = count();
                List<Cfg.Event> events = new ArrayList<>(ne);
                for (int j = 0; j < ne; j++) {
                    events.add(event(calls));
                }
                int ns = count();
                List<Cfg.Edge> edges = new ArrayList<>(ns);
                for (int j = 0; j < ns; j++) {
                    int target = in.readInt();
                    if (target < 0 || target >= n) {
                        throw new IOException("bad edge target");
                    }
                    edges.add(new Cfg.Edge(target, expr(), in.readBoolean(), location()));
                }
                if (id != i) {
                    throw new IOException("bad block id");
                }
                blocks.add(new Cfg.Block(id, events, edges));
            }
            return new Cfg(blocks);
        }

        private Cfg.Event event(List<CallFact> calls) throws IOException {
            int tag = in.readByte();
            switch (tag) {
                case 0, 1 -> {
                    CallFact call;
                    if (tag == 0) {
                        int i = in.readInt();
                        if (i < 0 || i >= calls.size()) {
                            throw new IOException("bad call index");
                        }
                        call = calls.get(i);
                    } else {
                        call = call();
                    }
                    return new Cfg.Call(call, lockOp());
                }
                case 2 -> {
                    Expr pointer = expr();
                    Cfg.DerefKind kind = enumOf(Cfg.DerefKind.values());
                    return new Cfg.Deref(pointer, kind, str(), location());
                }
                case 3 -> {
                    return new Cfg.Assign(expr(), expr(), location());
                }
                case 4 -> {
                    return new Cfg.Return(expr(), location());
                }
                default -> throw new IOException("bad event tag " + tag);
            }
        }

        private List<Expr> exprs() throws IOException {
            int n = count();
            List<Expr> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(expr());
            }
            return out;
        }

        Expr expr() throws IOException {
            if (depth >= MAX_EXPR_DEPTH) {
                throw new IOException("expression nested more than " + MAX_EXPR_DEPTH + " levels deep");
            }
            depth++;
            try {
                return exprAt(in.readByte());
            } finally {
                depth--;
            }
        }

        private Expr exprAt(int tag) throws IOException {
            return switch (tag) {
                case 0 -> null;
                case 1 -> Expr.Name.of(nonNull());
                case 2 -> Expr.Number.of(in.readLong(), str());
                case 3 -> new Expr.Unary(str(), expr());
                case 4 -> new Expr.Binary(str(), expr(), expr());
                case 5 -> new Expr.Conditional(expr(), expr(), expr());
                case 6 -> new Expr.Call(str(), exprs());
                case 7 -> new Expr.Member(expr(), str(), in.readBoolean());
                case 8 -> new Expr.Other(str());
                default -> throw new IOException("bad expression tag " + tag);
            };
        }
    }
}
