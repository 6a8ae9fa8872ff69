package io.github.dovelint.kb;

import io.github.dovelint.facts.GuardClasses;
import io.github.dovelint.facts.GuardClasses.GuardClass;
import io.github.dovelint.facts.GuardClasses.ReleaseArgument;
import io.github.dovelint.yaml.ConfigException;
import io.github.dovelint.yaml.YamlDoc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a {@code guard-classes:} section, of the knowledge base or of a project
 * configuration: each class name (as written in {@code guard(name)},
 * {@code scoped_guard(name, ...)}, {@code CLASS(name, var)}) maps to the function
 * its constructor calls, the one its destructor calls, and what that one is given
 * ({@code lock}, the default: the acquire's first argument; {@code none};
 * {@code variable}: the variable a {@code CLASS} declares). Whether a class sleeps
 * is its acquire's function entry (docs/contracts.md#c1-hooks-never-sleep).
 */
public final class GuardClassParser {

    /** The keys of one class. */
    public static final List<String> KEYS = List.of("acquire", "release", "release-argument");

    private GuardClassParser() {
    }

    /** The classes of a {@code guard-classes:} section, by name, in the order written. */
    public static Map<String, GuardClass> parse(YamlDoc doc, Node node) throws ConfigException {
        Map<String, GuardClass> out = new LinkedHashMap<>();
        for (YamlDoc.Entry e : doc.mapping(node, "'guard-classes'", null).values()) {
            if (!FunctionSpecParser.isIdentifier(e.key())) {
                throw doc.error(e.keyNode(), "guard class '" + e.key() + "' is not a C identifier");
            }
            String what = "guard class '" + e.key() + "'";
            Map<String, YamlDoc.Entry> c = doc.mapping(e.value(), what, KEYS);
            for (String required : List.of("acquire", "release")) {
                if (!c.containsKey(required)) {
                    throw doc.error(e.value(), "missing required key '" + required + "' in " + what);
                }
            }
            String acquire = function(doc, c.get("acquire").value(), "'acquire' of " + what);
            String release = function(doc, c.get("release").value(), "'release' of " + what);
            ReleaseArgument argument = ReleaseArgument.LOCK;
            if (c.containsKey("release-argument")) {
                Node a = c.get("release-argument").value();
                String text = doc.string(a, "'release-argument' of " + what);
                try {
                    argument = ReleaseArgument.valueOf(text.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw doc.error(a, "'release-argument' of " + what + " must be lock, none or variable, not '"
                            + text + "'");
                }
            }
            out.put(e.key(), new GuardClass(e.key(), acquire, release, argument));
        }
        return out;
    }

    /** The table of a knowledge base's section (an absent one gives no class). */
    public static GuardClasses table(YamlDoc doc, Node node) throws ConfigException {
        return node == null ? GuardClasses.none() : new GuardClasses(parse(doc, node));
    }

    private static String function(YamlDoc doc, Node node, String what) throws ConfigException {
        String name = doc.string(node, what);
        if (!FunctionSpecParser.isIdentifier(name)) {
            throw doc.error(node, what + " must be a function name, not '" + name + "'");
        }
        return name;
    }
}
