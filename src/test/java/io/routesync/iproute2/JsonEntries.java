package io.routesync.iproute2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the array {@code ip -j} prints, one object per rule or route, and checks that every key of an
 * object was understood: a key no reader knows is an error, never a silently dropped attribute.
 * Errors count entries from 1 in place of line numbers.
 */
final class JsonEntries {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads one entry; a thrown {@link Problem} names what is wrong with it. */
    interface EntryReader<T> {
        T read(JsonNode entry) throws Problem;
    }

    /** A problem with one JSON entry, turned into an {@link OutputException} naming the entry. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private JsonEntries() {
    }

    static <T> List<T> read(String json, String command, EntryReader<T> reader) throws OutputException {
        // a missing table prints a lone "[" with -j: that is an empty table (docs/route-identity.md#tables-that-do-not-exist)
        String trimmed = json.strip();
        if (trimmed.isEmpty() || trimmed.equals("[")) return List.of();
        JsonNode root;
        try {
            root = MAPPER.readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw new OutputException(command, e.getLocation() == null ? 1 : e.getLocation().getLineNr(), abbreviate(trimmed),
                    "not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.isArray()) throw new OutputException(command, 1, abbreviate(trimmed), "expected a JSON array of entries");
        List<T> out = new ArrayList<>(root.size());
        int n = 0;
        for (JsonNode entry : root) {
            n++;
            try {
                if (!entry.isObject()) throw new Problem("expected a JSON object");
                out.add(reader.read(entry));
            } catch (Problem e) {
                throw new OutputException(command, n, entry.toString(), e.getMessage());
            }
        }
        return out;
    }

    /** Throws unless every key of {@code object} is in {@code known}. */
    static void checkKeys(JsonNode object, Set<String> known) throws Problem {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            if (!known.contains(key)) throw new Problem("key '" + key + "' is not one routesync understands");
        }
    }

    static String text(JsonNode object, String key) throws Problem {
        JsonNode n = object.get(key);
        if (n == null) return null;
        if (!n.isTextual()) throw new Problem("key '" + key + "' should be a string: " + n);
        return n.asText();
    }

    /** A non-negative integer value, or -1 when absent. */
    static long number(JsonNode object, String key) throws Problem {
        JsonNode n = object.get(key);
        if (n == null) return -1;
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) throw new Problem("key '" + key + "' should be a number: " + n);
        return n.asLong();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
