package io.github.dovelint.slice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link FileScanner}: what a C file defines, mentions and binds, without parsing it. */
class FileScannerTest {

    private final Symbols symbols = new Symbols();

    private FileIndex scan(String text) {
        return new FileScanner(symbols).scan(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> names(int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            out.add(name(id));
        }
        return out;
    }

    private String name(int id) {
        for (String candidate : CANDIDATES) {
            if (symbols.find(candidate) == id) {
                return candidate;
            }
        }
        return "#" + id;
    }

    private static final List<String> CANDIDATES = List.of("foo", "bar", "baz", "helper", "kfree", "__acquires",
            "lock", "int", "void", "static", "struct", "file_operations", "fops", "open", "release", "foo_open",
            "foo_release", "ops", "get", "LOCK", "spin_lock", "x", "file_lock", "SYSCALL_DEFINE1", "close", "fd",
            "fd[", "fdt", "files", "y", "inner", "after", "n", "DEFINE_FOO", "unused", "return", "if", "p",
            "comment", "string", "char", "quoted");

    private Set<String> mentionsOf(FileIndex fi, String function) {
        for (int k = 0; k < fi.functions().length; k++) {
            if (name(fi.functions()[k]).equals(function)) {
                return new TreeSet<>(names(fi.mentions()[k]));
            }
        }
        throw new AssertionError("no function " + function + " in " + names(fi.functions()));
    }

    @Test
    void definitionsAndWhatTheirBodiesMention() {
        FileIndex fi = scan("""
                static int foo(int x) __acquires(lock)
                {
                	/* comment bar */ char *p = "string baz";
                	return helper(x) + 'q';
                }
                int bar(void);
                DEFINE_FOO(unused)
                static void baz(void) { kfree(p); foo(1); }
                """);
        assertEquals(List.of("foo", "baz"), names(fi.functions()), "a prototype is no definition");
        assertEquals(Set.of("char", "p", "return", "helper", "x"), mentionsOf(fi, "foo"),
                "comments and literals are skipped");
        assertEquals(Set.of("kfree", "p", "foo"), mentionsOf(fi, "baz"));
        assertTrue(names(fi.fileScope()).containsAll(List.of("bar", "DEFINE_FOO", "__acquires", "lock")));
    }

    @Test
    void bindingsOfMembersAndTheirInitializers() {
        FileIndex fi = scan("""
                static const struct file_operations fops = {
                	.open = foo_open,
                	.release = &foo_release,
                };
                void bar(struct file_operations *ops) { ops->get = helper; if (ops->open == foo) x(); }
                """);
        List<String> bindings = new ArrayList<>();
        for (long b : fi.bindings()) {
            bindings.add(name(FileIndex.member(b)) + "=" + name(FileIndex.function(b)));
        }
        bindings.sort(null);
        assertEquals(List.of("get=helper", "open=foo_open", "release=foo_release"), bindings,
                "== is a comparison, not a binding");
        assertTrue(names(fi.fileScope()).contains("foo_open"), "initializers are file scope");
    }

    @Test
    void aVariableInitialisedAtFileScopeBindsItsValueToAPseudoMemberNamedAfterIt() {
        FileIndex fi = scan("""
                static void (*cb)(struct file *f, int n) = foo;
                struct file_operations *ops = &fops, *p = &bar;
                int x = 5, y = helper;
                static int lock = LOCK(1);
                static const struct file_operations table = { .open = foo_open };
                void baz(void) { int n = inner; }
                """);
        List<String> bindings = new ArrayList<>();
        for (long b : fi.bindings()) {
            bindings.add(symbols.name(FileIndex.member(b)) + " " + symbols.name(FileIndex.function(b)));
        }
        bindings.sort(null);
        assertEquals(List.of("cb= foo", "lock= LOCK", "open foo_open", "ops= fops", "p= bar", "y= helper"), bindings,
                "the first identifier of the value, whatever it is; not a number, not a brace, not in a body");
    }

    @Test
    void macrosExpandAndIncludesAreKept() {
        FileIndex fi = scan("""
                #include "local.h"
                #include <linux/fs.h>
                #define LOCK(x) spin_lock(&(x)->file_lock) /* comment */ \\
                	inner()
                void foo(void) { LOCK(files); }
                """);
        assertEquals(List.of("local.h"), fi.includes(), "quoted includes only");
        assertEquals(List.of("LOCK"), names(fi.macros()));
        assertEquals(new TreeSet<>(List.of("spin_lock", "x", "file_lock", "inner")),
                new TreeSet<>(names(fi.expansions()[0])), "continued lines, the parameter too");
    }

    @Test
    void anIndexedMemberIsMentionedAsSuch() {
        FileIndex fi = scan("void foo(void) { struct file *f = fdt->fd [n]; bar(fd); }\n");
        Set<String> m = mentionsOf(fi, "foo");
        assertTrue(m.contains("fd[") && m.contains("fd") && m.contains("fdt"), m::toString);
    }

    @Test
    void aClosingBraceInColumnZeroEndsAFunctionWhateverIfDidToTheBraces() {
        FileIndex fi = scan("""
                void foo(int n)
                {
                #ifdef X
                	if (n) {
                #else
                	if (!n) {
                #endif
                		bar();
                	}
                }
                void after(void) { baz(); }
                """);
        assertEquals(List.of("foo", "after"), names(fi.functions()));
        assertEquals(Set.of("baz"), mentionsOf(fi, "after"));
    }

    @Test
    void theDigestFollowsTheIndexNotTheComments() {
        String code = "int foo(void) { return bar(1); }\n";
        byte[] plain = scan(code).digest();
        assertArrayEquals(plain, scan(code + "/* touched */\n").digest(), "a comment changes nothing");
        assertArrayEquals(plain, scan("int  foo( void ) {\n  return bar(2);\n}\n").digest(), "nor spacing, numbers");
        assertFalse(Arrays.equals(plain, scan("int foo(void) { return baz(1); }\n").digest()), "a call does");
        assertFalse(Arrays.equals(plain, scan(code + "int bar(void) { return 0; }\n").digest()), "a function does");
        assertFalse(Arrays.equals(plain, scan("int foo(void); { return bar(1); }\n").digest()), "so does structure");
    }
}
