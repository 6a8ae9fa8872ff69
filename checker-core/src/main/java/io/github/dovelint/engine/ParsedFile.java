package io.github.dovelint.engine;

import io.github.dovelint.Problem;
import io.github.dovelint.facts.UnitFacts;
import java.util.List;

/** What parsing and fact extraction produced for one source file; the AST is gone by then. */
record ParsedFile(String file, UnitFacts facts, List<Problem> problems, long lines, String text) {
}
