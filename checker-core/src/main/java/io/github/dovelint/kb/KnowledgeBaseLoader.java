package io.github.dovelint.kb;

import io.github.dovelint.facts.GuardClasses;
import io.github.dovelint.model.Location;
import io.github.dovelint.yaml.ConfigException;
import io.github.dovelint.yaml.YamlDoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a knowledge-base YAML file strictly: unknown keys, wrong types,
 * duplicate names and GFP expressions that do not evaluate are located
 * errors. Also hosts the parsers of the {@code gfp:} section and of name
 * lists, shared with the project configuration loader.
 */
public final class KnowledgeBaseLoader {

    /** The top-level keys of a knowledge-base file. */
    public static final List<String> KEYS = List.of("hooks", "oob-fields", "profiles", "gfp", "functions", "roles",
            "guard-classes");
    /** The keys of one profile, and of its {@code file-ref:} section. */
    public static final List<String> PROFILE_KEYS = List.of("generation", "oob-fields", "file-ref",
            "oob-stage-allows");
    public static final List<String> FILE_REF_KEYS = List.of("count-fields", "inc-not-zero", "plain-inc");
    /** The keys of a {@code gfp:} section. */
    public static final List<String> GFP_KEYS = List.of("reclaim-flag", "flags", "masks");

    private KnowledgeBaseLoader() {
    }

    /** A parsed {@code gfp:} section, not yet evaluated. */
    public record GfpSection(String reclaimFlag, Location reclaimWhere, List<GfpDefinition> definitions) {
        public GfpSection {
            definitions = List.copyOf(definitions);
        }
    }

    /**
     * Parses and validates a knowledge base. {@code hooks}, {@code oob-fields}
     * and {@code gfp.reclaim-flag} are required.
     *
     * @param sourceName the name used in error locations
     */
    public static KnowledgeBase load(String sourceName, String yamlText) throws ConfigException {
        YamlDoc.Document document = YamlDoc.compose(sourceName, yamlText);
        YamlDoc doc = document.doc();
        if (document.root().isEmpty()) {
            throw new ConfigException(new Location(sourceName, 1, 1), "the knowledge base is empty");
        }
        Node root = document.root().get();
        Map<String, YamlDoc.Entry> top = doc.mapping(root, "the knowledge base", KEYS);
        for (String required : List.of("hooks", "oob-fields", "gfp")) {
            if (!top.containsKey(required)) {
                throw doc.error(root, "missing required key '" + required + "'");
            }
        }
        List<String> hooks = names(doc, top.get("hooks").value(), "'hooks'");
        List<String> oobFields = memberPaths(doc, top.get("oob-fields").value(), "'oob-fields'");
        GfpSection gfp = gfpSection(doc, top.get("gfp").value(), true);
        GfpTable table = GfpTable.of(gfp.reclaimFlag(), gfp.reclaimWhere(), gfp.definitions());
        Map<String, FunctionSpec> functions = top.containsKey("functions")
                ? FunctionSpecParser.parseFunctions(doc, top.get("functions").value(), true)
                : Map.of();
        Map<String, Profile> profiles = top.containsKey("profiles")
                ? profiles(doc, top.get("profiles").value()) : Map.of();
        Map<String, List<String>> roles = new java.util.TreeMap<>();
        if (top.containsKey("roles")) {
            for (YamlDoc.Entry e : doc.mapping(top.get("roles").value(), "'roles'", Roles.ALL).values()) {
                roles.put(e.key(), e.key().equals(Roles.OOB_HANDLERS)
                        ? members(doc, e.value(), "role '" + e.key() + "'")
                        : names(doc, e.value(), "role '" + e.key() + "'"));
            }
        }
        GuardClasses guards = GuardClassParser.table(doc,
                top.containsKey("guard-classes") ? top.get("guard-classes").value() : null);
        return new KnowledgeBase(hooks, oobFields, table, functions, profiles, Profile.AUTO)
                .withRoles(roles).withGuardClasses(guards).withOrigin(digest(sourceName, yamlText));
    }

    private static String digest(String sourceName, String yamlText) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((sourceName + "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(yamlText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static Map<String, Profile> profiles(YamlDoc doc, Node node) throws ConfigException {
        Map<String, Profile> out = new java.util.TreeMap<>();
        for (YamlDoc.Entry e : doc.mapping(node, "'profiles'", null).values()) {
            if (e.key().equals(Profile.AUTO)) {
                throw doc.error(e.keyNode(), "'" + Profile.AUTO + "' is reserved: it means every profile at once");
            }
            Map<String, YamlDoc.Entry> p = doc.mapping(e.value(), "profile '" + e.key() + "'", PROFILE_KEYS);
            List<String> oob = p.containsKey("oob-fields")
                    ? memberPaths(doc, p.get("oob-fields").value(), "'oob-fields'") : List.of();
            int generation = p.containsKey("generation") ? generation(doc, p.get("generation").value()) : 0;
            List<String> allows = p.containsKey("oob-stage-allows")
                    ? names(doc, p.get("oob-stage-allows").value(), "'oob-stage-allows'") : List.of();
            List<String> count = List.of();
            List<String> safe = List.of();
            List<String> plain = List.of();
            if (p.containsKey("file-ref")) {
                Map<String, YamlDoc.Entry> r = doc.mapping(p.get("file-ref").value(), "'file-ref'", FILE_REF_KEYS);
                count = r.containsKey("count-fields") ? names(doc, r.get("count-fields").value(), "'count-fields'")
                        : List.of();
                safe = r.containsKey("inc-not-zero") ? names(doc, r.get("inc-not-zero").value(), "'inc-not-zero'")
                        : List.of();
                plain = r.containsKey("plain-inc") ? names(doc, r.get("plain-inc").value(), "'plain-inc'")
                        : List.of();
            }
            out.put(e.key(), new Profile(e.key(), generation, oob, count, safe, plain, allows));
        }
        return out;
    }

    private static int generation(YamlDoc doc, Node node) throws ConfigException {
        Long v = node instanceof ScalarNode s && Tag.INT.equals(node.getTag())
                ? YamlDoc.parseInteger(s.getValue()) : null;
        if (v == null || v < 1 || v > 99) {
            throw doc.error(node, "'generation' must be a Dovetail generation number (1, 2, 3...), not "
                    + YamlDoc.describe(node));
        }
        return v.intValue();
    }

    /**
     * A list of unique member paths of {@code struct file}: C identifiers, or identifiers joined
     * by dots for a member of an embedded struct ({@code f_oob_state.data}).
     */
    public static List<String> memberPaths(YamlDoc doc, Node node, String what) throws ConfigException {
        Set<String> out = new LinkedHashSet<>();
        for (Node item : doc.sequence(node, what)) {
            String path = doc.string(item, "each element of " + what);
            if (!io.github.dovelint.facts.OobPaths.isPath(path)) {
                throw doc.error(item, "'" + path + "' in " + what + " is not a member path: C identifiers"
                        + " joined by dots, such as oob_data or f_oob_state.data");
            }
            if (!out.add(path)) {
                throw doc.error(item, "'" + path + "' is listed twice in " + what);
            }
        }
        if (out.isEmpty()) {
            throw doc.error(node, what + " must not be empty");
        }
        return List.copyOf(out);
    }

    /** A list of unique C identifiers (hook or field names). */
    public static List<String> names(YamlDoc doc, Node node, String what) throws ConfigException {
        return unique(doc, node, what, false);
    }

    /** A list of unique struct members: {@code oob_read}, or {@code evl_net_proto.oob_send} for a struct named. */
    static List<String> members(YamlDoc doc, Node node, String what) throws ConfigException {
        return unique(doc, node, what, true);
    }

    private static List<String> unique(YamlDoc doc, Node node, String what, boolean ofStruct) throws ConfigException {
        Set<String> out = new LinkedHashSet<>();
        for (Node item : doc.sequence(node, what)) {
            String name = doc.string(item, "each element of " + what);
            boolean valid = ofStruct ? BoundMember.parse(name).isPresent() : FunctionSpecParser.isIdentifier(name);
            if (!valid) {
                throw doc.error(item, "'" + name + "' in " + what + (ofStruct
                        ? " is not a member: a C identifier, or a struct's and a member's joined by a dot"
                        : " is not a C identifier"));
            }
            if (!out.add(name)) {
                throw doc.error(item, "'" + name + "' is listed twice in " + what);
            }
        }
        if (out.isEmpty()) {
            throw doc.error(node, what + " must not be empty");
        }
        return List.copyOf(out);
    }

    /**
     * Parses a {@code gfp:} section: {@code reclaim-flag}, {@code flags}
     * (name to integer) and {@code masks} (name to expression).
     *
     * @param requireReclaimFlag true for a knowledge base, false for a configuration override
     */
    public static GfpSection gfpSection(YamlDoc doc, Node node, boolean requireReclaimFlag) throws ConfigException {
        Map<String, YamlDoc.Entry> section = YamlDoc.isNull(node) && !requireReclaimFlag
                ? Map.of() : doc.mapping(node, "'gfp'", GFP_KEYS);
        String reclaim = null;
        Location reclaimWhere = null;
        YamlDoc.Entry r = section.get("reclaim-flag");
        if (r != null) {
            reclaim = doc.string(r.value(), "'reclaim-flag'");
            reclaimWhere = doc.at(r.value());
        } else if (requireReclaimFlag) {
            throw doc.error(node, "missing required key 'reclaim-flag' in 'gfp'");
        }
        List<GfpDefinition> defs = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (String kind : List.of("flags", "masks")) {
            YamlDoc.Entry e = section.get(kind);
            if (e == null || YamlDoc.isNull(e.value())) {
                continue;
            }
            boolean flag = kind.equals("flags");
            for (YamlDoc.Entry def : doc.mapping(e.value(), "'gfp." + kind + "'", null).values()) {
                String name = def.key();
                if (!FunctionSpecParser.isIdentifier(name)) {
                    throw doc.error(def.keyNode(), "'" + name + "' is not a C identifier");
                }
                Node previous = seen.put(name, def.keyNode());
                if (previous != null) {
                    throw doc.error(def.keyNode(), "'" + name + "' is defined both as a flag and as a mask"
                            + " (first at line " + doc.at(previous).line() + ")");
                }
                defs.add(definition(doc, def, flag));
            }
        }
        return new GfpSection(reclaim, reclaimWhere, defs);
    }

    private static GfpDefinition definition(YamlDoc doc, YamlDoc.Entry def, boolean flag) throws ConfigException {
        Node value = def.value();
        if (flag) {
            Long v = value instanceof ScalarNode s && Tag.INT.equals(value.getTag())
                    ? YamlDoc.parseInteger(s.getValue()) : null;
            if (v == null || v < 0) {
                throw doc.error(value, "flag '" + def.key() + "' must be a non-negative integer, not "
                        + YamlDoc.describe(value));
            }
            return new GfpDefinition(def.key(), Long.toString(v), true, doc.at(value));
        }
        String expression = doc.string(value, "mask '" + def.key() + "'");
        Location at = doc.at(value);
        if (value instanceof ScalarNode s && (s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
                || s.getScalarStyle() == ScalarStyle.SINGLE_QUOTED)) {
            at = new Location(at.file(), at.line(), at.column() + 1);
        }
        return new GfpDefinition(def.key(), expression, false, at);
    }
}
