package io.github.dovelint.parse;

import io.github.dovelint.files.SourceOverlay;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.dom.parser.ISourceCodeParser;
import org.eclipse.cdt.core.dom.parser.c.ICParserExtensionConfiguration;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.parser.DefaultLogService;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.IParserLogService;
import org.eclipse.cdt.core.parser.IParserSettings;
import org.eclipse.cdt.core.parser.IScanner;
import org.eclipse.cdt.core.parser.ParseError;
import org.eclipse.cdt.core.parser.ParserMode;
import org.eclipse.cdt.internal.core.dom.parser.c.GNUCSourceParser;

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
    private final HeaderCache headers;
    /** Per file, macros defined over the options' (a configuration variant), or none. */
    private final java.util.function.Function<Path, Map<String, String>> extraDefines;
    /** The texts read instead of files, sources and headers alike. */
    private final SourceOverlay overlay;

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
        this(options, compileCommands, new HeaderCache(), file -> Map.of(), SourceOverlay.NONE);
    }

    private CParser(ParseOptions options, CompileCommands compileCommands, HeaderCache headers,
                    java.util.function.Function<Path, Map<String, String>> extraDefines, SourceOverlay overlay) {
        this.overlay = overlay;
        this.options = options;
        this.compileCommands = compileCommands;
        this.headerless = options.includeDirs().isEmpty() && compileCommands == null;
        this.headers = headers;
        this.extraDefines = extraDefines;
    }

    /**
     * This parser with more macros defined for each file, over every other define (the
     * configuration-aware pass, docs/configurations.md): {@code extra} is given the file's
     * absolute, normalised path. The header texts read are shared with this parser.
     */
    public CParser withDefines(java.util.function.Function<Path, Map<String, String>> extra) {
        return new CParser(options, compileCommands, headers, extra, overlay);
    }

    /**
     * This parser reading the overlay's texts instead of the files it covers, sources and
     * headers (an editor's unsaved buffers, docs/robustness.md#unsaved-buffers).
     */
    public CParser withOverlay(SourceOverlay texts) {
        return texts.isEmpty() && overlay.isEmpty() ? this
                : new CParser(options, compileCommands, new HeaderCache(texts), extraDefines, texts);
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
        return parse(file, Limits.DEFAULT);
    }

    /**
     * Parses one file within {@code limits}. Never throws. A file over the size
     * limit is not read; parsing that takes longer than the time limit is
     * cancelled; an AST deeper than the depth limit is dropped. Each gives an
     * INPUT problem starting with {@code "skipped: "} and a null AST, so every
     * later walk over the AST (facts, problems) has bounded depth.
     *
     * @param file the file; made absolute and normalised here
     */
    public ParsedUnit parse(Path file, Limits limits) {
        Path path = file.toAbsolutePath().normalize();
        String pathString = path.toString();
        try {
            long size = overlay.size(path);
            if (size > limits.maxFileBytes()) {
                return skipped(path, 0, "skipped: too large (" + size + " bytes, over the limit of "
                        + limits.maxFileBytes() + " bytes; raise it with --max-file-size or limits: max-file-size)");
            }
        } catch (IOException | RuntimeException e) {
            // SourceText.read says what is wrong with the file
        }
        SourceText.Result source = SourceText.read(path, overlay);
        if (!source.ok()) {
            Problem problem = new Problem(Problem.Kind.INPUT,
                    new Location(pathString, Math.max(1, source.errorLine()), 0), source.error());
            return new ParsedUnit(path, "", null, List.of(problem));
        }
        String text = source.text();
        String bomb = MacroGrowth.exceeding(text, MAX_MACRO_TOKENS);
        if (bomb != null) {
            return skipped(path, text, 1, "skipped: macro " + bomb + " expands to more than " + MAX_MACRO_TOKENS
                    + " tokens (a macro bomb?)");
        }
        ParsedUnit plain = parseText(path, text, limits, headerless);
        if (headerless || !options.prelude() || plain.ast() == null
                || plain.problems().stream().noneMatch(UnresolvedIncludes::is)) {
            return plain;
        }
        // A partial include tree: the headers it lacks leave the project's macros and the kernel's
        // types undefined, as no tree at all would. Parsed again with the headerless recovery on
        // top of the headers it has, the file keeps whichever reading has fewer other problems.
        ParsedUnit recovered = parseText(path, text, limits, true);
        return recovered.ast() != null
                && UnresolvedIncludes.others(recovered.problems()) < UnresolvedIncludes.others(plain.problems())
                ? recovered : plain;
    }

    /**
     * One parse of {@code text}; {@code recover}: with the headerless recovery (the prelude's types,
     * {@link MacroGuesses}, {@link AmbiguousCalls}).
     */
    private ParsedUnit parseText(Path path, String text, Limits limits, boolean recover) {
        String pathString = path.toString();
        CancellableLanguage language = new CancellableLanguage();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(language::cancel, limits.fileTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            IASTTranslationUnit tu = language.getASTTranslationUnit(
                    FileContent.create(pathString, text.toCharArray()), scannerInfo(path, text, recover),
                    new HeaderProvider(headers, !headerless), null, 0, new DefaultLogService());
            alarm.cancel(false);
            if (language.cancelled()) {
                return tooSlow(path, text, limits);
            }
            AstScan scan = AstScan.of(tu, limits.maxAstDepth());
            if (scan.tooDeepLine() > 0) {
                return skipped(path, text, scan.tooDeepLine(), "skipped: nested too deeply (the syntax tree is deeper"
                        + " than " + limits.maxAstDepth() + " levels around line " + scan.tooDeepLine() + ")");
            }
            List<Problem> problems = new ArrayList<>(
                    new ProblemCollector(pathString, text, headers, !headerless).collect(tu, scan.problems()));
            if (recover) {
                AmbiguousCalls.repair(tu); // without (all) the headers, the parser may not know the types
            }
            int open = Lexical.unterminatedComment(text);
            if (open >= 0) {
                int line = 1 + (int) text.substring(0, open).chars().filter(c -> c == '\n').count();
                problems.add(new Problem(Problem.Kind.PARSE, new Location(pathString, line,
                        ProblemCollector.column(text, open)), "unterminated comment: the rest of the file is ignored"));
            }
            return new ParsedUnit(path, text, tu, problems);
        } catch (ParseError e) {
            if (language.cancelled() || e.getErrorKind() == ParseError.ParseErrorKind.TIMEOUT_OR_CANCELLED) {
                return tooSlow(path, text, limits);
            }
            return failed(path, text, "the C parser failed on this file (ParseError: " + e.getErrorKind() + ")");
        } catch (StackOverflowError e) {
            return skipped(path, text, 1, "skipped: nested too deeply for the parser");
        } catch (Exception | AssertionError | LinkageError e) {
            return failed(path, text, "the C parser failed on this file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } finally {
            alarm.cancel(false);
        }
    }

    /** The most tokens one macro defined in the file may expand to (see {@link MacroGrowth}). */
    static final long MAX_MACRO_TOKENS = 1_000_000;

    private static ParsedUnit tooSlow(Path path, String text, Limits limits) {
        return skipped(path, text, 1, "skipped: too slow (parsing took over " + Limits.describe(limits.fileTimeout())
                + "; raise the limit with --file-timeout or limits: file-timeout)");
    }

    private static ParsedUnit skipped(Path path, int line, String message) {
        return skipped(path, "", line, message);
    }

    private static ParsedUnit skipped(Path path, String text, int line, String message) {
        return new ParsedUnit(path, text, null,
                List.of(new Problem(Problem.Kind.INPUT, new Location(path.toString(), line, 0), message)));
    }

    private static ParsedUnit failed(Path path, String text, String message) {
        return new ParsedUnit(path, text, null,
                List.of(new Problem(Problem.Kind.INTERNAL, new Location(path.toString(), 1, 0), message)));
    }

    /** Cancels parsers that run over their time: one daemon thread for every CParser. */
    private static final ScheduledExecutorService WATCHDOG = Daemons.scheduler("dovelint-parse-watchdog");

    /**
     * CDT's GNU C language, keeping hold of the parser it creates so that it can
     * be cancelled from another thread (CDT checks for cancellation as it
     * consumes tokens, and then throws a {@link ParseError}). One per parse.
     */
    private static final class CancellableLanguage extends GCCLanguage {
        private volatile ISourceCodeParser parser;
        private volatile boolean cancelled;

        /** Options and settings are not passed on: dovelint gives none (see {@link #parse(Path, Limits)}). */
        @Override
        protected ISourceCodeParser createParser(IScanner scanner, ParserMode mode, IParserLogService log,
                                                 IIndex index, int options, IParserSettings settings) {
            ISourceCodeParser p = new UnfrozenParser(scanner, mode, log, getParserExtensionConfiguration(), index);
            parser = p;
            if (cancelled) {
                p.cancel();
            }
            return p;
        }

        void cancel() {
            cancelled = true;
            ISourceCodeParser p = parser;
            if (p != null) {
                p.cancel();
            }
        }

        boolean cancelled() {
            return cancelled;
        }
    }

    /**
     * CDT's GNU C parser without the final {@code freeze()} of the AST: a walk
     * over the whole tree that only marks nodes read-only against later
     * modification, which nothing in dovelint attempts. It cost about a tenth
     * of the parse time.
     */
    private static final class UnfrozenParser extends GNUCSourceParser {
        UnfrozenParser(IScanner scanner, ParserMode mode, IParserLogService log, ICParserExtensionConfiguration config,
                       IIndex index) {
            super(scanner, mode, log, config, index);
        }

        @Override
        public IASTTranslationUnit parse() {
            translationUnit();
            resolveAmbiguities();
            IASTTranslationUnit tu = getTranslationUnit();
            nullifyTranslationUnit();
            return tu;
        }
    }

    private ExtendedScannerInfo scannerInfo(Path file, String text, boolean recover) {
        CompileCommands.Flags flags = compileCommands == null ? CompileCommands.Flags.NONE
                : compileCommands.flagsFor(file);
        Map<String, String> defines = new HashMap<>();
        if (recover && options.prelude()) {
            defines.putAll(MacroGuesses.of(text)); // the project's own macros, which no header defines here
        }
        defines.putAll(flags.defines());
        options.defines().forEach((name, value) -> defines.put(name, value == null || value.isEmpty() ? "1" : value));
        defines.putAll(extraDefines.apply(file));
        Set<String> includeDirs = new LinkedHashSet<>();
        options.includeDirs().forEach(dir -> includeDirs.add(dir.toAbsolutePath().normalize().toString()));
        flags.includeDirs().forEach(dir -> includeDirs.add(dir.toString()));
        List<String> includeFiles = new ArrayList<>();
        if (options.prelude()) {
            includeFiles.add(Prelude.ANNOTATIONS_PATH);
            if (recover) {
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
