package io.routesync.apply;

import io.routesync.config.state.KeptChecks;
import io.routesync.config.state.KeptState;
import io.routesync.model.DesiredState;

/**
 * The desired state an apply keeps on the host ({@link KeptState}) and, when the host does not have it
 * yet, the digest of its proof. Proving that the text reads back as the state is a whole state load (as
 * long as loading the input files): the host keeps the digest of the last text it was given
 * ({@code STATE_DIR/desired.digest}, which the read reports), so an apply of the same state sends the
 * same bytes again without proving them again. Nothing weaker is kept: the same bytes, read back by the
 * same routesync version with the same protocol number, give the same state.
 */
record KeptCopy(String text, String newDigest) {

    /** What to keep for {@code desired} without probes or expectations. */
    static KeptCopy of(DesiredState desired, int protocolTag, String version, String hostDigest) {
        return of(desired, protocolTag, version, hostDigest, KeptChecks.NONE);
    }

    /**
     * What to keep for {@code desired} and its {@code checks} (probes, expectations), given the digest the
     * host reported ({@code hostDigest}, or null), or null when the text would not read back as
     * {@code desired} (then nothing is kept). Checks a state file cannot spell are left out, not the state.
     */
    static KeptCopy of(DesiredState desired, int protocolTag, String version, String hostDigest, KeptChecks checks) {
        KeptCopy copy = proven(KeptState.render(desired, protocolTag, checks), desired, protocolTag, version, hostDigest, checks);
        if (copy != null || checks.equals(KeptChecks.NONE)) return copy;
        return proven(KeptState.render(desired, protocolTag), desired, protocolTag, version, hostDigest, KeptChecks.NONE);
    }

    private static KeptCopy proven(String text, DesiredState desired, int protocolTag, String version, String hostDigest, KeptChecks checks) {
        String digest = KeptState.digest(text, protocolTag, String.valueOf(version));
        if (digest.equals(hostDigest)) return new KeptCopy(text, null);
        return KeptState.readsBackAs(text, desired, protocolTag, checks) ? new KeptCopy(text, digest) : null;
    }
}
