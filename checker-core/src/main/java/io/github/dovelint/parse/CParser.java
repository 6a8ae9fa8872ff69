package io.github.dovelint.parse;

import io.github.dovelint.Location;
import io.github.dovelint.Problem;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.parser.DefaultLogService;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;

/**
 * Parses C files of a companion core into CDT ASTs, with GCC extensions, using
 * CDT's parser standalone (no OSGi, no index).
 *
 * <p>Two modes. <em>Headerless</em> (no include directories, no
 * compile_commands.json; the default): dovelint's {@link Prelude} supplies
 * kernel typedefs and macros, quoted includes still resolve next to the
 * including file, and unresolved includes are not problems. <em>With
 * headers</em>: the include directories and the per-file flags of the
 * compile_commands.json are used, only the macro part of the prelude is
 * force-included, and unresolved includes are reported.
 *
 * <p>{@link #parse} never throws and may be called from several threads at
 * once; headers are read once per path per {@code CParser}.
 *
 * <p><b>Detecting {@code __weak}.</b> The prelude defines {@code __weak} as
 * {@code __attribute__((weak))} and CDT keeps GNU attributes in the AST as a
 * {@code GCCASTAttributeList} ({@code IASTAttributeSpecifier}) holding an
 * {@code IASTAttribute} named {@code weak}. For a function definition written
 * {@code __weak void f(void)} or {@code void __weak f(void)} it is on
 * {@code def.getDeclSpecifier().getAttributeSpecifiers()}; for a prototype
 * {@code void f(void) __weak;} it is on the declarator. Use
 * {@link Attributes#isWeak} / {@link Attributes#hasGccAttribute}, which check
 * both and also match the kernel headers' spelling {@code __weak__}.
 */
public final class CParser {

    private final ParseOptions options;
    private final CompileCommands compileCommands;
    private final boolean headerless;
    private final HeaderCache headers = new HeaderCache();

    /**
     * A parser for the given options, loading the compile_commands.json named
     * there.
     *
     * @throws UncheckedIOException wrapping a {@link ParseSetupException} if the
     *                              compile_commands.json is bad; use
     *                              {@link #CParser(ParseOptions, CompileCommands)} with
     *                              {@link CompileCommands#load} to get the checked form
     */
    public CParser(ParseOptions options) {
        this(options, loadOrNull(options.compileCommands()));
    }

    /**
     * A parser for the given options and an already loaded compilation
     * database (which replaces {@code options.compileCommands()}; may be null).
     */
    public CParser(ParseOptions options, CompileCommands compileCommands) {
        this.options = options;
        this.compileCommands = compileCommands;
        this.headerless = options.includeDirs().isEmpty() && compileCommands == null;
    }

    private static CompileCommands loadOrNull(Path json) {
        if (json == null) {
            return null;
        }
        try {
            return CompileCommands.load(json);
        } catch (ParseSetupException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Whether this parser works without headers (prelude typedefs on, unresolved includes ignored). */
    public boolean headerless() {
        return headerless;
    }

    /**
     * Parses one file. Never throws: unreadable, undecodable or binary files
     * give an INPUT problem and a null AST; parser failures give PARSE
     * problems, and the AST holds whatever could be parsed.
     *
     * @param file the file; made absolute and normalised here
     */
    public ParsedUnit parse(Path file) {
        Path path = file.toAbsolutePath().normalize();
        String pathString = path.toString();
        SourceText.Result source = SourceText.read(path);
        if (!source.ok()) {
            Problem problem = new Problem(Problem.Kind.INPUT,
                    new Location(pathString, Math.max(1, source.errorLine()), 0), source.error());
            return new ParsedUnit(path, "", null, List.of(problem));
        }
        String text = source.text();
        try {
            IASTTranslationUnit tu = GCCLanguage.getDefault().getASTTranslationUnit(
                    FileContent.create(pathString, text.toCharArray()), scannerInfo(path),
                    new HeaderProvider(headers), null, 0, new DefaultLogService());
            List<Problem> problems = new ProblemCollector(pathString, text, headers, !headerless).collect(tu);
            return new ParsedUnit(path, text, tu, problems);
        } catch (StackOverflowError e) {
            return failed(path, text, "code nested too deeply for the parser");
        } catch (Exception | AssertionError | LinkageError e) {
            return failed(path, text, "the C parser failed on this file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static ParsedUnit failed(Path path, String text, String message) {
        return new ParsedUnit(path, text, null,
                List.of(new Problem(Problem.Kind.PARSE, new Location(path.toString(), 1, 0), message)));
    }

    private ExtendedScannerInfo scannerInfo(Path file) {
        CompileCommands.Flags flags = compileCommands == null ? CompileCommands.Flags.NONE
                : compileCommands.flagsFor(file);
        Map<String, String> defines = new HashMap<>(flags.defines());
        options.defines().forEach((name, value) -> defines.put(name, value == null || value.isEmpty() ? "1" : value));
        Set<String> includeDirs = new LinkedHashSet<>();
        options.includeDirs().forEach(dir -> includeDirs.add(dir.toAbsolutePath().normalize().toString()));
        flags.includeDirs().forEach(dir -> includeDirs.add(dir.toString()));
        List<String> includeFiles = new ArrayList<>();
        if (options.prelude()) {
            includeFiles.add(Prelude.ANNOTATIONS_PATH);
            if (headerless) {
                includeFiles.add(Prelude.TYPES_PATH);
            }
        }
        flags.includeFiles().forEach(f -> includeFiles.add(f.toString()));
        String[] macroFiles = flags.macroFiles().stream().map(Path::toString).toArray(String[]::new);
        String[] quoteDirs = flags.quoteDirs().stream().map(Path::toString).toArray(String[]::new);
        return new ExtendedScannerInfo(defines, includeDirs.toArray(String[]::new), macroFiles,
                includeFiles.toArray(String[]::new), quoteDirs);
    }
}
