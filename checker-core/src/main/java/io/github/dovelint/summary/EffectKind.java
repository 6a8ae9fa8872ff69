package io.github.dovelint.summary;

/**
 * The behaviours dovelint tracks through the call graph. Each is found
 * locally (a call, a field use) and then propagated to every caller.
 */
public enum EffectKind {
    /** May sleep: a sleeping API, or an allocation whose GFP mask allows direct reclaim. */
    SLEEP,
    /** Uses {@code current->files}, directly or through an API that does. */
    CURRENT_FILES,
    /** Uses {@code current->mm}, directly or through an API that does. */
    CURRENT_MM
}
