package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberPathTest {

    private static final Expr XBUF = Expr.Name.of("xbuf");

    /** {@code xbuf->obnd.ring}. */
    private static Expr obndRing() {
        return new Expr.Member(new Expr.Member(XBUF, "obnd", true), "ring", false);
    }

    @Test
    void anAddressPointsToTheEmbeddedMembersAfterTheLastPointer() {
        MemberPath p = MemberPath.pointee(null, new Expr.Unary("&", obndRing()));
        assertEquals(XBUF, p.root());
        assertEquals(List.of("obnd", "ring"), p.members());
    }

    @Test
    void aMemberReachedThroughAPointerStartsAfresh() {
        // &x->in->ring: *x->in may be any struct, so only [ring] is known
        Expr in = new Expr.Member(Expr.Name.of("x"), "in", true);
        MemberPath p = MemberPath.pointee(null, new Expr.Unary("&", new Expr.Member(in, "ring", true)));
        assertEquals(in, p.root());
        assertEquals(List.of("ring"), p.members());
    }

    @Test
    void aPointerReadFromMemoryOrAParameterIsAnywhere() {
        assertEquals(List.of(), MemberPath.pointee(null, new Expr.Member(XBUF, "ring_ptr", true)).members());
        assertEquals(List.of(), MemberPath.pointee(null, new Expr.Unary("()", Expr.Name.of("ring"))).members());
    }

    @Test
    void theHolderOfAMemberDependsOnTheOperator() {
        // xbuf->obnd.ring.wait: the struct is xbuf->obnd.ring; ops->wait: *ops, anywhere
        assertEquals(List.of("obnd", "ring"), MemberPath.holder(null, obndRing(), false).members());
        assertEquals(List.of(), MemberPath.holder(null, new Expr.Member(XBUF, "ops", true), true).members());
    }

    @Test
    void aLocalPointerAssignedOnceStandsForItsValue() {
        FunctionFacts f = new FunctionFacts("f", new io.github.dovelint.model.Location("a.c", 1, 1), true, false,
                false, "void", List.of(new Param("xbuf", "struct xbuf *")), List.of(), List.of(),
                Map.of("ring", List.of(new Expr.Unary("&", obndRing()))), List.of(), List.of(), List.of());
        assertEquals(List.of("obnd", "ring"), MemberPath.holder(f, Expr.Name.of("ring"), true).members());
        assertEquals(List.of(), MemberPath.holder(f, XBUF, true).members(), "a parameter is any instance");
    }

    @Test
    void theShorterPathMustEndTheLonger() {
        MemberPath p = new MemberPath(XBUF, List.of("obnd", "ring"));
        assertTrue(p.mayBe(List.of("obnd", "ring")));
        assertFalse(p.mayBe(List.of("ibnd", "ring")));
        assertTrue(p.mayBe(List.of("ring")));
        assertTrue(p.mayBe(List.of()));
        assertFalse(p.mayBe(List.of("wring")));
        assertTrue(new MemberPath(XBUF, List.of("ring")).mayBe(List.of("x", "ibnd", "ring")));
    }
}
