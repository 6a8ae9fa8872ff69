package io.github.dovelint.parse;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The parser cannot be set up as asked, typically because a
 * compile_commands.json is missing or malformed. Checked, so that callers
 * turn it into a clear configuration error instead of a stack trace; the
 * message names the file and, when known, the line and column.
 */
public final class ParseSetupException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    /**
     * @param file    the offending file
     * @param line    1-based line of the error, 0 if unknown
     * @param column  1-based column of the error, 0 if unknown
     * @param message what is wrong, without the file name (added here)
     */
    public ParseSetupException(Path file, int line, int column, String message) {
        super(format(file, line, column, message));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** 1-based line of the error, 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the error, 0 if unknown. */
    public int column() {
        return column;
    }

    private static String format(Path file, int line, int column, String message) {
        StringBuilder where = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + message;
    }
}
