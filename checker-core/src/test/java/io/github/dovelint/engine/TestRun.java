package io.github.dovelint.engine;

import static io.github.dovelint.summary.EffectKind.SLEEP;

import io.github.dovelint.Analyzer;
import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Program;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the engine on C files written to a temporary directory, with a small
 * inline knowledge base and a test rule that reports every sleep site the
 * hooks reach (the shape of DL101), and keeps the program it saw so tests can
 * look at facts and the call graph. The checker-core test class path has no
 * real rules.
 */
public final class TestRun {

    /** A small knowledge base: real GFP bit values, a few sleeping and non-sleeping APIs and guard classes. */
    public static final String KB = """
            hooks: [install_inband_fd, replace_inband_fd, uninstall_inband_fd]
            oob-fields: [oob_data, f_oob_ctx, f_oob_state.data]
            gfp:
              reclaim-flag: __GFP_DIRECT_RECLAIM
              flags:
                ___GFP_HIGH: 0x20
                ___GFP_IO: 0x40
                ___GFP_FS: 0x80
                ___GFP_ZERO: 0x100
                ___GFP_DIRECT_RECLAIM: 0x400
                ___GFP_KSWAPD_RECLAIM: 0x800
                ___GFP_NOWARN: 0x2000
              masks:
                __GFP_HIGH: "___GFP_HIGH"
                __GFP_IO: "___GFP_IO"
                __GFP_FS: "___GFP_FS"
                __GFP_ZERO: "___GFP_ZERO"
                __GFP_NOWARN: "___GFP_NOWARN"
                __GFP_DIRECT_RECLAIM: "___GFP_DIRECT_RECLAIM"
                __GFP_KSWAPD_RECLAIM: "___GFP_KSWAPD_RECLAIM"
                __GFP_RECLAIM: "___GFP_DIRECT_RECLAIM | ___GFP_KSWAPD_RECLAIM"
                GFP_ATOMIC: "__GFP_HIGH | __GFP_KSWAPD_RECLAIM"
                GFP_NOWAIT: "__GFP_KSWAPD_RECLAIM"
                GFP_KERNEL: "__GFP_RECLAIM | __GFP_IO | __GFP_FS"
            functions:
              kmalloc: { gfp-arg: 1, why: "allocates" }
              kzalloc: { gfp-arg: 1, why: "allocates" }
              kmem_cache_alloc: { gfp-arg: 1, why: "allocates" }
              kfree: { sleeps: false }
              mutex_lock: { sleeps: true, why: "mutex" }
              msleep: { sleeps: true, why: "sleeps" }
              spin_lock: { sleeps: false }
              spin_unlock: { sleeps: false }
              evl_alloc: { sleeps: false, why: "the core's own allocator" }
              fget: { uses: [current-files] }
              copy_to_user: { sleeps: true, uses: [current-mm] }
            guard-classes:
              mutex: { acquire: mutex_lock, release: mutex_unlock }
              mutex_intr: { acquire: mutex_lock_interruptible, release: mutex_unlock }
              spinlock: { acquire: spin_lock, release: spin_unlock }
              spinlock_irqsave: { acquire: spin_lock_irqsave, release: spin_unlock_irqrestore }
              rcu: { acquire: rcu_read_lock, release: rcu_read_unlock, release-argument: none }
              fd: { acquire: fdget, release: fdput, release-argument: variable }
            """;

    /** Reports every sleep site reachable from the hooks, once, with one chain per hook. */
    @RuleInfo(id = "DL901", name = "test-sleep", severity = Severity.ERROR, summary = "test rule")
    public static final class SleepRule implements Rule {
        public volatile Program program;
        public volatile CallGraph graph;
        public volatile List<FunctionFacts> hooks;

        @Override
        public void check(RuleContext context) {
            program = context.program();
            graph = context.callGraph();
            hooks = context.hooks();
            for (Reached r : context.reachable(SLEEP).from(context.hooks())) {
                context.report(r, r.site().description() + "; reachable from " + r.entries());
            }
        }
    }

    private final Path dir;
    private final Map<String, String> files = new LinkedHashMap<>();
    private int threads = 1;
    public final SleepRule rule = new SleepRule();
    public AnalysisResult result;

    private TestRun(Path dir) {
        this.dir = dir;
    }

    public static TestRun in(Path dir) {
        return new TestRun(dir);
    }

    public TestRun file(String name, String text) {
        files.put(name, text);
        return this;
    }

    public TestRun threads(int n) {
        threads = n;
        return this;
    }

    public TestRun run() throws Exception {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        result = Analyzer.builder().root(dir).path(dir).threads(threads)
                .knowledge(KnowledgeBaseLoader.load("test.yml", KB))
                .rules(List.of(rule)).build().run();
        if (!result.problems().isEmpty()) {
            throw new AssertionError("parse problems: " + result.problems());
        }
        return this;
    }

    /** {@code file:line} of every finding, sorted. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            out.add(f.location().file() + ":" + f.location().line());
        }
        out.sort(null);
        return out;
    }

    /** The {@code file:line} of every line carrying {@code mark} in the written files, sorted. */
    public List<String> marked(String mark) {
        List<String> out = new ArrayList<>();
        files.forEach((name, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(mark)) {
                    out.add(name + ":" + (i + 1));
                }
            }
        });
        out.sort(null);
        return out;
    }

    /** Every finding rendered with its chains, for exact comparisons. */
    public String render() {
        return result.findings().stream().map(f -> f.location() + " " + f.message() + "\n"
                + f.chains().stream().map(c -> "  " + c.entry() + ": " + c.steps().stream()
                        .map(s -> s.location() + " " + s.description()).collect(Collectors.joining(" | ")))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    public FunctionFacts function(String name) {
        List<FunctionFacts> defs = rule.program.definitions(name);
        if (defs.size() != 1) {
            throw new AssertionError(name + " defined " + defs.size() + " times");
        }
        return defs.get(0);
    }

    public Program program() {
        return rule.program;
    }

    public CallGraph graph() {
        return rule.graph;
    }

    /** The hook prototype, for brevity in test sources. */
    public static String hook(String name) {
        return "void " + name + "(unsigned int fd, struct file *file, struct files_struct *files)";
    }
}
