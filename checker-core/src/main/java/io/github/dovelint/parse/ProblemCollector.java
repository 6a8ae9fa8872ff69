package io.github.dovelint.parse;

import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.parser.IProblem;

/**
 * Turns CDT's problems (preprocessor problems and problem nodes in the AST)
 * into dovelint {@link Problem}s located in the file where they occur, with
 * the absolute path as {@link Location#file()} (the analyzer relativises).
 * Problems inside the prelude are attributed to line 1 of the main file with
 * a message that says so: they are dovelint's fault, not the user's.
 */
final class ProblemCollector {

    private final String mainPath;
    private final String mainText;
    private final HeaderCache headers;
    private final boolean keepUnresolvedIncludes;

    ProblemCollector(String mainPath, String mainText, HeaderCache headers, boolean keepUnresolvedIncludes) {
        this.mainPath = mainPath;
        this.mainText = mainText;
        this.headers = headers;
        this.keepUnresolvedIncludes = keepUnresolvedIncludes;
    }

    /**
     * The unit's preprocessor problems and its {@code problemNodes} (as found
     * by {@link AstScan}), sorted and without duplicates.
     */
    List<Problem> collect(IASTTranslationUnit tu, List<IASTProblem> problemNodes) {
        TreeSet<Problem> problems = new TreeSet<>();
        for (IASTProblem problem : tu.getPreprocessorProblems()) {
            add(problems, problem);
        }
        for (IASTProblem problem : problemNodes) {
            add(problems, problem);
        }
        return new ArrayList<>(problems);
    }

    private void add(TreeSet<Problem> problems, IASTProblem problem) {
        if (!keepUnresolvedIncludes && problem.getID() == IProblem.PREPROCESSOR_INCLUSION_NOT_FOUND) {
            return;
        }
        String message = problem.getMessage();
        if (message == null || message.isBlank()) {
            message = "parse problem (CDT id " + problem.getID() + ")";
        }
        IASTFileLocation where = problem.getFileLocation();
        if (where == null || where.getFileName() == null) {
            problems.add(new Problem(Problem.Kind.PARSE, new Location(mainPath, 1, 0), message));
            return;
        }
        String file = where.getFileName();
        if (Prelude.isPreludePath(file)) {
            problems.add(new Problem(Problem.Kind.PARSE, new Location(mainPath, 1, 0),
                    "in dovelint's prelude (please report): " + message));
            return;
        }
        int line = Math.max(1, where.getStartingLineNumber());
        String text = file.equals(mainPath) ? mainText : textOf(file);
        int column = text == null ? 0 : column(text, where.getNodeOffset());
        problems.add(new Problem(Problem.Kind.PARSE, new Location(file, line, column), message));
    }

    private String textOf(String file) {
        char[] chars = headers.get(file);
        return chars == null ? null : new String(chars);
    }

    /** 1-based column of {@code offset} in {@code text}; 0 if the offset is outside it. */
    static int column(String text, int offset) {
        if (offset < 0 || offset > text.length()) {
            return 0;
        }
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart + 1;
    }
}
