package io.github.dovelint.engine;

import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.model.Problem;
import io.github.dovelint.suppress.Suppression;
import io.github.dovelint.suppress.SuppressionScanner;
import java.util.List;

/**
 * What parsing and fact extraction produced for one source file; the AST is gone by then.
 *
 * @param text         the decoded text while the file is being parsed (the cache stores it);
 *                     "" once {@link #scanned()} has taken its suppressions, so a run over a
 *                     whole tree does not hold every file's text until the end
 * @param suppressions the file's dovelint-ignore comments, once scanned (null before)
 */
record ParsedFile(String file, UnitFacts facts, List<Problem> problems, long lines, String text,
                  List<Suppression> suppressions, Cached cached) {

    /**
     * How the file stands in the cache, for the unit's {@link io.github.dovelint.cache.RunRecord}.
     *
     * @param hash        the SHA-256 of the bytes parsed (or whose facts were read)
     * @param factsDigest the digest of the facts, null without facts
     * @param headers     the headers the file included
     */
    record Cached(byte[] hash, byte[] factsDigest, List<java.nio.file.Path> headers) {
    }

    ParsedFile(String file, UnitFacts facts, List<Problem> problems, long lines, String text) {
        this(file, facts, problems, lines, text, null, null);
    }

    /** This file with other facts (the same, with header functions shared). */
    ParsedFile withFacts(UnitFacts value) {
        return value == facts ? this : new ParsedFile(file, value, problems, lines, text, suppressions, cached);
    }

    /** This file as the cache knows it. */
    ParsedFile withCached(Cached value) {
        return new ParsedFile(file, facts, problems, lines, text, suppressions, value);
    }

    /** This file with its suppressions scanned from its text, and the text dropped. */
    ParsedFile scanned() {
        return suppressions != null ? this
                : new ParsedFile(file, facts, problems, lines, "", List.copyOf(SuppressionScanner.scan(file, text)),
                        cached);
    }
}
