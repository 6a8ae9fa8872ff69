package io.github.dovelint.facts;

import io.github.dovelint.files.SourceOverlay;
import io.github.dovelint.model.Location;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * Turns CDT node positions (absolute file name, character offset) into
 * {@link Location}s relative to the checked root, with 1-based columns.
 * CDT gives lines but not columns, so each file's line starts are computed
 * once from its text. Not thread-safe: one instance per translation unit.
 */
public final class SourcePositions {

    private final Function<String, String> relativize;
    private final String mainFile;
    private final Map<String, int[]> headerLines;
    private final SourceOverlay overlay;
    private final Map<String, int[]> lineStarts = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, String> shownNames = new HashMap<>();

    /**
     * @param relativize maps an absolute file name to the path reported to users
     * @param mainFile   the absolute name of the translation unit's main file
     * @param mainText   its decoded text (what CDT parsed)
     */
    public SourcePositions(Function<String, String> relativize, String mainFile, String mainText) {
        this(relativize, mainFile, mainText, new HashMap<>(), SourceOverlay.NONE);
    }

    /**
     * Positions whose headers' line tables are shared: every unit of a kernel
     * directory includes the same local headers, and reading and scanning them
     * again for each unit cost more than the rest of the positions.
     *
     * @param headerLines line starts of files other than {@code mainFile}, by absolute name;
     *                    shared by the units of one run (thread-safe when shared across threads)
     * @param overlay     the texts the run reads instead of files (its headers' too)
     */
    public SourcePositions(Function<String, String> relativize, String mainFile, String mainText,
                           Map<String, int[]> headerLines, SourceOverlay overlay) {
        this.overlay = overlay;
        this.relativize = relativize;
        this.mainFile = mainFile;
        this.headerLines = headerLines;
        texts.put(mainFile, mainText);
    }

    /** The location of a node, or null for nodes with no file location (prelude, builtins). */
    public Location of(IASTNode node) {
        IASTFileLocation loc = node.getFileLocation();
        if (loc == null) {
            return null;
        }
        return at(loc.getFileName(), loc.getNodeOffset(), loc.getStartingLineNumber());
    }

    Location at(String file, int offset, int line) {
        int[] starts = lineStarts.get(file);
        if (starts == null) {
            starts = file.equals(mainFile) ? computeLineStarts(text(file))
                    : headerLines.computeIfAbsent(file, f -> computeLineStarts(read(f)));
            lineStarts.put(file, starts);
        }
        int column = 0;
        if (line >= 1 && line <= starts.length) {
            column = offset - starts[line - 1] + 1;
            if (column < 1) {
                column = 1;
            }
        }
        return new Location(shownNames.computeIfAbsent(file, f -> relativize.apply(f).intern()), line, column);
    }

    /** The trimmed text of a line of a file, "" when unavailable. */
    public String lineText(String absoluteFile, int line) {
        String text = text(absoluteFile);
        int[] starts = lineStarts.computeIfAbsent(absoluteFile, f -> computeLineStarts(text));
        if (line < 1 || line > starts.length) {
            return "";
        }
        int from = starts[line - 1];
        int to = line < starts.length ? starts[line] : text.length();
        return text.substring(from, to).strip();
    }

    private String text(String file) {
        return texts.computeIfAbsent(file, this::read);
    }

    private String read(String file) {
        return LenientText.read(Path.of(file), Long.MAX_VALUE, overlay);
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }
}
