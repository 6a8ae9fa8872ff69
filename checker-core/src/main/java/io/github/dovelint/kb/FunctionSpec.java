package io.github.dovelint.kb;

import io.github.dovelint.model.Location;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What one kernel (or project) function does, as far as the hook contracts
 * care. Every attribute is optional: an absent attribute means "nothing is
 * known", which is different from an explicit {@code false}
 * ({@code sleeps: false} stops the sleep analysis at this function).
 *
 * @param name       the C function (or function-like macro) name
 * @param attributes the given attributes, values typed as {@link FunctionAttribute.Type} says
 * @param where      where the entry was defined (the last override that touched it), or null
 */
public record FunctionSpec(String name, Map<FunctionAttribute, Object> attributes, Location where) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        EnumMap<FunctionAttribute, Object> copy = new EnumMap<>(FunctionAttribute.class);
        for (Map.Entry<FunctionAttribute, Object> e : attributes.entrySet()) {
            copy.put(e.getKey(), checked(e.getKey(), e.getValue()));
        }
        attributes = Collections.unmodifiableMap(copy);
    }

    private static Object checked(FunctionAttribute attribute, Object value) {
        Objects.requireNonNull(value, attribute.key());
        boolean ok = switch (attribute.type()) {
            case BOOLEAN -> value instanceof Boolean;
            case INDEX -> value instanceof Integer i && i >= 0;
            case TEXT -> value instanceof String;
            case KEPT -> value instanceof Kept;
            case USES -> value instanceof Set<?> s && s.stream().allMatch(Use.class::isInstance);
        };
        if (!ok) {
            throw new IllegalArgumentException("bad value for " + attribute.key() + ": " + value);
        }
        if (attribute.type() == FunctionAttribute.Type.USES) {
            Set<Use> uses = EnumSet.noneOf(Use.class);
            for (Object o : (Set<?>) value) {
                uses.add((Use) o);
            }
            return Collections.unmodifiableSet(uses);
        }
        return value;
    }

    /** Whether the attribute was given. */
    public boolean has(FunctionAttribute attribute) {
        return attributes.containsKey(attribute);
    }

    /** {@code sleeps} as given: empty when unknown. */
    public Optional<Boolean> sleeps() {
        return Optional.ofNullable((Boolean) attributes.get(FunctionAttribute.SLEEPS));
    }

    /** True when calling this function may sleep unconditionally ({@code sleeps: true}). */
    public boolean maySleep() {
        return Boolean.TRUE.equals(attributes.get(FunctionAttribute.SLEEPS));
    }

    /** True for {@code sleeps: false}: the analysis must not look into its body for sleeps. */
    public boolean knownNotToSleep() {
        return Boolean.FALSE.equals(attributes.get(FunctionAttribute.SLEEPS));
    }

    /** The index of the GFP mask argument, if the function allocates with a caller-given mask. */
    public OptionalInt gfpArg() {
        return index(FunctionAttribute.GFP_ARG);
    }

    /** Implicitly used task state; empty when none. */
    @SuppressWarnings("unchecked")
    public Set<Use> uses() {
        Object v = attributes.get(FunctionAttribute.USES);
        return v == null ? Set.of() : (Set<Use>) v;
    }

    /** The index of the task argument the {@code task-*} uses refer to. */
    public OptionalInt taskArg() {
        return index(FunctionAttribute.TASK_ARG);
    }

    /** True when the function takes and drops {@code files->file_lock}. */
    public boolean takesFileLock() {
        return Boolean.TRUE.equals(attributes.get(FunctionAttribute.TAKES_FILE_LOCK));
    }

    /** The index of the argument whose object the function frees. */
    public OptionalInt freesArg() {
        return index(FunctionAttribute.FREES_ARG);
    }

    /** The index of the file argument whose oob pointer the function sets. */
    public OptionalInt setsOob() {
        return index(FunctionAttribute.SETS_OOB);
    }

    /** The index of the file argument whose oob pointer the function clears. */
    public OptionalInt clearsOob() {
        return index(FunctionAttribute.CLEARS_OOB);
    }

    /** Why a curated entry is kept next to a kernel database. */
    public Optional<Kept> kept() {
        return Optional.ofNullable((Kept) attributes.get(FunctionAttribute.KEPT));
    }

    /** The short reason given for the entry. */
    public Optional<String> why() {
        return Optional.ofNullable((String) attributes.get(FunctionAttribute.WHY));
    }

    private OptionalInt index(FunctionAttribute attribute) {
        Object v = attributes.get(attribute);
        return v == null ? OptionalInt.empty() : OptionalInt.of((Integer) v);
    }

    /**
     * This entry with {@code override}'s attributes laid over it: each
     * attribute the override gives replaces this one's, the others are kept.
     * The location becomes the override's.
     */
    public FunctionSpec withOverride(FunctionSpec override) {
        EnumMap<FunctionAttribute, Object> merged = new EnumMap<>(FunctionAttribute.class);
        merged.putAll(attributes);
        merged.putAll(override.attributes());
        return new FunctionSpec(name, merged, override.where() != null ? override.where() : where);
    }

    /**
     * Checks that the attributes agree with each other: {@code task-*} uses
     * need a {@code task-arg} and a {@code task-arg} needs a {@code task-*}
     * use. Returns the problem, or null when consistent. (Not checked in the
     * constructor because a configuration override may legitimately give only
     * one half, completed by the base entry.)
     */
    public String inconsistency() {
        boolean taskUses = uses().stream().anyMatch(Use::isTaskRelative);
        if (taskUses && taskArg().isEmpty()) {
            return "function '" + name + "' uses task-files/task-mm but gives no task-arg";
        }
        if (!taskUses && taskArg().isPresent()) {
            return "function '" + name + "' gives task-arg but uses neither task-files nor task-mm";
        }
        return null;
    }
}
