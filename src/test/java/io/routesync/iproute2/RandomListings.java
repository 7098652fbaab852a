package io.routesync.iproute2;

import io.routesync.model.Family;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random {@code ip route list} output for differential tests of the listing parser: lines mixing the
 * route fixtures' destinations (and type words), attributes and nexthop lines with some of their own,
 * most lines repeating the line before's attributes (as a dump of routes through one gateway does),
 * some attributes wrong for their family or not understood, and blank lines.
 */
public final class RandomListings {
    /** One listing, and the family the parser is given for it (null: each line's own). */
    public record Listing(String text, Family family) {
    }

    private final List<String> heads = new ArrayList<>(List.of("default", "10.9.0.0/16", "10.9.1.0/24", "192.0.2.7",
            "2001:db8:9::/48", "2001:db8::7", "unreachable 10.8.0.0/16", "7 10.13.0.0/16", "blackhole 2001:db8:8::/48",
            "10.9.2.0/23", "10.9.0.1/16", "::/0", "0.0.0.0/0", "fe80::/64"));
    private final List<String> rests = new ArrayList<>(List.of("", " ", " via 2001:db8::fe dev d0", " via inet6 fe80::1 dev d0 ",
            " dev d0 proto 245 metric x ", " via 192.0.2.254 dev d0 proto 245 ", " via 192.0.2.254 dev d0 proto 245 metric 7 ",
            " dev d0 mtu lock 1400 advmss 1360 ", " src 2001:db8::1 dev d0", " src 192.0.2.1 dev d0", " table 101 dev d0",
            " dev d0 frobnicate", " nhid 7 dev lo", " via 192.0.2.254", " dev d0 pref high", " dev d0 pref huge"));
    private final List<String> nexthops = new ArrayList<>(List.of("\tnexthop via 192.0.2.254 dev d0 weight 1 ",
            "\tnexthop dev d0 weight 300 "));
    private final Random random;

    public RandomListings(long seed) {
        random = new Random(seed);
        for (Path p : (Iterable<Path>) Fixtures.files(".txt")::iterator) {
            if (!isRouteListing(p)) continue;
            for (String line : Fixtures.lines(p)) {
                if (line.isBlank()) continue;
                if (Character.isWhitespace(line.charAt(0))) {
                    nexthops.add(line);
                } else {
                    // cut where the attributes start: after the destination (and a type word before it)
                    String[] w = line.strip().split(" ", -1);
                    boolean typed = w.length > 1 && (Character.isLetter(w[0].charAt(0)) && !w[0].equals("default") || w[0].length() <= 2);
                    String head = String.join(" ", List.of(w).subList(0, Math.min(typed ? 2 : 1, w.length)));
                    heads.add(head);
                    rests.add(line.substring(Math.min(line.length(), line.indexOf(head) + head.length())));
                }
            }
        }
    }

    private static boolean isRouteListing(Path fixture) {
        return !Fixtures.isRules(fixture) && fixture.getFileName().toString().startsWith("route-");
    }

    /** The fixtures of {@code ip route list} output the kernel printed, each with its family. */
    public static List<Listing> fixtures() {
        return Fixtures.files(".txt").filter(RandomListings::isRouteListing).map(p -> new Listing(Fixtures.read(p), Fixtures.familyOf(p)))
                .toList();
    }

    /** A listing of 1 to {@code maxLines} route lines. */
    public Listing next(int maxLines) {
        StringBuilder text = new StringBuilder();
        String rest = pick(rests);
        int lines = 1 + random.nextInt(maxLines);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(10) >= 7) rest = pick(rests);
            text.append(pick(heads)).append(rest).append('\n');
            if (random.nextInt(8) == 0) text.append(pick(nexthops)).append('\n');
            if (random.nextInt(30) == 0) text.append('\n');
        }
        Family family = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> Family.INET;
            default -> Family.INET6;
        };
        return new Listing(text.toString(), family);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
