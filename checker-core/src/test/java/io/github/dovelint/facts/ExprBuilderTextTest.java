package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expression text is the source with white space runs folded: the hand-written folding must match the regex. */
class ExprBuilderTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "GFP_KERNEL#GFP_KERNEL",
        "GFP_KERNEL | __GFP_ZERO#GFP_KERNEL | __GFP_ZERO",
        "GFP_KERNEL  |\t__GFP_ZERO#GFP_KERNEL | __GFP_ZERO",
        "' a  b '#a b",
        "'a\n\t  b'#a b",
        "' x'#x",
        "'x '#x"})
    void foldsLikeTheRegex(String raw, String folded) {
        assertEquals(folded, ExprBuilder.collapseWhitespace(raw));
        assertEquals(raw.replaceAll("\\s+", " ").strip(), ExprBuilder.collapseWhitespace(raw));
    }

    @Test
    void leavesCleanTextAlone() {
        String s = "kmalloc(sizeof(*e), GFP_KERNEL)";
        assertSame(s, ExprBuilder.collapseWhitespace(s));
    }
}
