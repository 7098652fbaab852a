/**
 * The values everything else works on, validated when they are built: addresses and prefixes
 * ({@link io.routesync.model.IpAddress}, {@link io.routesync.model.Prefix}), the selectors and numbers
 * of rules and routes ({@link io.routesync.model.TableId}, {@link io.routesync.model.Priority},
 * {@link io.routesync.model.FwMark}, ...), the entries themselves ({@link io.routesync.model.Rule},
 * {@link io.routesync.model.Route} with its kernel identity {@code Route.key()},
 * {@link io.routesync.model.TableName}), what one host should be and was seen to be
 * ({@link io.routesync.model.DesiredState}, {@link io.routesync.model.Observed}), what routesync may
 * delete there ({@link io.routesync.model.Ownership}), and a plan for it
 * ({@link io.routesync.model.Change}, {@link io.routesync.model.HostPlan}).
 *
 * <p>Every record is immutable and canonical (one form, however it was written or printed), so the
 * planner compares entries with {@code equals}, and by the kernel's identity with {@code Route.key()}
 * and {@code Rule.identity()}. A value that cannot be built throws
 * {@link io.routesync.model.InvalidValueException} with what is wrong and what would be right; the
 * readers in {@code iproute2} and {@code config} turn it into a diagnostic with a position.
 *
 * <p>First in the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli): it uses only the JDK ({@code java.util}) and no other routesync package. Pure: no
 * processes, files, network, clock or environment; iproute2's syntax (words, names, printing) is not
 * here but in {@code io.routesync.iproute2}.
 */
package io.routesync.model;
