package io.github.dovelint.kb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the rules module's kernel.yml from the source tree (it is not on checker-core's class path). */
final class BundledKb {
    static final Path FILE = Path.of("../rules/src/main/resources/io/github/dovelint/kb/kernel.yml");

    private BundledKb() {
    }

    static KnowledgeBase load() throws Exception {
        return KnowledgeBaseLoader.load("kernel.yml", Files.readString(FILE, StandardCharsets.UTF_8));
    }
}
