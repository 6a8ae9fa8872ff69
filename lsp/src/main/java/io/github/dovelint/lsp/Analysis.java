package io.github.dovelint.lsp;

import io.github.dovelint.Analyzer;
import io.github.dovelint.engine.ProgressListener;
import io.github.dovelint.files.SourceOverlay;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import java.nio.file.Path;

/**
 * One analysis of the workspace: the whole root, with the editor's unsaved buffers read instead
 * of their files, stopped when {@code progress} says it is superseded. A seam for the tests,
 * which put a slow or failing one in the real one's place.
 */
@FunctionalInterface
interface Analysis {

    /**
     * @throws java.util.concurrent.CancellationException when {@code progress} asked it to stop
     */
    AnalysisResult run(Path root, SourceOverlay overlay, ProgressListener progress) throws AnalysisException;

    /**
     * The engine over the root, with the same facts cache as the command line: a run over the
     * disk and a run with unsaved buffers share it (docs/robustness.md#unsaved-buffers).
     */
    Analysis ENGINE = (root, overlay, progress) -> Analyzer.builder().root(root).path(root)
            .cacheDir(root.resolve(Analyzer.DEFAULT_CACHE_DIR)).overlay(overlay).progress(progress).build().run();
}
