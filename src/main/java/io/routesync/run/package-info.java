/**
 * Running routesync on hosts: one pipeline for one host and for many. Start at
 * {@link io.routesync.run.Pipeline}, which says what {@code plan}, {@code apply} and {@code apply PLAN}
 * do (an apply with no question to wait for is one session per host: {@code Pipeline.converge}); a single target ({@code -f}, {@code --netns}) is a run of one job, an inventory a run of many, a
 * plan file a run of its saved hosts, and pull ({@code run.pull}) a run of one job on this host.
 *
 * <ul>
 *   <li>Where the hosts come from: {@link io.routesync.run.FleetLoader} reads an inventory (from a
 *       directory or a git commit's tree), selects hosts and prepares each offline as a
 *       {@link io.routesync.run.HostSpec} (its desired state, where routesync's files go, how to reach
 *       it), reporting every host's problems at once; {@link io.routesync.run.SourceNames} names files
 *       as the user knows them.</li>
 *   <li>How they are reached: a {@link io.routesync.run.Session} holds the run's ssh connections and
 *       makes a {@link io.routesync.run.HostJob} per host ({@link io.routesync.run.SavedHostJob} per
 *       host of a plan file), which runs the {@link io.routesync.apply} flow on it and keeps every
 *       failure in its {@link io.routesync.run.HostRun}: one host never stops the others.</li>
 *   <li>How a run goes and ends: {@link io.routesync.run.ParallelRun} runs the jobs {@code --forks} at a
 *       time and hands the results back in order to a {@link io.routesync.run.RunListener} (the views
 *       of {@code io.routesync.render}); the {@link io.routesync.run.RunResult} says where the run
 *       stands, most serious host first; {@link io.routesync.run.PlanFiles} is what {@code plan --out}
 *       saves.</li>
 * </ul>
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) it uses what comes before it; what the user reads (blocks, recap, JSON) is render's,
 * the exit codes the CLI's.
 */
package io.routesync.run;
