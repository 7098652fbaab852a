package io.routesync.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Checks that a commit carries a signature by a key of git's allowed-signers file, as
 * {@code git verify-commit} does with {@code gpg.format=ssh} and {@code gpg.ssh.allowedSignersFile}.
 * The cryptography and the allowed-signers semantics (principals, {@code namespaces="git"},
 * {@code valid-after}/{@code valid-before}, {@code cert-authority}) are JGit's own
 * ({@code org.eclipse.jgit.ssh.apache}, found through {@link java.util.ServiceLoader}); this class
 * only decides what counts as trusted: a valid signature whose key the file allows. OpenPGP and
 * X.509 signatures are refused: JGit checks those against the running user's GnuPG keyring, which
 * no allow-list given to routesync would govern.
 */
public final class CommitSignatures {
    static {
        QuietLogging.ensure();
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
        if (!Files.isRegularFile(allowedSigners) || !Files.isReadable(allowedSigners)) {
            throw new IOException("the allowed signers file " + allowedSigners + " cannot be read");
        }
        RevCommit rev = commit.revCommit();
        byte[] signature = rev.getRawGpgSignature();
        if (signature == null) return SignatureCheck.refused(null, null, "it is not signed");
        GpgConfig.GpgFormat format = SignatureVerifiers.getFormat(signature);
        if (format != GpgConfig.GpgFormat.SSH) {
            String name = format == null ? "an unknown format" : format == GpgConfig.GpgFormat.OPENPGP ? "OpenPGP" : "X.509";
            return SignatureCheck.refused(name, null, "it is signed with " + name
                    + ", and routesync accepts SSH signatures only (sign with git config gpg.format ssh)");
        }
        if (!sshVerifierAvailable()) {
            return SignatureCheck.refused("ssh", null, "this routesync build has no SSH signature verifier"
                    + " (org.eclipse.jgit.ssh.apache is missing from the class path)");
        }
        Config config = new Config();
        config.setString("gpg", null, "format", "ssh");
        // JGit resolves a relative allowed-signers path against the work tree, which a bare clone lacks
        config.setString("gpg", "ssh", "allowedSignersFile", allowedSigners.toAbsolutePath().toString());
        SignatureVerifier.SignatureVerification v = SignatureVerifiers.verify(source.repository(), new GpgConfig(config), rev);
        if (v == null) return SignatureCheck.refused("ssh", null, "JGit found no verifier for its signature");
        if (v.verified() && v.keyUser() != null && !v.keyUser().isEmpty() && v.trustLevel() == SignatureVerifier.TrustLevel.FULL) {
            return SignatureCheck.trusted("ssh", v.keyUser(), v.keyFingerprint());
        }
        String why = v.message() == null || v.message().isBlank() ? "the signature does not verify" : v.message().strip();
        String key = v.keyFingerprint() == null ? "" : " (key " + v.keyFingerprint() + ")";
        return SignatureCheck.refused("ssh", v.keyFingerprint(), "its SSH signature" + key + " is not accepted: " + why);
    }
}
