package io.github.dovelint.engine;

import io.github.dovelint.config.Config;
import io.github.dovelint.config.RuleSetting;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.IdleRules;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.Severity;
import io.github.dovelint.model.Version;
import io.github.dovelint.parse.Daemons;
import io.github.dovelint.parse.UnresolvedIncludes;
import io.github.dovelint.suppress.Suppression;
import io.github.dovelint.suppress.Suppressor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The last stage of a run. Takes the {@link RunPlan} and the {@link UnitRun} of each of its
 * units (in the plan's order); gives the {@link AnalysisResult}: the findings with every
 * file's suppressions applied, then each unit's severities, sorted; the problems once each;
 * the files analysed, out of reach and not analysed. Saves the run's file hashes once every
 * file's suppressions were looked for, so that their answers are kept too.
 */
final class ResultAssembly {

    private final RunContext run;
    private final RunPlan plan;

    ResultAssembly(RunContext run, RunPlan plan) {
        this.run = run;
        this.plan = plan;
    }

    AnalysisResult assemble(List<UnitRun> unitRuns) {
        List<Problem> problems = new ArrayList<>(plan.files().problems);
        List<Finding> raw = new ArrayList<>();
        List<String> analysed = new ArrayList<>();
        List<String> outOfReach = new ArrayList<>();
        List<String> notAnalysed = new ArrayList<>();
        long lines = 0;
        Map<Path, List<Suppression>> scannedSuppressions = new TreeMap<>();
        List<ProgramUnit> units = List.copyOf(plan.units().values());
        for (int u = 0; u < units.size(); u++) {
            UnitRun unitRun = unitRuns.get(u);
            problems.addAll(unitRun.failures());
            raw.addAll(unitRun.findings());
            for (int i = 0; i < unitRun.sources().size(); i++) {
                UnitRun.Source s = unitRun.sources().get(i);
                problems.addAll(s.problems());
                // A file that could not be analysed has no findings to suppress: none scanned.
                scannedSuppressions.put(units.get(u).sources().get(i),
                        s.suppressions() != null ? s.suppressions() : List.of());
                if (s.analysed()) {
                    analysed.add(s.file());
                    lines += s.lines();
                } else if (s.outOfReach()) {
                    outOfReach.add(s.file());
                } else {
                    notAnalysed.add(s.file());
                }
            }
        }
        List<Suppression> suppressions = allSuppressions(scannedSuppressions);
        run.fileHashes().save(); // after the suppressions of every file were looked for: their answers are kept too
        List<Finding> findings = applySeverities(Suppressor.apply(raw, suppressions));
        Collections.sort(findings);
        // A header included by several units reports the same problem once.
        problems = new ArrayList<>(new TreeSet<>(problems));
        // a partial include tree: one problem for all its missing headers, not one per #include
        problems = new ArrayList<>(UnresolvedIncludes.summarise(problems));
        Collections.sort(analysed);
        // files named on the command line that are not C sources, unreadable directories, ...
        for (Problem p : problems) {
            if (p.kind() == Problem.Kind.INPUT && p.message().startsWith("skipped")
                    && !notAnalysed.contains(p.location().file())) {
                notAnalysed.add(p.location().file());
            }
        }
        Collections.sort(notAnalysed);
        Collections.sort(outOfReach);
        return new AnalysisResult(Version.get(), findings, problems, new ArrayList<>(plan.descriptors().values()),
                analysed, lines, notAnalysed, run.digest().digest(run.settings(), run.limits()), outOfReach,
                idle(unitRuns));
    }

    /**
     * The rules idle in every unit, grouped by what the units lack (as the first unit says it),
     * in rule id order: a run over a driver with no hook says that the hook rules saw nothing.
     */
    private static List<IdleRules> idle(List<UnitRun> unitRuns) {
        if (unitRuns.isEmpty()) {
            return List.of();
        }
        Map<String, String> common = new TreeMap<>(unitRuns.get(0).idle());
        for (UnitRun r : unitRuns) {
            common.keySet().retainAll(r.idle().keySet());
        }
        Map<String, List<String>> byMissing = new java.util.LinkedHashMap<>();
        common.forEach((id, missing) -> byMissing.computeIfAbsent(missing, k -> new ArrayList<>()).add(id));
        List<IdleRules> out = new ArrayList<>();
        byMissing.forEach((missing, ids) -> out.add(new IdleRules(missing, ids)));
        return out;
    }

    /**
     * The suppressions of every source and header, in path order: those the units found,
     * the others looked for now (every header of a tree, 23,000 in Linux: on all threads).
     */
    private List<Suppression> allSuppressions(Map<Path, List<Suppression>> known) {
        List<Path> scanned = new ArrayList<>(plan.files().sources);
        scanned.addAll(plan.files().headers);
        Collections.sort(scanned);
        List<List<Suppression>> found = new ArrayList<>(Collections.nCopies(scanned.size(), null));
        Daemons.forEachIndex("dovelint-suppressions", scanned.size(), run.settings().threads(), i -> {
            List<Suppression> k = known.get(scanned.get(i));
            found.set(i, k != null ? k : run.suppressionsOf(scanned.get(i)));
        });
        List<Suppression> out = new ArrayList<>();
        found.forEach(out::addAll);
        return out;
    }

    /** Applies each unit's rule settings: severities, and rules switched off (DL001/DL002 included). */
    private List<Finding> applySeverities(List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Config config = plan.configFor(run.relativizer().resolve(f.location().file()));
            Optional<RuleSetting> s = config.rule(f.ruleId());
            if (s.isEmpty()) {
                out.add(f);
            } else if (s.get().enabled()) {
                Severity sev = s.get().severityIfEnabled().orElse(f.severity());
                out.add(f.withSeverity(sev));
            }
        }
        return out;
    }
}
