/**
 * YAML for state files and inventories: {@link io.routesync.config.yaml.YamlReader} reads one file's
 * text into a {@link io.routesync.config.yaml.YamlNode} tree in which every node knows its
 * {@code file:line:column} and every scalar keeps its text as written (no typing: callers decide what a
 * value means). Anchors, aliases and merge keys are resolved as Ansible (PyYAML, YAML 1.1) reads them,
 * within {@link io.routesync.config.InputLimits}; syntax errors, duplicate keys and an unquoted
 * {@code {{ var }}} are diagnostics (see docs/input-limits.md).
 *
 * <p>Uses Jackson's streaming YAML parser and, beneath it, snakeyaml's events
 * ({@code EventParser}), and {@code io.routesync.config} for positions, diagnostics and limits; no other
 * routesync package. Pure: text in, a tree out; no processes, files, network, clock or environment.
 */
package io.routesync.config.yaml;
