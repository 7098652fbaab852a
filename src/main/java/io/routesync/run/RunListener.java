package io.routesync.run;

import java.util.List;

/**
 * What a run reports while it goes, for a view to show: calls never overlap, and hosts arrive in the
 * order the run was given them, each as soon as it and every host before it are done.
 */
public interface RunListener {
    /** A host of {@code phase} started or finished. */
    default void progress(Phase phase, int done, int running, int total) {
    }

    /** {@code run} is the next host's result in {@code phase}. */
    void host(Phase phase, HostRun run);

    /** The plan phase found changes and a staged rollout (--serial) will apply them in batches of {@code sizes} hosts. */
    default void rolloutPlanned(Rollout rollout, List<Integer> sizes) {
    }

    /** A batch of a staged rollout (--serial) of {@code hosts} hosts starts its apply phase. */
    default void batchStarted(HostRun.Batch batch, int hosts) {
    }

    /** Every host of {@code phase} is done; {@code result} holds them all. */
    default void phaseEnded(Phase phase, RunResult result) {
    }
}
