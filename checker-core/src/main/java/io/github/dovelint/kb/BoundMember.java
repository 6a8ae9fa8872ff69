package io.github.dovelint.kb;

import java.util.Optional;

/**
 * A struct member a role's handlers are bound to, as kernel.yml writes it: {@code oob_read}, a
 * member of a {@code struct file_operations}, or {@code evl_net_proto.oob_send}, a member of the
 * struct named (docs/contracts.md#c8-oob-handlers-never-call-in-band-services).
 *
 * @param struct the struct's tag
 * @param field  the member's name
 */
public record BoundMember(String struct, String field) {

    /** The struct a member written without one belongs to. */
    public static final String FILE_OPERATIONS = "file_operations";

    /** {@code text} read as a member, or empty when it is neither an identifier nor two joined by a dot. */
    public static Optional<BoundMember> parse(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return FunctionSpecParser.isIdentifier(text) ? Optional.of(new BoundMember(FILE_OPERATIONS, text))
                    : Optional.empty();
        }
        String struct = text.substring(0, dot);
        String field = text.substring(dot + 1);
        return FunctionSpecParser.isIdentifier(struct) && FunctionSpecParser.isIdentifier(field)
                ? Optional.of(new BoundMember(struct, field)) : Optional.empty();
    }

    /**
     * {@link #parse} of an entry the loader has checked.
     *
     * @throws IllegalArgumentException when it is not a member
     */
    public static BoundMember of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a member: " + text));
    }

    /** Whether a binding in a struct of tag {@code tag} (null: unknown) may be this member's. */
    public boolean inStruct(String tag) {
        return tag == null || tag.equals(struct);
    }

    /** How messages name it: {@code .oob_read}, {@code evl_net_proto.oob_send}. */
    public String display() {
        return struct.equals(FILE_OPERATIONS) ? "." + field : struct + "." + field;
    }
}
