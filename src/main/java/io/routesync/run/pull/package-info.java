/**
 * Pull mode, {@code routesync pull}, a run mode for cron and timers on each host:
 * {@link io.routesync.run.pull.Puller} fetches the repository, resolves the ref, refuses an unsigned
 * or rewound commit, takes this host's desired state at that commit and runs it through the
 * {@link io.routesync.run.Pipeline} as a run of one job (unattended: a host that changed since it was
 * read is re-planned); {@link io.routesync.run.pull.LastPull} remembers the commit it left the host at.
 * How a pull ended is a {@link io.routesync.run.pull.PullResult}; its views (human, and the
 * {@code --report} JSON a monitor reads) are in {@code io.routesync.render}.
 */
package io.routesync.run.pull;
