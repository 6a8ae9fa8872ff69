package io.github.dovelint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes JSON trees the way every dovelint report does: 2-space indent,
 * {@code "key": value}, {@code "\n"} line endings whatever the platform (Jackson's
 * default pretty printer uses the system line separator), a trailing newline,
 * and keys in insertion order (object nodes keep it).
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");

    private JsonOutput() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Writes {@code tree} and a newline; flushes but does not close {@code out}. */
    static void write(JsonNode tree, Writer out) throws IOException {
        JsonGenerator generator = MAPPER.getFactory().createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setPrettyPrinter(new DefaultPrettyPrinter(SEPARATORS)
                .withObjectIndenter(INDENTER)
                .withArrayIndenter(INDENTER));
        MAPPER.writeTree(generator, tree);
        generator.flush();
        out.write('\n');
        out.flush();
    }
}
