package io.routesync.render;

import io.routesync.run.HostRun;
import io.routesync.run.Rollout;
import io.routesync.run.RunResult;
import java.util.List;

/**
 * The words a staged rollout (--serial) adds to a fleet run's output: a line before each batch, and
 * the recap's line on which batches ran, where it stopped and why, and how many hosts it left untouched.
 */
public final class RolloutText {
    private RolloutText() {
    }

    /**
     * {@code Rollout: 3 batches of 1, 1 and 6 hosts; it stops after a batch in which more than 0 hosts fail (--max-fail 0).}
     */
    public static String planned(Rollout rollout, List<Integer> sizes) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < sizes.size(); i++) {
            if (i > 0) list.append(i == sizes.size() - 1 ? " and " : ", ");
            list.append(sizes.get(i));
        }
        String fail = rollout.maxFail().percent() ? rollout.maxFail() + " of its hosts" : rollout.maxFail().value() + (rollout.maxFail().value() == 1 ? " host" : " hosts");
        return "Rollout: " + sizes.size() + (sizes.size() == 1 ? " batch of " : " batches of ") + list
                + (sizes.size() == 1 && sizes.get(0) == 1 ? " host" : " hosts") + "; it stops after a batch in which more than " + fail
                + " fail (--max-fail " + rollout.maxFail() + ").";
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
