package io.routesync.transport;

import io.routesync.config.inventory.SshOptions;
import java.time.Duration;
import java.util.List;

/**
 * A host reached with the system OpenSSH client, so the user's ssh configuration, agent, jump hosts
 * and known_hosts all apply. Each script run is one {@code ssh} invocation (see {@link SshCommandLine}
 * for the exact command); the run's {@link SshConnections} keeps the connection open between them.
 * Created by {@link SshConnections#target}.
 *
 * <p>The script works in the remote host's own network namespace, so {@link #netns()} is empty.
 */
public final class SshTarget implements Target {
    /** ssh's exit status for its own failures: connection, authentication, host key. */
    static final int SSH_FAILURE = 255;

    private final String name;
    private final SshSettings settings;
    private final SshConnections connections;

    SshTarget(String name, SshSettings settings, SshConnections connections) {
        this.name = name;
        this.settings = settings;
        this.connections = connections;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String netns() {
        return "";
    }

    public SshSettings settings() {
        return settings;
    }

    /**
     * Runs the script over ssh. Exit status 255 is ssh's own failure and becomes an unreachable
     * {@link TransportException} carrying ssh's last message line ("Host key verification failed.",
     * "ssh: connect to host ... Connection refused"); any other status is the script's, returned as is
     * (routesync's scripts never exit 255 themselves).
     */
    @Override
    public ScriptResult runScript(String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException {
        return converse(script, args, ProcessRunner.Conversation.fixed(stdin), timeout);
    }

    @Override
    public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException {
        if (connections.isClosed()) {
            throw new TransportException(name + ": the run's ssh connections are already closed", false);
        }
        List<String> argv;
        try {
            argv = SshCommandLine.argv(connections.program(), connections.control(), settings, script, args);
        } catch (IllegalArgumentException e) {
            throw new TransportException(name + ": " + e.getMessage(), false, e);
        }
        ScriptResult result = ProcessRunner.converse("ssh to " + name, argv, conversation, timeout);
        if (result.exitCode() == SSH_FAILURE) {
            throw new TransportException(throughJump(lastLine(result.stderr())), true);
        }
        return result;
    }

    /**
     * ssh runs a ControlPersist connection's ProxyCommand with its error output on /dev/null, so a jump
     * connection's own verdict ("Host key verification failed.") never shows: ssh only says its pipe
     * closed. Name the jump host, so the message points at it.
     */
    private String throughJump(String line) {
        if (!line.startsWith("Connection closed by UNKNOWN port") && !line.startsWith("kex_exchange_identification:")) return line;
        String jump = SshOptions.jump(settings.extraArgs());
        if (jump == null) return line;
        return "the connection through the jump host " + jump + " failed (" + line + "); ssh does not show why: its host key may"
                + " be unknown or its login refused (try connecting to it with ssh yourself)";
    }

    /** ssh ends with its verdict (after any warnings or host key banner); empty stderr gets a stand-in. */
    static String lastLine(String stderr) {
        String[] lines = stderr.split("\r?\n");
        for (int k = lines.length - 1; k >= 0; k--) {
            String line = lines[k].strip();
            if (!line.isEmpty()) return line;
        }
        return "ssh failed (exit status 255) without a message";
    }

    @Override
    public String toString() {
        return "SshTarget[" + name + " -> " + settings.host() + "]";
    }
}
