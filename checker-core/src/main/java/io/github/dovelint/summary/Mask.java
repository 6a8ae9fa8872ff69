package io.github.dovelint.summary;

/**
 * One possible value of a GFP mask expression: either a constant ({@code param < 0},
 * value {@code or}) or a function of the caller's parameter {@code param}:
 * {@code (param & and) | or}. Enough for {@code gfp | __GFP_ZERO} and
 * {@code gfp & ~__GFP_DIRECT_RECLAIM}.
 */
record Mask(int param, long and, long or) {

    static Mask constant(long value) {
        return new Mask(-1, 0, value);
    }

    static Mask ofParam(int index) {
        return new Mask(index, -1L, 0);
    }

    boolean isConstant() {
        return param < 0;
    }

    Mask orWith(long bits) {
        return new Mask(param, and, or | bits);
    }

    Mask andWith(long bits) {
        return isConstant() ? constant(or & bits) : new Mask(param, and & bits, or & bits);
    }

    /** Substitutes the parameter by a value the caller passes. */
    Mask applyTo(Mask argument) {
        if (isConstant()) {
            return this;
        }
        if (argument.isConstant()) {
            return constant((argument.or & and) | or);
        }
        return new Mask(argument.param, argument.and & and, (argument.or & and) | or);
    }
}
