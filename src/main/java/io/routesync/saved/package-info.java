/**
 * Saved plans ({@code plan --out FILE}, {@code apply FILE}): the versioned JSON file format, written
 * and read back exactly, with an integrity digest so an edited file is refused. Pure: text in, values
 * out; applying a saved plan is {@code io.routesync.apply.SavedPlanApplier}.
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) it uses {@code io.routesync.model},
 * {@code io.routesync.iproute2} (entries are stored in iproute2's words and read back through its
 * grammar), {@code io.routesync.lookup} (a saved {@code expect:} flow is read back through its one flow
 * parser), {@code io.routesync.config.inventory.SshOptions} (a recorded ssh destination is held to
 * the inventory's rules) and Jackson. No processes, files, network, clock or environment: the CLI
 * reads and writes the file.
 */
package io.routesync.saved;
