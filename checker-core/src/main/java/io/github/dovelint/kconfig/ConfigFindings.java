package io.github.dovelint.kconfig;

import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The findings of the two configurations (docs/configurations.md#what-is-reported), reported
 * once: a finding both show (same rule, location and message, or the same site reached from
 * other entry points) as it is; one only a single
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

    /**
     * The findings of both configurations, each once: those of the first in their order, then the
     * others'. A site both reach, with the same rule, from entry points that differ (a handler
     * reaches it only through code one configuration compiles) is one finding: the first's,
     * saying which entries reach it in one configuration only, with their chains.
     */
    public List<Finding> merge(List<Finding> asGiven, List<Finding> allDefined) {
        Map<Key, Finding> inDefined = new HashMap<>();
        Map<Site, Finding> definedAt = new HashMap<>();
        for (Finding f : allDefined) {
            inDefined.putIfAbsent(Key.of(f), f);
            if (!f.chains().isEmpty()) {
                definedAt.putIfAbsent(Site.of(f), f);
            }
        }
        Set<Key> used = new HashSet<>();
        Set<Site> givenAt = new HashSet<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : asGiven) {
            Key k = Key.of(f);
            Finding other = inDefined.get(k);
            if (other == null && !f.chains().isEmpty() && givenAt.add(Site.of(f))) {
                other = definedAt.get(Site.of(f));
            }
            if (other == null) {
                out.add(only(f, "undefined"));
                continue;
            }
            used.add(Key.of(other));
            out.add(other.message().equals(f.message()) ? f : byEntries(f, other));
        }
        Set<Key> added = new HashSet<>();
        for (Finding f : allDefined) {
            Key k = Key.of(f);
            if (!used.contains(k) && (f.chains().isEmpty() || !givenAt.contains(Site.of(f))) && added.add(k)) {
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

    /**
     * What a finding with call chains is about: the effect its chains end in (their last step,
     * "copy_to_user() may sleep"), where, for which rule. Reached from other entries, it is the
     * same finding; a use of current->mm at the same call is another.
     */
    private record Site(String rule, Location location, String effect) {
        static Site of(Finding f) {
            List<ChainStep> steps = f.chains().get(0).steps();
            return new Site(f.ruleId(), f.location(), steps.isEmpty() ? "" : steps.get(steps.size() - 1).description());
        }
    }

    /**
     * One site both configurations report, reached from entries that differ: {@code given}'s
     * finding, its message then saying which entries reach it only in one configuration, and
     * the chains of those only the second has.
     */
    private Finding byEntries(Finding given, Finding defined) {
        Set<String> givenEntries = entries(given);
        Set<String> definedEntries = entries(defined);
        List<CallChain> onlyDefined = defined.chains().stream().filter(c -> !givenEntries.contains(c.entry())).toList();
        List<CallChain> onlyGiven = given.chains().stream().filter(c -> !definedEntries.contains(c.entry())).toList();
        StringBuilder message = new StringBuilder(given.message());
        if (!onlyGiven.isEmpty()) {
            message.append(" (").append(entryList(onlyGiven)).append(" only with ")
                    .append(which(withChains(given, onlyGiven), "undefined")).append(")");
        }
        if (!onlyDefined.isEmpty()) {
            message.append(" (").append(entryList(onlyDefined)).append(" too with ")
                    .append(which(withChains(defined, onlyDefined), "defined")).append(")");
        }
        List<CallChain> chains = new ArrayList<>(given.chains());
        chains.addAll(onlyDefined);
        return new Finding(given.ruleId(), given.ruleName(), given.severity(), message.toString(), given.location(),
                given.function(), given.snippet(), chains);
    }

    private static Set<String> entries(Finding f) {
        Set<String> out = new LinkedHashSet<>();
        f.chains().forEach(c -> out.add(c.entry()));
        return out;
    }

    /** {@code from a()}, {@code from a() and b()}. */
    private static String entryList(List<CallChain> chains) {
        List<String> names = chains.stream().map(c -> c.entry() + "()").distinct().toList();
        String list = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return "from " + list;
    }

    private static Finding withChains(Finding f, List<CallChain> chains) {
        return new Finding(f.ruleId(), f.ruleName(), f.severity(), f.message(), f.location(), f.function(),
                f.snippet(), chains);
    }

    private Finding only(Finding f, String how) {
        return new Finding(f.ruleId(), f.ruleName(), f.severity(), f.message() + " (only with " + which(f, how) + ")",
                f.location(), f.function(), f.snippet(), f.chains());
    }

    /** {@code CONFIG_A, CONFIG_B defined}: the configuration in which {@code f} shows. */
    private String which(Finding f, String how) {
        SortedSet<String> names = deciding(f);
        return names.isEmpty() ? "every CONFIG_* option its files test " + how : named(names) + " " + how;
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
