package io.github.dovelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.dovelint.model.Limits;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** {@code maxFileSize}, {@code fileTimeout}, {@code maxAstDepth}: the CLI's units, unset means the default. */
class LimitParametersTest {

    @Test
    void unsetOrBlankIsTheDefault() throws Exception {
        assertEquals(Limits.DEFAULT, LimitParameters.limits(null, null, null));
        assertEquals(Limits.DEFAULT, LimitParameters.limits(" ", "", null));
    }

    @Test
    void valuesInTheCliUnits() throws Exception {
        Limits l = LimitParameters.limits("512k", "500ms", 100);
        assertEquals(512 * 1024, l.maxFileBytes());
        assertEquals(Duration.ofMillis(500), l.fileTimeout());
        assertEquals(100, l.maxAstDepth());
    }

    @Test
    void aBadValueNamesItsParameter() {
        assertEquals("dovelint: maxFileSize: '12x' is not a size (expected e.g. 500000, 512k, 8M, 1G)",
                assertThrows(MojoExecutionException.class, () -> LimitParameters.limits("12x", null, null))
                        .getMessage());
        assertEquals("dovelint: fileTimeout: '0s' is not a duration (expected e.g. 30s, 500ms, 2m)",
                assertThrows(MojoExecutionException.class, () -> LimitParameters.limits("1M", "0s", null))
                        .getMessage());
    }
}
