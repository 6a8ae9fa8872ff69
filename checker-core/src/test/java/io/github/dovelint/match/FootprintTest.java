package io.github.dovelint.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FootprintTest {

    @Test
    void orKeepsEveryClauseOnce() {
        Footprint f = Footprint.anyOf("a", "b").or(Footprint.anyOf("b", "c"));
        assertEquals(List.of("a", "b", "c"), f.patterns());
    }

    @Test
    void andJoinsEveryClauseOfOneWithEveryClauseOfTheOther() {
        Footprint f = Footprint.anyOf("x[", "y").and(Footprint.anyOf("p", "q"));
        assertEquals(List.of("x[+p", "x[+q", "y+p", "y+q"), f.patterns());
    }

    @Test
    void nothingAndAnythingAreTheUnits() {
        assertEquals(List.of(), Footprint.NONE.or(Footprint.NONE).patterns());
        assertEquals(List.of(), Footprint.anyOf("a").and(Footprint.NONE).patterns());
        Footprint anything = Matchers.anything().footprint(null);
        assertEquals(List.of("a+b"), Footprint.allOf("a", "b").and(anything).patterns());
    }
}
