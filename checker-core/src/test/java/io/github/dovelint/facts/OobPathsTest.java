package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which member expressions are the oob pointer, for every Dovetail generation's path. */
class OobPathsTest {

    private static final OobPaths PATHS = OobPaths.of(List.of("oob_data", "f_oob_ctx", "f_oob_state.data"));

    private static Expr member(Expr owner, String field, boolean arrow) {
        return new Expr.Member(owner, field, arrow);
    }

    @Test
    void singleMembersAndMemberPathsMatchWithTheirFile() {
        Expr file = Expr.Name.of("file");
        OobPaths.Match m = PATHS.match(member(member(file, "f_oob_state", true), "data", false));
        assertEquals("f_oob_state.data", m.path());
        assertEquals(file, m.file());
        assertEquals(2, m.members());
        assertEquals("oob_data", PATHS.match(member(file, "oob_data", true)).path());
        // s.f_oob_state.data and (&file->f_oob_state)->data
        assertEquals(file, PATHS.match(member(member(file, "f_oob_state", false), "data", false)).file());
        Expr addressOf = new Expr.Unary("&", member(file, "f_oob_state", true));
        assertEquals(file, PATHS.match(member(addressOf, "data", true)).file());
        assertEquals("file->f_oob_state.data", Expr.canonical(member(addressOf, "data", true)));
    }

    @Test
    void partsOfAPathAndOtherDataMembersAreNot() {
        Expr file = Expr.Name.of("file");
        assertNull(PATHS.match(member(file, "f_oob_state", true)));
        assertNull(PATHS.match(member(Expr.Name.of("st"), "data", true)), "st->data: st is no file");
        assertNull(PATHS.match(member(member(file, "f_oob_state", true), "data", true)),
                "file->f_oob_state->data: the embedded state is not a pointer");
        assertNull(PATHS.match(member(member(file, "other", true), "data", false)));
        assertFalse(PATHS.isOob(file));
        assertTrue(PATHS.mayEndWith("data"));
        assertFalse(PATHS.mayEndWith("f_oob_state"));
    }

    @Test
    void pathsAreIdentifiersJoinedByDots() {
        assertTrue(OobPaths.isPath("f_oob_state.data"));
        assertTrue(OobPaths.isPath("oob_data"));
        for (String bad : List.of("", ".data", "f_oob_state.", "a..b", "f_oob_state->data", "1x", "a. b")) {
            assertFalse(OobPaths.isPath(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> OobPaths.of(List.of("a->b")));
        assertEquals("f_oob_state+data", OobPaths.footprint("f_oob_state.data"));
    }
}
