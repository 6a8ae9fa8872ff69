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
     */
    record Field(String structTag, String field, String display) implements Callee {
        public Field {
            structTag = Shared.of(structTag);
            field = Shared.of(field);
            display = Shared.of(display);
        }
    }

    record Unknown(String display) implements Callee {
    }
}
