package io.github.dovelint.engine;

import io.github.dovelint.model.Limits;
import io.github.dovelint.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration digest a report records: SHA-256 over the bytes of every
 * configuration file a run used (each once, by its name as reports show it)
 * and the analysis options (include directories, macros, the
 * compile_commands.json, the limits, the rules). Two runs with the same digest
 * were configured the same way; the sources are not part of it.
 */
final class ConfigDigest {

    private final Map<String, byte[]> files = new TreeMap<>();

    /** Records the bytes of a configuration file (unreadable: recorded as such). */
    synchronized void addFile(String name, Path file) {
        try {
            files.putIfAbsent(name, Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            files.putIfAbsent(name, ("<unreadable: " + e.getClass().getSimpleName() + ">").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code sha256:<64 hex digits>}. */
    synchronized String digest(RunSettings settings, Limits limits) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        Relativizer rel = new Relativizer(settings.root());
        StringBuilder options = new StringBuilder("dovelint-config-digest 1\n");
        for (Path dir : settings.includeDirs()) {
            options.append("include ").append(rel.apply(dir)).append('\n');
        }
        new TreeMap<>(settings.defines()).forEach((k, v) -> options.append("define ").append(k).append('=')
                .append(v).append('\n'));
        options.append("limits ").append(limits.maxFileBytes()).append(' ').append(limits.fileTimeout().toMillis())
                .append(' ').append(limits.maxAstDepth()).append('\n');
        TreeSet<String> rules = new TreeSet<>();
        for (Rule r : settings.rules()) {
            rules.add(r.descriptor().id());
        }
        options.append("rules ").append(String.join(",", rules)).append('\n');
        options.append("knowledge ").append(settings.knowledge() == null ? "bundled" : "given").append('\n');
        sha.update(options.toString().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] name = ("file " + e.getKey() + " " + e.getValue().length + "\n").getBytes(StandardCharsets.UTF_8);
            sha.update(name);
            sha.update(e.getValue());
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
