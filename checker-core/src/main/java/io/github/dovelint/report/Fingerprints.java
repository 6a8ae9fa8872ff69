package io.github.dovelint.report;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The identity of a finding that survives edits elsewhere in the file, so that
 * SARIF consumers can track a finding across commits and baselines can
 * recognise findings they already accepted.
 *
 * <p>Recipe, version 1 (changing it invalidates every stored baseline, so a
 * new recipe needs a new {@link #SARIF_KEY}): the first 32 lower-case hex
 * digits of the SHA-256 of the UTF-8 bytes of
 * {@code ruleId + "\0" + file + "\0" + function + "\0" + normalisedSnippet},
 * where the snippet is normalised by collapsing every run of whitespace to one
 * space and trimming. The line and column are deliberately left out: adding a
 * line above a finding must not make it "new".
 *
 * <p>Findings with the same key in one result (the same call twice in one
 * function) are told apart by an occurrence suffix: the first, in sorted
 * finding order, keeps the bare key, the next ones get {@code ":2"},
 * {@code ":3"}, and so on.
 */
public final class Fingerprints {

    /** The {@code partialFingerprints} key in SARIF results. */
    public static final String SARIF_KEY = "dovelint/v1";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int HEX_DIGITS = 32;

    private Fingerprints() {
    }

    /** The key of one finding, without the occurrence suffix. */
    public static String key(Finding finding) {
        String text = finding.ruleId() + '\0' + finding.location().file() + '\0' + finding.function()
                + '\0' + normaliseSnippet(finding.snippet());
        byte[] hash = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
    }

    /** The snippet as it enters the key: whitespace runs collapsed to one space, trimmed. */
    public static String normaliseSnippet(String snippet) {
        return WHITESPACE.matcher(snippet).replaceAll(" ").trim();
    }

    /** The fingerprints of a result's findings, in the order of {@link AnalysisResult#findings()}. */
    public static List<String> of(AnalysisResult result) {
        return of(result.findings());
    }

    /**
     * The fingerprints of {@code findings}, parallel to the list (element
     * {@code i} is the fingerprint of finding {@code i}), occurrence suffixes
     * assigned in sorted finding order whatever the order of the list.
     */
    public static List<String> of(List<Finding> findings) {
        Integer[] order = new Integer[findings.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(findings::get)); // stable: equal findings keep list order
        String[] prints = new String[findings.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int index : order) {
            String key = key(findings.get(index));
            int occurrence = seen.merge(key, 1, Integer::sum);
            prints[index] = occurrence == 1 ? key : key + ":" + occurrence;
        }
        return List.of(prints);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
