/**
 * Changing one host: {@link io.routesync.apply.Reconciler} observes, plans, applies the plan in
 * batches ({@link io.routesync.apply.BatchRun} over {@link io.routesync.apply.ApplyInput}), verifies and
 * rolls back on failure, reporting an {@link io.routesync.apply.ApplyReport}; after a verified batch an
 * {@link io.routesync.apply.AfterVerify} (the kernel's answers to the expectations) may still fail it.
 * {@link io.routesync.apply.SessionApply} does the same in one session on the host (read under the
 * lock, plan, batch, verify in one script run), preparing what only a batch needs on other threads
 * ({@link io.routesync.apply.Ahead}) and sending what is written only after the batch (the record, the
 * kept copy) while the batch runs.
 * {@link io.routesync.apply.GuardedApply} is that apply under the run's
 * {@link io.routesync.apply.ApplySafety}, in two runs or one session: the
 * {@link io.routesync.apply.ManagementPathCheck} first (in a session, from its reading), and
 * with --confirm a {@link io.routesync.apply.ConfirmedApply} (its undo a
 * {@link io.routesync.apply.ConfirmUndo}, confirmed over a new connection from a
 * {@link io.routesync.apply.Reconnector}) the host takes back by itself unless confirmed;
 * {@link io.routesync.apply.WatchedTarget} tells whether anything that can change the host was started.
 * {@link io.routesync.apply.SavedPlanApplier} applies a host of a saved plan
 * ({@link io.routesync.apply.SavedTargets} relates it to a target); {@link io.routesync.apply.ApplyRecord}
 * is the record an apply leaves on the host, and {@link io.routesync.apply.DataPaths} which directories
 * data may choose for routesync's files. The scripts themselves, and their protocol, are transport's.
 *
 * <p>Reading without changing, for {@code show}, {@code import} and {@code explain}:
 * {@link io.routesync.apply.LiveReader} reads a host's rules, then the tables they look up;
 * {@link io.routesync.apply.LivePolicy} is that reading as those commands show it (what routesync owns
 * there), and {@link io.routesync.apply.LivePlan} is explain's reading with the plan an apply would run.
 */
package io.routesync.apply;
