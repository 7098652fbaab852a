package io.routesync.plan;

import io.routesync.model.DesiredState;
import io.routesync.model.Entry;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hex SHA-256 of everything in an observed state a plan could touch: the rules routesync owns or
 * that match a desired rule, every route of the tables that were read, and routesync's own table
 * names, together with the scope itself (tag, owned tables, tables read). A saved plan whose host no
 * longer gives the same fingerprint is stale.
 *
 * <p>Order-independent without sorting a million routes: each entry's canonical encoding
 * ({@link EntryEncoding}) is hashed on its own, and the digests are added as 256-bit numbers (a
 * multiset hash, so duplicates count). The final SHA-256 covers the scope, the sum and the count.
 */
final class Fingerprint {
    private static final byte[] VERSION = "routesync observed state v1\n".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha = sha256();
    private final EntryEncoding encoding = new EntryEncoding();
    private final byte[] digest = new byte[32];
    /** The sum of all entry digests, mod 2^256, as four big-endian 64-bit words. */
    private final long[] sum = new long[4];
    /** One entry's digest as four words (reused: no array per entry). */
    private final long[] words = new long[4];
    private long count;

    private Fingerprint() {
    }

    static String of(DesiredState desired, Observed observed, Ownership ownership) {
        return of(desired, observed, ownership, Planner.Halves.IN_TURN);
    }

    /**
     * {@link #of}, its route digests worked out in two halves through {@code halves} (a sum is the same in
     * any order: an apply has the halves made on two threads); the same fingerprint.
     */
    static String of(DesiredState desired, Observed observed, Ownership ownership, Planner.Halves halves) {
        Set<TableId> read = observed.tablesRead();
        List<Route> routes = observed.routes();
        int half = routes.size() / 2;
        List<Fingerprint> parts = halves.both(() -> routesOf(routes.subList(0, half), read), () -> routesOf(routes.subList(half, routes.size()), read));
        Fingerprint f = new Fingerprint();
        for (Fingerprint p : parts) f.plus(p);
        Set<Rule> exact = new HashSet<>();
        Set<Rule> anyPriority = new HashSet<>();
        for (Rule d : desired.rules()) (d.priority() != null ? exact : anyPriority).add(d.identity());
        for (Rule r : observed.rules()) {
            Rule id = r.identity();
            boolean relevant = ownership.owns(r) || exact.contains(id)
                    || (!anyPriority.isEmpty() && anyPriority.contains(id.withPriority(null)));
            if (relevant) f.add(r);
        }
        for (TableName n : observed.managedTableNames()) f.add(n);
        return f.finish(ownership, read);
    }

    private static Fingerprint routesOf(List<Route> routes, Set<TableId> read) {
        Fingerprint f = new Fingerprint();
        for (Route r : routes) {
            if (read.contains(r.table())) f.add(r);
        }
        return f;
    }

    /** Adds {@code other}'s entries (their digests' sum and their count) to these. */
    private void plus(Fingerprint other) {
        add(other.sum);
        count += other.count;
    }

    private void add(Entry entry) {
        encoding.encode(entry);
        sha.update(encoding.bytes(), 0, encoding.length());
        try {
            sha.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new AssertionError(e);
        }
        for (int word = 0; word < 4; word++) words[word] = wordAt(word);
        add(words);
        count++;
    }

    /** sum += words, mod 2^256. */
    private void add(long[] words) {
        long carry = 0;
        for (int word = 3; word >= 0; word--) {
            long x = sum[word];
            long y = words[word];
            long s = x + y + carry;
            // unsigned carry out of x + y + carry
            carry = (Long.compareUnsigned(s, x) < 0 || (carry == 1 && s == x)) ? 1 : 0;
            sum[word] = s;
        }
    }

    private long wordAt(int word) {
        long v = 0;
        for (int i = word * 8; i < word * 8 + 8; i++) v = (v << 8) | (digest[i] & 0xff);
        return v;
    }

    private String finish(Ownership ownership, Set<TableId> read) {
        sha.update(VERSION);
        StringBuilder scope = new StringBuilder();
        scope.append("tag ").append(ownership.protocolTag()).append("\nowned");
        for (TableId t : new TreeSet<>(ownership.ownedTables())) scope.append(' ').append(t);
        scope.append("\nread");
        for (TableId t : new TreeSet<>(read)) scope.append(' ').append(t);
        scope.append("\nentries ").append(count).append('\n');
        sha.update(scope.toString().getBytes(StandardCharsets.US_ASCII));
        for (long w : sum) {
            for (int shift = 56; shift >= 0; shift -= 8) sha.update((byte) (w >>> shift));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        }
    }
}
