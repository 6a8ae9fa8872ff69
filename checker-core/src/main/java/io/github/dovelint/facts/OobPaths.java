package io.github.dovelint.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where {@code struct file} keeps its oob pointer, as member paths from the file:
 * {@code oob_data} (Dovetail generation 1), {@code f_oob_ctx} (generation 2),
 * {@code f_oob_state.data} (generation 3: the {@code data} member of the embedded
 * {@code struct oob_file_state}); see
 * docs/contracts.md#the-oob-pointer-across-dovetail-generations. One place says which
 * member expressions are the oob pointer, for the fact extractor and for the rules:
 * {@code file->f_oob_state.data}, {@code file.f_oob_state.data} and
 * {@code (&file->f_oob_state)->data} all are, {@code file->f_oob_state} and
 * {@code st->data} are not.
 */
public final class OobPaths {

    /** A member path: C identifiers joined by dots. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** The paths, longest first (the most specific wins), each split into its members. */
    private final List<String[]> paths;
    /** The last member of every path: what an access must end with to be looked at further. */
    private final Set<String> lastMembers;

    private OobPaths(Collection<String> paths) {
        List<String[]> split = new ArrayList<>();
        Set<String> last = new HashSet<>();
        for (String p : paths) {
            if (!isPath(p)) {
                throw new IllegalArgumentException("not a member path: " + p);
            }
            String[] members = p.split("\\.");
            split.add(members);
            last.add(members[members.length - 1]);
        }
        split.sort(Comparator.comparingInt((String[] m) -> -m.length));
        this.paths = List.copyOf(split);
        this.lastMembers = Set.copyOf(last);
    }

    /** The matcher of these paths ({@code oob_data}, {@code f_oob_state.data}). */
    public static OobPaths of(Collection<String> paths) {
        return new OobPaths(paths);
    }

    /** Whether {@code text} is a member path: one C identifier or several joined by dots. */
    public static boolean isPath(String text) {
        return text != null && PATH.matcher(text).matches();
    }

    /**
     * The name the lexical index finds a path's accesses by: its members joined by {@code +}
     * (a function mentioning all of them), see {@code slice.Slicer}.
     */
    public static String footprint(String path) {
        return path.replace('.', '+');
    }

    /** Whether some path ends with the member {@code field}: the cheap test before {@link #match}. */
    public boolean mayEndWith(String field) {
        return lastMembers.contains(field);
    }

    /**
     * An access to the oob pointer.
     *
     * @param path    the path it goes through ({@code f_oob_state.data})
     * @param file    the expression of the file it is read from ({@code filp})
     * @param members how many member accesses the path spans (the fact extractor walks back as many)
     */
    public record Match(String path, Expr file, int members) {
    }

    /** The access {@code e} makes to the oob pointer, or null when it is not one. */
    public Match match(Expr e) {
        if (!(e instanceof Expr.Member outer) || !lastMembers.contains(outer.field())) {
            return null;
        }
        for (String[] path : paths) {
            Expr file = fileOf(outer, path);
            if (file != null) {
                return new Match(String.join(".", path), file, path.length);
            }
        }
        return null;
    }

    /** Whether {@code e} is the oob pointer. */
    public boolean isOob(Expr e) {
        return match(e) != null;
    }

    /** Whether {@code path} is one of these paths (as written: {@code f_oob_state.data}). */
    public boolean contains(String path) {
        for (String[] p : paths) {
            if (String.join(".", p).equals(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file {@code outer} reads the path from, or null. The inner members of the path are
     * reached with {@code .}, or with {@code ->} on an address ({@code (&f->f_oob_state)->data});
     * the file itself with {@code ->} or {@code .}.
     */
    private static Expr fileOf(Expr.Member outer, String[] path) {
        Expr cur = outer;
        for (int i = path.length - 1; i >= 0; i--) {
            if (!(cur instanceof Expr.Member m) || !m.field().equals(path[i])) {
                return null;
            }
            if (i == 0) {
                return m.owner();
            }
            Expr owner = m.owner();
            if (m.arrow()) {
                if (!(owner instanceof Expr.Unary u && u.op().equals("&"))) {
                    return null; // st->data: a pointer to the inner struct, not the file
                }
                owner = u.operand();
            }
            cur = owner;
        }
        return null;
    }
}
