package io.github.dovelint.parse;

import io.github.dovelint.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code #include}s a run with {@code --include} (or a compilation database) could not find.
 * Each is a parse problem of its file, but a partial include tree gives hundreds of them, which
 * drown the problems that matter; a run reports them as one problem instead, with their count
 * and the first few (README, "Use").
 */
public final class UnresolvedIncludes {

    /** How CDT words the problem: "Unresolved inclusion: &lt;linux/init.h&gt;". */
    static final String PREFIX = "Unresolved inclusion: ";
    /** How many are named in the summary. */
    static final int NAMED = 3;

    private UnresolvedIncludes() {
    }

    /** Whether {@code p} is an include that was not found. */
    public static boolean is(Problem p) {
        return p.kind() == Problem.Kind.PARSE && p.message().startsWith(PREFIX);
    }

    /** How many of {@code problems} are something else than an include not found. */
    static long others(List<Problem> problems) {
        return problems.stream().filter(p -> !is(p)).count();
    }

    /**
     * {@code problems} (sorted) with the includes not found replaced by one problem, at the first
     * one's place, that counts them and names the first few.
     */
    public static List<Problem> summarise(List<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        List<Problem> missing = new ArrayList<>();
        for (Problem p : problems) {
            (is(p) ? missing : out).add(p);
        }
        if (missing.size() <= 1) {
            return problems;
        }
        Set<String> files = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Problem p : missing) {
            files.add(p.location().file());
            names.add(p.message().substring(PREFIX.length()));
        }
        List<String> first = names.stream().limit(NAMED).toList();
        String message = missing.size() + " #include directives not found in the include directories ("
                + names.size() + " different headers, in " + files.size() + " files; first: "
                + String.join(", ", first) + (names.size() > NAMED ? ", ..." : "")
                + "): those files are parsed without them";
        Problem summary = new Problem(Problem.Kind.PARSE, missing.get(0).location(), message);
        out.add(summary);
        out.sort(null);
        return out;
    }
}
