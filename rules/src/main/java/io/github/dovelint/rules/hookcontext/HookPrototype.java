package io.github.dovelint.rules.hookcontext;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.Param;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hook definitions really override the weak defaults (docs/contracts.md#c7-hook-definitions-really-override-the-weak-defaults): a hook definition must really override the kernel's empty
 * {@code __weak} one: exact prototype, not {@code static}, not {@code __weak}
 * itself, defined once. A mismatch compiles and links silently.
 *
 * <p>A {@code __weak} definition whose body does nothing is the kernel's own
 * default (fs/file.c), not the core's override: it is ignored, so analysing a
 * whole Dovetail kernel with its companion core reports nothing for it.
 */
@RuleInfo(id = "DL105", name = "hook-prototype", severity = Severity.ERROR,
        summary = "A definition of install_inband_fd, replace_inband_fd or uninstall_inband_fd does not "
                + "override the kernel's weak one as intended (prototype, static, __weak, or defined twice).")
public final class HookPrototype implements Rule {

    /** Every hook definition: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks();

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES).callees(0);
    }

    /** Spellings of the fd parameter's type: all are unsigned int in the kernel. */
    private static final Set<String> UNSIGNED_INT = Set.of("unsigned int", "unsigned", "uint", "u32", "__u32",
            "unsigned int const", "const unsigned int");
    private static final Set<String> FILE = Set.of("struct file *", "file *");
    private static final Set<String> FILES = Set.of("struct files_struct *", "files_struct *");
    private static final List<Set<String>> PARAMS = List.of(UNSIGNED_INT, FILE, FILES);
    private static final String PROTOTYPE = "void %s(unsigned int fd, struct file *file, struct files_struct *files)";

    @Override
    public void check(RuleContext context) {
        for (String hook : context.knowledge().hooks()) {
            List<FunctionFacts> defs = new ArrayList<>();
            for (FunctionFacts f : context.hook(hook)) {
                if (!(f.isWeak() && isEmpty(f))) {
                    defs.add(f); // an empty __weak one is the kernel's default
                }
            }
            long overriding = defs.stream().filter(f -> !f.isStatic() && !f.isWeak()).count();
            for (FunctionFacts f : defs) {
                List<String> why = new ArrayList<>();
                if (f.isStatic()) {
                    why.add("it is static, so the VFS still calls the kernel's empty __weak one");
                }
                if (f.isWeak()) {
                    why.add("it is itself __weak, so the kernel's empty default may be linked instead");
                }
                if (!f.returnType().equals("void")) {
                    why.add("it returns " + f.returnType() + " instead of void");
                }
                String params = params(f);
                if (params != null) {
                    why.add(params);
                }
                if (overriding > 1 && !f.isStatic() && !f.isWeak()) {
                    why.add("it is defined " + overriding + " times in this program");
                }
                if (!why.isEmpty()) {
                    boolean prototype = !f.returnType().equals("void") || params != null;
                    String message = hook + "() does not override the kernel's weak hook as intended: "
                            + String.join("; ", why)
                            + (prototype ? "; the prototype must be " + PROTOTYPE.formatted(hook) : "");
                    CallChain chain = new CallChain(f.name(), List.of(new ChainStep(f.location(),
                            hook + "() is defined here")));
                    context.report(f.location(), f.name(), message, List.of(chain));
                }
            }
        }
    }

    private static String params(FunctionFacts f) {
        List<Param> ps = f.params();
        if (ps.size() != PARAMS.size()) {
            return "it takes " + ps.size() + " parameter" + (ps.size() == 1 ? "" : "s") + " instead of 3";
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            String type = normalise(ps.get(i).type());
            if (!PARAMS.get(i).contains(type)) {
                wrong.add("parameter " + (i + 1) + " is " + ps.get(i).type());
            }
        }
        return wrong.isEmpty() ? null : String.join(", ", wrong);
    }

    private static String normalise(String type) {
        String t = type.replaceAll("\\s+", " ").replaceAll("\\s*\\*\\s*", " *").strip();
        t = t.replaceAll("\\*\\s*const$", "*").replaceAll("\\*const$", "*").strip();
        return t;
    }

    /**
     * No effect dovelint can see (no call, assignment, field use or lock operation): the kernel's
     * default {@code { }}. The facts have no statement count, so {@code n++;} alone looks empty too.
     */
    private static boolean isEmpty(FunctionFacts f) {
        return f.calls().isEmpty() && f.currentUses().isEmpty() && f.locals().isEmpty() && f.bindings().isEmpty()
                && f.lockOps().isEmpty() && f.oobAccesses().isEmpty();
    }
}
