package io.routesync.git;

import java.util.List;

/**
 * Whether a commit is signed by an allowed key. When it is, {@code signer} is the principal the
 * allowed-signers file gives that key and {@code fingerprint} the key's; when not, {@code reason}
 * says why in words that can follow "commit X is refused: ". {@code warnings} name lines of the
 * allowed-signers file that were skipped as unreadable (as ssh-keygen skips them).
 */
public record SignatureCheck(boolean trusted, String format, String signer, String fingerprint, String reason, List<String> warnings) {

    public SignatureCheck {
        warnings = List.copyOf(warnings);
    }

    static SignatureCheck trusted(String format, String signer, String fingerprint, List<String> warnings) {
        return new SignatureCheck(true, format, signer, fingerprint, null, warnings);
    }

    static SignatureCheck refused(String format, String fingerprint, String reason, List<String> warnings) {
        return new SignatureCheck(false, format, null, fingerprint, reason, warnings);
    }
}
