package io.github.dovelint;

import io.github.dovelint.rules.RuleDescriptor;
import java.util.List;

/**
 * What one run of the {@link Analyzer} produced.
 *
 * @param toolVersion the dovelint version that produced it
 * @param findings    sorted findings that survived suppressions and configuration
 * @param problems    sorted input problems (parse problems, unreadable files, ...)
 * @param rules       every rule that ran, sorted by id, with its effective severity as default
 * @param files       the analysed files, relative to the root, sorted
 * @param lines       how many source lines were analysed
 */
public record AnalysisResult(String toolVersion, List<Finding> findings, List<Problem> problems,
                             List<RuleDescriptor> rules, List<String> files, long lines) {
    public AnalysisResult {
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        rules = List.copyOf(rules);
        files = List.copyOf(files);
    }

    public boolean hasFindings() {
        return !findings.isEmpty();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
