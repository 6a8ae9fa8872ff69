package io.github.dovelint.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fact type survives an encode/decode round trip, the CFG included. */
class FactsCodecTest {

    @TempDir
    Path tmp;

    static byte[] encode(UnitFacts u, List<Problem> problems) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        FactsCodec.Writer w = new FactsCodec.Writer(out);
        w.problems(problems);
        w.unit(u);
        out.flush();
        return b.toByteArray();
    }

    static UnitFacts decode(byte[] bytes, List<Problem> problemsOut) throws IOException {
        FactsCodec.Reader r = new FactsCodec.Reader(new DataInputStream(new ByteArrayInputStream(bytes)));
        problemsOut.addAll(r.problems());
        return r.unit();
    }

    private static void assertCallsShared(UnitFacts u) {
        for (FunctionFacts f : u.functions()) {
            for (Cfg.Block b : f.cfg().blocks()) {
                for (Cfg.Event e : b.events()) {
                    if (e instanceof Cfg.Call c) {
                        assertTrue(f.calls().stream().anyMatch(x -> x == c.call()),
                                "CFG call is the instance of calls(): " + c);
                    }
                }
            }
        }
    }

    @Test
    void everyExpressionEventAndFactRoundTrips() throws IOException {
        Location at = new Location("a.c", 3, 4);
        Location other = new Location("include/x.h", 10, 1);
        Expr name = new Expr.Name("ctx");
        Expr num = new Expr.Number(-42L, "-42");
        Expr unary = new Expr.Unary("&", name);
        Expr binary = new Expr.Binary("|", num, unary);
        Expr member = new Expr.Member(name, "oob_data", true);
        Expr call = new Expr.Call("get_current", List.of());
        Expr cond = new Expr.Conditional(member, call, new Expr.Other("(x)"));
        CallFact named = new CallFact(new Callee.Named("kmalloc"), List.of(num, cond), at, null);
        CallFact field = new CallFact(new Callee.Field("pool_ops", "get", "ops->get",
                new Expr.Member(name, "ops", true), false), List.of(member), at, "WRAP");
        CallFact unknown = new CallFact(new Callee.Unknown("(*fp)"), List.of(), other, null);
        LockOp lock = new LockOp(LockOp.Action.ACQUIRE, "spin", "spin_lock", "files->file_lock", at);
        LockOp trylock = new LockOp(LockOp.Action.TRY_ACQUIRE, "mutex", "mutex_trylock", "m", other);
        CallFact detached = new CallFact(new Callee.Named("detached"), List.of(), at, null);
        Cfg cfg = new Cfg(List.of(
                new Cfg.Block(0, List.of(new Cfg.Call(named, lock), new Cfg.Deref(member, Cfg.DerefKind.ARROW,
                        "oob_data", at), new Cfg.Assign(name, binary, at)),
                        List.of(new Cfg.Edge(2, member, true, at), new Cfg.Edge(3, member, false, null))),
                new Cfg.Block(1, List.of(), List.of()),
                new Cfg.Block(2, List.of(new Cfg.Call(field, null), new Cfg.Deref(name, Cfg.DerefKind.STAR, null,
                        other), new Cfg.Call(detached, trylock)), List.of(new Cfg.Edge(1, null, true, null))),
                new Cfg.Block(3, List.of(new Cfg.Deref(name, Cfg.DerefKind.INDEX, null, at),
                        new Cfg.Return(null, at), new Cfg.Return(cond, other)),
                        List.of(new Cfg.Edge(1, null, true, null)))));
        FunctionFacts f = new FunctionFacts("f", at, true, false, true, "int *",
                List.of(new Param("ctx", "struct evl *"), new Param("n", "int")),
                List.of(named, field, unknown),
                List.of(new CurrentUse("files", "current->files", at)),
                Map.of("p", List.of(name, call), "q", List.of()),
                List.of(new FieldBinding("file_operations", "open", "my_open", at, "fops", other)),
                List.of(lock, trylock, new LockOp(LockOp.Action.RELEASE, "rcu", "rcu_read_unlock", "", at),
                        new LockOp(LockOp.Action.ASSERT_HELD, "spin", "lockdep_assert_held", "l", at),
                        new LockOp(LockOp.Action.QUERY, "spin", "spin_is_locked", "l", at)),
                List.of(new OobAccess(OobAccess.Kind.WRITE, "oob_data", "file", at, name),
                        new OobAccess(OobAccess.Kind.READ, "oob_data", "file", other, null),
                        new OobAccess(OobAccess.Kind.NULL_TEST, "f_oob_ctx", null, at, num)),
                cfg, List.of("files->file_lock", "rcu_read_lock"));
        FunctionFacts g = new FunctionFacts("g", other, false, true, false, "void", List.of(), List.of(),
                List.of(), Map.of(), List.of(), List.of(), List.of()); // Cfg.UNAVAILABLE
        UnitFacts u = new UnitFacts("a.c", List.of(f, g),
                List.of(new FieldBinding("ops", "get", "get_impl", at, "in.ring"),
                        new FieldBinding("ops", "put", "put_impl", at, "")),
                List.of(new GlobalVar("mask", true, binary), new GlobalVar("none", false, null)));
        List<Problem> problems = List.of(new Problem(Problem.Kind.PARSE, at, "Syntax error"),
                new Problem(Problem.Kind.INPUT, new Location("b.c", 0, 0), "not valid UTF-8"));

        List<Problem> back = new java.util.ArrayList<>();
        UnitFacts decoded = decode(encode(u, problems), back);
        assertEquals(u, decoded);
        assertEquals(problems, back);
        assertSame(Cfg.UNAVAILABLE, decoded.functions().get(1).cfg());
        assertSame(decoded.functions().get(0).calls().get(0),
                ((Cfg.Call) decoded.functions().get(0).cfg().block(0).events().get(0)).call());
    }

    @Test
    void factsExtractedFromRealCodeRoundTrip() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct ops { int (*get)(void); };
                static int helper(void) { return 0; }
                static struct ops my_ops = { .get = helper };
                static int mask = GFP_KERNEL | __GFP_ZERO;
                int f(struct files_struct *files, struct file *file, int n)
                {
                	void *p = kmalloc(n, GFP_KERNEL);
                	int i;
                	spin_lock(&files->file_lock);
                	if (!file->oob_data && n > 0)
                		file->oob_data = p;
                	for (i = 0; i < n; i++)
                		p = n ? helper : NULL;
                	spin_unlock(&files->file_lock);
                	rcu_read_lock();
                	current->files->count++;
                	rcu_read_unlock();
                	return my_ops.get() + mask;
                }
                """).run();
        UnitFacts u = new UnitFacts("a.c", List.copyOf(t.program().functions()), t.program().bindings(), List.of());
        assertTrue(u.functions().stream().anyMatch(f -> f.cfg().available() && f.cfg().size() > 4));
        UnitFacts decoded = decode(encode(u, List.of()), new java.util.ArrayList<>());
        assertEquals(u, decoded);
        assertCallsShared(decoded);
    }

    @Test
    void truncatedOrGarbledInputThrowsIoException() throws IOException {
        UnitFacts u = new UnitFacts("a.c", List.of(new FunctionFacts("g", new Location("a.c", 1, 1), false, false,
                false, "void", List.of(), List.of(), List.of(), Map.of(), List.of(), List.of(), List.of())),
                List.of());
        byte[] bytes = encode(u, List.of());
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] part = Arrays.copyOf(bytes, cut);
            assertThrows(IOException.class, () -> decode(part, new java.util.ArrayList<>()));
        }
        byte[] bad = bytes.clone();
        bad[bad.length - 20] = (byte) 0x7f; // somewhere in the function: a bad tag, count or reference
        try {
            decode(bad, new java.util.ArrayList<>());
        } catch (IOException | RuntimeException expected) {
            // either way it is not trusted: the cache compares checksums first
        }
    }

    @Test
    void anExpressionNestedTooDeeplyIsRefusedNotAStackOverflow() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        for (int k = 0; k < 1_000_000; k++) {
            out.writeByte(3); // Expr.Unary: operator, then its operand
            out.writeInt(-1); // no operator text
        }
        out.writeByte(0);
        out.flush();
        FactsCodec.Reader r = new FactsCodec.Reader(new DataInputStream(new ByteArrayInputStream(b.toByteArray())));
        IOException e = assertThrows(IOException.class, r::expr);
        assertTrue(e.getMessage().contains("nested more than " + FactsCodec.MAX_EXPR_DEPTH), e.getMessage());
        FactsCodec.Reader shallow = new FactsCodec.Reader(new DataInputStream(new ByteArrayInputStream(
                Arrays.copyOfRange(b.toByteArray(), b.size() - 1 - 5 * 100, b.size()))));
        assertTrue(shallow.expr() instanceof Expr.Unary, "a hundred levels are read");
    }

    @Test
    void aCountPastTheEndOfTheBytesIsRefusedBeforeAnythingIsAllocated() throws IOException {
        byte[] bytes = ByteBuffer.allocate(8).putInt(1 << 24).array(); // 16 M problems announced, 4 bytes left
        IOException e = assertThrows(IOException.class, () -> decode(bytes, new java.util.ArrayList<>()));
        assertTrue(e.getMessage().startsWith("bad count"), e.getMessage());
    }
}
