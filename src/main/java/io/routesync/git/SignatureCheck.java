package io.routesync.git;

/**
 * Whether a commit is signed by an allowed key. When it is, {@code signer} is the principal the
 * allowed-signers file gives that key and {@code fingerprint} the key's; when not, {@code reason}
 * says why in words that can follow "commit X is refused: ".
 */
public record SignatureCheck(boolean trusted, String format, String signer, String fingerprint, String reason) {

    static SignatureCheck trusted(String format, String signer, String fingerprint) {
        return new SignatureCheck(true, format, signer, fingerprint, null);
    }

    static SignatureCheck refused(String format, String fingerprint, String reason) {
        return new SignatureCheck(false, format, null, fingerprint, reason);
    }
}
