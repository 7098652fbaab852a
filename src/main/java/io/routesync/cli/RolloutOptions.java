package io.routesync.cli;

import io.routesync.run.Rollout;
import picocli.CommandLine.Option;

/** apply's staged rollout (--serial, --max-fail): for runs over several hosts only (-i, apply PLAN). */
public final class RolloutOptions {

    @Option(names = "--serial", paramLabel = "SIZES",
            description = {"With -i (or apply PLAN): apply in batches of hosts, one after the other, each batch applied, verified"
                    + " (and confirmed, with --confirm) before the next starts. SIZES is a comma-separated list of host counts"
                    + " (N) or percentages of the hosts with changes (P%%, rounded down, at least 1); the last size repeats,"
                    + " e.g. 1,10%%,100%%: one canary host, then a tenth, then the rest.",
                "The recap says which batch each host was in, which batches ran, and which hosts were left untouched."})
    String serial;

    @Option(names = "--max-fail", paramLabel = "N|P%",
            description = "With --serial: stop before the next batch when more than N hosts (or more than P%% of the batch's"
                    + " hosts) failed or were unreachable in a batch (default 0: the first failure stops the rollout). Hosts"
                    + " left untouched count as failed in the exit code (1).")
    String maxFail;

    /** The rollout the options ask for, or null for none; checks that a run over several hosts is what they are given to. */
    Rollout rollout(boolean fleetRun) throws UserError {
        if (serial == null && maxFail == null) return null;
        if (!fleetRun) throw new UserError(ExitCodes.USAGE, "--serial and --max-fail are for inventory runs (-i FILE) and plan files (apply PLAN)");
        try {
            return Rollout.parse(serial, maxFail);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
    }
}
