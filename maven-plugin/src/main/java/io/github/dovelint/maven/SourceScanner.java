package io.github.dovelint.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the files to check under source directories with Ant-style patterns,
 * as Maven plugins do: {@code **} matches any number of directories,
 * {@code *} and {@code ?} stay within one path segment, a pattern ending in
 * {@code /} means everything below that directory, and patterns use
 * {@code /} whatever the platform.
 */
final class SourceScanner {

    private SourceScanner() {
    }

    static Pattern compile(String antPattern) {
        String p = antPattern.trim().replace('\\', '/');
        if (p.endsWith("/")) {
            p = p + "**";
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                boolean slash = i + 2 < p.length() && p.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    static boolean matchesAny(List<Pattern> patterns, String relative) {
        for (Pattern p : patterns) {
            if (p.matcher(relative).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The regular files under {@code directory} whose path relative to it
     * matches an include and no exclude, sorted. Directories matching an
     * exclude as {@code dir/**} are not descended into.
     */
    static List<Path> scan(Path directory, List<String> includes, List<String> excludes) throws IOException {
        List<Pattern> in = includes.stream().map(SourceScanner::compile).toList();
        List<Pattern> out = excludes.stream().map(SourceScanner::compile).toList();
        TreeSet<Path> found = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String rel = relative(directory, dir);
                    // a directory whose every descendant is excluded (target/**, **/build/**) is not walked
                    boolean excludedTree = matchesAny(out, rel + "/x") && matchesAny(out, rel + "/x/y.c");
                    if (!rel.isEmpty() && (excludedTree || dir.getFileName().toString().equals(".git"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(directory, file);
                    if (attrs.isRegularFile() && matchesAny(in, rel) && !matchesAny(out, rel)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // unreadable entries are the engine's to report if named
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ArrayList<>(found);
    }

    static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }
}
