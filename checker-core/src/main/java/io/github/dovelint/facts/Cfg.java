package io.github.dovelint.facts;

import io.github.dovelint.model.Location;
import java.util.List;

/**
 * The control-flow graph of one function body, AST-free so that it can be
 * cached with the other facts. Blocks hold the events the flow-sensitive
 * rules need, in evaluation order; edges may carry the condition under which
 * they are taken, so an analysis can learn from a test ({@code if (!ctx)},
 * {@code if (spin_trylock(&l))}) on each side. {@code &&}, {@code ||},
 * {@code !} and {@code ?:} are split into separate blocks, so every edge
 * condition is an atom (a name, a member, a call, a comparison...), and
 * constant conditions ({@code do { } while (0)}, {@code for (;;)}) only get
 * their feasible edge.
 *
 * <p>Block {@link #ENTRY} is where the body starts; block {@link #EXIT} is the
 * single exit every {@code return} and the end of the body flow to; it has no
 * events. Blocks nothing flows to (code after a {@code return}) may exist.
 *
 * @param blocks the blocks, indexed by their id
 */
public record Cfg(List<Block> blocks) {

    public static final int ENTRY = 0;
    public static final int EXIT = 1;

    /** The graph of a function whose body could not be modelled (too large or deep): entry flows to exit. */
    public static final Cfg UNAVAILABLE = new Cfg(List.of(
            new Block(ENTRY, List.of(), List.of(new Edge(EXIT, null, true, null))),
            new Block(EXIT, List.of(), List.of())));

    public Cfg {
        blocks = List.copyOf(blocks);
    }

    /** False for {@link #UNAVAILABLE}: rules should not draw conclusions from it. */
    public boolean available() {
        return this != UNAVAILABLE;
    }

    public Block block(int id) {
        return blocks.get(id);
    }

    /**
     * The blocks reached from the entry through the edges {@code follow} accepts: what runs when
     * the tests it refuses never take those sides (a mask that may not block, the oob stage).
     */
    public java.util.BitSet reached(java.util.function.Predicate<Edge> follow) {
        return reached(follow, block -> true);
    }

    /**
     * As {@link #reached(java.util.function.Predicate)}, not going on from the blocks
     * {@code passes} refuses (control does not leave them the way it came: past a stage switch).
     */
    public java.util.BitSet reached(java.util.function.Predicate<Edge> follow,
                                    java.util.function.Predicate<Block> passes) {
        java.util.BitSet seen = new java.util.BitSet(size());
        java.util.Deque<Integer> work = new java.util.ArrayDeque<>();
        work.push(ENTRY);
        seen.set(ENTRY);
        while (!work.isEmpty()) {
            Block from = block(work.pop());
            if (!passes.test(from)) {
                continue;
            }
            for (Edge edge : from.successors()) {
                if (follow.test(edge) && !seen.get(edge.target())) {
                    seen.set(edge.target());
                    work.push(edge.target());
                }
            }
        }
        return seen;
    }

    /** The events of {@code blocks} (a {@link #reached} set), block by block in order. */
    public java.util.stream.Stream<Event> events(java.util.BitSet blocks) {
        return blocks.stream().boxed().flatMap(id -> block(id).events().stream());
    }

    public int size() {
        return blocks.size();
    }

    /**
     * A straight-line piece of code.
     *
     * @param id         its index in {@link Cfg#blocks()}
     * @param events     what happens in it, in order
     * @param successors where control goes next
     */
    public record Block(int id, List<Event> events, List<Edge> successors) {
        public Block {
            events = List.copyOf(events);
            successors = List.copyOf(successors);
        }
    }

    /**
     * A control-flow edge.
     *
     * @param target    the block it goes to
     * @param condition the tested atom, or null for an unconditional edge
     * @param when      the value of {@code condition} (non-zero: true) when this edge is taken
     * @param at        the statement or expression that branches ({@code if}, {@code while}, {@code ?:}), or null
     */
    public record Edge(int target, Expr condition, boolean when, Location at) {
        public boolean conditional() {
            return condition != null;
        }
    }

    /** Something that happens in a block. */
    public sealed interface Event {
        Location location();
    }

    /**
     * A call, after its arguments were evaluated.
     *
     * @param call the call fact (the same instance as in {@link FunctionFacts#calls()})
     * @param lock what it does to a lock, or null
     */
    public record Call(CallFact call, LockOp lock) implements Event {
        @Override
        public Location location() {
            return call.location();
        }

        /** The called function's name, or null when called through an expression. */
        public String name() {
            return call.callee() instanceof Callee.Named n ? n.name() : null;
        }
    }

    /** How a pointer is dereferenced. */
    public enum DerefKind {
        /** {@code p->field} (also under {@code &}: {@code &p->lock} needs a valid {@code p}). */
        ARROW,
        /** {@code *p}. */
        STAR,
        /** {@code p[i]}. */
        INDEX
    }

    /**
     * A dereference of {@code pointer}, after {@code pointer} itself was evaluated.
     *
     * @param pointer  the dereferenced expression ({@code ctx}, {@code file->oob_data}, {@code fdt->fd})
     * @param kind     how
     * @param field    the member for {@link DerefKind#ARROW}, else null
     * @param location where the whole access is written
     */
    public record Deref(Expr pointer, DerefKind kind, String field, Location location) implements Event {
        public Deref {
            field = Shared.of(field);
        }
    }

    /**
     * A store, after both sides were evaluated. Declarations with an initializer are
     * stores to the declared name; {@code x += y} stores a {@link Expr.Binary};
     * {@code x++} stores an {@link Expr.Other}.
     *
     * @param target   what is written ({@link Expr.Name} for a variable)
     * @param value    the stored value
     * @param location where
     */
    public record Assign(Expr target, Expr value, Location location) implements Event {
        /** The variable written, or null when the target is not a plain name. */
        public String variable() {
            return target instanceof Expr.Name n ? n.id() : null;
        }
    }

    /**
     * A {@code return}, after its value was evaluated; control then goes to {@link Cfg#EXIT}.
     *
     * @param value    the returned value, or null
     * @param location where
     */
    public record Return(Expr value, Location location) implements Event {
    }
}
