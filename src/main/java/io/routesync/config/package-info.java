/**
 * What every reader of routesync's input shares: the text of an input file and its name
 * ({@link io.routesync.config.SourceFile}), places in it ({@link io.routesync.config.SourcePos}),
 * diagnostics that name {@code file:line:column} and a fix ({@link io.routesync.config.Diagnostic},
 * all of them thrown at once in an {@link io.routesync.config.InvalidInputException}, exit 65), the
 * bounds on what is read ({@link io.routesync.config.InputLimits}, {@link io.routesync.config.InputText}
 * for bytes that are too many or not UTF-8, {@link io.routesync.config.ExpansionBudget} for
 * {@code {{ name }}} substitution), the {@code {{ name }}} templates themselves
 * ({@link io.routesync.config.Template}, {@link io.routesync.config.Variables}) and "did you mean"
 * ({@link io.routesync.config.Nearest}). The readers are in the sub-packages: {@code config.yaml} (YAML
 * with positions), {@code config.state} (state files) and {@code config.inventory} (Ansible
 * inventories).
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) this package uses only the JDK and {@code config.yaml} (whose {@code YamlNode} the
 * expansion budget counts). Pure: readers take text that was already read; no processes, files,
 * network, clock or environment.
 */
package io.routesync.config;
