package io.routesync.saved;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The integrity digest of a plan file: SHA-256 over the format line and the compact JSON of its
 * {@code plan} object, keys in file order. Reformatting the file keeps it; any change of a value, a key
 * or their order breaks it. It detects edits and damage, not forgery (anyone can recompute it): a file
 * that must be trusted needs a signature or a trusted place, like any Terraform plan.
 */
final class PlanDigest {
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private PlanDigest() {
    }

    static String of(JsonNode plan) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((SavedPlan.FORMAT + " " + SavedPlan.FORMAT_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(COMPACT.writeValueAsBytes(plan));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
