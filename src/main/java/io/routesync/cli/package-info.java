/**
 * The command line: what a user types becomes a run, and its result becomes output and an exit code.
 * Each command (picocli {@code *Command}, with the option mixins {@code StateOptions}, {@code TargetOptions},
 * {@code RepoOptions}, {@code FleetOptions}) keeps only
 * <ul>
 *   <li>its options and their checks (a bad command line is exit 64);</li>
 *   <li>choosing a source (state files, an inventory, a git repository, a plan file, the target) and a
 *       view ({@code --format}, {@link io.routesync.cli.OutputFormat}; the views are in
 *       {@code render});</li>
 *   <li>calling the run: reading and applying are in {@code apply} and {@code run}, what a host's
 *       reading means in {@code plan} and {@code lookup};</li>
 *   <li>exit codes ({@link io.routesync.cli.ExitCodes}) and error reporting: {@link io.routesync.cli.UserError}
 *       and {@link io.routesync.cli.Failures} turn what a run raises into one paragraph with its exit code,
 *       {@link io.routesync.cli.ErrorReporter} prints it (diagnostics with file:line:column, a stack trace
 *       only with --debug).</li>
 * </ul>
 * Around them: {@link io.routesync.cli.Main} and {@link io.routesync.cli.RootCommand}; the terminal
 * ({@link io.routesync.cli.TerminalSafeWriter}, through which every byte printed passes, Terminal, Screen);
 * {@link io.routesync.cli.Graphviz}, which runs {@code dot} for {@code --format svg}; completion and
 * version. {@code demo} and {@code bench} sit beside this package and may use it.
 */
package io.routesync.cli;
