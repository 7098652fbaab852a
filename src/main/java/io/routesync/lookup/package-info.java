/**
 * A pure simulation of the kernel's route lookup: which policy rule matches a packet and which route
 * it then takes ({@code net/core/fib_rules.c}, {@code net/ipv4/fib_trie.c}, {@code net/ipv6/ip6_fib.c}),
 * over an observed or simulated state. It answers what {@code ip route get} answers, for a state that
 * does not exist yet: {@code routesync explain} and the management-path check use it to compare the
 * live host with the desired one. No processes, files or clock.
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) it uses {@code io.routesync.model},
 * {@code io.routesync.iproute2} (to print entries and names) and {@code io.routesync.plan}
 * ({@code Simulator}, for the state a plan would leave). Pure: no processes, files, network, clock or
 * environment.
 */
package io.routesync.lookup;
