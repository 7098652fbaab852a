package io.routesync.render;

import io.routesync.run.HostRun;
import io.routesync.run.Rollout;
import io.routesync.run.RunResult;

/**
 * The words a staged rollout (--serial) adds to a fleet run's output: a line before each batch, and
 * the recap's line on which batches ran, where it stopped and why, and how many hosts it left untouched.
 */
public final class RolloutText {
    private RolloutText() {
    }

    /** {@code Batch 2 of 3: 4 hosts.} */
    public static String batchStarted(HostRun.Batch batch, int hosts) {
        return "Batch " + batch.number() + " of " + batch.of() + ": " + hosts + (hosts == 1 ? " host." : " hosts.");
    }

    /**
     * {@code Rollout: 3 of 3 batches ran (--serial 1,50%, --max-fail 0).}, or when it stopped
     * {@code Rollout: stopped after batch 2 of 3: 1 of 2 hosts failed, more than --max-fail 0; 4 hosts left untouched.}
     */
    public static String line(RunResult result) {
        Rollout rollout = result.rollout();
        int of = result.batches();
        int ran = result.batchesRan();
        String options = "--serial " + rollout.serialText() + ", --max-fail " + rollout.maxFail();
        int untouched = 0;
        int size = 0;
        int failed = 0;
        for (HostRun r : result.hosts()) {
            if (r.status() == HostRun.Status.UNTOUCHED) untouched++;
            if (r.batch() == null || r.batch().number() != ran) continue;
            size++;
            if (r.status() == HostRun.Status.FAILED || r.status() == HostRun.Status.UNREACHABLE) failed++;
        }
        if (untouched == 0) return "Rollout: " + ran + " of " + of + (of == 1 ? " batch" : " batches") + " ran (" + options + ").";
        return "Rollout: stopped after batch " + ran + " of " + of + ": " + failed + " of " + size + (size == 1 ? " host" : " hosts")
                + " failed, more than --max-fail " + rollout.maxFail() + "; " + untouched + (untouched == 1 ? " host" : " hosts")
                + " left untouched.";
    }
}
