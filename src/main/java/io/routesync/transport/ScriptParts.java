package io.routesync.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a script reads on stdin, as named parts (common.sh's {@code take_parts} puts each in
 * {@code $tmp/NAME}). On the wire each part follows a line {@code MARKER part NAME}: the marker is the
 * run's, so only {@link ScriptCall} writes it.
 */
public final class ScriptParts {
    private record Part(String name, String content) {
    }

    private final List<Part> parts = new ArrayList<>();

    /** Adds part {@code name} holding {@code content} (a line end is added where it lacks one). */
    public ScriptParts add(String name, String content) {
        parts.add(new Part(name, content));
        return this;
    }

    /** Adds {@code more}'s parts, in their order. */
    public ScriptParts addAll(ScriptParts more) {
        parts.addAll(more.parts);
        return this;
    }

    /** The content of the first part named {@code name}, or null. */
    public String content(String name) {
        for (Part p : parts) {
            if (p.name().equals(name)) return p.content();
        }
        return null;
    }

    /** The parts as the script reads them, each after its {@code MARKER part NAME} line. */
    byte[] bytes(String marker) {
        return encoded(marker, false);
    }

    /**
     * {@link #bytes}, after a line {@code MARKER parts BYTES} with their count ({@code counted}): each
     * part's text is encoded once and copied once into the answer (a 100k-route batch is 8.5 MB, and
     * a builder that grows, its string and the bytes of both copied it five times).
     */
    private byte[] encoded(String marker, boolean counted) {
        byte[][] pieces = new byte[parts.size() * 2][];
        int size = 0;
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            pieces[2 * k] = (marker + " part " + p.name() + "\n").getBytes(StandardCharsets.UTF_8);
            pieces[2 * k + 1] = withLineEnd(p.content()).getBytes(StandardCharsets.UTF_8);
            size += pieces[2 * k].length + pieces[2 * k + 1].length;
        }
        return joined(counted ? (marker + " parts " + size + "\n").getBytes(StandardCharsets.US_ASCII) : new byte[0], pieces);
    }

    /** {@code content} with a line end where it lacks one (an empty part stays empty): what take_parts writes. */
    private static String withLineEnd(String content) {
        return content.isEmpty() || content.charAt(content.length() - 1) == '\n' ? content : content + "\n";
    }

    /** {@code head} and then {@code pieces}, in one array made at its size. */
    private static byte[] joined(byte[] head, byte[][] pieces) {
        int size = head.length;
        for (byte[] piece : pieces) size += piece.length;
        byte[] all = new byte[size];
        System.arraycopy(head, 0, all, 0, head.length);
        int at = head.length;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, all, at, piece.length);
            at += piece.length;
        }
        return all;
    }

    /**
     * The parts as a session's late parts: each after a line {@code MARKER late NAME BYTES}, its content
     * with a line end where it lacks one (what take_parts would write), exactly BYTES long (common.sh's
     * take_late); encoded once and copied once, as {@link #encoded} (a record of 100k changes is 12 MB).
     */
    byte[] sized(String marker) {
        byte[][] pieces = new byte[parts.size() * 2][];
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            byte[] body = withLineEnd(p.content()).getBytes(StandardCharsets.UTF_8);
            pieces[2 * k] = (marker + " late " + p.name() + " " + body.length + "\n").getBytes(StandardCharsets.UTF_8);
            pieces[2 * k + 1] = body;
        }
        return joined(new byte[0], pieces);
    }

    /** {@link #bytes}, after a line {@code MARKER parts BYTES} that says how many they are (common.sh's take_parts_early). */
    byte[] counted(String marker) {
        return encoded(marker, true);
    }
}
