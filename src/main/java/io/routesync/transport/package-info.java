/**
 * Reaching targets and running routesync's fixed scripts there. A {@link io.routesync.transport.Target}
 * (this host or a namespace: {@link io.routesync.transport.LocalTarget}; a host over OpenSSH:
 * {@link io.routesync.transport.SshTarget}, made by the run's {@link io.routesync.transport.SshConnections}
 * from {@link io.routesync.transport.SshSettings}; masters the run's own, or kept for later runs in the
 * user's {@link io.routesync.transport.KeptControlDir}) has one primitive, running a script with positional
 * arguments, and one conversation (the script's output up to a line answered on its input: a
 * session); {@link io.routesync.transport.ForwardingTarget} is what a wrapper of a target extends.
 * {@link io.routesync.transport.ProcessRunner} runs every local program within bounds
 * (with {@link io.routesync.transport.ProcessSessions}, {@link io.routesync.transport.OutputDrain} and, for a
 * conversation, {@link io.routesync.transport.Answering}).
 *
 * <p>The script protocol is typed here, one type per script, each knowing its arguments (in the order
 * its .sh reads them) and its replies: {@link io.routesync.transport.HostReader} (read.sh),
 * {@link io.routesync.transport.ApplyScript} (apply.sh), {@link io.routesync.transport.SessionScript}
 * (session.sh: read, then apply.sh's work on the answer, whose late parts follow it), {@link io.routesync.transport.ManagementProbe}
 * (probe.sh, with {@link io.routesync.transport.SshPeer}) and {@link io.routesync.transport.ConfirmTimer}
 * (arm.sh, confirm.sh, rollback.sh), all through {@link io.routesync.transport.ScriptCall} (the run's
 * marker, common.sh's arguments, the replies every script shares: locked, pending, fatal), made for a
 * {@link io.routesync.transport.ScriptTarget} (target, paths, lock wait, timeout), and
 * {@link io.routesync.transport.ScriptParts} (stdin). {@link io.routesync.transport.Script} holds the
 * texts; {@link io.routesync.transport.TargetPaths} where routesync's files are on a target. Nothing
 * outside this package builds an argument list or reads a marker word.
 *
 * <p>Two wrappers start a local target's run before the desired state has loaded, on the second core:
 * {@link io.routesync.transport.EarlyRead} (a plan's read) and {@link io.routesync.transport.EarlySession}
 * (an apply's session, whose marker the apply's {@code ScriptCall} takes so that the run can be its own).
 * Each is used only when it read what the caller's own run would have; else the caller runs as before.
 */
package io.routesync.transport;
