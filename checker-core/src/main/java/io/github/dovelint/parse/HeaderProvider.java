package io.github.dovelint.parse;

import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

/**
 * Serves included files to CDT's preprocessor from the file system (through a
 * shared {@link HeaderCache}) and the prelude from memory. CDT itself walks
 * the include search path and asks this provider about candidate absolute
 * paths. One instance per parse: CDT keeps per-translation-unit state
 * (pragma once) in providers.
 */
final class HeaderProvider extends InternalFileContentProvider {

    private final HeaderCache cache;

    HeaderProvider(HeaderCache cache) {
        this.cache = cache;
    }

    @Override
    public boolean getInclusionExists(String path) {
        return cache.exists(path);
    }

    @Override
    public InternalFileContent getContentForInclusion(String path, IMacroDictionary macroDictionary) {
        char[] text = cache.get(path);
        return text == null ? null : (InternalFileContent) FileContent.create(path, text);
    }

    @Override
    public InternalFileContent getContentForInclusion(IIndexFileLocation ifl, String astPath) {
        return null;
    }
}
