package io.github.dovelint.engine;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Program;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.summary.Summaries;
import java.util.ArrayList;
import java.util.List;

/** One rule over one program: its reports, or how it failed, and its wall time. */
final class RuleRun {

    /** A report of a rule, kept until the findings are gathered. */
    record Report(RuleDescriptor rule, Location location, String function, String message,
                  List<CallChain> chains) {
    }

    final Rule rule;
    final RuleDescriptor descriptor;
    final List<Report> reports = new ArrayList<>();
    /** What the program lacks for this rule to have anything to check, or null. */
    String missing;
    /** What the rule threw, or null. */
    String failure;
    long nanos;
    volatile boolean done;

    RuleRun(Rule rule, RuleDescriptor descriptor) {
        this.rule = rule;
        this.descriptor = descriptor;
    }

    /** Each run gets its own summaries, whose memo it fills in its own order. */
    void run(Program program, CallGraph graph, KnowledgeBase kb) {
        long start = System.nanoTime();
        try {
            RuleContext.Sink sink = (d, location, function, message, chains) ->
                    reports.add(new Report(d, location, function, message, chains));
            RuleContext context = new RuleContext(program, graph, new Summaries(graph, kb), kb, descriptor, sink);
            missing = rule.scope().missingIn(context);
            rule.check(context);
        } catch (RuntimeException | StackOverflowError e) {
            reports.clear();
            failure = e.toString();
        }
        nanos = System.nanoTime() - start;
        done = true;
    }
}
