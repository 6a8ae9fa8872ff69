package io.github.dovelint.config;

import io.github.dovelint.facts.GuardClasses;
import io.github.dovelint.files.InputFiles;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.FunctionSpecParser;
import io.github.dovelint.kb.GfpDefinition;
import io.github.dovelint.kb.GuardClassParser;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.kb.KnowledgeOverrides;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.Severity;
import io.github.dovelint.yaml.ConfigException;
import io.github.dovelint.yaml.YamlDoc;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code .dovelint.yml} strictly: every mistake (unknown or duplicate
 * key, wrong type, bad severity, negative index, bad glob, undecodable byte)
 * is a {@link ConfigException} pointing at its line and column, because a
 * silently ignored setting in a checker's configuration is a silently
 * unchecked contract. An empty file is an empty configuration.
 */
public final class ConfigLoader {

    /** The conventional file name. */
    public static final String FILE_NAME = ".dovelint.yml";

    /** The top-level keys. */
    public static final List<String> KEYS = List.of(
            "rules", "exclude", "units", "profile", "functions", "gfp", "hooks", "oob-fields", "guard-classes",
            "parse", "limits", "kernel-db", "config-pass");
    /** The keys of the {@code limits:} section. */
    public static final List<String> LIMITS_KEYS = List.of("max-file-size", "file-timeout", "max-ast-depth");
    /** The keys of the {@code parse:} section. */
    public static final List<String> PARSE_KEYS = List.of("include", "defines", "compile-commands");

    private static final Pattern RULE_ID = Pattern.compile("DL[0-9]{3}");
    private static final List<String> SEVERITY_WORDS = List.of("error", "warning", "note", "off");

    private ConfigLoader() {
    }

    /**
     * Reads a configuration file; locations use {@code file} as given, relative
     * paths inside are resolved against its (absolute) directory.
     */
    public static Config load(Path file) throws ConfigException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, InputFiles.CONFIGURATION);
        } catch (InputFiles.TooLarge e) {
            throw new ConfigException(Problem.Kind.INPUT, new Location(name, 0, 0), e.getMessage(), null);
        } catch (IOException e) {
            throw new ConfigException(Problem.Kind.INPUT, new Location(name, 0, 0),
                    "cannot read the configuration: " + e, e);
        }
        String text = decode(name, bytes);
        Path dir = file.toAbsolutePath().normalize().getParent();
        return parse(name, text, dir);
    }

    /** Parses configuration text not read from a file: relative paths stay relative. */
    public static Config parse(String sourceName, String text) throws ConfigException {
        return parse(sourceName, text, null);
    }

    /**
     * Parses configuration text as if read from a file in {@code directory}
     * (absolute, or null when unknown).
     */
    public static Config parse(String sourceName, String text, Path directory) throws ConfigException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        YamlDoc.Document document = YamlDoc.compose(sourceName, text);
        YamlDoc doc = document.doc();
        if (document.root().isEmpty() || YamlDoc.isNull(document.root().get())) {
            return directory == null ? Config.empty()
                    : new Config(directory, Map.of(), List.of(), List.of(), KnowledgeOverrides.empty(),
                    ParseSettings.empty());
        }
        Map<String, YamlDoc.Entry> top = doc.mapping(document.root().get(), "the configuration", KEYS);

        Map<String, RuleSetting> rules = top.containsKey("rules")
                ? rules(doc, top.get("rules").value()) : Map.of();
        List<Glob> excludes = top.containsKey("exclude")
                ? globs(doc, top.get("exclude").value(), "'exclude'", directory, true) : List.of();
        List<Glob> units = top.containsKey("units")
                ? globs(doc, top.get("units").value(), "'units'", directory, false) : List.of();

        Map<String, FunctionSpec> functions = top.containsKey("functions")
                ? FunctionSpecParser.parseFunctions(doc, top.get("functions").value(), false) : Map.of();
        List<GfpDefinition> gfp = List.of();
        String reclaimFlag = null;
        Location reclaimWhere = null;
        if (top.containsKey("gfp")) {
            KnowledgeBaseLoader.GfpSection section =
                    KnowledgeBaseLoader.gfpSection(doc, top.get("gfp").value(), false);
            gfp = section.definitions();
            reclaimFlag = section.reclaimFlag();
            reclaimWhere = section.reclaimWhere();
        }
        List<String> hooks = top.containsKey("hooks")
                ? KnowledgeBaseLoader.names(doc, top.get("hooks").value(), "'hooks'") : null;
        List<String> oobFields = top.containsKey("oob-fields")
                ? KnowledgeBaseLoader.memberPaths(doc, top.get("oob-fields").value(), "'oob-fields'") : null;
        String profile = null;
        Location profileWhere = null;
        if (top.containsKey("profile")) {
            Node node = top.get("profile").value();
            profile = doc.string(node, "'profile'");
            profileWhere = doc.at(node);
        }
        Map<String, GuardClasses.GuardClass> guardClasses = top.containsKey("guard-classes")
                ? GuardClassParser.parse(doc, top.get("guard-classes").value()) : Map.of();
        KnowledgeOverrides overrides = new KnowledgeOverrides(functions, gfp, reclaimFlag, reclaimWhere,
                hooks, oobFields, profile, profileWhere, guardClasses);

        ParseSettings parse = top.containsKey("parse")
                ? parseSettings(doc, top.get("parse").value(), directory) : ParseSettings.empty();
        io.github.dovelint.model.Limits limits = top.containsKey("limits") ? limits(doc, top.get("limits").value()) : null;
        Config.KernelDbSetting kernelDb = null;
        if (top.containsKey("kernel-db")) {
            Node node = top.get("kernel-db").value();
            String value = doc.string(node, "'kernel-db'");
            kernelDb = new Config.KernelDbSetting(
                    io.github.dovelint.kerneldb.KernelDbChoice.parse(value, directory), doc.at(node));
        }
        Boolean configPass = null;
        if (top.containsKey("config-pass")) {
            configPass = onOff(doc, top.get("config-pass").value(), "'config-pass'");
        }
        return new Config(directory, rules, excludes, units, overrides, parse, limits, kernelDb)
                .withConfigPass(configPass);
    }

    /** {@code on}/{@code off} (or {@code true}/{@code false}). */
    private static boolean onOff(YamlDoc doc, Node node, String what) throws ConfigException {
        String word = doc.string(node, what);
        return switch (word) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw doc.error(node, "bad value '" + word + "' for " + what + " (expected on or off)");
        };
    }

    private static io.github.dovelint.model.Limits limits(YamlDoc doc, Node node) throws ConfigException {
        io.github.dovelint.model.Limits limits = io.github.dovelint.model.Limits.DEFAULT;
        if (YamlDoc.isNull(node)) {
            return limits;
        }
        Map<String, YamlDoc.Entry> section = doc.mapping(node, "'limits'", LIMITS_KEYS);
        try {
            if (section.containsKey("max-file-size")) {
                node = section.get("max-file-size").value();
                limits = limits.withMaxFileBytes(io.github.dovelint.model.Limits.parseSize(
                        doc.string(node, "'limits.max-file-size'")));
            }
            if (section.containsKey("file-timeout")) {
                node = section.get("file-timeout").value();
                limits = limits.withFileTimeout(io.github.dovelint.model.Limits.parseDuration(
                        doc.string(node, "'limits.file-timeout'")));
            }
            if (section.containsKey("max-ast-depth")) {
                node = section.get("max-ast-depth").value();
                String text = doc.string(node, "'limits.max-ast-depth'");
                int depth;
                try {
                    depth = Integer.parseInt(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number");
                }
                limits = limits.withMaxAstDepth(depth);
            }
        } catch (IllegalArgumentException e) {
            throw doc.error(node, e.getMessage());
        }
        return limits;
    }

    private static Map<String, RuleSetting> rules(YamlDoc doc, Node node) throws ConfigException {
        Map<String, RuleSetting> out = new LinkedHashMap<>();
        if (YamlDoc.isNull(node)) {
            return out;
        }
        for (YamlDoc.Entry e : doc.mapping(node, "'rules'", null).values()) {
            if (!RULE_ID.matcher(e.key()).matches()) {
                throw doc.error(e.keyNode(), "'" + e.key() + "' is not a rule id (expected DL and 3 digits, e.g. DL101)");
            }
            Node value = e.value();
            if (!YamlDoc.isNull(value) && value instanceof org.snakeyaml.engine.v2.nodes.MappingNode) {
                Map<String, YamlDoc.Entry> fields = doc.mapping(value, "the setting of " + e.key(), List.of("severity"));
                if (!fields.containsKey("severity")) {
                    throw doc.error(value, "missing key 'severity' in the setting of " + e.key());
                }
                value = fields.get("severity").value();
            }
            out.put(e.key(), new RuleSetting(e.key(), severity(doc, value, e.key()), doc.at(e.keyNode())));
        }
        return out;
    }

    private static Severity severity(YamlDoc doc, Node node, String ruleId) throws ConfigException {
        String word = doc.string(node, "the severity of " + ruleId);
        if (word.equals("off")) {
            return null;
        }
        Severity s = SEVERITY_WORDS.contains(word) ? Severity.parse(word) : null;
        if (s == null) {
            String best = YamlDoc.closest(word, SEVERITY_WORDS);
            throw doc.error(node, "bad severity '" + word + "' for " + ruleId + " ("
                    + (best != null ? "did you mean '" + best + "'? " : "")
                    + "expected one of: " + String.join(", ", SEVERITY_WORDS) + ")");
        }
        return s;
    }

    private static List<Glob> globs(YamlDoc doc, Node node, String what, Path base, boolean pathStyle)
            throws ConfigException {
        List<Glob> out = new ArrayList<>();
        if (YamlDoc.isNull(node)) {
            return out;
        }
        for (Node item : doc.sequence(node, what)) {
            String pattern = doc.string(item, "each element of " + what);
            if (pattern.isBlank()) {
                throw doc.error(item, "empty pattern in " + what);
            }
            if (pattern.replace('\\', '/').matches("(.*/)?\\.\\.(/.*)?")) {
                throw doc.error(item, "pattern '" + pattern + "' in " + what
                        + " must stay inside the configuration's directory (no '..')");
            }
            try {
                out.add(pathStyle ? Glob.path(pattern, base) : Glob.directory(pattern, base));
            } catch (IllegalArgumentException ex) {
                throw doc.error(item, "bad pattern '" + pattern + "' in " + what + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static ParseSettings parseSettings(YamlDoc doc, Node node, Path base) throws ConfigException {
        if (YamlDoc.isNull(node)) {
            return ParseSettings.empty();
        }
        Map<String, YamlDoc.Entry> section = doc.mapping(node, "'parse'", PARSE_KEYS);
        List<Path> includes = new ArrayList<>();
        if (section.containsKey("include")) {
            Node list = section.get("include").value();
            if (!YamlDoc.isNull(list)) {
                for (Node item : doc.sequence(list, "'parse.include'")) {
                    includes.add(resolve(base, doc.string(item, "each element of 'parse.include'")));
                }
            }
        }
        Map<String, String> defines = new LinkedHashMap<>();
        if (section.containsKey("defines") && !YamlDoc.isNull(section.get("defines").value())) {
            for (YamlDoc.Entry d : doc.mapping(section.get("defines").value(), "'parse.defines'", null).values()) {
                if (!FunctionSpecParser.isIdentifier(d.key())) {
                    throw doc.error(d.keyNode(), "'" + d.key() + "' is not a macro name");
                }
                defines.put(d.key(), YamlDoc.isNull(d.value()) ? ""
                        : doc.string(d.value(), "the value of macro " + d.key()));
            }
        }
        Path compileCommands = null;
        if (section.containsKey("compile-commands")) {
            compileCommands = resolve(base, doc.string(section.get("compile-commands").value(),
                    "'parse.compile-commands'"));
        }
        return new ParseSettings(includes, defines, compileCommands);
    }

    private static Path resolve(Path base, String path) {
        Path p = Path.of(path);
        return base == null ? p : base.resolve(p).normalize();
    }

    /** Strict UTF-8 decoding; an undecodable byte is located (line, byte column). */
    static String decode(String name, byte[] bytes) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            throw new ConfigException(Problem.Kind.INPUT, new Location(name, line, column),
                    String.format("the file is not valid UTF-8 (byte 0x%02x)", bytes[bad] & 0xff), null);
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new ConfigException(Problem.Kind.INPUT, new Location(name, 0, 0), "the file is not valid UTF-8", e);
        }
        out.flip();
        return out.toString();
    }
}
