/**
 * Views only: each turns values (plans, readings, results, inventories) into the text a command prints,
 * one view per command and format, and nothing else. A view decides no outcome and sets no exit code; it
 * reads no host, file, clock or environment and prints nothing itself: the CLI chooses a view, passes it
 * what the run returned and prints the text.
 * <ul>
 *   <li>plan and apply: {@link io.routesync.render.HumanPlanRenderer} (human),
 *       {@link io.routesync.render.JsonPlanRenderer} (JSON); a fleet's blocks, recap and JSON:
 *       {@link io.routesync.render.HostBlockRenderer}, {@link io.routesync.render.RecapRenderer},
 *       {@link io.routesync.render.FleetJsonRenderer}, {@link io.routesync.render.ProgressText};</li>
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
 * What views share: {@link io.routesync.render.StateYamlRenderer} (rules and routes as a desired-state
 * YAML document), {@link io.routesync.render.Style} (colours) and {@link io.routesync.render.TextWidth}
 * (columns). Text from hosts and data is passed through as it is: the CLI's writer makes it safe for a
 * terminal, and DOT labels are escaped here because Graphviz reads them.
 */
package io.routesync.render;
