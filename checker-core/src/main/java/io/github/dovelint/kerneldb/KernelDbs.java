package io.github.dovelint.kerneldb;

import io.github.dovelint.kb.DerivedKnowledge;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.yaml.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the kernel database a run chose (docs/kernel-db.md#choosing). A run needs the database's
 * identity at once (recorded runs are keyed on it) and its entries only when it looks a function
 * up, after parsing: the identity is the digest of the file's bytes, and the entries are decoded
 * meanwhile on another thread, so that the database costs a run about nothing
 * (bench/kernel-db.sh measures it). The shipped databases are read once per process.
 */
public final class KernelDbs {

    /** Where the shipped databases are, as class-path resources. */
    static final String RESOURCES = "/io/github/dovelint/kerneldb/";

    private static final Map<String, Opened> SHIPPED = new ConcurrentHashMap<>();

    private KernelDbs() {
    }

    /**
     * A database being opened.
     *
     * @param identity the SHA-256 of the file's bytes
     * @param name     how messages name it: the shipped name or the file as shown
     * @param entries  its entries, decoded in the background: a lookup waits for them, and throws
     *                 {@link Unavailable} when the file turned out not to be a valid database
     */
    public record Opened(String identity, String name, Pending entries) {
    }

    /** A database whose file could not be decoded, found when its entries were first needed. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(ConfigException cause) {
            super(cause.detail(), cause, false, false);
        }

        public ConfigException problem() {
            return (ConfigException) getCause();
        }
    }

    /** Entries that are decoded in the background. */
    public static final class Pending implements DerivedKnowledge {
        private final CompletableFuture<KernelDb> db;

        Pending(CompletableFuture<KernelDb> db) {
            this.db = db;
        }

        @Override
        public void await() throws ConfigException {
            db();
        }

        /** The database, once decoded. */
        public KernelDb db() throws ConfigException {
            try {
                return db.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Unavailable u) {
                    throw u.problem();
                }
                throw e;
            }
        }

        private KernelDb get() {
            try {
                return db();
            } catch (ConfigException e) {
                throw new Unavailable(e);
            }
        }

        @Override
        public Optional<FunctionSpec> function(String name) {
            return get().function(name);
        }

        @Override
        public SortedMap<String, FunctionSpec> all() {
            return get().all();
        }
    }

    /** Opens {@code choice}; null for {@link KernelDbChoice#NONE}. */
    public static Opened open(KernelDbChoice choice, String shown) throws ConfigException {
        if (choice.isNone()) {
            return null;
        }
        if (choice.shipped() != null) {
            Opened known = SHIPPED.get(choice.shipped());
            if (known == null) {
                known = opened(shippedBytes(choice.shipped()), shippedDigest(choice.shipped()), choice.shipped());
                Opened raced = SHIPPED.putIfAbsent(choice.shipped(), known);
                known = raced != null ? raced : known;
            }
            return known;
        }
        byte[] bytes = fileBytes(choice.file(), shown);
        return opened(bytes, KernelDbFormat.sha256(bytes), shown);
    }

    /** Reads and decodes {@code choice} at once; null for {@link KernelDbChoice#NONE}. */
    public static KernelDb load(KernelDbChoice choice, String shown) throws ConfigException {
        Opened opened = open(choice, shown);
        return opened == null ? null : opened.entries().db();
    }

    private static Opened opened(byte[] bytes, String identity, String name) {
        // a thread of its own, not the common pool: a host (Eclipse) may keep that pool's one
        // worker on two cores busy, and a run would wait for it
        CompletableFuture<KernelDb> db = CompletableFuture.supplyAsync(() -> {
            try {
                return KernelDbReader.decode(bytes, identity, name);
            } catch (ConfigException e) {
                throw new Unavailable(e);
            }
        }, task -> io.github.dovelint.parse.Daemons.thread("dovelint-kernel-db", 0, task).start());
        return new Opened(identity, name, new Pending(db));
    }

    private static byte[] shippedBytes(String name) throws ConfigException {
        try (InputStream in = KernelDbs.class.getResourceAsStream(RESOURCES + name + ".kdb")) {
            if (in == null) {
                throw KernelDbReader.error(name, "the kernel database " + name + " is missing from this dovelint build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw KernelDbReader.error(name, "cannot read the kernel database: " + e.getMessage());
        }
    }

    /**
     * A shipped database's digest as shipped.txt records it, which ShippedKernelDbsTest checks
     * against the file at build time: the default run then hashes nothing at start.
     */
    private static String shippedDigest(String name) throws ConfigException {
        try (InputStream in = KernelDbs.class.getResourceAsStream(RESOURCES + "shipped.txt")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.split("\t");
                    if (f.length == 4 && f[0].equals(name)) {
                        return f[3];
                    }
                }
            }
        } catch (IOException e) {
            // said below
        }
        throw KernelDbReader.error(name, "the kernel database " + name + " is not in shipped.txt of this dovelint build");
    }

    private static byte[] fileBytes(Path file, String shown) throws ConfigException {
        try {
            if (Files.size(file) > KernelDbReader.MAX_BYTES) {
                throw KernelDbReader.tooLarge(shown, "");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw KernelDbReader.error(shown, "kernel database not found");
        } catch (IOException e) {
            throw KernelDbReader.error(shown, "cannot read the kernel database: " + e.getMessage());
        }
    }
}
