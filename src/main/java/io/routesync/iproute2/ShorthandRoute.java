package io.routesync.iproute2;

import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.List;

/**
 * The common shorthand line {@code PREFIX [via ADDR] [dev NAME] [metric N]} (keywords in any order,
 * each at most once, at least one of via/dev) read straight from its text: no word list, no reader.
 * It declines (returns null) on anything else and on anything wrong, and the caller then reads the
 * line with the full grammar ({@link RouteAddReader}), which also says what is wrong. So it only
 * decides which of two readers builds a route, never what the route is or what a message says;
 * {@code ShorthandRouteDifferentialTest} holds it to the full grammar. One instance per load.
 */
public final class ShorthandRoute {
    private final int defaultProtocol;
    private final SharedValues shared;
    private final RouteFields f = new RouteFields();
    /** The last gateway read and its text: a large state repeats a few gateways, whose text need not be read again. */
    private IpAddress lastVia;
    private String lastViaText = "";
    /** The last line's path (gateway instance, device): nor need its device name be cut out again. */
    private IpAddress lastHopsVia;
    private Interface lastDev;
    private List<NextHop> lastHops;

    public ShorthandRoute(int defaultProtocol, SharedValues shared) {
        this.defaultProtocol = defaultProtocol;
        this.shared = shared;
    }

    /** The route {@code line} describes in {@code table}, or null: then the full grammar must read it. */
    public Route read(String line, TableId table) {
        int n = line.length();
        // the prefix: from the first character (words start at a digit: no keyword, type or option)
        int end = wordEnd(line, 0);
        if (end <= 0 || end == n || !isDigit(line.charAt(0))) return null;
        Prefix dst;
        IpAddress via = null;
        int devFrom = -1;
        int devTo = -1;
        long metric = 0;
        boolean seenMetric = false;
        try {
            dst = Prefix.parse(line, 0, end);
            if (!dst.isCanonical()) return null;
            int at = end;
            while (at < n) {
                int key = at + 1;
                int keyEnd = wordEnd(line, key);
                if (keyEnd <= key || keyEnd == n) return null;
                int value = keyEnd + 1;
                int valueEnd = wordEnd(line, value);
                if (valueEnd <= value) return null;
                int keyLength = keyEnd - key;
                if (keyLength == 3 && line.startsWith("via", key)) {
                    if (via != null) return null;
                    via = gateway(line, value, valueEnd);
                    if (via.family() != dst.family()) return null;
                } else if (keyLength == 3 && line.startsWith("dev", key)) {
                    // a word 'table' anywhere is refused by the state reader, even as a device name
                    if (devFrom >= 0 || (valueEnd - value == 5 && line.startsWith("table", value))) return null;
                    devFrom = value;
                    devTo = valueEnd;
                } else if (keyLength == 6 && line.startsWith("metric", key)) {
                    if (seenMetric) return null;
                    seenMetric = true;
                    metric = Numbers.parse(line, value, valueEnd, 0xffff_ffffL);
                    if (metric < 0) return null;
                } else {
                    return null;
                }
                at = valueEnd;
            }
            if (via == null && devFrom < 0) return null;
            f.reset(table);
            f.family = dst.family();
            f.dst = dst;
            f.metric = metric;
            f.protocol = defaultProtocol;
            f.scope = -1;
            f.multipath = path(via, line, devFrom, devTo);
            f.shared = null; // path() shared the list already
            return f.build();
        } catch (InvalidValueException e) {
            return null; // the full grammar says what is wrong, at the right word
        }
    }

    private IpAddress gateway(String line, int from, int to) {
        if (lastVia != null && lastViaText.length() == to - from && line.startsWith(lastViaText, from)) return lastVia;
        IpAddress via = IpAddress.parse(line, from, to);
        lastVia = via;
        lastViaText = line.substring(from, to);
        return via;
    }

    /** The one-path list of {@code via} and the device named by {@code line[from, to)} (none when from < 0). */
    private List<NextHop> path(IpAddress via, String line, int from, int to) {
        if (lastHops != null && via == lastHopsVia && sameName(lastDev, line, from, to)) return lastHops;
        Interface dev = from < 0 ? null : Interface.of(line.substring(from, to));
        List<NextHop> hops = List.of(new NextHop(via, dev, 1, false));
        if (shared != null) hops = shared.nexthops(hops);
        lastHopsVia = via;
        lastDev = dev;
        lastHops = hops;
        return hops;
    }

    private static boolean sameName(Interface dev, String line, int from, int to) {
        if (dev == null || from < 0) return dev == null && from < 0;
        String name = dev.name();
        return name.length() == to - from && line.startsWith(name, from);
    }

    /**
     * The end of the word starting at {@code from}: the next space or the end of the line; -1 for an
     * empty word (two spaces, a space at either end). Other whitespace, non-ASCII and template braces
     * need no check here: no value reader takes them (an address, a number, a device name: letters,
     * digits and _.-+@) and no keyword contains them, so a line holding one is declined all the same.
     */
    private static int wordEnd(String line, int from) {
        int end = line.indexOf(' ', from);
        if (end < 0) end = line.length();
        return end > from ? end : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

}
