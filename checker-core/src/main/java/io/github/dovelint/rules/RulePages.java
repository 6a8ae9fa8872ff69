package io.github.dovelint.rules;

import io.github.dovelint.spec.ContractTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads rule documentation pages: {@code /io/github/dovelint/rules/pages/<id>.md}.
 * A page that says {@value #CALL_SITES} gets, in its place, the call-site table
 * the build generated from the reference tracker's hook interface
 * ({@code spec.InbandFdHooks}): the contexts a rule's "why" rests on are
 * written once, in the spec, not restated by hand in each page.
 */
public final class RulePages {

    public static final String PAGE_FOLDER = "/io/github/dovelint/rules/pages/";

    /** The placeholder a page uses for the spec's call-site table. */
    public static final String CALL_SITES = "<!-- spec:call-sites -->";

    private RulePages() {
    }

    static String load(Class<?> anchor, String id) {
        try (InputStream in = anchor.getResourceAsStream(PAGE_FOLDER + id + ".md")) {
            String page = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return page.contains(CALL_SITES) ? page.replace(CALL_SITES, callSites()) : page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page of rule " + id, e);
        }
    }

    /** The generated call-site table (the table lines of the spec's why section), with its source. */
    static String callSites() {
        StringBuilder table = new StringBuilder();
        for (String line : ContractTable.whyMarkdown().split("\n")) {
            if (line.startsWith("|")) {
                table.append(line).append('\n');
            } else if (table.length() > 0) {
                break;
            }
        }
        return table + "\n*Generated from the reference tracker's contract table (`dovelint spec contracts`).*";
    }
}
