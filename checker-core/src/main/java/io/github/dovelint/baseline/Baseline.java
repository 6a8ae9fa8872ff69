package io.github.dovelint.baseline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dovelint.files.AtomicFiles;
import io.github.dovelint.files.InputFiles;
import io.github.dovelint.files.JsonInput;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.report.Fingerprints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings a project has accepted, so that a gate fails only on new ones.
 * A baseline is a JSON file meant to be committed and reviewed:
 *
 * <pre>
 * {
 *   "baselineVersion": 1,
 *   "fingerprints": "dovelint/v1",
 *   "entries": [ {
 *     "fingerprint": "3f2a...",
 *     "ruleId": "DL101",
 *     "file": "kernel/evl/file.c",
 *     "function": "install_inband_fd",
 *     "snippet": "p = kmalloc(sizeof(*p), GFP_KERNEL);",
 *     "message": "kmalloc() with gfp may sleep ..."
 *   } ]
 * }
 * </pre>
 *
 * Entries are matched by {@link Fingerprints fingerprint} only (rule, file,
 * function and normalised text of the flagged line, never the line number),
 * so edits elsewhere in the file do not resurrect accepted findings; editing
 * the flagged line itself, renaming the function or moving the file does,
 * on purpose. Entries are sorted by file, rule, function and fingerprint, so
 * that the file diffs well. Immutable.
 */
public final class Baseline {

    /** Bumped when the file's shape changes meaning. */
    public static final int VERSION = 1;
    /** The baseline's file name at a project's root, where the build and the IDE look for it. */
    public static final String DEFAULT_FILE_NAME = "dovelint-baseline.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<BaselineEntry> entries;

    public Baseline(List<BaselineEntry> entries) {
        Map<String, BaselineEntry> unique = new LinkedHashMap<>();
        for (BaselineEntry e : entries) {
            unique.putIfAbsent(e.fingerprint(), e);
        }
        this.entries = unique.values().stream().sorted().toList();
    }

    public static Baseline empty() {
        return new Baseline(List.of());
    }

    /** A baseline accepting every finding of {@code result}. */
    public static Baseline of(AnalysisResult result) {
        return new Baseline(entriesOf(result));
    }

    private static List<BaselineEntry> entriesOf(AnalysisResult result) {
        List<String> prints = Fingerprints.of(result);
        List<BaselineEntry> list = new ArrayList<>();
        for (int i = 0; i < result.findings().size(); i++) {
            Finding f = result.findings().get(i);
            list.add(new BaselineEntry(prints.get(i), f.ruleId(), f.location().file(), f.function(),
                    Fingerprints.normaliseSnippet(f.snippet()), f.message()));
        }
        return list;
    }

    public List<BaselineEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /**
     * Splits {@code result}'s findings into those the baseline accepts and the
     * new ones, and lists the entries no finding matches any more (stale).
     */
    public Match match(AnalysisResult result) {
        Set<String> known = new HashSet<>();
        entries.forEach(e -> known.add(e.fingerprint()));
        List<String> prints = Fingerprints.of(result);
        List<Finding> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Finding> accepted = new ArrayList<>();
        for (int i = 0; i < result.findings().size(); i++) {
            String print = prints.get(i);
            seen.add(print);
            if (known.contains(print)) {
                accepted.add(result.findings().get(i));
            } else {
                fresh.add(result.findings().get(i));
            }
        }
        List<BaselineEntry> stale = entries.stream().filter(e -> !seen.contains(e.fingerprint())).toList();
        AnalysisResult filtered = result.withFindings(fresh);
        return new Match(filtered, accepted, stale);
    }

    /**
     * The baseline after accepting every finding of {@code result}: the
     * current findings plus, unless {@code prune}, the stale entries.
     */
    public Update update(AnalysisResult result, boolean prune) {
        Match match = match(result);
        List<BaselineEntry> next = new ArrayList<>(entriesOf(result));
        if (!prune) {
            next.addAll(match.stale());
        }
        return new Update(new Baseline(next), match.result().findings().size(), match.stale(), prune);
    }

    /**
     * What {@link #match} found.
     *
     * @param result           the analysis result with only the new findings
     * @param acceptedFindings the findings the baseline accepted
     * @param stale            entries that matched no finding (fixed, or the line was edited)
     */
    public record Match(AnalysisResult result, List<Finding> acceptedFindings, List<BaselineEntry> stale) {
        public Match {
            acceptedFindings = List.copyOf(acceptedFindings);
            stale = List.copyOf(stale);
        }

        /** How many findings the baseline accepted. */
        public int accepted() {
            return acceptedFindings.size();
        }
    }

    /**
     * What {@link #update} did.
     *
     * @param baseline the new baseline
     * @param added    how many findings were not in the old baseline
     * @param stale    the old entries no finding matches
     * @param pruned   whether the stale entries were removed
     */
    public record Update(Baseline baseline, int added, List<BaselineEntry> stale, boolean pruned) {
        public Update {
            stale = List.copyOf(stale);
        }
    }

    /**
     * Reads a baseline file.
     *
     * @throws BaselineException when it is missing or is not a dovelint baseline, saying why
     */
    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            byte[] bytes = InputFiles.read(file, InputFiles.BASELINE);
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)); // UTF-8 or refused
            root = JsonInput.readTree(MAPPER, bytes);
        } catch (NoSuchFileException e) {
            throw new BaselineException(file + ": no such baseline file");
        } catch (InputFiles.TooLarge e) {
            throw new BaselineException(file + ": " + e.getMessage());
        } catch (JsonInput.Invalid e) {
            // the line where it breaks, its nesting limit (Jackson's 1000 levels) included
            throw new BaselineException(file + (e.line() > 0 ? ":" + e.line() : "") + ": not a JSON file: "
                    + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("entries").isArray()) {
            throw new BaselineException(file + ": not a dovelint baseline (no \"entries\" array)");
        }
        int version = root.path("baselineVersion").asInt(0);
        if (version != VERSION) {
            throw new BaselineException(file + ": unsupported baselineVersion " + root.path("baselineVersion")
                    + " (this dovelint reads version " + VERSION + ")");
        }
        String recipe = root.path("fingerprints").asText(Fingerprints.SARIF_KEY);
        if (!recipe.equals(Fingerprints.SARIF_KEY)) {
            throw new BaselineException(file + ": fingerprints made with '" + recipe + "', this dovelint uses '"
                    + Fingerprints.SARIF_KEY + "': recreate the baseline");
        }
        List<BaselineEntry> list = new ArrayList<>();
        int index = 0;
        for (JsonNode e : root.path("entries")) {
            if (!e.path("fingerprint").isTextual() || e.path("fingerprint").asText().isBlank()) {
                throw new BaselineException(file + ": entry " + index + " has no \"fingerprint\"");
            }
            list.add(new BaselineEntry(e.path("fingerprint").asText(), e.path("ruleId").asText(""),
                    e.path("file").asText(""), e.path("function").asText(""), e.path("snippet").asText(""),
                    e.path("message").asText("")));
            index++;
        }
        return new Baseline(list);
    }

    /** Writes the baseline atomically (readers see the old or the new file, never half of one). */
    public void write(Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("baselineVersion", VERSION);
        root.put("fingerprints", Fingerprints.SARIF_KEY);
        ArrayNode list = root.putArray("entries");
        for (BaselineEntry e : entries) {
            ObjectNode node = list.addObject();
            node.put("fingerprint", e.fingerprint());
            node.put("ruleId", e.ruleId());
            node.put("file", e.file());
            node.put("function", e.function());
            node.put("snippet", e.snippet());
            node.put("message", e.message());
        }
        AtomicFiles.write(file, out -> {
            JsonGenerator generator = MAPPER.getFactory().createGenerator(out);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            generator.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                    .withObjectIndenter(indenter).withArrayIndenter(indenter));
            MAPPER.writeTree(generator, root);
            generator.flush();
            out.write('\n');
        });
    }
}
