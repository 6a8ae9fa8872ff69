package io.github.dovelint.engine;

import java.util.concurrent.CancellationException;

/** Where a run stops when its {@link ProgressListener#cancelled() listener asks it to}. */
final class Cancellation {

    private Cancellation() {
    }

    /** Throws when the run is to stop; called where stopping leaves nothing half written. */
    static void check(ProgressListener progress) {
        if (progress.cancelled()) {
            throw new CancellationException("the dovelint run was cancelled");
        }
    }
}
