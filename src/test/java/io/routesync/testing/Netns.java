package io.routesync.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throwaway network namespace for one test: a unique name, {@code lo} up, helpers to run {@code ip}
 * inside it, and deletion on {@link #close()} (use try-with-resources or {@code @AfterEach}, so it is
 * removed even when the test fails). Call {@link KernelAccess#require()} first.
 */
public final class Netns implements AutoCloseable {
    private final String name;

    private Netns(String name) {
        this.name = name;
    }

    /** Creates {@code rs-PREFIX-XXXXXX} with {@code lo} up. */
    public static Netns create(String prefix) {
        String name = "rs-" + prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36);
        Shell.check("ip", "netns", "add", name);
        Netns ns = new Netns(name);
        try {
            ns.ip("link", "set", "lo", "up");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name() {
        return name;
    }

    /** Runs {@code ip -n NAME ARGS...} and throws unless it succeeds; returns stdout. */
    public String ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
        argv.addAll(List.of(args));
        return Shell.run(argv, null).check(argv).stdout();
    }

    /** Runs {@code ip -n NAME ARGS...} and returns the result whatever the exit code. */
    public Shell.Result tryIp(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
        argv.addAll(List.of(args));
        return Shell.run(argv, null);
    }

    /** Feeds {@code lines} to {@code ip -n NAME [-6] -batch -}; throws on failure. */
    public void batch(boolean inet6, String lines) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
        if (inet6) argv.add("-6");
        argv.addAll(List.of("-batch", "-"));
        Shell.run(argv, lines).check(argv);
    }

    /** Runs any program inside the namespace ({@code ip netns exec}). */
    public Shell.Result exec(String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", name));
        argv.addAll(List.of(command));
        return Shell.run(argv, null);
    }

    /** Adds a veth pair with both ends inside this namespace, both up (the dummy module is not available). */
    public void vethPair(String a, String b) {
        ip("link", "add", a, "type", "veth", "peer", "name", b);
        ip("link", "set", a, "up");
        ip("link", "set", b, "up");
    }

    @Override
    public void close() {
        Shell.run("ip", "netns", "del", name);
    }
}
