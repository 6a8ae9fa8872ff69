package io.github.dovelint.engine;

import io.github.dovelint.kerneldb.KernelDbs;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One run, as a sequence of stages with plain data between them:
 * <ol>
 *   <li>{@link RunPlanning}: settings in, {@link RunPlan} out (configuration, limits, files,
 *       program units);</li>
 *   <li>{@link UnitJobs}: each unit made a {@link UnitJob} (knowledge base, parse options,
 *       cache, rules, slicing);</li>
 *   <li>{@link UnitRunner}: each job run to a {@link UnitRun}, by {@link ReuseCheck} deciding a
 *       {@link Reuse}, then either {@link RecordReplay} or parsing ({@link Slicing} when
 *       sliced) and {@link ProgramCheck};</li>
 *   <li>{@link ResultAssembly}: the plan and the unit runs in, the {@link AnalysisResult} out.</li>
 * </ol>
 * What the stages share for the run's length is the {@link RunContext}; nothing of a run
 * stays in the Engine.
 */
public final class Engine {

    private final RunSettings settings;

    public Engine(RunSettings settings) {
        this.settings = settings;
    }

    public AnalysisResult run() throws AnalysisException {
        try {
            return stages();
        } catch (KernelDbs.Unavailable e) { // decoded while the files were parsed: docs/kernel-db.md#choosing
            throw new AnalysisException(e.problem().location(), e.problem().detail());
        }
    }

    private AnalysisResult stages() throws AnalysisException {
        Relativizer relativizer = new Relativizer(settings.root());
        ConfigDigest digest = new ConfigDigest();
        RunPlan plan = new RunPlanning(settings, relativizer, digest).plan();
        RunContext run = RunContext.start(settings, relativizer, digest, plan.limits());
        run.progress().started(plan.sourceCount());
        UnitJobs jobs = new UnitJobs(run, plan);
        UnitRunner runner = new UnitRunner(run, plan.descriptors());
        List<UnitRun> unitRuns = new ArrayList<>();
        for (ProgramUnit unit : plan.units().values()) {
            Cancellation.check(run.progress());
            unitRuns.add(runner.run(jobs.prepare(unit)));
        }
        Cancellation.check(run.progress());
        try {
            plan.knowledge().awaitDerived(); // a broken database is an error even if nothing looked it up
        } catch (io.github.dovelint.yaml.ConfigException e) {
            throw new AnalysisException(e.location(), e.detail());
        }
        run.progress().parsed();
        run.progress().timings(run.timings().view());
        return new ResultAssembly(run, plan).assemble(unitRuns);
    }
}
