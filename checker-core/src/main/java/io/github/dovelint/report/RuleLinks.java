package io.github.dovelint.report;

/**
 * Where a rule's page is published, for SARIF {@code helpUri} and the HTML
 * report. The pages live in the repository under
 * {@code rules/src/main/resources/io/github/dovelint/rules/pages/ID.md}; the
 * link points at the copy on the default branch, which is stable because rule
 * ids never change. {@code dovelint rules ID} prints the same page offline.
 */
public final class RuleLinks {

    /** The repository folder holding the rule pages, ending in {@code /}. */
    public static final String PAGES =
            "https://github.com/dovelint/dovelint/blob/main/rules/src/main/resources/io/github/dovelint/rules/pages/";

    private RuleLinks() {
    }

    /** The page of rule {@code id}, e.g. {@code .../pages/DL101.md}. */
    public static String page(String id) {
        return PAGES + id + ".md";
    }
}
