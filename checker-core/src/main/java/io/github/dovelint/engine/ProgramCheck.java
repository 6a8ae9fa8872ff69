package io.github.dovelint.engine;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Program;
import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.parse.Daemons;
import io.github.dovelint.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds a unit's program and runs its rules over it. Takes the {@link UnitJob} and the facts
 * of its parsed sources; gives a {@link Checked}: the findings in catalog order, whatever
 * order the rules finished in, and the failures. Everything runs on threads with deep stacks,
 * up to the {@code threads} setting at once. A rule that fails (an exception, a stack
 * overflow on a call graph deeper than it can walk) loses its findings for this unit and
 * gives an INTERNAL problem; the other rules still run.
 */
final class ProgramCheck {

    /** The findings of a unit's rules (before suppressions and severities), and their failures. */
    record Checked(List<Finding> findings, List<Problem> failures, Map<String, String> idle) {
    }

    private final RunContext run;
    private final Map<String, RuleDescriptor> descriptors;

    ProgramCheck(RunContext run, Map<String, RuleDescriptor> descriptors) {
        this.run = run;
        this.descriptors = descriptors;
    }

    Checked check(UnitJob job, List<UnitFacts> facts) {
        List<Finding> out = new ArrayList<>();
        List<Problem> failures = new ArrayList<>();
        Map<String, String> idle = new java.util.TreeMap<>();
        Location where = new Location(run.relativizer().apply(job.unit().directory()), 0, 0);
        Thread worker = Daemons.thread("dovelint-rules", Parsing.STACK_BYTES,
                () -> check(job, facts, where, out, failures, idle));
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(new Problem(Problem.Kind.INTERNAL, where, "interrupted while checking this unit"));
        }
        return new Checked(out, failures, idle);
    }

    private void check(UnitJob job, List<UnitFacts> facts, Location where, List<Finding> out,
                       List<Problem> failures, Map<String, String> idle) {
        Program program;
        CallGraph graph;
        long graphStart = System.nanoTime();
        try {
            program = new Program(facts);
            graph = new CallGraph(program);
            run.timings().since("call graph", graphStart);
            if (run.settings().programSink() != null) {
                run.settings().programSink().accept(graph, job.kb());
            }
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(new Problem(Problem.Kind.INTERNAL, where,
                    "building the call graph failed, no rule ran on this unit: " + e));
            return;
        }
        List<RuleRun> runs = new ArrayList<>();
        for (Rule rule : job.rules()) {
            runs.add(new RuleRun(rule, descriptors.get(rule.descriptor().id())));
        }
        long rulesStart = System.nanoTime();
        runAll(runs, program, graph, job.kb());
        run.timings().since("rules", rulesStart);
        Snippets snippets = run.snippets();
        for (RuleRun r : runs) {
            String id = r.descriptor.id();
            if (!r.done) {
                failures.add(new Problem(Problem.Kind.INTERNAL, where,
                        "rule " + id + " did not finish on this unit, its findings here are missing"));
            } else if (r.failure != null) {
                failures.add(new Problem(Problem.Kind.INTERNAL, where,
                        "rule " + id + " failed on this unit, its findings here are missing: " + r.failure));
            } else {
                run.timings().add(id, r.nanos);
                if (r.missing != null) {
                    idle.put(id, r.missing);
                }
                for (RuleRun.Report rep : r.reports) {
                    out.add(new Finding(id, rep.rule().name(), rep.rule().defaultSeverity(), rep.message(),
                            rep.location(), rep.function(), snippets.line(rep.location()), rep.chains()));
                }
            }
        }
    }

    /**
     * Runs the rules on a pool of deep-stack threads. Rules share only what is immutable once
     * built (the program, the call graph, the knowledge base), so no rule's findings depend on
     * the others' timing.
     */
    private void runAll(List<RuleRun> runs, Program program, CallGraph graph, KnowledgeBase kb) {
        int threads = Math.max(1, Math.min(run.settings().threads(), runs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                r -> Daemons.thread("dovelint-rules", Parsing.STACK_BYTES, r));
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (RuleRun r : runs) {
                tasks.add(() -> {
                    if (!run.progress().cancelled()) { // a cancelled run never uses the findings
                        r.run(program, graph, kb);
                    }
                    return null;
                });
            }
            pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the runs not done are reported as such
        } finally {
            pool.shutdownNow();
        }
    }
}
