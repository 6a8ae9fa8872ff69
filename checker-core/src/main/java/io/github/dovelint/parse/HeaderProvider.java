package io.github.dovelint.parse;

import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

/**
 * Serves included files to CDT's preprocessor from the file system (through a
 * shared {@link HeaderCache}) and the prelude from memory. CDT itself walks
 * the include search path and asks this provider about candidate absolute
 * paths. One instance per parse: CDT keeps per-translation-unit state
 * (pragma once) in providers.
 *
 * <p>Before it reads an included file, CDT lexes all of it once more to find
 * an include guard, so that a second inclusion can be skipped unread. With
 * real headers that pays (they include each other over and over); without
 * them, the local headers that are included are mostly included once per
 * unit, so the detection is turned off there: a header that is included again
 * is then read again, its guard making its content inactive as it would be
 * with any preprocessor.
 */
final class HeaderProvider extends InternalFileContentProvider {

    private final HeaderCache cache;
    private final boolean detectGuards;

    /**
     * @param detectGuards whether CDT looks for include guards (see above)
     */
    HeaderProvider(HeaderCache cache, boolean detectGuards) {
        this.cache = cache;
        this.detectGuards = detectGuards;
    }

    /** CDT's only use of this answer is to skip include-guard detection (see above). */
    @Override
    public boolean shouldIndexAllHeaderVersions(String path) {
        return !detectGuards;
    }

    @Override
    public boolean getInclusionExists(String path) {
        return cache.exists(path);
    }

    @Override
    public InternalFileContent getContentForInclusion(String path, IMacroDictionary macroDictionary) {
        CharArray text = cache.content(path);
        return text == null ? null : new InternalFileContent(path, text);
    }

    @Override
    public InternalFileContent getContentForInclusion(IIndexFileLocation ifl, String astPath) {
        return null;
    }
}
