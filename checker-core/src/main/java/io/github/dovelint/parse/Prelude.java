package io.github.dovelint.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * dovelint's own kernel definitions, force-included before every parsed file
 * (like {@code gcc -include}) so that kernel code parses into proper
 * statements without kernel headers, the way Coccinelle's macro file does.
 *
 * <p>Two parts: {@link #ANNOTATIONS} (attribute, definition and iterator
 * macros, always used) and {@link #TYPES} (typedefs such as {@code u32} or
 * {@code spinlock_t}, only in headerless mode, because real headers must own
 * their types). The parts are served from memory under {@link #VIRTUAL_DIR}.
 *
 * <p>The prelude introduces helper functions whose names start with
 * {@value #HELPER_PREFIX} (for instance {@code __dl_iter_first} in the
 * expansion of {@code list_for_each_entry}); analyses must not treat calls to
 * them as kernel calls: use {@link #isHelper(String)}.
 *
 * <p>{@code __weak} is defined as {@code __attribute__((weak))}; CDT keeps it
 * in the AST (see {@link CParser} for how to detect it).
 */
public final class Prelude {

    /** Prefix of the helper functions the prelude declares. */
    public static final String HELPER_PREFIX = "__dl_";

    /**
     * Directory of the virtual prelude files. It is absolute and contains no
     * angle brackets, because CDT force-includes a file by synthesising
     * {@code #include <path>}.
     */
    public static final String VIRTUAL_DIR = "/__dovelint__";

    /** Virtual path of the always-used part. */
    public static final String ANNOTATIONS_PATH = VIRTUAL_DIR + "/prelude-annotations.h";

    /** Virtual path of the headerless-mode typedef part. */
    public static final String TYPES_PATH = VIRTUAL_DIR + "/prelude-types.h";

    /** Text of the always-used part. */
    public static final String ANNOTATIONS = load("prelude-annotations.h");

    /** Text of the headerless-mode part. */
    public static final String TYPES = load("prelude-types.h");

    private Prelude() {
    }

    /** Whether {@code name} is a function introduced by the prelude, not a kernel function. */
    public static boolean isHelper(String name) {
        return name != null && name.startsWith(HELPER_PREFIX);
    }

    /** Whether {@code path} (as CDT reports file names) is one of the virtual prelude files. */
    public static boolean isPreludePath(String path) {
        return path != null && (path.equals(ANNOTATIONS_PATH) || path.equals(TYPES_PATH));
    }

    /**
     * Whether {@code node} comes from the prelude. Note that CDT's
     * {@code isPartOfTranslationUnitFile()} is true for prelude declarations
     * (it is a forced include), so code walking {@code tu.getDeclarations()}
     * must filter with this method or by comparing
     * {@code node.getFileLocation().getFileName()} with the main file path.
     */
    public static boolean isFromPrelude(IASTNode node) {
        IASTFileLocation location = node == null ? null : node.getFileLocation();
        return location != null && isPreludePath(location.getFileName());
    }

    /** The text of a virtual prelude file, or null if {@code path} is not one. */
    static String textOf(String path) {
        if (ANNOTATIONS_PATH.equals(path)) {
            return ANNOTATIONS;
        }
        if (TYPES_PATH.equals(path)) {
            return TYPES;
        }
        return null;
    }

    private static String load(String name) {
        try (InputStream in = Prelude.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("dovelint resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dovelint resource " + name, e);
        }
    }
}
