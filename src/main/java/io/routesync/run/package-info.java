/**
 * Fleet runs: many inventory hosts planned and applied at once. {@link io.routesync.run.FleetLoader}
 * prepares the selected hosts offline (each host's states with its variables, where routesync's files
 * go there, how to reach it), reporting every host's problems together;
 * {@link io.routesync.run.HostJob} runs the single-host {@link io.routesync.apply.Reconciler} flow
 * for one host and keeps its failures in a {@link io.routesync.run.HostRun} so no host stops the
 * others, and {@link io.routesync.run.SavedHostJob} does the same for a host of a saved plan; both
 * apply through {@link io.routesync.apply.GuardedApply} (management-path check, --confirm), as a
 * single-host apply does; {@link io.routesync.run.ParallelRun} runs the jobs on a bounded pool and hands results
 * back in inventory order. Output (blocks, recap, JSON) and exit codes are the CLI's.
 */
package io.routesync.run;
