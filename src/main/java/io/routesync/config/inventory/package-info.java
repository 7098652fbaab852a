/**
 * Ansible-style inventories: which hosts routesync manages, how to reach them, their variables and
 * their states. {@link io.routesync.config.inventory.InventoryReader} reads one from an
 * {@link io.routesync.config.inventory.InventorySource} (a directory, a git tree, strings), so this
 * package does no I/O of its own except in {@link io.routesync.config.inventory.DirectorySource}.
 *
 * <p>Semantics follow ansible-core (the yaml and ini inventory plugins, host_group_vars, the
 * InventoryManager's patterns and VariableManager's precedence), checked against its documentation,
 * its source, and Ansible itself on real inventories (InventoryOracleTest). As in Ansible, variables are
 * templated lazily: only those routesync reads (connection variables, {@code routesync_*}, and the ones a
 * selected host's states use), with Ansible's magic variables inventory_hostname(_short), group_names,
 * groups, inventory_file, inventory_dir and playbook_dir (the project directory above the inventory's).
 * What is wrong with one host (Jinja routesync cannot evaluate in a value it needs, an inline
 * {@code !vault} value it needs, an unsupported connection) stays with that host and is an error only
 * when the host is selected. Where this package differs from Ansible, it is stricter, on purpose,
 * because these values end up in ssh command lines and in the kernel's routing tables:
 * <ul>
 *   <li>what Ansible warns about and skips (unknown keys in a group, a pattern matching nothing, a
 *       value of the wrong shape) is an error here; files Ansible silently ignores are warnings;</li>
 *   <li>connection variables are checked against allow-lists, ssh arguments are parsed like ssh's
 *       getopt and options that run commands are refused; a port written with a leading zero (octal
 *       in Ansible's YAML) is refused;</li>
 *   <li>group and host names are restricted to what patterns can name (a host name that is no
 *       address needs ansible_host);</li>
 *   <li>only {@code {{ name }}} templates are evaluated; other Jinja is an error when its value is
 *       needed, not passed on;</li>
 *   <li>values stay text (YAML scalars as written): no int/bool typing, INI values included;</li>
 *   <li>--limit results are always in inventory order (subscripts count in Ansible's order).</li>
 * </ul>
 * Not supported: inventory plugins and scripts, directories of inventory files, several inventory
 * sources, vault decryption (vault files are skipped with a warning, inline vaulted values are refused
 * where needed), playbook-adjacent group_vars, {@code hash_behaviour=merge}, {@code @file} limits,
 * facts and other play-time variables.
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) it uses {@code io.routesync.model} (addresses, families), {@code io.routesync.config}
 * and {@code config.yaml}, and Jackson for the JSON of {@code routesync inventory --list} and
 * {@code --host}. Pure (no processes, network, clock or environment; text comes through an
 * {@code InventorySource}), except {@code DirectorySource}, which reads the files of a directory: the
 * one deliberate edge of the pure core.
 */
package io.routesync.config.inventory;
