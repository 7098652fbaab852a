package io.routesync.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The digest an apply record names as its inputs: the state files (name and content, in the order
 * given) and every variable's value, by name, the unlisted ones too ({@link Variables#unlisted}: an
 * inventory host's Ansible magic variables), so two hosts whose states can differ never share one. The
 * same for -f, an inventory directory, a commit and pull, so two runs from the same inputs record the
 * same digest however they read them.
 */
public final class InputsDigest {
    private InputsDigest() {
    }

    public static String of(List<SourceFile> states, Variables variables) {
        return later(states, variables).get();
    }

    /**
     * {@link #of}, with the variables read now (their templating is not safe to run on another
     * thread later) and the files hashed when first asked for: only apply records and saved plans
     * read the digest, and hashing every state file is a pass over all of them.
     */
    public static Supplier<String> later(List<SourceFile> states, Variables variables) {
        List<SourceFile> files = List.copyOf(states);
        // names() is sorted for every kind of variables, so the digest does not depend on how they were given
        List<String> lines = new ArrayList<>();
        for (String name : variables.names()) lines.add(name + "=" + variables.lookup(name) + "\0");
        // after the listed ones, and nothing for variables with none (--var): their digests are as they were
        for (String name : new TreeSet<>(variables.unlisted())) {
            String value = variables.lookup(name);
            lines.add(name + (value == null ? "" : "=" + value) + "\0");
        }
        return () -> {
            MessageDigest sha = sha256();
            for (SourceFile f : files) {
                // name NUL content NUL, as one string would give, without copying a large content into one first
                sha.update(f.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.content().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (String line : lines) sha.update(line.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        };
    }

    /** A digest of several hosts' input digests, by host name: what a fleet plan file names as its inputs. */
    public static String ofHosts(List<String> hosts, List<String> digests) {
        MessageDigest sha = sha256();
        for (int i = 0; i < hosts.size(); i++) sha.update((hosts.get(i) + "=" + digests.get(i) + "\0").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
