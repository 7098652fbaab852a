/**
 * Desired state from YAML: {@link io.routesync.config.state.StateLoader} reads the state files of one
 * host into a merged {@link io.routesync.model.DesiredState}, through the one iproute2 grammar in
 * {@code io.routesync.iproute2}. What the state files mean where iproute2 does not say, in one place:
 *
 * <ul>
 *   <li>Tables under {@code tables:} take ids 1..2^31-1 (iproute2 names nothing above) other than
 *       253-255; the names local/main/default/all/cache are refused. Every declared table and every
 *       uplink table (a name or a bare number) is owned.</li>
 *   <li>Routes may be listed under a declared name, a number (not owned unless an uplink uses it) or
 *       local/main/default (only added or replaced). Names from a host's own rt_tables are unknown
 *       offline: use the number.</li>
 *   <li>A structured value is exactly one word; booleans are {@code true}/{@code false}. A shorthand
 *       string is split on whitespace after variable substitution, so one variable may hold several
 *       words there. A string may start with {@code -4}, {@code -6} or {@code -family inet|inet6}
 *       ({@link io.routesync.config.state.FamilyOption}), as {@code ip} takes them; a mapping says
 *       {@code family: inet6}. Mapping keys take iproute2's own synonyms ({@code pref}, {@code lookup},
 *       {@code oif}, ...); strings take every spelling iproute2 does, abbreviations included
 *       (docs/grammar.md).</li>
 *   <li>{@code {{ name }}} only (no filters); values are substituted as they are, never re-expanded.</li>
 *   <li>Uplinks without {@code priority}: the n-th uplink of a file (from 0) gets 1000 + 10 * n. Two
 *       uplinks whose priority pairs (P, P + 1) overlap are an error, unless they are the same uplink.
 *       An uplink and hand-written entries may share a table; equal entries collapse.</li>
 *   <li>Merging: equal entries collapse. Routes conflict when their kernel identity
 *       ({@link io.routesync.model.Route#key()}) is equal and anything else differs. Rules conflict when
 *       family, priority and every selector are equal and anything else differs (action, table, goto,
 *       suppress_*, realms, protocol): their order would be insertion order. The first declaration
 *       (files in the order given, then by place) is named in the error.</li>
 *   <li>The protocol tag is not a state-file setting: it is per host, so the caller passes it.
 *       {@code proto routesync} / {@code protocol routesync} name it.</li>
 *   <li>Warnings, not errors: a rule without action (it looks up main, as {@code ip rule add}
 *       does), a rule without priority, a rule at a kernel default rule's priority,
 *       an uplink gateway outside its subnet. When there are errors, only errors are thrown.</li>
 * </ul>
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) it uses {@code io.routesync.model},
 * {@code io.routesync.iproute2} (the rule and route grammar, table names), {@code io.routesync.config}
 * and {@code config.yaml}. Pure: state files come in as text ({@code SourceFile}), variables as values;
 * no processes, files, network, clock or environment.
 */
package io.routesync.config.state;
