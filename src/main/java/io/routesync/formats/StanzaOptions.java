package io.routesync.formats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options an ifupdown 0.8 stanza hands to its commands as {@code $IF_<OPTION>}, as {@code ifquery}
 * prints them: for {@code inet static}, an address written {@code A/N} is split into {@code address} and
 * {@code netmask} (an explicit netmask wins) and the broadcast address is computed unless given; for
 * {@code inet6 static}, the prefix length becomes {@code netmask} and ifupdown's defaults are added.
 * Other methods, and ifupdown2's stanzas without one, pass their options as written.
 */
final class StanzaOptions {
    private StanzaOptions() {
    }

    /** {@code options}: the stanza's non-command options, first value of each key, in file order. */
    static Map<String, String> of(String family, String method, Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>(options);
        if (!"static".equals(method)) return out;
        String address = out.get("address");
        String length = null;
        if (address != null && address.indexOf('/') > 0) {
            length = address.substring(address.indexOf('/') + 1);
            out.put("address", address.substring(0, address.indexOf('/')));
        }
        if ("inet".equals(family)) {
            if (!out.containsKey("netmask") && length != null && length.matches("\\d{1,2}") && Integer.parseInt(length) <= 32) {
                out.put("netmask", dotted(mask(Integer.parseInt(length))));
            }
            Long a = ipv4(out.get("address"));
            Long m = ipv4(out.get("netmask"));
            if (!out.containsKey("broadcast") && a != null && m != null) out.put("broadcast", dotted((a & m) | (~m & 0xffff_ffffL)));
        } else if ("inet6".equals(family)) {
            if (!out.containsKey("netmask") && length != null) out.put("netmask", length);
            out.putIfAbsent("autoconf", "0");
            out.putIfAbsent("preferred-lifetime", "");
            out.putIfAbsent("dad-attempts", "60");
            out.putIfAbsent("dad-interval", "0.1");
            out.putIfAbsent("accept_ra", "0");
        }
        return out;
    }

    private static long mask(int length) {
        return length == 0 ? 0 : (0xffff_ffffL << (32 - length)) & 0xffff_ffffL;
    }

    /** A dotted-quad IPv4 address as a number, or null. */
    private static Long ipv4(String s) {
        if (s == null || !s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return null;
        long v = 0;
        for (String part : s.split("\\.")) {
            int n = Integer.parseInt(part);
            if (n > 255) return null;
            v = (v << 8) | n;
        }
        return v;
    }

    private static String dotted(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
