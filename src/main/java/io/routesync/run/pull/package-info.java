/**
 * {@code routesync pull}'s engine: {@link io.routesync.run.pull.Puller} runs fetch, resolve, signature
 * check, this host's state at the commit, and the per-host reconciler once;
 * {@link io.routesync.run.pull.PullReport} is the JSON a monitor reads.
 */
package io.routesync.run.pull;
