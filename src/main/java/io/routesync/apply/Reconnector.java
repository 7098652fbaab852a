package io.routesync.apply;

import io.routesync.transport.SshConnections;
import io.routesync.transport.SshSettings;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.util.List;

/**
 * Opens a new connection to a host, independent of every connection made before: {@code apply
 * --confirm} proves with it that the host can still be reached after the change. For SSH that means a
 * new ssh process with its own ControlMaster directory, hence a new TCP connection, key exchange and
 * login: the apply's master connection can outlive a change that blocks new connections (an
 * established flow, a cached route), so reusing it would prove nothing.
 */
@FunctionalInterface
public interface Reconnector {

    /** One new connection; close it when done. */
    interface Connection extends AutoCloseable {
        Target target();

        @Override
        void close();
    }

    Connection open() throws TransportException;

    /**
     * For this machine or a namespace: every script run is a new process and there is no connection
     * that a routing change could cut, so the target itself is the "new connection".
     */
    static Reconnector local(Target target) {
        return () -> new Connection() {
            @Override
            public Target target() {
                return target;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * For an SSH host: each connection is a fresh {@link SshConnections} (a new private control
     * directory) with the ssh client {@code program}. Give {@code settings} a connect timeout well
     * inside the confirmation window: a host the change cut off answers no SYN, and ssh waits that long.
     */
    static Reconnector ssh(List<String> program, String name, SshSettings settings) {
        return () -> {
            SshConnections run = SshConnections.open(program);
            Target target = run.target(name, settings);
            return new Connection() {
                @Override
                public Target target() {
                    return target;
                }

                @Override
                public void close() {
                    run.close();
                }
            };
        };
    }
}
