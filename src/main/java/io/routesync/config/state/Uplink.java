package io.routesync.config.state;

import io.routesync.config.SourcePos;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.List;

/**
 * One expanded {@code uplinks:} entry: the owned table, the two rules (priority and priority + 1) and
 * the two routes it stands for, and where its priority came from (for clash reports).
 */
record Uplink(SourcePos pos, long priority, SourcePos priorityPos, boolean explicitPriority, TableId table,
              List<Rule> rules, List<Route> routes) {
}
