package io.github.dovelint.slice;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * The sources a run must parse so that its rules see everything they can
 * look at ({@code io.github.dovelint.rules.Scope}): the functions each rule starts from, their callers
 * up to the levels it follows, the callees of all those down to the levels it
 * follows (only those that can matter, when the rule says which), and the
 * files that bind any of those functions to a member. The walk is over a
 * {@link LexicalIndex}, which mentions every call the parser can see and
 * more, so the slice holds every function the rules' own walks reach.
 * Sources that cannot be read are always in it, for the parser to report.
 */
public final class Slicer {

    private final LexicalIndex index;
    /** The symbols of each name pattern, resolved once: a prefix or suffix pattern reads every symbol. */
    private final java.util.Map<String, int[]> patterns = new java.util.HashMap<>();

    public Slicer(LexicalIndex index) {
        this.index = index;
    }

    /** No limit on the levels followed. */
    public static final int ALL = -1;

    /**
     * Where one rule starts and how far it follows calls (see {@code io.github.dovelint.rules.Scope}),
     * with the knowledge base's names filled in. Names may be written {@code a+b} (a function that
     * mentions both), {@code prefix*} or {@code *suffix}, {@code name[} for a subscripted name.
     *
     * @param defines           functions by their name
     * @param mentions          functions by what they mention
     * @param confirmed         functions mentioning one of these names, kept if their facts confirm it
     * @param boundTo           functions bound to one of these struct members
     * @param callers           levels of callers ({@link #ALL}: every level)
     * @param callees           levels of callees ({@link #ALL}: every level)
     * @param calleesMentioning when not empty, the only callees that matter
     * @param followsMembers    whether a call through a struct member reaches every function bound to it
     */
    public record Spec(List<String> defines, List<String> mentions, List<String> confirmed, List<String> boundTo,
                       int callers, int callees, List<String> calleesMentioning, boolean followsMembers) {
    }

    /** A function the facts confirmed as a starting point: its source and its name. */
    public record Confirmed(int source, String function) {
    }

    /** Resolves every wildcard name of the specs in one pass over the symbols. */
    private void resolvePatterns(Collection<Spec> specs) {
        List<String> parts = new ArrayList<>();
        for (Spec spec : specs) {
            List<String> all = new ArrayList<>(spec.mentions());
            all.addAll(spec.confirmed());
            all.addAll(spec.calleesMentioning());
            for (String pattern : all) {
                for (String part : pattern.split("\\+")) {
                    if ((part.endsWith("*") || part.startsWith("*")) && !patterns.containsKey(part)
                            && !parts.contains(part)) {
                        parts.add(part);
                    }
                }
            }
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : parts) {
            pairs.add(part.endsWith("*") ? new String[] {part.substring(0, part.length() - 1), ""}
                    : new String[] {"", part.substring(1)});
        }
        List<int[]> found = index.symbols().matching(pairs);
        for (int k = 0; k < parts.size(); k++) {
            patterns.put(parts.get(k), found.get(k));
        }
    }

    /** The sources with a function that may be a starting point only the facts can confirm. */
    public BitSet toConfirm(Collection<Spec> specs) {
        resolvePatterns(specs);
        BitSet out = new BitSet();
        for (Spec spec : specs) {
            for (String name : spec.confirmed()) {
                for (int node : nodesMentioning(name)) {
                    out.set(index.file(node));
                }
            }
        }
        return out;
    }

    /** The sources to parse for these rules, given the starting points the facts confirmed. */
    public BitSet slice(Collection<Spec> specs, Collection<Confirmed> confirmed) {
        resolvePatterns(specs);
        BitSet nodes = new BitSet(index.nodes());
        BitSet files = new BitSet(index.sources());
        for (Spec spec : specs) {
            reach(spec, confirmed, nodes, files);
        }
        for (int n = nodes.nextSetBit(0); n >= 0; n = nodes.nextSetBit(n + 1)) {
            files.set(index.file(n));
        }
        for (int f = 0; f < index.sources(); f++) {
            if (index.unreadable(f)) {
                files.set(f);
            }
        }
        return files;
    }

    private void reach(Spec spec, Collection<Confirmed> confirmed, BitSet nodes, BitSet files) {
        BitSet start = new BitSet(index.nodes());
        for (String d : spec.defines()) {
            for (int n : index.definers(index.symbols().find(d))) {
                start.set(n);
            }
        }
        for (String m : spec.mentions()) {
            for (int n : nodesMentioning(m)) {
                if (index.name(n) >= 0) {
                    start.set(n);
                }
            }
        }
        for (String member : spec.boundTo()) {
            for (int f : index.boundTo(index.symbols().find(member))) {
                for (int n : index.definers(f)) {
                    start.set(n);
                }
            }
        }
        if (!spec.confirmed().isEmpty()) {
            for (Confirmed c : confirmed) {
                for (int n : index.definers(index.symbols().find(c.function()))) {
                    if (index.file(n) == c.source()) {
                        start.set(n);
                    }
                }
            }
        }
        BitSet up = callers(start, spec.callers(), files);
        nodes.or(up);
        nodes.or(callees(up, spec));
    }

    /** The nodes and their callers (any mention of their name) up to {@code levels}; binders' files marked. */
    private BitSet callers(BitSet start, int levels, BitSet files) {
        BitSet seen = (BitSet) start.clone();
        Deque<int[]> todo = new ArrayDeque<>();
        start.stream().forEach(n -> todo.add(new int[] {n, 0}));
        while (!todo.isEmpty()) {
            int[] item = todo.poll();
            int name = index.name(item[0]);
            if (name < 0) {
                continue; // a file's scope: nothing calls it
            }
            for (int f : index.binders(name)) {
                files.set(f); // the facts of the binding say the function's address is taken
            }
            if (levels != ALL && item[1] >= levels) {
                continue;
            }
            for (int caller : callersOf(name)) {
                if (!seen.get(caller)) {
                    seen.set(caller);
                    todo.add(new int[] {caller, item[1] + 1});
                }
            }
        }
        return seen;
    }

    /**
     * The nodes that may call function {@code name}: those that mention it, and those that
     * mention a variable initialised with it at file scope ({@code void (*cb)(void) = f;}, a
     * binding to the pseudo-member {@code cb=}), which the call graph follows too.
     */
    private int[] callersOf(int name) {
        int[] out = index.mentioners(name);
        for (int member : index.membersOf(name)) {
            String m = index.symbols().name(member);
            int variable = m.endsWith("=") ? index.symbols().find(m.substring(0, m.length() - 1)) : -1;
            if (variable >= 0) {
                int[] more = index.mentioners(variable);
                int[] both = Arrays.copyOf(out, out.length + more.length);
                System.arraycopy(more, 0, both, out.length, more.length);
                out = both;
            }
        }
        return out;
    }

    /**
     * The callees of {@code from} down to the spec's levels: every function defined under a name
     * a node mentions, or bound to a member it mentions; with a filter, only callees within
     * reach of a filtered name (and then every definition of that name, as the rules compare
     * them all).
     */
    private BitSet callees(BitSet from, Spec spec) {
        int levels = spec.callees();
        boolean members = spec.followsMembers();
        int[] relevance = spec.calleesMentioning().isEmpty() ? null
                : relevance(spec.calleesMentioning(), levels, members);
        // A file's scope (its initializers) is followed only by a rule that looks at everything below.
        boolean fromFileScope = relevance == null && levels == ALL;
        BitSet seen = new BitSet(index.nodes());
        // The walk is breadth first: the first time a name is followed is at its least depth,
        // where the filter allows the most, so each name is followed once.
        BitSet followed = new BitSet(index.symbols().size());
        Deque<int[]> todo = new ArrayDeque<>();
        from.stream().filter(n -> fromFileScope || index.name(n) >= 0).forEach(n -> todo.add(new int[] {n, 0}));
        while (!todo.isEmpty()) {
            int[] item = todo.poll();
            int depth = item[1] + 1;
            if (levels != ALL && depth > levels) {
                continue;
            }
            for (int m : index.mentions(item[0])) {
                if (followed.get(m)) {
                    continue;
                }
                followed.set(m);
                visitTargets(index.definers(m), depth, levels, relevance, seen, todo);
                if (members) {
                    for (int bound : index.boundTo(m)) {
                        visitTargets(index.definers(bound), depth, levels, relevance, seen, todo);
                    }
                }
            }
        }
        return seen;
    }

    private static void visitTargets(int[] defs, int depth, int levels, int[] relevance, BitSet seen,
                                     Deque<int[]> todo) {
        if (defs.length == 0) {
            return;
        }
        if (relevance != null) {
            int budget = levels == ALL ? Integer.MAX_VALUE : levels - depth;
            boolean any = false;
            for (int d : defs) {
                any |= relevance[d] <= budget;
            }
            if (!any) {
                return;
            }
        }
        for (int d : defs) {
            if (!seen.get(d)) {
                seen.set(d);
                todo.add(new int[] {d, depth});
            }
        }
    }

    /**
     * For each node, the fewest calls between it and a mention of one of {@code names}
     * (0: it mentions one itself), up to {@code levels}; {@link Integer#MAX_VALUE} beyond.
     */
    private int[] relevance(List<String> names, int levels, boolean members) {
        int[] out = new int[index.nodes()];
        Arrays.fill(out, Integer.MAX_VALUE);
        Deque<Integer> todo = new ArrayDeque<>();
        for (String name : names) {
            for (int n : nodesMentioning(name)) {
                if (out[n] != 0) {
                    out[n] = 0;
                    todo.add(n);
                }
            }
        }
        while (!todo.isEmpty()) {
            int n = todo.poll();
            int name = index.name(n);
            if (name < 0 || levels != ALL && out[n] + 1 > levels) {
                continue;
            }
            propagate(index.mentioners(name), out[n] + 1, out, todo);
            if (members) {
                for (int member : index.membersOf(name)) {
                    propagate(index.mentioners(member), out[n] + 1, out, todo); // calls through the member
                }
            }
        }
        return out;
    }

    private static void propagate(int[] callers, int distance, int[] out, Deque<Integer> todo) {
        for (int caller : callers) {
            if (out[caller] > distance) {
                out[caller] = distance;
                todo.add(caller);
            }
        }
    }

    /**
     * The nodes that mention a name pattern: {@code a+b} both, {@code prefix*} or
     * {@code *suffix} any identifier so spelled.
     */
    int[] nodesMentioning(String pattern) {
        String[] parts = pattern.split("\\+");
        int[][] alternatives = new int[parts.length][];
        for (int k = 0; k < parts.length; k++) {
            alternatives[k] = symbolsOf(parts[k]);
        }
        BitSet candidates = new BitSet(index.nodes());
        for (int s : alternatives[0]) {
            for (int n : index.mentioners(s)) {
                candidates.set(n);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int n = candidates.nextSetBit(0); n >= 0; n = candidates.nextSetBit(n + 1)) {
            boolean all = true;
            for (int k = 1; k < alternatives.length && all; k++) {
                boolean one = false;
                for (int s : alternatives[k]) {
                    one |= index.mentions(n, s);
                }
                all = one;
            }
            if (all) {
                out.add(n);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] symbolsOf(String part) {
        return patterns.computeIfAbsent(part, this::resolve);
    }

    private int[] resolve(String part) {
        if (part.endsWith("*")) {
            return index.symbols().matching(part.substring(0, part.length() - 1), "");
        }
        if (part.startsWith("*")) {
            return index.symbols().matching("", part.substring(1));
        }
        int s = index.symbols().find(part);
        return s < 0 ? new int[0] : new int[] {s};
    }
}
