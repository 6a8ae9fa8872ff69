package io.github.dovelint.cli;

import io.github.dovelint.lsp.LspMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code dovelint lsp}: the language server on standard input and output, for editors (see
 * README, "Use in your editor"). Nothing else may write to standard output meanwhile: it
 * carries the protocol.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Serve dovelint's findings to an editor over the Language Server Protocol on stdin/stdout.")
final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        return LspMain.serve(System.in, System.out);
    }
}
