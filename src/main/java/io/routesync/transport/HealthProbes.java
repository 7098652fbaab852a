package io.routesync.transport;

import io.routesync.iproute2.Reading;
import io.routesync.model.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The health probes of {@code apply --confirm} as confirm.sh takes and answers them (health.sh): six
 * positional arguments per probe, each a value routesync checked (an address, a port, an interface
 * name, a number of seconds), and a {@code probe N ok} or {@code probe N failed RC LAST-LINE} note per
 * probe. Only {@link ConfirmTimer} uses it.
 */
final class HealthProbes {
    /** The exit code timeout(1) gives a command it stopped. */
    private static final int TIMED_OUT = 124;

    private HealthProbes() {
    }

    /** Adds {@code probes} to {@code call}: KIND TARGET PORT FROM DEV SECONDS each, '' for what a kind does not use. */
    static ScriptCall add(ScriptCall call, List<Probe> probes) {
        for (Probe p : probes) {
            call.arg(p.kind() == Probe.Kind.PING ? "ping" : "tcp").arg(p.target().toString())
                    .arg(p.kind() == Probe.Kind.TCP ? Integer.toString(p.port()) : "")
                    .arg(p.from() == null ? "" : p.from().toString())
                    .arg(p.dev() == null ? "" : p.dev().name())
                    .arg(Integer.toString(p.seconds()));
        }
        return call;
    }

    /** How much longer than usual a run with {@code probes} may take: they run at once, so the longest one's timeout. */
    static Duration longest(List<Probe> probes) {
        int max = 0;
        for (Probe p : probes) max = Math.max(max, p.seconds() + 1);
        return Duration.ofSeconds(max);
    }

    /**
     * The probes that failed, each as {@code ping 10.0.0.1 from 10.0.0.2: no answer within 5 s}; a probe
     * the host did not answer for counts as failed.
     */
    static List<String> failures(Reading r, List<Probe> probes) {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            String note = r.note("probe " + (i + 1));
            if (note == null) {
                failed.add(p + ": the host gave no answer for it");
                continue;
            }
            if (note.equals("ok")) continue;
            String[] w = note.split(" ", 3);
            int rc = w.length > 1 && w[1].matches("[0-9]{1,3}") ? Integer.parseInt(w[1]) : -1;
            String line = w.length > 2 ? w[2].strip() : "";
            String why = rc == TIMED_OUT ? "no answer within " + p.seconds() + " s"
                    : "failed (exit " + rc + ")" + (line.isEmpty() ? "" : ": " + line);
            if (rc == 127 && !line.isEmpty()) why = line;
            failed.add(p + ": " + why);
        }
        return failed;
    }
}
