/**
 * Views only: each turns what a command has (plans, readings, run results, inventories) into what it
 * prints, one view per command and format, and nothing else. A view decides no outcome and sets no exit
 * code; it reads no host, file, clock or environment. Most return text for the CLI to print; the run views
 * ({@link io.routesync.render.SingleHostView}, {@link io.routesync.render.FleetView}) write to the streams
 * the CLI gives them while a run goes.
 * <ul>
 *   <li>plan, apply and pull: {@link io.routesync.render.SingleHostView} (one host) and
 *       {@link io.routesync.render.FleetView} (many: {@link io.routesync.render.HostBlockRenderer},
 *       {@link io.routesync.render.RecapRenderer}, {@link io.routesync.render.ProgressText} on a
 *       {@link io.routesync.render.FleetOutput}), built of {@link io.routesync.render.HumanPlanRenderer}
 *       (a plan), {@link io.routesync.render.ApplyView} (how an apply ended) and
 *       {@link io.routesync.render.Summary} (the lines scripts grep); JSON:
 *       {@link io.routesync.render.JsonPlanRenderer}, {@link io.routesync.render.FleetJsonRenderer}; pull's own
 *       lines and --report: {@link io.routesync.render.PullView}, {@link io.routesync.render.PullJsonView};</li>
 *   <li>show: {@link io.routesync.render.ShowYamlView}, {@link io.routesync.render.ShowJsonView};
 *       import: {@link io.routesync.render.ImportYamlView};</li>
 *   <li>explain: {@link io.routesync.render.ExplainTextView}, {@link io.routesync.render.ExplainDotView};</li>
 *   <li>the dot pictures of show, plan and explain: {@link io.routesync.render.PolicyDot} (laid out by
 *       PolicyDrawing and PacketPath, styled by DotStyle, printed and escaped by DotGraph);</li>
 *   <li>validate, confirm, rollback: {@link io.routesync.render.ValidateView},
 *       {@link io.routesync.render.ConfirmView}, {@link io.routesync.render.RollbackView};</li>
 *   <li>inventory: {@link io.routesync.render.InventoryJsonView} (--list, --host),
 *       {@link io.routesync.render.InventoryGraphView} (--graph).</li>
 * </ul>
 * What views share: {@link io.routesync.config.state.StateYamlRenderer} (rules and routes as a desired-state
 * YAML document), {@link io.routesync.render.Style} (colours) and {@link io.routesync.render.TextWidth}
 * (columns). Text from hosts and data is passed through as it is: the CLI's writer makes it safe for a
 * terminal, and DOT labels are escaped here because Graphviz reads them.
 */
package io.routesync.render;
