package io.github.dovelint.build;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/io.github.dovelint.rules.Rule} from the
 * classes annotated {@code @RuleInfo}, so that a rule is registered by the one
 * declaration of its metadata: a new rule is one class, with no list to keep
 * in step. Acts only where the build passes {@code -Adovelint.ruleServices},
 * the rules module's main compilation (test rules must not be registered).
 * Maven recompiles a whole module when any of its sources changed, so every
 * rule is seen in one compilation and the file is written whole.
 */
@SupportedAnnotationTypes(RuleServiceFileProcessor.RULE_INFO)
@SupportedOptions(RuleServiceFileProcessor.OPTION)
public final class RuleServiceFileProcessor extends AbstractProcessor {

    static final String RULE_INFO = "io.github.dovelint.rules.RuleInfo";
    static final String OPTION = "dovelint.ruleServices";
    private static final String SERVICE_FILE = "META-INF/services/io.github.dovelint.rules.Rule";

    private final Set<String> rules = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!processingEnv.getOptions().containsKey(OPTION)) {
            return false;
        }
        for (TypeElement annotation : annotations) {
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                if (e.getKind() == ElementKind.CLASS && e instanceof TypeElement type) {
                    rules.add(processingEnv.getElementUtils().getBinaryName(type).toString());
                }
            }
        }
        if (round.processingOver() && !rules.isEmpty()) {
            write();
        }
        return false;
    }

    private void write() {
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE);
            try (Writer w = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String rule : rules) {
                    w.write(rule + "\n");
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + SERVICE_FILE + ": " + e);
        }
    }
}
