package io.github.dovelint.kconfig;

import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The findings of the two configurations (docs/configurations.md#what-is-reported), reported
 * once: a finding both show (same rule, location and message) as it is; one only a single
 * configuration shows with that configuration named at the end of its message, "(only with
 * CONFIG_A, CONFIG_B defined)" or "(only with CONFIG_A undefined)". The options named are those
 * of the conditionals around the finding and the steps of its call chains, among the options
 * the second pass defined in their files; failing those, every option defined in those files.
 */
public final class ConfigFindings {

    /** The most options a message names; the rest are counted. */
    static final int MAX_NAMED = 4;

    private final Function<String, Optional<String>> textOf;
    private final Function<String, SortedSet<String>> definedIn;

    /**
     * @param textOf    the text of a file by its report name, when it can be read
     * @param definedIn the options the second pass defined for a file by its report name (empty
     *                  when it was not parsed again)
     */
    public ConfigFindings(Function<String, Optional<String>> textOf, Function<String, SortedSet<String>> definedIn) {
        this.textOf = textOf;
        this.definedIn = definedIn;
    }

    /** The findings of both configurations, each once: those of the first in their order, then the others'. */
    public List<Finding> merge(List<Finding> asGiven, List<Finding> allDefined) {
        Set<Key> inDefined = new HashSet<>();
        allDefined.forEach(f -> inDefined.add(Key.of(f)));
        Set<Key> inGiven = new HashSet<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : asGiven) {
            inGiven.add(Key.of(f));
            out.add(inDefined.contains(Key.of(f)) ? f : only(f, "undefined"));
        }
        Set<Key> added = new HashSet<>();
        for (Finding f : allDefined) {
            Key k = Key.of(f);
            if (!inGiven.contains(k) && added.add(k)) {
                out.add(only(f, "defined"));
            }
        }
        return out;
    }

    /** What makes two findings the same one. */
    private record Key(String rule, Location location, String message) {
        static Key of(Finding f) {
            return new Key(f.ruleId(), f.location(), f.message());
        }
    }

    private Finding only(Finding f, String how) {
        SortedSet<String> names = deciding(f);
        String which = names.isEmpty() ? "every CONFIG_* option its files test " + how : named(names) + " " + how;
        return new Finding(f.ruleId(), f.ruleName(), f.severity(), f.message() + " (only with " + which + ")",
                f.location(), f.function(), f.snippet(), f.chains());
    }

    /** The options that decide whether the finding shows (see the class comment). */
    SortedSet<String> deciding(Finding f) {
        Set<Location> places = new LinkedHashSet<>();
        places.add(f.location());
        for (CallChain c : f.chains()) {
            for (ChainStep s : c.steps()) {
                places.add(s.location());
            }
        }
        SortedSet<String> around = new TreeSet<>();
        SortedSet<String> inFiles = new TreeSet<>();
        for (Location l : places) {
            SortedSet<String> defined = definedIn.apply(l.file());
            if (defined.isEmpty()) {
                continue;
            }
            inFiles.addAll(defined);
            Optional<String> text = textOf.apply(l.file());
            if (text.isPresent() && l.line() > 0) {
                SortedSet<String> enclosing = ConfigConditionals.enclosing(text.get(), l.line());
                enclosing.retainAll(defined);
                around.addAll(enclosing);
            }
        }
        return around.isEmpty() ? inFiles : around;
    }

    static String named(SortedSet<String> names) {
        List<String> all = new ArrayList<>(names);
        if (all.size() <= MAX_NAMED) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, MAX_NAMED)) + " and " + (all.size() - MAX_NAMED) + " more";
    }
}
