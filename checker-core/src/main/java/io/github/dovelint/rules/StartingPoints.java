package io.github.dovelint.rules;

import io.github.dovelint.match.Footprint;
import java.util.List;

/**
 * The functions a {@link FunctionMatcher} may select, as the lexical index can find
 * them before anything is parsed.
 *
 * @param defines   functions by their name
 * @param mentions  functions whose text has this footprint
 * @param confirmed functions whose text mentions one of these names, kept only when their parsed
 *                  facts show an access to {@code struct file}'s oob pointer (other structs have
 *                  members of the same names)
 * @param boundTo   functions bound to one of these struct members ({@code .oob_ioctl = f})
 */
public record StartingPoints(List<String> defines, Footprint mentions, List<String> confirmed,
                             List<String> boundTo) {

    public StartingPoints {
        defines = List.copyOf(defines);
        confirmed = List.copyOf(confirmed);
        boundTo = List.copyOf(boundTo);
    }
}
