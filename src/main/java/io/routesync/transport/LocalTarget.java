package io.routesync.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** This machine, or one of its network namespaces: scripts run under {@code sh -c} with argument arrays. */
public final class LocalTarget implements Target {
    private final String netns;

    private LocalTarget(String netns) {
        this.netns = netns;
    }

    /** This host. */
    public static LocalTarget host() {
        return new LocalTarget("");
    }

    /**
     * A network namespace of this host, as {@code ip netns} names it. The name is validated (it is
     * handed to {@code ip -n}); a namespace that does not exist is unreachable.
     */
    public static LocalTarget netns(String name) throws TransportException {
        if (!validName(name)) {
            throw new TransportException("'" + name + "' is not a valid network namespace name"
                    + " (letters, digits, '_', '.', '-'; at most 64)", false);
        }
        if (!Files.exists(Path.of("/run/netns", name))) {
            throw new TransportException("network namespace '" + name + "' does not exist (see 'ip netns list')", true);
        }
        return new LocalTarget(name);
    }

    /**
     * Whether {@code name} is {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,63}}, checked by a loop: a plan checks it on
     * the way to its early read, before anything else of the run needs a regular expression.
     */
    static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > 64) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || i > 0 && (c == '.' || c == '-');
            if (!ok) return false;
        }
        return true;
    }

    @Override
    public String name() {
        return netns.isEmpty() ? "this host" : "netns " + netns;
    }

    @Override
    public String netns() {
        return netns;
    }

    @Override
    public ScriptResult runScript(String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException {
        return ProcessRunner.run("the script on " + name(), argv(script, args), stdin, timeout);
    }

    /** {@link #runScript} with no input, its output followed by {@code watcher} as it comes. */
    ScriptResult runScript(String script, List<String> args, Duration timeout, OutputWatcher watcher) throws TransportException {
        return ProcessRunner.run("the script on " + name(), argv(script, args), null, timeout, watcher);
    }

    @Override
    public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException {
        return ProcessRunner.converse("the script on " + name(), argv(script, args), conversation, timeout);
    }

    private static List<String> argv(String script, List<String> args) {
        List<String> argv = new ArrayList<>(args.size() + 4);
        argv.add("sh");
        argv.add("-c");
        argv.add(script);
        argv.add("routesync");
        argv.addAll(args);
        return argv;
    }
}
