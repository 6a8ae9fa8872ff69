package io.github.dovelint.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads rule documentation pages: {@code /io/github/dovelint/rules/pages/<id>.md}. */
public final class RulePages {

    public static final String PAGE_FOLDER = "/io/github/dovelint/rules/pages/";

    private RulePages() {
    }

    static String load(Class<?> anchor, String id) {
        try (InputStream in = anchor.getResourceAsStream(PAGE_FOLDER + id + ".md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page of rule " + id, e);
        }
    }
}
