package io.github.dovelint.cache;

import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.Severity;
import io.github.dovelint.suppress.Suppression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last run concluded about one program unit: every source with the
 * hash of its bytes and of its facts, the headers they included, and the
 * rules' findings before suppressions and severities are applied. A run whose
 * inputs hash the same can take the findings as they are; a run where some
 * files changed but their facts did not (a comment, white space after the last
 * token) can too, since the rules read nothing but facts. Stored in the
 * {@link FactCache} directory under {@code runs/}, checksummed and written
 * atomically like its entries; anything unreadable or inconsistent is no record.
 *
 * @param sources  each source of the unit, in the unit's order
 * @param headers  each header the sources included, by absolute path, with its hash
 * @param findings the rules' findings over the whole unit, unsuppressed, default severities
 * @param failures the unit's rule and call-graph failures (INTERNAL problems)
 * @param idle     the rules that had nothing to check in the unit, by id, with what it lacks
 */
public record RunRecord(List<Source> sources, Map<String, byte[]> headers, List<Finding> findings,
                        List<Problem> failures, Map<String, String> idle) {

    private static final int MAGIC = 0x444C5252; // "DLRR"
    private static final int FORMAT = 3;

    /**
     * One source as the run saw it.
     *
     * @param hash          the SHA-256 of its bytes
     * @param factsDigest   the digest of its facts, null if it was not analysed
     * @param problems      its parse problems
     * @param suppressions  its dovelint-ignore comments
     * @param lexicalDigest the digest of its lexical index when the run sliced the program, else null
     * @param outOfReach    whether it was left out of the rules' reach (and not parsed)
     */
    public record Source(String file, byte[] hash, byte[] factsDigest, long lines, List<Problem> problems,
                         List<Suppression> suppressions, byte[] lexicalDigest, boolean outOfReach) {
        public Source {
            problems = List.copyOf(problems);
            suppressions = List.copyOf(suppressions);
        }
    }

    public RunRecord {
        sources = List.copyOf(sources);
        headers = new TreeMap<>(headers);
        findings = List.copyOf(findings);
        failures = List.copyOf(failures);
        idle = java.util.Collections.unmodifiableMap(new TreeMap<>(idle));
    }

    /** The record file of a unit whose configuration key is {@code key}. */
    public static Path path(FactCache cache, String unitKey) {
        return cache.directory().resolve("runs").resolve(FactCache.hexName(unitKey) + ".run");
    }

    /** Reads the record at {@code file} if it was written under {@code key}; null otherwise. */
    public static RunRecord read(Path file, String key) {
        try {
            ByteBuffer body = Checksummed.body(file);
            if (body == null) {
                return null;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body.array(), 0, body.limit()));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(key)) {
                return null;
            }
            RunRecord record = decode(in, new FactsCodec.Reader(in));
            return in.available() == 0 ? record : null;
        } catch (IOException | RuntimeException e) {
            return null; // corrupt or stale: the run computes everything again
        }
    }

    /** Writes this record for {@code key}, atomically; a failure only costs time on the next run. */
    public void write(FactCache cache, String key) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(key);
            encode(out, new FactsCodec.Writer(out));
            out.flush();
            cache.writeAtomically(path(cache, key), buffer.toByteArray());
        } catch (IOException | RuntimeException e) {
            // as for cache entries: no record, a full run next time
        }
    }

    private void encode(DataOutputStream out, FactsCodec.Writer w) throws IOException {
        w.count(sources.size());
        for (Source s : sources) {
            w.str(s.file());
            out.write(s.hash());
            out.writeBoolean(s.factsDigest() != null);
            if (s.factsDigest() != null) {
                out.write(s.factsDigest());
            }
            out.writeLong(s.lines());
            w.problems(s.problems());
            out.writeBoolean(s.lexicalDigest() != null);
            if (s.lexicalDigest() != null) {
                out.write(s.lexicalDigest());
            }
            out.writeBoolean(s.outOfReach());
            w.count(s.suppressions().size());
            for (Suppression sup : s.suppressions()) {
                w.location(sup.location());
                w.count(sup.ruleIds().size());
                for (String id : sup.ruleIds()) {
                    w.str(id);
                }
                w.str(sup.reason());
                w.str(sup.snippet());
            }
        }
        w.count(headers.size());
        for (Map.Entry<String, byte[]> h : headers.entrySet()) {
            w.str(h.getKey());
            out.write(h.getValue());
        }
        w.count(findings.size());
        for (Finding f : findings) {
            w.str(f.ruleId());
            w.str(f.ruleName());
            out.writeByte(f.severity().ordinal());
            w.str(f.message());
            w.location(f.location());
            w.str(f.function());
            w.str(f.snippet());
            w.count(f.chains().size());
            for (CallChain c : f.chains()) {
                w.str(c.entry());
                w.count(c.steps().size());
                for (ChainStep step : c.steps()) {
                    w.location(step.location());
                    w.str(step.description());
                }
            }
        }
        w.problems(failures);
        w.count(idle.size());
        for (Map.Entry<String, String> e : idle.entrySet()) {
            w.str(e.getKey());
            w.str(e.getValue());
        }
    }

    private static RunRecord decode(DataInputStream in, FactsCodec.Reader r) throws IOException {
        int n = r.count();
        List<Source> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String file = r.nonNull();
            byte[] hash = hash(in);
            byte[] digest = in.readBoolean() ? hash(in) : null;
            long lines = in.readLong();
            List<Problem> problems = r.problems();
            byte[] lexical = null;
            if (in.readBoolean()) {
                lexical = new byte[16];
                in.readFully(lexical);
            }
            boolean outOfReach = in.readBoolean();
            int m = r.count();
            List<Suppression> sups = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                Location at = r.nonNullLocation();
                int k = r.count();
                List<String> ids = new ArrayList<>(k);
                for (int q = 0; q < k; q++) {
                    ids.add(r.nonNull());
                }
                sups.add(new Suppression(at, ids, r.nonNull(), r.nonNull()));
            }
            sources.add(new Source(file, hash, digest, lines, problems, sups, lexical, outOfReach));
        }
        int h = r.count();
        Map<String, byte[]> headers = new TreeMap<>();
        for (int i = 0; i < h; i++) {
            headers.put(r.nonNull(), hash(in));
        }
        int f = r.count();
        List<Finding> findings = new ArrayList<>(f);
        Severity[] severities = Severity.values();
        for (int i = 0; i < f; i++) {
            String id = r.nonNull();
            String name = r.str();
            int sev = in.readByte();
            if (sev < 0 || sev >= severities.length) {
                throw new IOException("bad severity");
            }
            String message = r.nonNull();
            Location at = r.nonNullLocation();
            String function = r.str();
            String snippet = r.str();
            int c = r.count();
            List<CallChain> chains = new ArrayList<>(c);
            for (int j = 0; j < c; j++) {
                String entry = r.str();
                int k = r.count();
                List<ChainStep> steps = new ArrayList<>(k);
                for (int q = 0; q < k; q++) {
                    steps.add(new ChainStep(r.nonNullLocation(), r.str()));
                }
                chains.add(new CallChain(entry, steps));
            }
            findings.add(new Finding(id, name, severities[sev], message, at, function, snippet, chains));
        }
        List<Problem> failures = r.problems();
        int d = r.count();
        Map<String, String> idle = new TreeMap<>();
        for (int i = 0; i < d; i++) {
            idle.put(r.nonNull(), r.nonNull());
        }
        return new RunRecord(sources, headers, findings, failures, idle);
    }

    private static byte[] hash(DataInputStream in) throws IOException {
        byte[] h = new byte[32];
        in.readFully(h);
        return h;
    }
}
