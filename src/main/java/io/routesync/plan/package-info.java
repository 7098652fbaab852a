/**
 * The planner: from what a host should be, what it was seen to be and what routesync owns there, the
 * minimal, ordered changes ({@link io.routesync.plan.Planner}, see docs/planning.md). Its parts:
 * {@code RouteDiff}, {@code RuleDiff} and {@code TableNameDiff} compare desired with observed entries
 * (a contradiction is a {@link io.routesync.plan.PlanConflictException} naming every conflict);
 * {@code Adoption} says when a live entry counts as the desired one; {@code RuleCollision} has the
 * kernel's looser matching of rules; {@code ChangeOrder} puts the changes in make-before-break order;
 * {@code Fingerprint} hashes what a plan could touch, so a saved plan can be found stale;
 * {@code Rollback} plans the way back after a failed apply; and {@link io.routesync.plan.Simulator}
 * applies changes to an observed state the way the kernel would (property tests, {@code explain}, the
 * management-path check and the {@code --confirm} undo use it).
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) it uses {@code io.routesync.model} and, for the one-line text of an entry in conflict
 * messages, {@code io.routesync.iproute2.IpSyntax}. Pure: values in, values out, the same plan for the
 * same inputs in any order; no processes, files, network, clock or environment. Built for
 * million-route tables ({@code RouteIndex}).
 */
package io.routesync.plan;
