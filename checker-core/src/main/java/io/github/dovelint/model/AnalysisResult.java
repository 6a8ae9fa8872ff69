package io.github.dovelint.model;

import java.util.List;

/**
 * What one run of the {@link io.github.dovelint.Analyzer} produced.
 *
 * @param toolVersion  the dovelint version that produced it
 * @param findings     sorted findings that survived suppressions and configuration
 * @param problems     sorted input problems (parse problems, unreadable files, ...)
 * @param rules        every rule that ran, sorted by id, with its effective severity as default
 * @param files        the analysed files, relative to the root, sorted
 * @param lines        how many source lines were analysed
 * @param notAnalysed  the files that could not be analysed (unreadable, undecodable, binary,
 *                     skipped by a limit, crashed the parser), relative to the root, sorted;
 *                     a gate refuses a run where this is not empty (see {@link #complete()})
 * @param configDigest {@code sha256:<hex>} of the effective configuration: the bytes of every
 *                     configuration file used plus the analysis options; "" when unknown
 * @param outOfReach   the files no rule can look at ({@link io.github.dovelint.rules.Scope}), found
 *                     by a lexical index and not parsed, relative to the root, sorted; they
 *                     cannot change the findings, and count as checked
 * @param idle         the rules that had nothing to check anywhere in the run, grouped by what
 *                     the run lacks, in the order of the first rule of each group
 */
public record AnalysisResult(String toolVersion, List<Finding> findings, List<Problem> problems,
                             List<RuleDescriptor> rules, List<String> files, long lines,
                             List<String> notAnalysed, String configDigest, List<String> outOfReach,
                             List<IdleRules> idle) {
    public AnalysisResult {
        idle = List.copyOf(idle);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        rules = List.copyOf(rules);
        files = List.copyOf(files);
        notAnalysed = List.copyOf(notAnalysed);
        configDigest = configDigest == null ? "" : configDigest;
        outOfReach = List.copyOf(outOfReach);
    }

    /** A result where every rule had something to check. */
    public AnalysisResult(String toolVersion, List<Finding> findings, List<Problem> problems,
                          List<RuleDescriptor> rules, List<String> files, long lines,
                          List<String> notAnalysed, String configDigest, List<String> outOfReach) {
        this(toolVersion, findings, problems, rules, files, lines, notAnalysed, configDigest, outOfReach, List.of());
    }

    /** A result where no file was left out of the rules' reach. */
    public AnalysisResult(String toolVersion, List<Finding> findings, List<Problem> problems,
                          List<RuleDescriptor> rules, List<String> files, long lines,
                          List<String> notAnalysed, String configDigest) {
        this(toolVersion, findings, problems, rules, files, lines, notAnalysed, configDigest, List.of());
    }

    /** A result where every file was analysed and no configuration digest is known. */
    public AnalysisResult(String toolVersion, List<Finding> findings, List<Problem> problems,
                          List<RuleDescriptor> rules, List<String> files, long lines) {
        this(toolVersion, findings, problems, rules, files, lines, List.of(), "");
    }

    /** The same result with other findings (baseline and new-since filters). */
    public AnalysisResult withFindings(List<Finding> other) {
        return new AnalysisResult(toolVersion, other, problems, rules, files, lines, notAnalysed, configDigest,
                outOfReach, idle);
    }

    public boolean hasFindings() {
        return !findings.isEmpty();
    }

    /**
     * Whether the run analysed everything it was asked to: no file was skipped
     * or unreadable, and no input or internal problem occurred. Parse problems
     * (syntax dovelint could not follow in a file it otherwise analysed) do not
     * make a run incomplete.
     */
    public boolean complete() {
        return notAnalysed.isEmpty() && !hasInputProblems();
    }

    /** Whether a problem other than a parse problem occurred (unreadable, undecodable, skipped files, ...). */
    public boolean hasInputProblems() {
        return problems.stream().anyMatch(p -> p.kind() != Problem.Kind.PARSE);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
