package io.routesync.demo;

import io.routesync.transport.TransportException;
import java.io.PrintWriter;

/**
 * What {@code routesync demo} tells and checks around its routesync commands: the topology it built, and
 * before and after apply where replies from the second uplink's address leave ({@code ip route get}) and
 * whether they arrive ({@code ping} from beyond gateway 2, when ping is installed).
 */
public final class DemoStory {
    private DemoStory() {
    }

    public static void intro(PrintWriter out, String hostNamespace) {
        out.println("Built a host with two uplinks in namespace " + hostNamespace + ":");
        out.println("  eth0 192.168.1.10/24 -> gateway 192.168.1.1 (the main table's default route)");
        out.println("  eth1 192.168.2.10/24 -> gateway 192.168.2.1 (no policy routing yet)");
        out.println("Both gateways drop packets that arrive on the wrong side (strict rp_filter).\n");
    }

    /**
     * Prints where replies from the second address leave and whether they arrive.
     *
     * @param when        "before" or "after" apply, for the reader
     * @param expectedDev the device they should leave by now: eth0 before, eth1 after
     * @return whether they leave by {@code expectedDev} and, with ping, arrive exactly when that is eth1
     */
    public static boolean replies(DemoTopology topo, PrintWriter out, String when, String expectedDev) throws TransportException {
        String route = topo.routeGet(DemoTopology.REMOTE_ADDR, DemoTopology.UPLINK2_ADDR);
        String first = route.lines().findFirst().orElse("").strip();
        out.println("$ ip route get " + DemoTopology.REMOTE_ADDR + " from " + DemoTopology.UPLINK2_ADDR + "   (" + when + ")");
        out.println("  " + first);
        boolean viaExpected = first.contains(" dev " + expectedDev + " ");
        out.println("  -> replies from " + DemoTopology.UPLINK2_ADDR + " leave by " + (first.contains("dev eth1") ? "eth1, the uplink they came in on" : "eth0, the wrong uplink"));
        boolean pingOk = true;
        if (DemoTopology.pingAvailable()) {
            boolean reply = topo.pingUplink2FromRemote();
            out.println("$ ping " + DemoTopology.UPLINK2_ADDR + " from " + DemoTopology.REMOTE_ADDR + " (beyond gateway 2): "
                    + (reply ? "reply received" : "no reply (gateway 1 drops the reply as spoofed)"));
            pingOk = reply == expectedDev.equals("eth1");
        } else {
            out.println("(ping is not installed: skipping the traffic check; apt-get install iputils-ping)");
        }
        out.println();
        return viaExpected && pingOk;
    }
}
