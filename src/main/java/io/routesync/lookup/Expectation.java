package io.routesync.lookup;

import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.TableId;
import java.util.List;

/**
 * One entry of a state file's {@code expect:}: a {@link Flow} and what must happen to it. Every
 * outcome field given must hold; {@code unchanged} says the desired state must send the flow the way
 * the live host does now (checked where a live host is read: plan, test with a target).
 *
 * @param place     where it was declared ({@code file:line:column}), for messages
 * @param type      the way it ends ({@link #TYPES}), or null for any that delivers when via/dev/table are given
 * @param tableText the table as written (a name or a number), for messages; null with {@code table}
 */
public record Expectation(String place, Flow flow, IpAddress via, Interface dev, TableId table, String tableText, String type,
        boolean unchanged) {

    /** The outcomes {@code type:} names: where the packet is delivered, or how the kernel refuses it. */
    public static final List<String> TYPES = List.of("unicast", "local", "broadcast", "multicast", "blackhole", "unreachable", "prohibit");

    /** What the expectation asks for, in its own syntax: {@code via 192.0.2.1 dev eth1 table uplink2}. */
    public String wanted() {
        StringBuilder s = new StringBuilder();
        if (type != null) s.append(type);
        if (via != null) s.append(s.length() > 0 ? " " : "").append("via ").append(via);
        if (dev != null) s.append(s.length() > 0 ? " " : "").append("dev ").append(dev);
        if (table != null) s.append(s.length() > 0 ? " " : "").append("table ").append(tableText);
        if (unchanged) s.append(s.length() > 0 ? ", " : "").append("unchanged");
        return s.toString();
    }

    /** Whether it names an outcome of its own (not only "unchanged"). */
    public boolean hasOutcome() {
        return type != null || via != null || dev != null || table != null;
    }
}
