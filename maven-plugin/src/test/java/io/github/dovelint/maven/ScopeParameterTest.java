package io.github.dovelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The {@code scope} parameter: its three values, and a clear error for any other. */
class ScopeParameterTest {

    @Test
    void valuesAndErrors() throws Exception {
        assertEquals(Analyzer.Scope.AUTO, AbstractDovelintMojo.scope(null));
        assertEquals(Analyzer.Scope.AUTO, AbstractDovelintMojo.scope("auto"));
        assertEquals(Analyzer.Scope.ALL, AbstractDovelintMojo.scope(" all "));
        assertEquals(Analyzer.Scope.REACH, AbstractDovelintMojo.scope("reach"));
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> AbstractDovelintMojo.scope("everything"));
        assertTrue(e.getMessage().contains("'everything' is not auto, all or reach"), e.getMessage());
    }
}
