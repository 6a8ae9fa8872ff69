package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

    @Test
    void listsEveryRuleWithNameSeverityAndSummary() {
        Cli.Result r = Cli.run("rules");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err(), r::toString);
        List<String> lines = r.out().lines().toList();
        for (String id : List.of("DL001", "DL002", "DL101", "DL104")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(id + " ")), () -> id + " missing:\n" + r);
        }
        String dl101 = lines.stream().filter(l -> l.startsWith("DL101 ")).findFirst().orElseThrow();
        assertTrue(dl101.matches("DL101\\s+hook-may-sleep\\s+error\\s+\\S.*"), dl101);
        assertEquals(lines.stream().sorted().toList(), lines, "sorted by id");
    }

    @Test
    void printsThePageOfOneRule() {
        Cli.Result r = Cli.run("rules", "DL101");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("DL101 hook-may-sleep (default severity: error)", r.firstLine());
        assertTrue(r.out().contains("install_inband_fd"), r::toString);
        assertTrue(r.out().endsWith("\n"), r::toString);
    }

    @Test
    void findsARuleByNameOrLowerCaseId() {
        Cli.Result byId = Cli.run("rules", "DL101");
        assertEquals(byId.out(), Cli.run("rules", "hook-may-sleep").out());
        assertEquals(byId.out(), Cli.run("rules", "dl101").out());
    }

    @Test
    void unknownRuleExitsTwo() {
        Cli.Result r = Cli.run("rules", "DL999");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("dovelint: unknown rule 'DL999'"), r::toString);
        assertTrue(r.err().contains("dovelint rules"), r::toString);
    }
}
