package io.github.dovelint.facts;

/**
 * What a call expression calls, before resolution against the program.
 *
 * <ul>
 *   <li>{@link Named}: {@code foo(...)}: a function, or a local function-pointer variable called by name;</li>
 *   <li>{@link Field}: {@code ops->get(...)} or {@code ops.get(...)}: a function pointer in a struct;</li>
 *   <li>{@link Unknown}: anything else ({@code (*table[i])(...)}).</li>
 * </ul>
 */
public sealed interface Callee {

    /** How the callee reads in messages: {@code foo}, {@code ops->get}. */
    String display();

    record Named(String name) implements Callee {
        public Named {
            name = Shared.of(name);
        }

        @Override
        public String display() {
            return name;
        }
    }

    /**
     * @param structTag the struct's tag when the owner's type is known ({@code pool_ops}), else null
     * @param field     the member called through
     * @param display   the callee as written
     * @param base      what the member is read from ({@code ring} in {@code ring->wait_input(...)}),
     *                  or null when not known
     * @param arrow     whether through {@code ->} ({@code base} points to the struct) rather than
     *                  {@code .} ({@code base} is the struct)
     */
    record Field(String structTag, String field, String display, Expr base, boolean arrow) implements Callee {
        public Field {
            structTag = Shared.of(structTag);
            field = Shared.of(field);
            display = Shared.of(display);
        }

        /** A call through a member of an unknown struct value. */
        public Field(String structTag, String field, String display) {
            this(structTag, field, display, null, true);
        }

        /** The struct the member is read from ({@link MemberPath#holder}); {@code caller} may be null. */
        public MemberPath holder(FunctionFacts caller) {
            return base == null ? new MemberPath(null, java.util.List.of()) : MemberPath.holder(caller, base, arrow);
        }
    }

    record Unknown(String display) implements Callee {
    }
}
