package io.github.dovelint.cache;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Whether a run still writes its cache folder. A folder that cannot be written (read-only, a
 * file in the way, a full disk) turns the cache off at the first failure, whichever file it
 * was (an entry, a run record, the index store, the file hashes): the run goes on and its
 * report is what it would be without the cache, and the warning is given once rather than
 * once per file (docs/robustness.md#an-unusable-cache-or-report-location).
 */
public final class CacheWrites {

    private final Path dir;
    private final Consumer<String> warning;
    private final AtomicBoolean on = new AtomicBoolean(true);

    private CacheWrites(Path dir, Consumer<String> warning) {
        this.dir = dir;
        this.warning = warning;
    }

    /** Writes that fail silently: for a cache whose user has no one to tell (tests, tools). */
    public static CacheWrites quiet(Path dir) {
        return new CacheWrites(dir, w -> { });
    }

    /**
     * Writes to {@code dir}, tried at once: the folder is created and a file made and deleted
     * in it, so that a folder that cannot be written is known before anything is parsed.
     *
     * @param warning told, once, why the cache is off
     */
    public static CacheWrites probe(Path dir, Consumer<String> warning) {
        CacheWrites writes = new CacheWrites(dir, warning);
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            writes.failed(dir, e);
        }
        return writes;
    }

    /** Whether the cache is still written. */
    public boolean on() {
        return on.get();
    }

    /** A write of {@code file} failed: the cache is off for the rest of the run, said once. */
    public void failed(Path file, Exception e) {
        if (on.compareAndSet(true, false)) {
            warning.accept("the cache in " + dir + " is off for this run: cannot write "
                    + (file.equals(dir) ? "there" : dir.relativize(file).toString()) + ": " + reason(e));
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileAlreadyExistsException x) {
            return "not a directory: " + x.getFile(); // a file where a folder should be
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof FileSystemException f) {
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT) + (f.getFile() != null ? ": " + f.getFile() : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
