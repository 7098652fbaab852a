package io.routesync.formats;

import static io.routesync.formats.ImportRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** import --from script on an rc.local and an ip -batch file: variables followed, the rest listed with why. */
class ScriptImportTest {
    private static final String RC = "/etc/rc.local";
    private static final String BATCH = "/etc/uplink2.batch";

    @Test
    void anRcLocalIsReadAsShWouldRunItWithoutRunningIt() {
        ImportRun run = ImportRun.of(ImportFormat.SCRIPT, RC, resource("script/rc.local"));
        assertEquals(List.of(
                "rule pref 1000 from 192.168.2.10 lookup rt2  @" + RC + ":13",
                "rule pref 1001 fwmark 0x2 lookup rt2  @" + RC + ":14",
                "rule -6 pref 1002 from 2001:db8:2::/64 lookup rt2  @" + RC + ":15",
                "route 192.168.2.0/24 dev eth1 table rt2 src 192.168.2.10  @" + RC + ":11",
                "route default via 192.168.2.1 dev eth1 table rt2  @" + RC + ":12",
                // added at 16 (continued on 17), replaced at 26: the later line wins, as in the kernel
                "route 10.9.0.0/16 via 192.168.2.4 dev eth1 table main metric 5  @" + RC + ":26"), run.entries(), run::toString);
        assertEquals(List.of(
                RC + ":18:5: warning: $WAN gets a value only known when the script runs ($(...) runs a command; routesync does not"
                        + " run anything it reads); lines that use it are listed",
                RC + ":19:31: error: $WAN is set by a line routesync could not read",
                RC + ":20:1: error: 'if' starts shell control flow (to its end): whether and how often its lines run is decided when"
                        + " the script runs, which routesync does not do; the lines in it are not read",
                RC + ":21:1: error: inside the block that starts at line 20: not read (whether it runs is decided when the script runs)",
                RC + ":22:1: error: inside the block that starts at line 20: not read (whether it runs is decided when the script runs)",
                RC + ":23:31: error: '$1' is only known when the script runs (an argument or the shell's state)",
                RC + ":24:1: error: net-tools' route command is not read; routesync reads iproute2's ip route and ip rule",
                RC + ":25:10: error: 'ip route add' would fail here (File exists): the route from " + RC + ":16 has the same"
                        + " destination, table and metric",
                RC + ":27:10: error: this deletes a route that nothing read here adds; a desired state lists what must exist and"
                        + " cannot say that something must be absent (outside the tables it owns)",
                RC + ":28:4: warning: 'ip addr' is not about rules or routes: routesync manages policy rules and routes only",
                RC + ":29:1: warning: 'echo' is not an ip command: left to the script (if it changes rules or routes, routesync"
                        + " cannot see what)",
                RC + ":31:1: error: after 'exit' at line 30: the script never runs this"), run.problems(), run::toString);
    }

    @Test
    void anIpBatchFileTakesObjectsWithoutIpAndTheirAbbreviations() {
        ImportRun run = ImportRun.of(ImportFormat.SCRIPT, BATCH, resource("script/uplink2.batch"));
        assertEquals(List.of(
                "rule pref 2000 from 10.20.0.0/16 lookup rt2  @" + BATCH + ":4",
                "route 10.20.0.0/16 via 192.168.2.1 dev eth1 table rt2  @" + BATCH + ":2",
                "route 2001:db8:1::/48 via 2001:db8::1 dev eth1 table main  @" + BATCH + ":3",
                "route 10.22.0.0/16 dev eth1 table isp  @" + BATCH + ":5"), run.entries(), run::toString);
        assertEquals(List.of(
                BATCH + ":6:39: error: table 'nosuch' is not named in the rt_tables files read",
                BATCH + ":7:33: error: expires makes a temporary IPv6 route that the kernel deletes when the time runs out; desired"
                        + " state is permanent, and the remaining time is not something a plan could keep equal",
                BATCH + ":8:6: error: the same rule is added again (first at " + BATCH + ":4); a state lists it once"),
                run.problems(), run::toString);
    }

    @Test
    void variablesAreTheFilesOwnAndNeverCarryOverToAnotherFile() {
        ImportRun run = ImportRun.of(ImportFormat.SCRIPT, "/a.sh", "T=rt2\nip route add 10.1.0.0/16 dev eth1 table $T\n",
                "/b.sh", "ip route add 10.2.0.0/16 dev eth1 table $T\n");
        assertEquals(List.of("route 10.1.0.0/16 dev eth1 table rt2  @/a.sh:2"), run.entries(), run::toString);
        assertEquals(List.of("/b.sh:1:41: error: $T is not set earlier in this file, so its value is only known where the line runs"),
                run.problems());
    }

    @Test
    void aFlushOfAnOwnedTableIsWhatOwningItMeansButElsewhereItIsListed() {
        ImportRun run = ImportRun.of(ImportFormat.SCRIPT, "/s", "ip route flush table rt2\nip route flush table main\nip rule flush\n");
        assertEquals(List.of(
                "/s:2:10: error: ip route flush deletes entries a desired state cannot name: it lists what must exist",
                "/s:3:9: error: ip rule flush deletes entries a desired state cannot name: it lists what must exist"), run.problems());
    }

    @Test
    void problemsPastTheFirstThousandAreCountedNotKept() {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < Entries.MAX_LISTED + 200; i++) script.append("echo ").append(i).append('\n');
        script.append("ip route add 10.0.0.0/8 via $NOPE\n");
        ImportRun run = ImportRun.of(ImportFormat.SCRIPT, "/s", script.toString());
        List<String> problems = run.problems();
        assertEquals(Entries.MAX_LISTED + 1, problems.size());
        assertEquals("/s:" + (Entries.MAX_LISTED + 1) + ":1: error: 201 more lines or values were not imported (1 that may be routing);"
                + " routesync lists the first " + Entries.MAX_LISTED, problems.get(problems.size() - 1));
    }

    @Test
    void theHereDocumentOfIpBatchIsBatchInputAndOtherHereDocumentsAreData() {
        ImportRun run = ImportRun.of(ImportFormat.SCRIPT, "/s", String.join("\n",
                "GW=2001:db8::1",
                "ip -6 -batch - <<EOF",
                "route add 2001:db8:7::/48 via $GW dev eth1 table rt2",
                "rule add from 2001:db8:7::/48 table rt2 pref 700",
                "EOF",
                "cat > /etc/motd <<'TXT'",
                "ip route add 10.0.0.0/8 dev eth1",
                "TXT",
                ". /etc/default/uplinks",
                ""));
        assertEquals(List.of("rule -6 pref 700 from 2001:db8:7::/48 lookup rt2  @/s:4",
                "route 2001:db8:7::/48 via 2001:db8::1 dev eth1 table rt2  @/s:3"), run.entries(), run::toString);
        assertEquals(List.of(
                "/s:6:1: warning: not an ip command, and not readable either ('>/etc/motd' is shell syntax routesync does not follow:"
                        + " it reads one simple command per line (a pipe, a list or a redirection would need running the line)); left"
                        + " to the script",
                "/s:7:1: warning: text of the here-document at line 6: input of that command, not commands",
                "/s:9:1: error: '.' runs another file in this shell: its variables and commands are not read here"), run.problems());
    }
}
