package io.github.dovelint.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Random operation sequences over several tasks. A {@link Choice} is
 * abstract (small numbers, which shrink well); {@link Resolver} turns it into a
 * concrete {@link Op} against the model's current state (a live task, one of
 * its open fds most of the time), or skips it when it cannot apply.
 */
final class RandomOps {

    static final int KINDS = 17;
    /** fd numbers are drawn from 0 to FDS - 1: tables stay small, so most fds named are open. */
    static final int FDS = 6;

    private RandomOps() {
    }

    /** An abstract operation: a kind and a few numbers. */
    record Choice(int kind, int task, int a, int b, boolean flag, boolean flag2) {
    }

    /** Turns choices into operations, naming children T2, T3, ... */
    static final class Resolver {
        private int nextTask = 2;

        Optional<Op> resolve(Vfs vfs, Choice c) {
            List<String> tasks = vfs.taskNames();
            if (tasks.isEmpty()) {
                return Optional.empty();
            }
            String t = tasks.get(c.task() % tasks.size());
            // fd numbers are taken as they are: they shrink towards 0, and tables stay small
            int fdA = c.a();
            int fdB = c.b();
            Op op = switch (c.kind()) {
                case 0, 1, 2 -> new Op.Open(t, c.flag(), c.a() % 3 == 1, c.flag2() && vfs.sharers(vfs.filesOf(t)) > 1);
                case 3 -> new Op.Dup(t, fdA);
                case 4 -> new Op.DupFd(t, fdA, fdB, c.flag());
                case 5, 6 -> new Op.Dup2(t, fdA, fdB);
                case 7 -> new Op.Dup3(t, fdA, fdB, c.flag());
                case 8, 9 -> new Op.Close(t, fdA);
                case 10 -> new Op.CloseRange(t, Math.min(fdA, fdB), Math.max(fdA, fdB), c.flag() && c.flag2());
                case 11 -> new Op.Exec(t);
                case 12 -> new Op.Fork(t, "T" + nextTask++);
                case 13 -> new Op.CloneFiles(t, "T" + nextTask++);
                case 14 -> new Op.Unshare(t);
                // the last task exits rarely: nothing happens after that
                case 15 -> tasks.size() > 1 || (c.flag() && c.flag2()) ? new Op.Exit(t) : null;
                default -> holdOrDrop(vfs, t, c);
            };
            return Optional.ofNullable(op);
        }

        private static Op holdOrDrop(Vfs vfs, String t, Choice c) {
            List<Integer> held = vfs.liveTables().stream().filter(f -> vfs.holds(f) > 0).toList();
            if (c.flag() && !held.isEmpty()) {
                return new Op.Drop(t, held.get(c.a() % held.size()));
            }
            List<Integer> live = vfs.liveTables();
            return new Op.Hold(t, live.get(c.a() % live.size()));
        }

    }

    /** The failure of a run: its step, the operations up to it, and what broke. */
    record Failure(int step, List<Op> ops, String message) {
        String scenario() {
            return Scenario.format(ops);
        }
    }

    /**
     * Runs choices against the model and a core; after every operation
     * checks that each hook call's context is one the contract table declares,
     * and the invariants; optionally also compares the core's index with
     * the reference core's after every hook call.
     */
    static Optional<Failure> run(List<Choice> choices, CompanionCore core, boolean differential) {
        Vfs vfs = new Vfs();
        ReferenceCore reference = new ReferenceCore();
        String[] broken = new String[1];
        vfs.listen(call -> {
            if (broken[0] != null) {
                return;
            }
            try {
                ReferenceCore.deliver(core, call);
            } catch (RuntimeException e) {
                broken[0] = core.name() + " crashed on " + call.call() + ": " + e.getMessage();
                return;
            }
            ReferenceCore.deliver(reference, call);
            if (differential && !core.index().equals(reference.index())) {
                broken[0] = "after " + call.call() + " the " + core.name() + " core's index is "
                        + CompanionCore.render(core.index()) + ", the reference's is " + CompanionCore.render(reference.index());
            }
        });
        Resolver resolver = new Resolver();
        List<Op> done = new ArrayList<>();
        for (Choice c : choices) {
            Optional<Op> op = resolver.resolve(vfs, c);
            if (op.isEmpty()) {
                continue;
            }
            done.add(op.get());
            Vfs.Outcome outcome = vfs.apply(op.get());
            for (HookCall call : outcome.calls()) {
                Optional<String> bad = contextMismatch(call);
                if (bad.isPresent()) {
                    return Optional.of(new Failure(done.size(), List.copyOf(done), bad.get()));
                }
            }
            if (broken[0] != null) {
                return Optional.of(new Failure(done.size(), List.copyOf(done), broken[0]));
            }
            Optional<String> inv = Invariants.check(vfs, core);
            if (inv.isPresent()) {
                return Optional.of(new Failure(done.size(), List.copyOf(done), core.name() + ": " + inv.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Makes a failing run smaller while the core still fails: removes choices
     * one at a time and lowers their fd numbers, until neither helps (a greedy
     * pass after jqwik's own shrinking, which cannot see that an fd number
     * means another fd once an earlier open is gone).
     */
    static List<Choice> minimize(List<Choice> choices, java.util.function.Supplier<CompanionCore> core) {
        List<Choice> current = new ArrayList<>(choices);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int width = 1; width <= 2; width++) {
                for (int i = current.size() - width; i >= 0; i--) {
                    List<Choice> fewer = new ArrayList<>(current);
                    fewer.subList(i, i + width).clear();
                    if (run(fewer, core.get(), false).isPresent()) {
                        current = fewer;
                        progress = true;
                        i = Math.min(i, current.size() - width + 1);
                    }
                }
            }
            for (int i = 0; i < current.size(); i++) {
                Choice c = current.get(i);
                for (Choice smaller : List.of(new Choice(c.kind(), c.task(), 0, c.b(), c.flag(), c.flag2()),
                        new Choice(c.kind(), c.task(), c.a(), 0, c.flag(), c.flag2()),
                        new Choice(c.kind(), 0, c.a(), c.b(), c.flag(), c.flag2()),
                        new Choice(c.kind(), c.task(), c.a() - 1, c.b(), c.flag(), c.flag2()),
                        new Choice(c.kind(), c.task(), c.a(), c.b() - 1, c.flag(), c.flag2()),
                        new Choice(c.kind(), c.task() - 1, c.a(), c.b(), c.flag(), c.flag2()),
                        new Choice(c.kind(), c.task(), c.a(), c.b(), false, c.flag2()),
                        new Choice(c.kind(), c.task(), c.a(), c.b(), c.flag(), false))) {
                    if (smaller.a() < 0 || smaller.b() < 0 || smaller.task() < 0 || smaller.equals(c)) {
                        continue;
                    }
                    List<Choice> lower = new ArrayList<>(current);
                    lower.set(i, smaller);
                    if (run(lower, core.get(), false).isPresent()) {
                        current = lower;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    /** The operations a run of choices resolves to (for printing). */
    static List<Op> resolveAll(List<Choice> choices) {
        Vfs vfs = new Vfs();
        Resolver resolver = new Resolver();
        List<Op> out = new ArrayList<>();
        for (Choice c : choices) {
            resolver.resolve(vfs, c).ifPresent(op -> {
                out.add(op);
                vfs.apply(op);
            });
        }
        return out;
    }

    /** Why a hook call's context is not one the generated contract table declares for its site, if it is not. */
    static Optional<String> contextMismatch(HookCall call) {
        HookContext ctx = call.context();
        Optional<ContractTable.Row> row = ContractTable.get().row(call.hook(), ctx.site().label());
        if (row.isEmpty()) {
            return Optional.of(call.call() + ": site '" + ctx.site().label() + "' is not declared for " + call.hook());
        }
        ContractTable.Row r = row.get();
        if (r.fileLock() != ctx.fileLock() || r.preemptible() != ctx.preemptible() || r.current() != ctx.current()) {
            return Optional.of(call + " does not match the declared " + r);
        }
        return Optional.empty();
    }

}
