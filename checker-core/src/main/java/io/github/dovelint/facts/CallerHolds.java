package io.github.dovelint.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.cdt.core.dom.ast.IASTComment;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * The locks a function documents as its caller's to hold, read off the comment
 * right before its definition or at the top of its body: "Must be called with
 * files->file_lock held", "Context: Either rcu read lock or files_lock must be
 * held", "this variant assumes current->files->file_lock is held", "caller
 * must hold the RCU read lock". A sentence states such a precondition when it
 * says the lock is held (held, hold, holding, under, assumes, inside, within)
 * and takes nothing itself (takes, acquires, grabs). Each lock is recorded as
 * written ({@code files->file_lock}, {@code files_lock}); every form of the
 * RCU read lock ({@code RCU}, "rcu read lock", {@code rcu_read_lock()}) as
 * {@code rcu_read_lock}. Unlike sparse's annotations ({@link LockAnnotations}),
 * nothing checks a comment: rules take it as what the caller must meet, and
 * check the callers they see.
 */
final class CallerHolds {

    /** A sentence ends at a full stop, a semicolon or an empty line. */
    private static final Pattern SENTENCES = Pattern.compile("\\.(?=\\s|$)|;|\\n\\s*\\n");
    private static final Pattern HELD = Pattern.compile(
            "(?i)\\b(held|holds?|holding|under|assum\\w*|inside|within)\\b");
    private static final Pattern TAKES = Pattern.compile("(?i)\\b(takes?|taking|acquires?|grabs?)\\b");
    private static final Pattern RCU = Pattern.compile(
            "(?i)\\brcu(?:[ _-]read)?[ _-]?lock(?:_sched|_bh)?\\b(?:\\(\\))?|\\bRCU\\b");
    /** A lock's name: an identifier ending in lock, mutex or sem, possibly reached through members. */
    private static final Pattern LOCK = Pattern.compile(
            "(?<![\\w>.])(?:[A-Za-z_]\\w*(?:->|\\.))*\\w*(?:lock|mutex|sem)\\b");

    /** Words that end like a lock's name and are not one. */
    private static final Pattern NOT_LOCKS = Pattern.compile("(?i)(^|->|\\.)(un|dead|b|c)lock$");

    /** The comments of a translation unit, by file, in source order (comments never overlap). */
    private final Map<String, List<IASTComment>> byFile = new HashMap<>();
    /** The offset where each of those comments starts, by file, in the same order. */
    private final Map<String, int[]> starts = new HashMap<>();

    CallerHolds(IASTTranslationUnit tu) {
        for (IASTComment c : tu.getComments()) {
            IASTFileLocation at = c.getFileLocation();
            if (at != null) {
                byFile.computeIfAbsent(at.getFileName(), k -> new ArrayList<>()).add(c);
            }
        }
        byFile.forEach((file, list) -> {
            list.sort(Comparator.comparingInt(c -> c.getFileLocation().getNodeOffset()));
            starts.put(file, list.stream().mapToInt(c -> c.getFileLocation().getNodeOffset()).toArray());
        });
    }

    /** The locks {@code def}'s leading comment, or the comments that open its body, say its caller holds. */
    List<String> of(IASTFunctionDefinition def) {
        IASTFileLocation at = def.getFileLocation();
        List<IASTComment> comments = at == null ? null : byFile.get(at.getFileName());
        if (comments == null) {
            return List.of();
        }
        int[] offsets = starts.get(at.getFileName());
        Set<String> out = new LinkedHashSet<>();
        int start = at.getNodeOffset();
        int before = firstFrom(offsets, start) - 1; // the last comment starting before the definition
        if (before >= 0) {
            IASTFileLocation l = comments.get(before).getFileLocation();
            if (l.getNodeOffset() + l.getNodeLength() <= start
                    && l.getEndingLineNumber() >= at.getStartingLineNumber() - 1) {
                read(comments.get(before), out);
            }
        }
        if (def.getBody() instanceof IASTCompoundStatement body && body.getFileLocation() != null) {
            int from = body.getFileLocation().getNodeOffset();
            IASTStatement[] statements = body.getStatements();
            IASTFileLocation first = statements.length == 0 ? null : statements[0].getFileLocation();
            int to = first != null ? first.getNodeOffset() : from + body.getFileLocation().getNodeLength();
            for (int k = firstFrom(offsets, from + 1); k < offsets.length && offsets[k] < to; k++) {
                read(comments.get(k), out);
            }
        }
        return List.copyOf(out);
    }

    /** The index of the first offset at or after {@code offset}. */
    private static int firstFrom(int[] offsets, int offset) {
        int lo = 0;
        int hi = offsets.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void read(IASTComment comment, Set<String> out) {
        out.addAll(locks(new String(comment.getComment())));
    }

    /** The locks a comment's text says the caller holds. */
    static List<String> locks(String comment) {
        // what every lock name and RCU mention below contains: most comments say nothing of locks
        if (!comment.contains("lock") && !comment.contains("mutex") && !comment.contains("sem")
                && !comment.toLowerCase(java.util.Locale.ROOT).contains("rcu")) {
            return List.of();
        }
        String text = comment.replaceAll("^/[*/]+|\\*+/$", "").replaceAll("(?m)^\\s*(\\*|//)", " ");
        Set<String> out = new LinkedHashSet<>();
        for (String sentence : SENTENCES.split(text)) {
            if (!HELD.matcher(sentence).find() || TAKES.matcher(sentence).find()) {
                continue;
            }
            Matcher rcu = RCU.matcher(sentence);
            boolean anyRcu = rcu.find();
            String rest = RCU.matcher(sentence).replaceAll(" ");
            if (anyRcu) {
                out.add("rcu_read_lock");
            }
            Matcher lock = LOCK.matcher(rest);
            while (lock.find()) {
                if (!NOT_LOCKS.matcher(lock.group()).find()) {
                    out.add(lock.group());
                }
            }
        }
        return List.copyOf(out);
    }
}
