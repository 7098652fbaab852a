/**
 * {@code routesync pull}'s engine: {@link io.routesync.git.pull.Puller} runs fetch, resolve, signature
 * check, this host's state at the commit, and the per-host reconciler once;
 * {@link io.routesync.git.pull.PullReport} is the JSON a monitor reads.
 */
package io.routesync.git.pull;
