package io.routesync.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.model.Family;
import io.routesync.model.RouteType;
import io.routesync.testing.Shell;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle: {@code ip -d -j -N route get} in a namespace for a {@link Query}, and its answer reduced
 * to what a simulation can be compared on (error message, or type, table, device and gateway).
 */
final class RouteGet {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kernel's answer: an error message, or where the packet goes ({@code table} null when none is printed). */
    record Answer(String error, RouteType type, Long table, String dev, String gateway, String raw) {
        boolean isError() {
            return error != null;
        }
    }

    private RouteGet() {
    }

    /** The {@code ip} arguments for a query, after {@code ip -n NS}. */
    static List<String> argv(Query q) {
        List<String> a = new ArrayList<>();
        if (q.family() == Family.INET6) a.add("-6");
        a.addAll(List.of("-d", "-j", "-N", "route", "get", q.dst().toString()));
        if (q.src() != null) a.addAll(List.of("from", q.src().toString()));
        if (q.iif() != null) a.addAll(List.of("iif", q.iif().name()));
        if (q.oif() != null) a.addAll(List.of("oif", q.oif().name()));
        if (q.mark() != 0) a.addAll(List.of("mark", "0x" + Long.toHexString(q.mark())));
        if (q.tos() != 0) a.addAll(List.of("tos", String.format("0x%02x", q.tos())));
        if (q.ipProto() != 0) a.addAll(List.of("ipproto", Integer.toString(q.ipProto())));
        if (q.sport() != 0) a.addAll(List.of("sport", Integer.toString(q.sport())));
        if (q.dport() != 0) a.addAll(List.of("dport", Integer.toString(q.dport())));
        // ip route get sends no uid for a forwarded packet and the kernel then uses "invalid" (IPv6);
        // a real forwarded packet is routed with uid 0, which is what the simulation assumes
        a.addAll(List.of("uid", Long.toString(q.effectiveUid())));
        return a;
    }

    static Answer ask(String netns, Query q) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", netns));
        argv.addAll(argv(q));
        Shell.Result r = Shell.run(argv, null);
        if (r.exitCode() != 0) {
            String message = r.stderr().strip();
            String prefix = "RTNETLINK answers: ";
            if (message.startsWith(prefix)) message = message.substring(prefix.length());
            return new Answer(message, null, null, null, null, r.stderr());
        }
        try {
            JsonNode route = JSON.readTree(r.stdout()).get(0);
            RouteType type = RouteType.lookup(route.path("type").asText("unicast"));
            Long table = route.has("table") ? Long.valueOf(route.get("table").asText()) : null;
            String dev = route.has("dev") ? route.get("dev").asText() : null;
            String gateway = route.has("gateway") ? route.get("gateway").asText() : null;
            return new Answer(null, type, table, dev, gateway, r.stdout().strip());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the answer of " + String.join(" ", argv) + ": " + r.stdout(), e);
        }
    }
}
