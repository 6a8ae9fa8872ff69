package io.github.dovelint.yaml;

import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Strict, located access to a YAML document shared by the configuration and
 * knowledge-base loaders. It works on snakeyaml-engine's composed node tree
 * (not on constructed Java objects) because only nodes keep their start marks,
 * and every rejection must point at a line and column. It also does what the
 * node tree does not: it rejects duplicate keys, non-scalar keys and unknown
 * keys (with a "did you mean" hint).
 */
public final class YamlDoc {

    private final String sourceName;

    private YamlDoc(String sourceName) {
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
    }

    /** A key of a mapping with its value, both nodes kept for locations. */
    public record Entry(String key, Node keyNode, Node value) {
    }

    /** The document's root node, empty for an empty (or comments-only) text. */
    public record Document(YamlDoc doc, Optional<Node> root) {
    }

    /**
     * Composes {@code text}; YAML syntax errors (including several documents
     * in one file) become located {@link ConfigException}s.
     */
    public static Document compose(String sourceName, String text) throws ConfigException {
        YamlDoc doc = new YamlDoc(sourceName);
        YamlDepth.check(sourceName, text);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(sourceName)
                .setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema())
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(64 * 1024 * 1024)
                .build();
        try {
            return new Document(doc, new Compose(settings).composeString(text));
        } catch (MarkedYamlEngineException e) {
            Location where = e.getProblemMark().or(e::getContextMark).map(doc::location)
                    .orElse(new Location(sourceName, 1, 1));
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new ConfigException(where, "invalid YAML: " + context + problem.trim());
        } catch (YamlEngineException e) {
            throw new ConfigException(new Location(sourceName, 1, 1), "invalid YAML: " + e.getMessage());
        } catch (StackOverflowError e) {
            // YamlDepth bounds the nesting; this is the last guard, should an unforeseen shape recurse
            throw new ConfigException(new Location(sourceName, 1, 1), "invalid YAML: nested too deeply to read");
        }
    }

    /** The name errors are reported against. */
    public String sourceName() {
        return sourceName;
    }

    /** The 1-based location of {@code node}'s start. */
    public Location at(Node node) {
        return node.getStartMark().map(this::location).orElse(new Location(sourceName, 1, 1));
    }

    private Location location(Mark mark) {
        return new Location(sourceName, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** A located error at {@code node}. */
    public ConfigException error(Node node, String message) {
        return new ConfigException(at(node), message);
    }

    /** True for an explicit or implicit YAML null ({@code ~}, {@code null}, nothing). */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /**
     * The entries of a mapping, in file order. Keys must be scalars, unique,
     * and, when {@code allowedKeys} is not null, one of them.
     *
     * @param what how the mapping is named in messages ("the 'rules' section")
     */
    public Map<String, Entry> mapping(Node node, String what, Collection<String> allowedKeys)
            throws ConfigException {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping, not " + describe(node));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
                throw error(keyNode, "keys of " + what + " must be plain names, not " + describe(keyNode));
            }
            String key = scalar.getValue();
            Entry previous = entries.get(key);
            if (previous != null) {
                throw error(keyNode, "duplicate key '" + key + "' (first given at line "
                        + at(previous.keyNode()).line() + ")");
            }
            if (allowedKeys != null && !allowedKeys.contains(key)) {
                throw error(keyNode, unknownKeyMessage(key, allowedKeys));
            }
            entries.put(key, new Entry(key, keyNode, tuple.getValueNode()));
        }
        return entries;
    }

    /** "unknown key 'severty' (did you mean 'severity'?; expected one of: ...)". */
    public static String unknownKeyMessage(String key, Collection<String> allowedKeys) {
        String best = closest(key, allowedKeys);
        String hint = best != null ? "did you mean '" + best + "'? " : "";
        return "unknown key '" + key + "' (" + hint + "expected one of: "
                + String.join(", ", new TreeSet<>(allowedKeys)) + ")";
    }

    /** The element nodes of a sequence. */
    public List<Node> sequence(Node node, String what) throws ConfigException {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, what + " must be a list, not " + describe(node));
        }
        return seq.getValue();
    }

    /** A non-null scalar's text (numbers and booleans are taken as their text). */
    public String string(Node node, String what) throws ConfigException {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            throw error(node, what + " must be a string, not " + describe(node));
        }
        return scalar.getValue();
    }

    /** A list of strings; a null node is an empty list. */
    public List<String> stringList(Node node, String what) throws ConfigException {
        if (isNull(node)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : sequence(node, what)) {
            out.add(string(item, "each element of " + what));
        }
        return List.copyOf(out);
    }

    /** A YAML boolean: {@code true} or {@code false} (not quoted, not yes/no). */
    public boolean bool(Node node, String what) throws ConfigException {
        if (node instanceof ScalarNode scalar && Tag.BOOL.equals(node.getTag())) {
            return Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT));
        }
        throw error(node, what + " must be true or false, not " + describe(node));
    }

    /** A non-negative integer that fits an int (an argument index). */
    public int index(Node node, String what) throws ConfigException {
        if (node instanceof ScalarNode scalar && Tag.INT.equals(node.getTag())) {
            Long value = parseInteger(scalar.getValue());
            if (value != null && value < 0) {
                throw error(node, what + " must not be negative (got " + scalar.getValue() + ")");
            }
            if (value != null && value <= Integer.MAX_VALUE) {
                return value.intValue();
            }
        }
        throw error(node, what + " must be a non-negative integer, not " + describe(node));
    }

    /**
     * Parses a decimal, {@code 0x} hexadecimal or {@code 0o} octal integer, with
     * an optional sign and C-style {@code u}/{@code l} suffixes; null if malformed
     * or out of the range of a long.
     */
    public static Long parseInteger(String text) {
        String t = text.trim().replace("_", "");
        boolean negative = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            negative = t.charAt(0) == '-';
            t = t.substring(1);
        }
        t = t.replaceFirst("(?i)(ul{0,2}|l{1,2}u?)$", "");
        int radix = 10;
        if (t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X"))) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 2 && (t.startsWith("0o") || t.startsWith("0O"))) {
            radix = 8;
            t = t.substring(2);
        }
        if (t.isEmpty()) {
            return null;
        }
        try {
            long v = Long.parseUnsignedLong(t, radix);
            if (radix == 10 && v < 0) {
                return null;
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A short description of a node's shape for messages. */
    public static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing (null)";
        }
        if (node instanceof ScalarNode scalar) {
            return "'" + scalar.getValue() + "'";
        }
        return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** The known word closest to {@code word} by edit distance, or null if none is close. */
    public static String closest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(known)) {
            int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int limit = Math.max(2, word.length() / 3);
        return bestDistance <= limit ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
