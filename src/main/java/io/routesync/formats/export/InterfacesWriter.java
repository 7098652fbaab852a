package io.routesync.formats.export;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The state as ifupdown stanzas (file {@value #FILE}, for /etc/network/interfaces.d/): one
 * {@code iface NAME inet manual} per interface, whose {@code post-up} lines add its routes, then its
 * rules, and whose {@code pre-down} lines delete them again in reverse order (so the next ifup does not
 * meet "File exists"). The lines are iproute2 commands, so every entry the state can hold is expressed,
 * its protocol too; tables are written by number, since the names routesync registers may not be
 * installed when the interface comes up. Checked with ifupdown 0.8 (Debian 12), which runs every
 * stanza of an interface in turn.
 */
public final class InterfacesWriter {
    public static final String FILE = "routesync";
    public static final String TARGET = "ifupdown 0.8 (Debian 12)";
    /** iproute2's own names only: what {@code ip} knows at boot without routesync's files. */
    private static final Names BOOT_NAMES = Names.builtin();
    /** ip commands express every entry: only an entry without an interface is refused. */
    static final InterfaceGroups.Limits NONE = new InterfaceGroups.Limits() {
        @Override
        public List<String> route(Route route) {
            return List.of();
        }

        @Override
        public List<String> rule(Rule rule) {
            return List.of();
        }
    };

    private InterfacesWriter() {
    }

    public static Exported write(ExportInput in) {
        InterfaceGroups groups = InterfaceGroups.of(in, "ifupdown", NONE);
        StringBuilder out = new StringBuilder(1024);
        out.append(Header.of(FILE, "interfaces", TARGET, in, List.of(
                "Where an interface has a stanza of its own already, paste these lines into it: ifupdown runs every stanza",
                "of an interface in file order, and a route with src needs the address the other stanza sets.")));
        for (Interface at : groups.interfaces()) {
            out.append("\niface ").append(at.name()).append(" inet manual\n");
            List<String> up = new ArrayList<>();
            for (Route r : groups.routes(at)) up.add(command(r.family(), "route", IpSyntax.routeArgs(r, BOOT_NAMES, true)));
            for (Rule r : groups.rules(at)) up.add(command(r.family(), "rule", IpSyntax.ruleArgs(r, BOOT_NAMES)));
            for (String line : up) out.append("    post-up ").append(String.format(line, "add")).append('\n');
            List<String> down = new ArrayList<>(up);
            Collections.reverse(down);
            for (String line : down) out.append("    pre-down ").append(String.format(line, "del")).append('\n');
        }
        return new Exported(List.of(new ExportFile(FILE, out.toString())), groups.refused);
    }

    /** {@code ip [-6] OBJECT %s ARGS}, the verb left to fill in. */
    private static String command(Family family, String object, String args) {
        return (family == Family.INET6 ? "ip -6 " : "ip ") + object + " %s " + args.replace("%", "%%");
    }
}
