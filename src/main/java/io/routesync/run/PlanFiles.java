package io.routesync.run;

import io.routesync.apply.ApplyRecord;
import io.routesync.config.InputsDigest;
import io.routesync.saved.SavedHost;
import io.routesync.saved.SavedPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code plan --out} saves of a plan run: one saved host per host that could be planned (named
 * as in the inventory, with its expectations: {@link HostJob#saved}), the hosts left out, and the
 * digest of the inputs the apply records will name.
 */
public final class PlanFiles {

    /** The plan to save (null when no host could be planned), and the hosts left out of it. */
    public record Built(SavedPlan plan, List<String> leftOut) {
        public Built {
            leftOut = List.copyOf(leftOut);
        }
    }

    private PlanFiles() {
    }

    /**
     * @param inventory whether the hosts came from an inventory: its file names the digest of every host's
     *                  input digest, by name; a single host's file names that host's own digest
     */
    public static Built of(List<HostJob> jobs, RunResult planned, boolean inventory, String version, Instant now) {
        List<SavedHost> hosts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        ApplyRecord.Inputs first = null;
        for (int i = 0; i < jobs.size(); i++) {
            HostRun r = planned.hosts().get(i);
            if (r.failure() != null) {
                leftOut.add(r.name());
                continue;
            }
            hosts.add(jobs.get(i).saved(r));
            ApplyRecord.Inputs inputs = r.spec().inputs();
            if (first == null) first = inputs;
            names.add(r.name());
            digests.add(inputs.digest());
        }
        if (hosts.isEmpty()) return new Built(null, leftOut);
        // every host came from the same commit (or none)
        String digest = inventory ? InputsDigest.ofHosts(names, digests) : first.digest();
        return new Built(new SavedPlan(version, now.toString(), digest, first.commit(), hosts), leftOut);
    }
}
