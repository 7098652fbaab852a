package io.routesync.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.signing.ssh.SigningKeyDatabase;

/**
 * Checks that a commit carries a signature by a key of git's allowed-signers file, as
 * {@code git verify-commit} does with {@code gpg.format=ssh} and {@code gpg.ssh.allowedSignersFile}.
 * The cryptography is JGit's ({@code org.eclipse.jgit.ssh.apache}, found through
 * {@link java.util.ServiceLoader}); which keys the file allows is routesync's own reading of it
 * ({@link AllowedSignersDatabase}), since JGit's refuses forms git accepts. This class decides what
 * counts as trusted: a valid signature whose key the file allows. OpenPGP and
 * X.509 signatures are refused: JGit checks those against the running user's GnuPG keyring, which
 * no allow-list given to routesync would govern.
 */
public final class CommitSignatures {
    static {
        QuietLogging.ensure();
        // one allow-list reader for the whole process: JGit asks this one for every SSH signature
        SigningKeyDatabase.setInstance(new AllowedSignersDatabase());
    }

    private CommitSignatures() {
    }

    /** Whether JGit's SSH signature verifier is on the class path (a shaded jar that lost its service files has none). */
    public static boolean sshVerifierAvailable() {
        return SignatureVerifiers.get(GpgConfig.GpgFormat.SSH) != null;
    }

    /**
     * Checks {@code commit} of {@code source} against {@code allowedSigners}. The file must exist; it
     * is read on each check, so an edit takes effect on the next run.
     */
    public static SignatureCheck check(GitSource source, RepoCommit commit, Path allowedSigners) throws IOException {
        // read first: an unreadable or oversized file is an error, not a refusal; skipped lines are warnings
        List<String> warnings = new ArrayList<>();
        for (String s : AllowedSignersDatabase.read(allowedSigners.toAbsolutePath()).skipped()) {
            warnings.add("the allowed signers file has a line ssh-keygen skips, and so does routesync: " + s);
        }
        RevCommit rev = commit.revCommit();
        byte[] signature = rev.getRawGpgSignature();
        if (signature == null) return SignatureCheck.refused(null, null, "it is not signed", warnings);
        GpgConfig.GpgFormat format = SignatureVerifiers.getFormat(signature);
        if (format != GpgConfig.GpgFormat.SSH) {
            String name = format == null ? "an unknown format" : format == GpgConfig.GpgFormat.OPENPGP ? "OpenPGP" : "X.509";
            return SignatureCheck.refused(name, null, "it is signed with " + name
                    + ", and routesync accepts SSH signatures only (sign with git config gpg.format ssh)", warnings);
        }
        if (!sshVerifierAvailable()) {
            return SignatureCheck.refused("ssh", null, "this routesync build has no SSH signature verifier"
                    + " (org.eclipse.jgit.ssh.apache is missing from the class path)", warnings);
        }
        Config config = new Config();
        config.setString("gpg", null, "format", "ssh");
        // JGit resolves a relative allowed-signers path against the work tree, which a bare clone lacks
        config.setString("gpg", "ssh", "allowedSignersFile", allowedSigners.toAbsolutePath().toString());
        SignatureVerifier.SignatureVerification v = SignatureVerifiers.verify(source.repository(), new GpgConfig(config), rev);
        if (v == null) return SignatureCheck.refused("ssh", null, "JGit found no verifier for its signature", warnings);
        if (v.verified() && v.keyUser() != null && !v.keyUser().isEmpty() && v.trustLevel() == SignatureVerifier.TrustLevel.FULL) {
            return SignatureCheck.trusted("ssh", v.keyUser(), v.keyFingerprint(), warnings);
        }
        String why = v.message() == null || v.message().isBlank() ? "the signature does not verify" : v.message().strip();
        String key = v.keyFingerprint() == null ? "" : " (key " + v.keyFingerprint() + ")";
        return SignatureCheck.refused("ssh", v.keyFingerprint(), "its SSH signature" + key + " is not accepted: " + why, warnings);
    }
}
