package io.github.dovelint.spec.gen;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build-time generator of the contract table. Reads the source of
 * {@code io.github.dovelint.spec.InbandFdHooks} with JavaParser (not
 * reflection: the Javadoc is part of the input) and writes
 * {@code contracts.tsv} (one row per call site, and the call sites that call
 * no hook) and {@code why.md} (the "why" section of the rule pages).
 *
 * <p>Run by exec-maven-plugin in checker-core's {@code process-classes}
 * phase: {@code ContractTableGenerator SOURCE OUTDIR}. It lives in the
 * build-tools module, a test-scoped dependency of checker-core, so neither it
 * nor JavaParser is in any shipped jar. It reads the interface as text and so
 * needs none of checker-core's classes.
 */
public final class ContractTableGenerator {

    /** The generated files. */
    public record Generated(String tsv, String markdown) {
    }

    /** A problem in the hook interface's source, located. */
    public static final class GenerationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GenerationException(String source, Node node, String message) {
            super(source + node.getBegin().map(p -> ":" + p.line + ":" + p.column).orElse("") + ": " + message);
        }

        GenerationException(String message) {
            super(message);
        }
    }

    public static final String HEADER = "hook\tsite\tfile_lock\tpreemptible\tcurrent_files\twhy";

    private ContractTableGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ContractTableGenerator SOURCE OUTDIR");
        }
        Path source = Path.of(args[0]);
        Generated g = generate(source.getFileName().toString(), Files.readString(source, StandardCharsets.UTF_8));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("contracts.tsv"), g.tsv(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("why.md"), g.markdown(), StandardCharsets.UTF_8);
    }

    /** Generates the table from the interface's source text. */
    public static Generated generate(String name, String source) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        ParseResult<CompilationUnit> parsed = parser.parse(source);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            throw new GenerationException(name + ": does not parse: " + parsed.getProblems());
        }
        CompilationUnit cu = parsed.getResult().get();
        ClassOrInterfaceDeclaration hooks = cu.findFirst(ClassOrInterfaceDeclaration.class, ClassOrInterfaceDeclaration::isInterface)
                .orElseThrow(() -> new GenerationException(name + ": no interface"));
        StringBuilder tsv = new StringBuilder(HEADER).append('\n');
        StringBuilder md = new StringBuilder();
        md.append("<!-- generated from ").append(name).append(" at build time: do not edit -->\n");
        md.append("## Why: where the VFS calls the hooks\n\n");
        md.append("| hook | call site | file_lock on entry | preemption | current->files | why |\n");
        md.append("|---|---|---|---|---|---|\n");
        StringBuilder prose = new StringBuilder();
        int rows = 0;
        for (MethodDeclaration m : hooks.getMethods()) {
            String hook = m.getNameAsString();
            List<AnnotationExpr> sites = callSites(m);
            if (sites.isEmpty()) {
                continue;
            }
            String why = m.getJavadoc().map(j -> firstParagraph(j.getDescription().toText()))
                    .orElseThrow(() -> new GenerationException(name, m, "hook method '" + hook + "' has no Javadoc"));
            prose.append("### ").append(hook).append("_inband_fd()\n\n").append(wrap(why)).append("\n\n");
            for (AnnotationExpr a : sites) {
                Map<String, Expression> members = members(name, a);
                String site = string(name, members, "site", a);
                boolean lock = bool(name, members, "fileLock", a);
                boolean preemptible = bool(name, members, "preemptible", a);
                String current = enumConstant(name, members, "current", a);
                String siteWhy = string(name, members, "why", a);
                tsv.append(String.join("\t", hook, site, Boolean.toString(lock), Boolean.toString(preemptible),
                        current, siteWhy)).append('\n');
                md.append("| ").append(hook).append(" | `").append(site).append("` | ").append(lock ? "held" : "**not held**")
                        .append(" | ").append(preemptible ? "preemptible" : "off").append(" | ")
                        .append(currentLabel(current)).append(" | ").append(siteWhy).append(" |\n");
                rows++;
            }
        }
        for (AnnotationExpr a : hooks.getAnnotations()) {
            if (simpleName(a).equals("NoHookSite")) {
                Map<String, Expression> members = members(name, a);
                String site = string(name, members, "site", a);
                String why = string(name, members, "why", a);
                tsv.append(String.join("\t", "none", site, "-", "-", "-", why)).append('\n');
                md.append("| (none) | `").append(site).append("` | | | | ").append(why).append(" |\n");
            }
        }
        if (rows == 0) {
            throw new GenerationException(name + ": no @CallSite on any method of " + hooks.getNameAsString());
        }
        md.append('\n').append(prose);
        return new Generated(tsv.toString(), md.toString().stripTrailing() + "\n");
    }

    private static List<AnnotationExpr> callSites(MethodDeclaration m) {
        List<AnnotationExpr> out = new ArrayList<>();
        for (AnnotationExpr a : m.getAnnotations()) {
            String n = simpleName(a);
            if (n.equals("CallSite")) {
                out.add(a);
            } else if (n.equals("List") && a.getNameAsString().endsWith("CallSite.List")) {
                Expression v = a instanceof SingleMemberAnnotationExpr s ? s.getMemberValue()
                        : a instanceof NormalAnnotationExpr na ? na.getPairs().get(0).getValue() : null;
                if (v instanceof ArrayInitializerExpr arr) {
                    arr.getValues().forEach(e -> out.add(e.asAnnotationExpr()));
                } else if (v instanceof AnnotationExpr single) {
                    out.add(single);
                }
            }
        }
        return out;
    }

    private static String simpleName(AnnotationExpr a) {
        String n = a.getNameAsString();
        if (n.endsWith("CallSite.List")) {
            return "List";
        }
        return n.substring(n.lastIndexOf('.') + 1);
    }

    private static Map<String, Expression> members(String name, AnnotationExpr a) {
        if (!(a instanceof NormalAnnotationExpr na)) {
            throw new GenerationException(name, a, "@" + a.getNameAsString() + " needs named members");
        }
        Map<String, Expression> out = new LinkedHashMap<>();
        for (MemberValuePair p : na.getPairs()) {
            out.put(p.getNameAsString(), p.getValue());
        }
        return out;
    }

    private static Expression member(String name, Map<String, Expression> members, String key, AnnotationExpr a) {
        Expression e = members.get(key);
        if (e == null) {
            throw new GenerationException(name, a, "@" + a.getNameAsString() + " has no '" + key + "'");
        }
        return e;
    }

    private static String string(String name, Map<String, Expression> members, String key, AnnotationExpr a) {
        Expression e = member(name, members, key, a);
        String s = literal(e);
        if (s == null) {
            throw new GenerationException(name, e, "'" + key + "' must be a string literal (or a concatenation of them)");
        }
        if (s.contains("\t") || s.contains("\n") || s.contains("|")) {
            throw new GenerationException(name, e, "'" + key + "' must not contain tabs, newlines or '|'");
        }
        return s;
    }

    private static String literal(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            String l = literal(b.getLeft());
            String r = literal(b.getRight());
            return l == null || r == null ? null : l + r;
        }
        return null;
    }

    private static boolean bool(String name, Map<String, Expression> members, String key, AnnotationExpr a) {
        Expression e = member(name, members, key, a);
        if (!(e instanceof BooleanLiteralExpr b)) {
            throw new GenerationException(name, e, "'" + key + "' must be true or false");
        }
        return b.getValue();
    }

    private static String enumConstant(String name, Map<String, Expression> members, String key, AnnotationExpr a) {
        Expression e = member(name, members, key, a);
        String c = e instanceof FieldAccessExpr f ? f.getNameAsString() : e instanceof NameExpr n ? n.getNameAsString() : null;
        if (c == null || !List.of("SAME", "NULL", "OTHER").contains(c)) {
            throw new GenerationException(name, e, "'" + key + "' must be CurrentFiles.SAME, NULL or OTHER");
        }
        return c;
    }

    private static String currentLabel(String c) {
        return switch (c) {
            case "SAME" -> "the `files` argument";
            case "NULL" -> "**NULL**";
            default -> "**another table**";
        };
    }

    private static String firstParagraph(String text) {
        String p = text.strip().split("\\n\\s*\\n", 2)[0];
        return p.replaceAll("\\s+", " ").trim();
    }

    private static String wrap(String text) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (String w : text.split(" ")) {
            if (col > 0 && col + 1 + w.length() > 78) {
                sb.append('\n');
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(w);
            col += w.length();
        }
        return sb.toString();
    }
}
