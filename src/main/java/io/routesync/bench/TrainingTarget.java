package io.routesync.bench;

import io.routesync.transport.ProcessRunner;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.List;

/**
 * The class-data archive's training target ({@code routesync bench classes}): a plan of the training
 * state runs as on a host, through a real program run, so the archive also holds what a script run
 * loads (the process classes, the output drains, the session check, their lambdas) and what reading,
 * planning, the expectations and the plan's text load. The program only prints a made-up reading of a
 * host that already has the training state (read.sh's reply, in its format, marked with the run's
 * marker): nothing on this host is read or changed.
 */
public final class TrainingTarget implements Target {
    /** read.sh's reply with expectations (the wide part), every line that starts with a marker starting with "M ". */
    private static final String READING = """
            M begin 1
            M cmd version
            ip utility, iproute2-6.1.0, libbpf 1.1.2
            M rc 0
            M names ETC/rt_tables.d/routesync.conf ETC/rt_protos.d/routesync.conf
            M file ETC/rt_tables.d/routesync.conf
            # Written by routesync: table names of the desired state.
            102 uplink2

            M file ETC/rt_protos.d/routesync.conf
            245 routesync

            M cmd rule 4
            0:\tfrom all lookup 255 proto 2
            1000:\tfrom 192.168.2.10 lookup 102 proto 245
            1001:\tfrom all to 192.168.2.10 lookup 102 proto 245
            32766:\tfrom all lookup 254 proto 2
            32767:\tfrom all lookup 253 proto 2
            M rc 0
            M cmd rule 6
            0:\tfrom all lookup 255 proto 2
            32766:\tfrom all lookup 254 proto 2
            M rc 0
            M tables 102
            M cmd route 4 102
            default via 192.168.2.1 dev eth1 proto 245\s
            192.168.2.0/24 dev eth1 proto 245 scope 253 src 192.168.2.10\s
            M rc 0
            M cmd route 6 102
            Error: ipv6: FIB table does not exist.
            Dump terminated
            M rc 2
            M end
            M digest 466aa99724b021af97b012addb93be303bc4711cce7a4ce9ae2380678b5916b8
            M wide
            M cmd route 4 253
            Error: ipv4: FIB table does not exist.
            Dump terminated
            M rc 2
            M cmd route 6 253
            Error: ipv6: FIB table does not exist.
            Dump terminated
            M rc 2
            M cmd route 4 254
            default via 192.0.2.254 dev d0 proto 2\s
            192.0.2.0/24 dev d0 proto 2 scope 253 src 192.0.2.1\s
            192.168.2.0/24 dev eth1 proto 2 scope 253 src 192.168.2.10\s
            M rc 0
            M cmd route 6 254
            fe80::/64 dev eth1 proto 2 metric 256 pref medium
            M rc 0
            M cmd route 4 255
            2 127.0.0.0/8 dev lo proto 2 scope 254 src 127.0.0.1\s
            2 192.168.2.10 dev eth1 proto 2 scope 254 src 192.168.2.10\s
            3 192.168.2.255 dev eth1 proto 2 scope 253 src 192.168.2.10\s
            M rc 0
            M cmd route 6 255
            2 ::1 dev lo proto 2 metric 0 pref medium
            5 ff00::/8 dev eth1 proto 2 metric 256 pref medium
            M rc 0
            M wide-end
            """;

    @Override
    public String name() {
        return "the training host";
    }

    @Override
    public String netns() {
        return "";
    }

    /** Prints the made-up reading with this run's marker ($1) and etc dir ($3); the script itself is not run. */
    @Override
    public ScriptResult runScript(String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException {
        String reading = READING.replace("M ", args.get(0) + " ").replace("ETC", args.get(2));
        return ProcessRunner.run("the training script", List.of("sh", "-c", "printf '%s' \"$1\"", "routesync", reading), stdin, timeout);
    }

    /** An apply's session: the training plans only, so there is none. */
    @Override
    public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException {
        throw new TransportException("the training host is only read", false);
    }
}
