package io.routesync.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.signing.ssh.SigningKeyDatabase;
import org.eclipse.jgit.signing.ssh.VerificationException;

/**
 * Decides for JGit's SSH signature verifier which keys are allowed, with routesync's reading of the
 * allowed-signers file ({@link AllowedSigners}, {@link SignerMatch}) instead of JGit's own, which refuses
 * the whole file when a line has two options ({@code namespaces="git",valid-before="..."}, options being
 * comma-separated), and keys whose type does not start with {@code ssh-} (ECDSA, security keys). JGit
 * still does the cryptography and checks certificates' CA signatures. The file is read on every check
 * (no cache keyed on modification times that an edit within the same second would fool).
 */
final class AllowedSignersDatabase implements SigningKeyDatabase {
    /** The largest allowed-signers file read: thousands of keys, far from anything that could exhaust memory. */
    static final long MAX_BYTES = 4 << 20;

    @Override
    public boolean isRevoked(Repository repository, GpgConfig config, PublicKey key) {
        return false;
    }

    @Override
    public String isAllowed(Repository repository, GpgConfig config, PublicKey key, String namespace, PersonIdent ident)
            throws IOException, VerificationException {
        String path = config.getSshAllowedSignersFile();
        if (path == null || path.isEmpty()) throw new VerificationException(false, "no allowed signers file is given");
        AllowedSigners file = read(Path.of(path));
        // git passes the committer time as -Overify-time; with no commit (never here) ssh-keygen uses now
        long time = ident != null ? ident.getWhenAsInstant().getEpochSecond() : Instant.now().getEpochSecond();
        SignerMatch.Verdict verdict = SignerMatch.check(file, signingKey(key), namespace, time);
        if (!verdict.allowed()) throw new VerificationException(verdict.expired(), verdict.reason());
        return verdict.principal();
    }

    /** Reads and parses the file at {@code path}, bounded in size; lines ssh-keygen would skip are listed in it. */
    static AllowedSigners read(Path path) throws IOException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IOException("the allowed signers file " + path + " cannot be read");
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException("the allowed signers file " + path + " is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        return AllowedSigners.parse(path.toString(), text, ZoneId.systemDefault());
    }

    static SignerMatch.SigningKey signingKey(PublicKey key) {
        if (key instanceof OpenSshCertificate cert) {
            List<String> principals = new ArrayList<>(cert.getPrincipals());
            long before = cert.getValidBefore() < 0 ? Long.MAX_VALUE : cert.getValidBefore();
            long after = cert.getValidAfter() < 0 ? Long.MAX_VALUE : cert.getValidAfter();
            SignerMatch.Certificate c = new SignerMatch.Certificate(blob(cert.getCaPubKey()), KeyUtils.getFingerPrint(cert.getCaPubKey()),
                    cert.getType() == OpenSshCertificate.Type.USER, principals, after, before);
            return new SignerMatch.SigningKey(blob(cert), KeyUtils.getFingerPrint(cert.getCertPubKey()), c);
        }
        return new SignerMatch.SigningKey(blob(key), KeyUtils.getFingerPrint(key), null);
    }

    // "TYPE BASE64" as in a public key file, decoded: the wire blob the allowed-signers line holds
    private static byte[] blob(PublicKey key) {
        String entry = PublicKeyEntry.toString(key);
        int space = entry.indexOf(' ');
        String base64 = entry.substring(space + 1).strip();
        int end = base64.indexOf(' ');
        return Base64.getDecoder().decode(end < 0 ? base64 : base64.substring(0, end));
    }
}
