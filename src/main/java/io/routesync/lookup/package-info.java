/**
 * A pure simulation of the kernel's route lookup: which policy rule matches a packet and which route
 * it then takes ({@code net/core/fib_rules.c}, {@code net/ipv4/fib_trie.c}, {@code net/ipv6/ip6_fib.c}),
 * over an observed or simulated state. It answers what {@code ip route get} answers, for a state that
 * does not exist yet: {@code routesync explain} and the management-path check use it to compare the
 * live host with the desired one. No processes, files or clock.
 */
package io.routesync.lookup;
