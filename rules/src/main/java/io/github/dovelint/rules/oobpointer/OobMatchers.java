package io.github.dovelint.rules.oobpointer;

import static io.github.dovelint.match.Matchers.call;

import io.github.dovelint.kb.Roles;
import io.github.dovelint.rules.FunctionMatcher;
import java.util.ArrayList;
import java.util.List;

/** Starting points the oob pointer rules share, declared once. */
final class OobMatchers {

    private OobMatchers() {
    }

    /**
     * The functions that call a core helper setting or tearing down a file's oob pointer
     * ({@code oob-open-helpers}, {@code oob-release-helpers}): a driver's {@code .open} and
     * {@code .release} when the core is not in the run (docs/contracts.md#c52-torn-down-in-release).
     */
    static final FunctionMatcher CALLING_CORE_HELPERS = FunctionMatcher.containing(call(kb -> {
        List<String> names = new ArrayList<>(kb.role(Roles.OOB_OPEN_HELPERS));
        names.addAll(kb.role(Roles.OOB_RELEASE_HELPERS));
        return names;
    })).describedAs("call to a core's oob open or release helper");
}
