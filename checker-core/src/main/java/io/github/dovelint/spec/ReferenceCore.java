package io.github.dovelint.spec;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The reference companion core (per-fd index, docs/contracts.md#c6-the-per-fd-index-a-core-maintains): an index keyed by
 * {@code (files, fd)} holding exactly the fds whose file is oob-capable, driven
 * only by the hook calls it receives. install adds an entry for an oob-capable
 * file; replace updates, creates or removes the entry to reflect the new
 * file; uninstall removes the entry and is a no-op for an unknown key.
 */
public class ReferenceCore implements CompanionCore {

    protected final TreeMap<IndexKey, Integer> index = new TreeMap<>();

    @Override
    public void install(int fd, FileRef file, int files) {
        if (file.oob()) {
            index.put(new IndexKey(files, fd), file.id());
        }
    }

    @Override
    public void replace(int fd, FileRef file, int files) {
        if (file.oob()) {
            index.put(new IndexKey(files, fd), file.id());
        } else {
            index.remove(new IndexKey(files, fd));
        }
    }

    @Override
    public void uninstall(int fd, FileRef file, int files) {
        index.remove(new IndexKey(files, fd));
    }

    @Override
    public SortedMap<IndexKey, Integer> index() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(index));
    }

    @Override
    public String name() {
        return "reference";
    }

    /** Delivers one hook call to a core. */
    public static void deliver(CompanionCore core, HookCall call) {
        switch (call.hook()) {
            case INSTALL -> core.install(call.fd(), call.file(), call.files());
            case REPLACE -> core.replace(call.fd(), call.file(), call.files());
            case UNINSTALL -> core.uninstall(call.fd(), call.file(), call.files());
        }
    }
}
