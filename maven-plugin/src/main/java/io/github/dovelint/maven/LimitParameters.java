package io.github.dovelint.maven;

import io.github.dovelint.model.Limits;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The per-file budgets {@code maxFileSize}, {@code fileTimeout} and {@code maxAstDepth} as
 * {@link Limits}, in the units {@code dovelint check} takes. A budget left unset is the
 * default, which the engine replaces with the configuration's {@code limits:} value.
 */
final class LimitParameters {

    private LimitParameters() {
    }

    /**
     * @throws MojoExecutionException naming the parameter and the value it cannot read
     */
    static Limits limits(String maxFileSize, String fileTimeout, Integer maxAstDepth) throws MojoExecutionException {
        Limits limits = Limits.DEFAULT;
        String parameter = "maxFileSize";
        try {
            if (maxFileSize != null && !maxFileSize.isBlank()) {
                limits = limits.withMaxFileBytes(Limits.parseSize(maxFileSize));
            }
            parameter = "fileTimeout";
            if (fileTimeout != null && !fileTimeout.isBlank()) {
                limits = limits.withFileTimeout(Limits.parseDuration(fileTimeout));
            }
            parameter = "maxAstDepth";
            if (maxAstDepth != null) {
                limits = limits.withMaxAstDepth(maxAstDepth);
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("dovelint: " + parameter + ": " + e.getMessage());
        }
        return limits;
    }
}
