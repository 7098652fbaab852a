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
 *
 * <p>A session goes further ({@link #inSession}): the host also keeps the key of the inputs its text was
 * rendered from ({@code inputsKey}, {@link KeptState#inputsKey}; {@code STATE_DIR/desired.inputs}), and an
 * apply of inputs with the same key, while the host's text still has the digest kept with it, renders,
 * hashes and sends nothing: the same inputs, loaded and rendered by the same version, give the same text.
 */
record KeptCopy(String text, String newDigest, String inputsKey) {

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
        return rendered(desired, protocolTag, version, checks).forHost(hostDigest);
    }

    /**
     * {@link #of} in a session: null (nothing to send) when the host keeps the text of inputs {@code inputsKey}
     * ({@code hostInputs}, what it reported; either may be null); else the copy {@link #of} makes, with the key
     * for the host to keep beside it (none when {@code inputsKey} is null).
     */
    static KeptCopy inSession(DesiredState desired, int protocolTag, String version, KeptChecks checks, String inputsKey,
            String hostInputs, String hostDigest) {
        if (inputsKey != null && inputsKey.equals(hostInputs)) return null;
        KeptCopy copy = of(desired, protocolTag, version, hostDigest, checks);
        return copy == null || inputsKey == null ? copy : new KeptCopy(copy.text(), copy.newDigest(), inputsKey);
    }

    /** The text to keep for {@code desired} with its {@code checks}, and its digest, before the host's digest is known. */
    private static Rendered rendered(DesiredState desired, int protocolTag, String version, KeptChecks checks) {
        String text = KeptState.render(desired, protocolTag, checks);
        return new Rendered(desired, protocolTag, version, checks, text, KeptState.digest(text, protocolTag, String.valueOf(version)));
    }

    /** A rendered text to keep and its digest; {@link #forHost} proves it unless the host has it. */
    private record Rendered(DesiredState desired, int protocolTag, String version, KeptChecks checks, String text, String digest) {
        /** The copy to keep on a host that reports {@code hostDigest} (or null), or null when the text would not read back. */
        KeptCopy forHost(String hostDigest) {
            KeptCopy copy = proven(this, hostDigest);
            if (copy != null || checks.equals(KeptChecks.NONE)) return copy;
            return proven(rendered(desired, protocolTag, version, KeptChecks.NONE), hostDigest);
        }
    }

    private static KeptCopy proven(Rendered r, String hostDigest) {
        if (r.digest().equals(hostDigest)) return new KeptCopy(r.text(), null, null);
        return KeptState.readsBackAs(r.text(), r.desired(), r.protocolTag(), r.checks()) ? new KeptCopy(r.text(), r.digest(), null) : null;
    }
}
