/**
 * Ansible-style inventories: which hosts routesync manages, how to reach them, their variables and
 * their states. {@link io.routesync.config.inventory.InventoryReader} reads one from an
 * {@link io.routesync.config.inventory.InventorySource} (a directory, a git tree, strings), so this
 * package does no I/O of its own except in {@link io.routesync.config.inventory.DirectorySource}.
 *
 * <p>Semantics follow ansible-core (the yaml and ini inventory plugins, host_group_vars, the
 * InventoryManager's patterns and VariableManager's precedence), checked against its documentation
 * and source. Where this package differs, it is stricter, on purpose, because these values end up in
 * ssh command lines and in the kernel's routing tables:
 * <ul>
 *   <li>what Ansible warns about and skips (unknown keys in a group, a pattern matching nothing, a
 *       value of the wrong shape) is an error here; files Ansible silently ignores are warnings;</li>
 *   <li>connection variables are checked against allow-lists, ssh arguments are parsed like ssh's
 *       getopt and options that run commands are refused;</li>
 *   <li>group, host and variable names are restricted to what patterns and templates can name;</li>
 *   <li>only {@code {{ name }}} templates are evaluated; other Jinja is an error, not passed on;</li>
 *   <li>values stay text (YAML scalars as written): no int/bool typing, INI values included;</li>
 *   <li>--limit results are always in inventory order.</li>
 * </ul>
 * Not supported: inventory plugins and scripts, directories of inventory files, several inventory
 * sources, vault decryption (vault files are skipped with a warning), playbook-adjacent group_vars,
 * {@code hash_behaviour=merge}, {@code @file} limits, magic variables other than inventory_hostname
 * and inventory_hostname_short.
 */
package io.routesync.config.inventory;
