package io.routesync.cli;

import io.routesync.transport.SshConnections;
import io.routesync.transport.TransportException;

/**
 * The ssh connections of one run (when it reaches any host over ssh): one {@link SshConnections},
 * whose ControlMaster directory lets a host's later round trips reuse the connection its first one
 * opened, closed with every master when the run ends, also when it is interrupted (Ctrl-C):
 * otherwise one idle ssh master per host would linger until ControlPersist runs out.
 */
final class SshSession implements AutoCloseable {
    private final SshConnections connections;
    private final Thread onExit;

    private SshSession(SshConnections connections) {
        this.connections = connections;
        this.onExit = connections == null ? null : new Thread(connections::close, "routesync-ssh-close");
        if (onExit != null) Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Opens the run's connections with --ssh-program when {@code needed}; otherwise a session without any. */
    static SshSession open(boolean needed, FleetOptions fleet) throws UserError {
        if (!needed) return new SshSession(null);
        try {
            return new SshSession(SshConnections.open(fleet.sshProgram()));
        } catch (TransportException e) {
            throw new UserError(ExitCodes.FAILED, e.getMessage(), e);
        }
    }

    /** The run's connections, or null when no host is reached over ssh. */
    SshConnections connections() {
        return connections;
    }

    @Override
    public void close() {
        if (connections == null) return;
        connections.close();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook finds the connections closed
        }
    }
}
