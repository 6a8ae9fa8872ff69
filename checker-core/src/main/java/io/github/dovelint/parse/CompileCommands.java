package io.github.dovelint.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dovelint.files.InputFiles;
import io.github.dovelint.files.JsonInput;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clang-style compile_commands.json (as written by the kernel's
 * {@code scripts/clang-tools/gen_compile_commands.py} or bear): per source
 * file, the preprocessor flags that matter for parsing. Only {@code -I},
 * {@code -isystem}, {@code -idirafter}, {@code -iquote}, {@code -D},
 * {@code -U}, {@code -include} and {@code -imacros} are used; everything else
 * is compiler business. Relative paths are resolved against the entry's
 * {@code directory}. Immutable and thread-safe once loaded.
 */
public final class CompileCommands {

    /**
     * Preprocessor flags of one file.
     *
     * @param includeDirs  {@code -I}/{@code -isystem}/{@code -idirafter} directories, in order
     * @param quoteDirs    {@code -iquote} directories (quoted includes only)
     * @param defines      macros after applying {@code -D}/{@code -U} in order (value "1" for {@code -DNAME})
     * @param includeFiles {@code -include} files, in order
     * @param macroFiles   {@code -imacros} files, in order
     */
    public record Flags(List<Path> includeDirs, List<Path> quoteDirs, Map<String, String> defines,
                        List<Path> includeFiles, List<Path> macroFiles) {

        /** No flags: a file the database does not know. */
        public static final Flags NONE = new Flags(List.of(), List.of(), Map.of(), List.of(), List.of());

        public Flags {
            includeDirs = List.copyOf(includeDirs);
            quoteDirs = List.copyOf(quoteDirs);
            defines = Collections.unmodifiableMap(new LinkedHashMap<>(defines));
            includeFiles = List.copyOf(includeFiles);
            macroFiles = List.copyOf(macroFiles);
        }
    }

    private final Path source;
    private final Map<Path, Flags> byFile;

    private CompileCommands(Path source, Map<Path, Flags> byFile) {
        this.source = source;
        this.byFile = byFile;
    }

    /**
     * Loads a compile_commands.json.
     *
     * @throws ParseSetupException if the file cannot be read, is not JSON (the
     *                             message gives line and column), or an entry lacks
     *                             {@code directory}, {@code file} or a command
     */
    public static CompileCommands load(Path json) throws ParseSetupException {
        JsonNode root;
        try {
            root = JsonInput.readTree(new ObjectMapper(), InputFiles.read(json, InputFiles.COMPILE_COMMANDS));
        } catch (NoSuchFileException e) {
            throw new ParseSetupException(json, 0, 0, "compile_commands.json not found");
        } catch (InputFiles.TooLarge e) {
            throw new ParseSetupException(json, 0, 0, e.getMessage());
        } catch (JsonInput.Invalid e) {
            // the line and column where it breaks, Jackson's nesting limit included
            throw new ParseSetupException(json, e.line(), e.column(), "invalid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new ParseSetupException(json, 0, 0, "cannot read compile_commands.json: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new ParseSetupException(json, 1, 1, "a compile_commands.json must be a JSON array of entries");
        }
        Map<Path, Flags> byFile = new HashMap<>();
        int index = 0;
        for (JsonNode entry : root) {
            Entry parsed = parseEntry(json, index++, entry);
            byFile.putIfAbsent(parsed.file(), parsed.flags());
        }
        return new CompileCommands(json, Map.copyOf(byFile));
    }

    /** The flags for {@code file} (any form of path), or {@link Flags#NONE} if it has no entry. */
    public Flags flagsFor(Path file) {
        Flags flags = byFile.get(file.toAbsolutePath().normalize());
        return flags == null ? Flags.NONE : flags;
    }

    /** The json file this was loaded from. */
    public Path source() {
        return source;
    }

    /** Number of distinct files described. */
    public int size() {
        return byFile.size();
    }

    private record Entry(Path file, Flags flags) {
    }

    private static Entry parseEntry(Path json, int index, JsonNode entry) throws ParseSetupException {
        String where = "entry #" + (index + 1) + ": ";
        if (!entry.isObject()) {
            throw new ParseSetupException(json, 0, 0, where + "not a JSON object");
        }
        String directory = text(entry, "directory");
        String file = text(entry, "file");
        if (directory == null || file == null) {
            throw new ParseSetupException(json, 0, 0, where + "needs string fields \"directory\" and \"file\"");
        }
        List<String> args;
        JsonNode arguments = entry.get("arguments");
        if (arguments != null && arguments.isArray()) {
            args = new ArrayList<>();
            for (Iterator<JsonNode> it = arguments.elements(); it.hasNext();) {
                args.add(it.next().asText());
            }
        } else if (text(entry, "command") != null) {
            args = ShellWords.split(text(entry, "command"));
        } else {
            throw new ParseSetupException(json, 0, 0, where + "needs \"arguments\" (array) or \"command\" (string)");
        }
        try {
            Path dir = Path.of(directory).toAbsolutePath().normalize();
            return new Entry(dir.resolve(file).normalize(), flags(dir, args));
        } catch (InvalidPathException e) {
            throw new ParseSetupException(json, 0, 0, where + "invalid path: " + e.getMessage());
        }
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** Extracts the preprocessor flags from a compiler command line. */
    static Flags flags(Path dir, List<String> args) {
        List<Path> includeDirs = new ArrayList<>();
        List<Path> quoteDirs = new ArrayList<>();
        Map<String, String> defines = new LinkedHashMap<>();
        List<Path> includeFiles = new ArrayList<>();
        List<Path> macroFiles = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String[] options = {"-isystem", "-idirafter", "-iquote", "-include", "-imacros", "-I", "-D", "-U"};
            for (String option : options) {
                if (!arg.startsWith(option)) {
                    continue;
                }
                String value;
                if (arg.length() > option.length()) {
                    value = arg.substring(option.length());
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    break;
                }
                switch (option) {
                    case "-I", "-isystem", "-idirafter" -> includeDirs.add(dir.resolve(value).normalize());
                    case "-iquote" -> quoteDirs.add(dir.resolve(value).normalize());
                    case "-include" -> includeFiles.add(dir.resolve(value).normalize());
                    case "-imacros" -> macroFiles.add(dir.resolve(value).normalize());
                    case "-D" -> {
                        int eq = value.indexOf('=');
                        if (eq < 0) {
                            defines.put(value, "1");
                        } else {
                            defines.put(value.substring(0, eq), value.substring(eq + 1));
                        }
                    }
                    case "-U" -> defines.remove(value);
                    default -> throw new IllegalStateException(option);
                }
                break;
            }
        }
        return new Flags(includeDirs, quoteDirs, defines, includeFiles, macroFiles);
    }
}
