/**
 * What {@code routesync demo} stands on: {@link io.routesync.demo.DemoTopology} builds the seed
 * article's dual-uplink topology in four throwaway network namespaces (a host with two uplinks, two
 * gateways with strict reverse-path filtering, a far end), answers {@code ip route get} and a ping
 * inside it, and removes every namespace it made. {@link io.routesync.demo.DemoStory} says what was
 * built and shows, before and after apply, where replies leave and whether they arrive;
 * {@link io.routesync.demo.DemoFiles} finds the state to apply and holds the run's throwaway directory.
 * {@code io.routesync.cli.DemoCommand} drives routesync's own commands against the host namespace.
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) demo sits with cli, at the end: it may use any earlier package, and uses only
 * {@code io.routesync.transport} ({@code ProcessRunner}). Not pure: it runs {@code ip} as root,
 * changes sysctls inside its own namespaces and draws random namespace names; it never touches the
 * machine's own links, routes or rules.
 */
package io.routesync.demo;
