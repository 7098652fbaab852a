package io.routesync.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest an apply record names as its inputs: the state files (name and content, in the order
 * given) and every variable's value, by name. The same for -f, an inventory directory, a commit and
 * pull, so two runs from the same inputs record the same digest however they read them.
 */
public final class InputsDigest {
    private InputsDigest() {
    }

    public static String of(List<SourceFile> states, Variables variables) {
        MessageDigest sha = sha256();
        for (SourceFile f : states) {
            // name NUL content NUL, as one string would give, without copying a large content into one first
            sha.update(f.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(f.content().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        // names() is sorted for every kind of variables, so the digest does not depend on how they were given
        for (String name : variables.names()) sha.update((name + "=" + variables.lookup(name) + "\0").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
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
