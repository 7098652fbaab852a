package io.routesync.iproute2;

import io.routesync.model.FwMark;
import io.routesync.model.MetricValue;
import io.routesync.model.RouteMetric;
import io.routesync.model.TableId;

/**
 * How one value is spelled in iproute2's input syntax, so that {@code ip rule add} / {@code ip route add}
 * (and routesync's own grammars, through {@link ValueWords}) read it back as the same value. The entry
 * writer, {@link IpSyntax}, asks only this class; this class asks {@link Names} where a name is wanted.
 *
 * <p>{@code names} null means numbers only: batch lines, and the text plan and saved files keep, which
 * must not depend on the name files of the machine that reads them. Otherwise tables, protocols,
 * scopes and IP protocols are named where {@code names} knows a name (text for people). Values that
 * have no names routesync writes (tos, realms, marks, metrics) are spelled the same in both forms.
 */
final class Spelling {
    private Spelling() {
    }

    static String table(TableId table, Names names) {
        return names == null ? Long.toString(table.id()) : names.tableName(table);
    }

    static String protocol(int protocol, Names names) {
        return names == null ? Integer.toString(protocol) : names.protocolName(protocol);
    }

    static String scope(int scope, Names names) {
        return names == null ? Integer.toString(scope) : names.scopeName(scope);
    }

    /**
     * An {@code ipproto} value: its /etc/protocols name when {@code names} is given and it has one, else
     * the number ({@code ip rule add} does not read the {@code ipproto-N} form it prints).
     */
    static String ipProto(int number, Names names) {
        if (names != null) {
            String name = names.ipProtoName(number);
            if (!name.startsWith("ipproto-")) return name;
        }
        return Integer.toString(number);
    }

    /** {@code 0x%02x}: iproute2 reads tos in hex, and a name from rt_dsfield may not exist on the target. */
    static String tos(int tos) {
        String h = Integer.toHexString(tos);
        return h.length() == 1 ? "0x0" + h : "0x" + h;
    }

    /**
     * Realms are kept as the kernel's 32-bit value {@code FROM << 16 | TO}; this is the input form iproute2
     * reads back: {@code FROM/TO} or {@code TO} while both halves fit its 0-255 names, else the raw number.
     */
    static String realms(long realms) {
        long from = realms >>> 16;
        long to = realms & 0xffff;
        if (from > 255 || to > 255) return Long.toString(realms);
        return from == 0 ? Long.toString(to) : from + "/" + to;
    }

    /** {@code VALUE/MASK} as the model prints it; a zero mark needs its mask spelled out, or the kernel takes it for "no fwmark". */
    static String fwmark(FwMark mark) {
        return mark.value() == 0 ? "0x0/" + hex(mark.mask()) : mark.toString();
    }

    /**
     * A metric's value (without the name and lock), as {@code ip route add} reads it: {@code 1400},
     * {@code 100ms} (time metrics are kept in milliseconds), {@code ecn} or the features in hex, {@code cubic}.
     */
    static String metric(RouteMetric metric, MetricValue value) {
        switch (metric.kind()) {
            case MILLIS: return value.number() + "ms";
            case FEATURES: return value.number() == 1 ? "ecn" : hex(value.number());
            case NAME: return value.name();
            default: return Long.toString(value.number());
        }
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
