package io.github.dovelint.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A companion core running in another process (the C conformance driver):
 * each hook call is written as a line {@code HOOK FD FILES FILE OOB}; the
 * process answers with its index, {@code entry FILES FD FILE} lines and
 * {@code end}. {@code reset} empties the index between runs.
 */
public final class ExternalCore implements CompanionCore, AutoCloseable {

    private final String name;
    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private SortedMap<IndexKey, Integer> index = Collections.emptySortedMap();

    public ExternalCore(String name, List<String> command) throws IOException {
        this.name = name;
        this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public void install(int fd, FileRef file, int files) {
        send("install", fd, file, files);
    }

    @Override
    public void replace(int fd, FileRef file, int files) {
        send("replace", fd, file, files);
    }

    @Override
    public void uninstall(int fd, FileRef file, int files) {
        send("uninstall", fd, file, files);
    }

    /** Empties the core's index. */
    public void reset() {
        exchange("reset");
    }

    private void send(String hook, int fd, FileRef file, int files) {
        exchange(hook + " " + fd + " " + files + " " + file.id() + " " + (file.oob() ? 1 : 0));
    }

    private void exchange(String command) {
        try {
            in.write(command + "\n");
            in.flush();
            TreeMap<IndexKey, Integer> now = new TreeMap<>();
            String line;
            while ((line = out.readLine()) != null && !line.equals("end")) {
                String[] w = line.split(" ");
                if (w.length != 4 || !w[0].equals("entry")) {
                    throw new IllegalStateException(name + ": unexpected answer to '" + command + "': " + line);
                }
                Integer old = now.put(new IndexKey(Integer.parseInt(w[1]), Integer.parseInt(w[2])), Integer.parseInt(w[3]));
                if (old != null) {
                    throw new IllegalStateException(name + ": two entries for F" + w[1] + ":" + w[2] + " after '" + command + "'");
                }
            }
            if (line == null) {
                throw new IllegalStateException(name + ": the core process ended (exit "
                        + waitExit() + ") after '" + command + "'");
            }
            index = Collections.unmodifiableSortedMap(now);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + command, e);
        }
    }

    private String waitExit() {
        try {
            return process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    @Override
    public SortedMap<IndexKey, Integer> index() {
        return index;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the process is going away anyway
        }
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
