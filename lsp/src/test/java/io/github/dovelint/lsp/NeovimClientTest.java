package io.github.dovelint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client: headless neovim with its built-in LSP client starts the server, opens a file
 * with a known finding, and writes what {@code vim.diagnostic.get()} holds; then inserts two
 * lines above the finding without saving, and writes it again. Skipped, saying
 * so, where neovim is not installed ({@code .ci/run} installs Debian's {@code neovim}).
 */
class NeovimClientTest {

    @TempDir
    Path root;

    private static final String INIT = """
            local root = os.getenv("DL_ROOT")
            local cmd = { os.getenv("DL_JAVA"), "-cp", os.getenv("DL_CP"), "io.github.dovelint.lsp.LspMain" }
            local client = vim.lsp.start_client({ name = "dovelint", cmd = cmd, root_dir = root })
            vim.cmd("edit " .. root .. "/hook.c")
            vim.lsp.buf_attach_client(0, client)
            local function dump(out)
              local lines = {}
              for _, d in ipairs(vim.diagnostic.get(0)) do
                local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
                table.insert(lines, string.format("%s|%s|%d|%s", d.source or "", code, d.lnum + 1, d.message))
              end
              vim.fn.writefile(lines, out)
            end
            vim.wait(90000, function() return #vim.diagnostic.get(0) > 0 end, 200)
            dump(os.getenv("DL_OUT"))
            -- two lines inserted above the finding, not saved: the finding follows the buffer
            vim.api.nvim_buf_set_lines(0, 4, 4, false, { "", "" })
            vim.wait(90000, function()
              local ds = vim.diagnostic.get(0)
              return #ds > 0 and ds[1].lnum == 6
            end, 200)
            dump(os.getenv("DL_OUT") .. ".edited")
            vim.lsp.stop_client(client)
            vim.cmd("qa!")
            """;

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void neovimShowsTheFindingInlineAndFollowsAnUnsavedEdit() throws Exception {
        Assumptions.assumeTrue(onPath("nvim"), "neovim is not installed: no real-client test (apt-get install neovim)");
        String hook = """
                #include <linux/fs.h>
                #include <linux/delay.h>
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	msleep(1);
                }
                """;
        Files.writeString(root.resolve("hook.c"), hook);
        Path init = Files.writeString(root.resolve("init.lua"), INIT);
        Path out = root.resolve("diagnostics.txt");
        ProcessBuilder pb = new ProcessBuilder("nvim", "--headless", "--clean", "-c", "luafile " + init);
        pb.environment().put("DL_ROOT", root.toString());
        pb.environment().put("DL_OUT", out.toString());
        pb.environment().put("DL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("DL_CP", System.getProperty("java.class.path"));
        pb.redirectErrorStream(true).redirectOutput(root.resolve("nvim.log").toFile());
        Process nvim = pb.start();
        boolean done = nvim.waitFor(150, TimeUnit.SECONDS);
        if (!done) {
            nvim.destroyForcibly();
        }
        assertTrue(done, "neovim did not finish: " + Files.readString(root.resolve("nvim.log")));
        assertTrue(Files.exists(out), "no diagnostics written: " + Files.readString(root.resolve("nvim.log")));
        List<String> lines = Files.readAllLines(out);
        assertEquals(1, lines.size(), lines::toString);
        String[] d = lines.get(0).split("\\|", 4);
        assertEquals("dovelint", d[0]);
        assertEquals("DL101", d[1]);
        assertEquals("5", d[2]);
        assertTrue(d[3].contains("msleep() may sleep"), d[3]);
        List<String> edited = Files.readAllLines(root.resolve("diagnostics.txt.edited"));
        assertEquals(List.of("dovelint|DL101|7|" + d[3]), edited, "the unsaved buffer's line");
        assertEquals(hook, Files.readString(root.resolve("hook.c")), "nothing was saved");
    }
}
