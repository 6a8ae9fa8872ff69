package io.github.dovelint.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionSyntaxTest {

    @Test
    void spellsACommentTheScannerReadsBack() {
        String comment = SuppressionSyntax.blockComment("DL101", "the lock is held by the caller");
        assertEquals("/* dovelint-ignore DL101: the lock is held by the caller */", comment);
        List<Suppression> found = SuppressionScanner.scan("a.c", "int x; " + comment + "\n");
        assertEquals(1, found.size());
        assertEquals(List.of("DL101"), found.get(0).ruleIds());
        assertEquals("the lock is held by the caller", found.get(0).reason());
    }

    @Test
    void spellsDirectivesWithAndWithoutReason() {
        assertEquals("dovelint-ignore DL101, DL104: why this is safe",
                SuppressionSyntax.directive("DL101, DL104", SuppressionSyntax.EXAMPLE_REASON));
        assertEquals("dovelint-ignore DL101", SuppressionSyntax.directiveWithoutReason("DL101"));
    }

    @Test
    void textAndBytesAgreeOnWhetherAFileMayHoldOne() {
        for (String text : List.of("", "int x;\n", "/* dovelint-ignore DL101: ok */", "x // dovelint-ignore",
                "dovelint-ignor", "é dovelint-ignore")) {
            assertEquals(SuppressionSyntax.mayHold(text), SuppressionSyntax.mayHold(text.getBytes(StandardCharsets.UTF_8)),
                    text);
        }
        assertTrue(SuppressionSyntax.mayHold("// dovelint-ignore DL101: ok"));
        assertFalse(SuppressionSyntax.mayHold("dovelint-ignor"));
    }
}
