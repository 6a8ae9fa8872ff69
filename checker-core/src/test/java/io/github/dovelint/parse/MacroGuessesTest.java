package io.github.dovelint.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MacroGuesses}: a project's message prefixes and type-taking macros, defined in a header
 * dovelint does not have, no longer cost the statements that use them.
 */
class MacroGuessesTest {

    @TempDir
    Path tmp;

    private static final String SOURCE = """
            #define MY_PREFIX "x: "
            struct evl_poll_event { int fd; };
            struct req { long name_ptr; long set_ptr; };
            void probe(struct req *req, int n)
            {
            	const char *name;
            	struct evl_poll_event *set;

            	printk(EVL_ERR "bad request %d\\n", n);
            	printk(EVL_WARNING
            	       "split over two lines %d\\n", n);
            	printk(MY_PREFIX "defined here\\n");
            	name = evl_valptr64(req->name_ptr, const char);
            	set = evl_valptr64(req->set_ptr, struct evl_poll_event);
            	set = list_get_entry(&req->name_ptr, struct evl_poll_event, fd);
            	kick(offsetof(struct req, set_ptr), n);
            }
            """;

    @Test
    void guessesWhatTheFileUsesAndDoesNotDefine() {
        Map<String, String> guesses = MacroGuesses.of(SOURCE);
        assertEquals(Map.of("EVL_ERR", "\"\"", "EVL_WARNING", "\"\"",
                "evl_valptr64(__dl_first, ...)", "(__dl_first)",
                "list_get_entry(__dl_ptr, __dl_type, __dl_member)", "((__dl_type *)__dl_container_of(__dl_ptr))"),
                guesses);
    }

    @Test
    void iteratorsWrittenAsStatementsAreLoopHeaders() {
        Map<String, String> guesses = MacroGuesses.of("""
                #define evl_for_each_defined(x) for (;;)
                int for_each_helper(int x) { return x; }
                void f(struct evl_thread *t, struct list_head *l)
                {
                	for_each_evl_thread(t) {
                		one(t);
                	}
                	if (t)
                		evl_for_each_element(t, l, struct evl_element)
                			two(t);
                	evl_for_each_defined(t)
                		three();
                	for_each_counted(t);
                	x = for_each_value(t) + 1;
                	list_for_each_entry(t, l, next) { }
                }
                """);
        assertEquals(Map.of("for_each_evl_thread(...)", IteratorGuesses.DEFINITION,
                "evl_for_each_element(...)", IteratorGuesses.DEFINITION_WITHOUT_ARGUMENTS), guesses);
    }

    @Test
    void theStatementsThatUseThemParse() throws Exception {
        Path file = Files.writeString(tmp.resolve("t.c"), SOURCE);
        ParsedUnit unit = new CParser(ParseOptions.defaults()).parse(file);
        assertEquals(List.of(), unit.problems(), "no parse problem left");
        List<String> calls = new ArrayList<>();
        unit.ast().accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTExpression e) {
                if (e instanceof IASTFunctionCallExpression c) {
                    calls.add(c.getFunctionNameExpression().getRawSignature());
                }
                return PROCESS_CONTINUE;
            }
        });
        assertTrue(calls.containsAll(List.of("printk", "kick")), calls.toString());
        assertEquals(3, calls.stream().filter("printk"::equals).count(), calls.toString());
    }
}
