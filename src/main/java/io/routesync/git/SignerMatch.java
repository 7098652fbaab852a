package io.routesync.git;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether an allowed-signers file allows the key that made a signature, decided as git decides it with
 * {@code ssh-keygen}: first {@code -Y find-principals} (the first line whose key, or certificate authority,
 * matches and that is valid at the verify time gives the principals), then {@code -Y verify -n git -I
 * PRINCIPAL} for each of them (a line whose principal patterns match it, whose key matches, whose
 * {@code namespaces} allow {@code git} and that is valid at the verify time). The verify time is the
 * committer time of the commit, as git passes it ({@code -Overify-time}). When nothing allows the key,
 * the verdict says why, naming the lines that came closest. Pure.
 */
final class SignerMatch {
    private SignerMatch() {
    }

    /** A user certificate the signature was made with: its CA key blob, principals and validity (epoch seconds). */
    record Certificate(byte[] caKey, String caFingerprint, boolean userCertificate, List<String> principals, long validAfter, long validBefore) {
    }

    /** The signing key: its blob and fingerprint, and the certificate when the key is one. */
    record SigningKey(byte[] blob, String fingerprint, Certificate certificate) {
    }

    /** {@code principal} when allowed, else {@code reason}; {@code expired} when only the time stood in the way. */
    record Verdict(String principal, String reason, boolean expired) {
        boolean allowed() {
            return principal != null;
        }
    }

    static Verdict check(AllowedSigners file, SigningKey key, String namespace, long verifyTime) {
        List<String> why = new ArrayList<>();
        boolean timeOnly = true;
        // ssh-keygen -Y find-principals: the first line that matches the key and is valid at that time
        List<String> principals = null;
        for (AllowedSigners.Entry e : file.entries()) {
            String mismatch = keyMismatch(e, key, null, verifyTime);
            if (mismatch != null) {
                if (!mismatch.isEmpty()) {
                    why.add(at(file, e) + mismatch);
                    timeOnly = false;
                }
                continue;
            }
            String time = timeMismatch(e, verifyTime);
            if (time != null) {
                why.add(at(file, e) + time);
                continue;
            }
            principals = key.certificate() == null ? List.of(e.principals().split(",", -1)) : certificatePrincipals(e, key.certificate());
            if (!principals.isEmpty()) break;
            why.add(at(file, e) + "none of the certificate's principals " + key.certificate().principals() + " matches " + quoted(e.principals()));
            timeOnly = false;
            principals = null;
        }
        if (principals == null) return refused(file, key, why, timeOnly && !why.isEmpty());

        // ssh-keygen -Y verify -n git -I PRINCIPAL, for each principal found
        why.clear();
        timeOnly = true;
        for (String principal : principals) {
            if (principal.isEmpty()) continue;
            for (AllowedSigners.Entry e : file.entries()) {
                if (!SshPatterns.matchesList(principal, e.principals())) continue;
                String mismatch = keyMismatch(e, key, principal, verifyTime);
                if (mismatch != null) {
                    if (!mismatch.isEmpty()) {
                        why.add(at(file, e) + mismatch);
                        timeOnly = false;
                    }
                    continue;
                }
                if (e.namespaces() != null && !SshPatterns.matchesList(namespace, e.namespaces())) {
                    why.add(at(file, e) + "allows the key only for namespaces " + quoted(e.namespaces()) + ", not \"" + namespace + "\"");
                    timeOnly = false;
                    continue;
                }
                String time = timeMismatch(e, verifyTime);
                if (time != null) {
                    why.add(at(file, e) + time);
                    continue;
                }
                return new Verdict(principal, null, false);
            }
        }
        if (why.isEmpty()) why.add("no line allows principal(s) " + String.join(",", principals) + " with this key");
        return refused(file, key, why, timeOnly);
    }

    /** null when the line's key matches; "" when it is about another key; else why the certificate is not accepted. */
    private static String keyMismatch(AllowedSigners.Entry e, SigningKey key, String principal, long verifyTime) {
        Certificate cert = key.certificate();
        if (!e.certAuthority()) return cert == null && Arrays.equals(e.key(), key.blob()) ? null : "";
        if (cert == null || !Arrays.equals(e.key(), cert.caKey())) return "";
        // sshkey_cert_check_authority: a user certificate, valid now, naming the principal when one is asked for
        if (!cert.userCertificate()) return "the certificate signed by CA " + cert.caFingerprint() + " is not a user certificate";
        if (verifyTime < cert.validAfter() || verifyTime >= cert.validBefore()) {
            return "the certificate signed by CA " + cert.caFingerprint() + " is not valid at the commit time " + iso(verifyTime);
        }
        if (principal != null && !cert.principals().contains(principal)) {
            return "the certificate signed by CA " + cert.caFingerprint() + " is not for principal \"" + principal + "\"";
        }
        return null;
    }

    private static String timeMismatch(AllowedSigners.Entry e, long verifyTime) {
        if (e.validAfter() != null && verifyTime < e.validAfter()) {
            return "allows the key only from " + iso(e.validAfter()) + " (valid-after), after the commit time " + iso(verifyTime);
        }
        if (e.validBefore() != null && verifyTime > e.validBefore()) {
            return "allowed the key only until " + iso(e.validBefore()) + " (valid-before), before the commit time " + iso(verifyTime);
        }
        return null;
    }

    // cert_filter_principals: the certificate's principals that one of the line's patterns matches
    private static List<String> certificatePrincipals(AllowedSigners.Entry e, Certificate cert) {
        Set<String> found = new LinkedHashSet<>();
        for (String pattern : e.principals().split(",", -1)) {
            if (pattern.isEmpty()) break;
            for (String p : cert.principals()) {
                if (SshPatterns.matches(p, pattern)) found.add(p);
            }
        }
        return List.copyOf(found);
    }

    private static Verdict refused(AllowedSigners file, SigningKey key, List<String> why, boolean expired) {
        String what = key.certificate() == null ? "the key" : "the certificate (CA " + key.certificate().caFingerprint() + ")";
        StringBuilder b = new StringBuilder();
        if (why.isEmpty()) b.append(what).append(" is not in the allowed signers file ").append(file.file());
        else b.append(what).append(" is not allowed to sign this commit: ").append(String.join("; ", why));
        if (!file.skipped().isEmpty()) {
            b.append(" (lines skipped as ssh-keygen skips them: ").append(String.join("; ", file.skipped())).append(")");
        }
        return new Verdict(null, b.toString(), expired);
    }

    private static String at(AllowedSigners file, AllowedSigners.Entry e) {
        return file.file() + ":" + e.line() + " ";
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static String iso(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }
}
