package io.github.dovelint.spec;

import java.util.List;
import java.util.Locale;

/** Companion cores that reproduce known mistakes; the property tests must find each one. */
public final class FaultyCores {

    private FaultyCores() {
    }

    /**
     * Older EVL: replace returns early when the new file is not oob-capable,
     * leaving a stale entry that points at the file dup2 just closed.
     */
    public static final class StaleReplace extends ReferenceCore {
        @Override
        public void replace(int fd, FileRef file, int files) {
            if (!file.oob()) {
                return;
            }
            super.replace(fd, file, files);
        }

        @Override
        public String name() {
            return "stale-replace";
        }
    }

    /**
     * uninstall asserts ({@code BUG_ON}) that an oob-capable file's fd is in
     * the index: wrong for fds a fork child inherited, which were never
     * installed.
     */
    public static final class StrictUninstall extends ReferenceCore {
        @Override
        public void uninstall(int fd, FileRef file, int files) {
            if (file.oob() && !index.containsKey(new IndexKey(files, fd))) {
                throw new IllegalStateException("BUG_ON: uninstall of unknown F" + files + ":" + fd);
            }
            super.uninstall(fd, file, files);
        }

        @Override
        public String name() {
            return "strict-uninstall";
        }
    }

    /** install indexes every file, without looking at the oob pointer. */
    public static final class OobBlindInstall extends ReferenceCore {
        @Override
        public void install(int fd, FileRef file, int files) {
            index.put(new IndexKey(files, fd), file.id());
        }

        @Override
        public String name() {
            return "oob-blind-install";
        }
    }

    /** The names {@link #byName} knows: reference and the faulty ones. */
    public static final List<String> NAMES = List.of("reference", "stale-replace", "strict-uninstall", "oob-blind-install");

    /** A new core by name, or null. */
    public static CompanionCore byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "reference" -> new ReferenceCore();
            case "stale-replace" -> new StaleReplace();
            case "strict-uninstall" -> new StrictUninstall();
            case "oob-blind-install" -> new OobBlindInstall();
            default -> null;
        };
    }
}
