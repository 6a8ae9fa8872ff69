package io.github.dovelint.kb;

import io.github.dovelint.yaml.ConfigException;
import io.github.dovelint.yaml.YamlDoc;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one parser of the {@code functions:} schema, used by both the knowledge
 * base and the project configuration so that both accept exactly the same
 * entries, driven by {@link FunctionAttribute}.
 */
public final class FunctionSpecParser {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private FunctionSpecParser() {
    }

    /**
     * Parses a {@code functions:} mapping (null node = no entries).
     *
     * @param checkConsistency whether each entry must be self-consistent
     *                         ({@link FunctionSpec#inconsistency()}); true for the
     *                         knowledge base, false for overrides that may complete a base entry
     */
    public static Map<String, FunctionSpec> parseFunctions(YamlDoc doc, Node node, boolean checkConsistency)
            throws ConfigException {
        Map<String, FunctionSpec> out = new LinkedHashMap<>();
        if (YamlDoc.isNull(node)) {
            return out;
        }
        for (YamlDoc.Entry entry : doc.mapping(node, "'functions'", null).values()) {
            out.put(entry.key(), parseFunction(doc, entry, checkConsistency));
        }
        return out;
    }

    /** Parses one {@code name: { attribute: value, ... }} entry. */
    public static FunctionSpec parseFunction(YamlDoc doc, YamlDoc.Entry entry, boolean checkConsistency)
            throws ConfigException {
        String name = entry.key();
        if (!IDENTIFIER.matcher(name).matches()) {
            throw doc.error(entry.keyNode(), "'" + name + "' is not a C function name");
        }
        String what = "function '" + name + "'";
        Map<FunctionAttribute, Object> values = new EnumMap<>(FunctionAttribute.class);
        if (!YamlDoc.isNull(entry.value())) {
            for (YamlDoc.Entry attr : doc.mapping(entry.value(), "the entry of " + what,
                    FunctionAttribute.keys()).values()) {
                FunctionAttribute attribute = FunctionAttribute.byKey(attr.key()).orElseThrow();
                values.put(attribute, value(doc, attribute, attr.value(), "'" + attr.key() + "' of " + what));
            }
        }
        FunctionSpec spec = new FunctionSpec(name, values, doc.at(entry.keyNode()));
        if (checkConsistency) {
            String problem = spec.inconsistency();
            if (problem != null) {
                throw doc.error(entry.keyNode(), problem);
            }
        }
        return spec;
    }

    private static Object value(YamlDoc doc, FunctionAttribute attribute, Node node, String what)
            throws ConfigException {
        return switch (attribute.type()) {
            case BOOLEAN -> doc.bool(node, what);
            case INDEX -> doc.index(node, what);
            case TEXT -> doc.string(node, what);
            case USES -> uses(doc, node, what);
            case KEPT -> kept(doc, node, what);
        };
    }

    private static Set<Use> uses(YamlDoc doc, Node node, String what) throws ConfigException {
        Set<Use> uses = EnumSet.noneOf(Use.class);
        for (Node item : doc.sequence(node, what)) {
            String key = doc.string(item, "each element of " + what);
            Use use = Use.byKey(key).orElseThrow(() -> unknown(doc, item, "use", key, what, Use.keys()));
            if (!uses.add(use)) {
                throw doc.error(item, "'" + key + "' is listed twice in " + what);
            }
        }
        return uses;
    }

    private static Kept kept(YamlDoc doc, Node node, String what) throws ConfigException {
        String key = doc.string(node, what);
        return Kept.byKey(key).orElseThrow(() -> unknown(doc, node, "reason", key, what, Kept.keys()));
    }

    /** {@code unknown use 'x' in ... (did you mean 'y'? expected one of: ...)}, located at {@code node}. */
    private static ConfigException unknown(YamlDoc doc, Node node, String kind, String key, String what,
                                           List<String> keys) {
        String best = YamlDoc.closest(key, keys);
        return doc.error(node, "unknown " + kind + " '" + key + "' in " + what + " ("
                + (best != null ? "did you mean '" + best + "'? " : "")
                + "expected one of: " + String.join(", ", keys) + ")");
    }

    /** True for a C identifier. */
    public static boolean isIdentifier(String text) {
        return IDENTIFIER.matcher(text).matches();
    }
}
