package io.github.dovelint.parse;

import io.github.dovelint.model.Problem;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * One parsed translation unit.
 *
 * <p>The AST also contains the declarations of dovelint's prelude (CDT reports
 * them as part of the translation-unit file, since the prelude is a forced
 * include): filter them with {@link Prelude#isFromPrelude} or by comparing
 * {@code getFileLocation().getFileName()} with {@code path().toString()}.
 * Declarations from included headers carry the header's absolute path.
 * Problem locations use absolute file paths; the analyzer relativises them.
 *
 * @param path     the absolute, normalised path of the main file
 * @param text     the decoded text of the main file ("" when it could not be read)
 * @param ast      the CDT AST, or null when the file could not be read or decoded at all
 * @param problems located parse and input problems of this unit (never includes
 *                 unresolved system includes when no include directories were given)
 */
public record ParsedUnit(Path path, String text, IASTTranslationUnit ast, List<Problem> problems) {
    public ParsedUnit {
        problems = List.copyOf(problems);
    }
}
