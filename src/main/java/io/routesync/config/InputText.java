package io.routesync.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an input file into text: refuses a file past {@link InputLimits#MAX_FILE_BYTES}
 * by its size before it is read, and bytes that are not UTF-8 at their line and column, instead of
 * running out of memory or replacing them silently.
 */
public final class InputText {
    private InputText() {
    }

    /** Refuses a file of {@code bytes} bytes before it is read. */
    public static void checkSize(long bytes) throws UnreadableInput {
        if (bytes > InputLimits.MAX_FILE_BYTES) {
            throw new UnreadableInput("the file is " + InputLimits.size(bytes) + ", larger than routesync reads ("
                    + InputLimits.size(InputLimits.MAX_FILE_BYTES) + ")", 0, 0, "give a routesync state, inventory or plan file; split a larger state into several files");
        }
    }

    /**
     * Refuses a file that gave more than {@link InputLimits#MAX_FILE_BYTES} bytes when read, for those
     * whose size is not known before (a device such as /dev/zero, a pipe).
     */
    public static void checkReadSize(long bytesRead) throws UnreadableInput {
        if (bytesRead > InputLimits.MAX_FILE_BYTES) {
            throw new UnreadableInput("the file gives more than routesync reads (" + InputLimits.size(InputLimits.MAX_FILE_BYTES)
                    + ")", 0, 0, "give a routesync state, inventory or plan file; split a larger state into several files");
        }
    }

    /** The UTF-8 text of {@code bytes}. */
    public static String decode(byte[] bytes) throws UnreadableInput {
        return decode(bytes, bytes.length);
    }

    /** {@link #decode(byte[])} of the first {@code length} bytes (a buffer read with room to spare). */
    public static String decode(byte[] bytes, int length) throws UnreadableInput {
        checkSize(length);
        // ASCII is ISO-8859-1 too, whose constructor copies without scanning the bytes a second time
        if (isAscii(bytes, length)) return new String(bytes, 0, length, StandardCharsets.ISO_8859_1); // one copy, no decoder: most files
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) throw notUtf8(bytes, in.position(), out.flip());
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) return false;
        }
        return true;
    }

    private static UnreadableInput notUtf8(byte[] bytes, int offset, CharBuffer decoded) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new UnreadableInput(String.format("the file is not UTF-8 text: byte 0x%02x here is not a UTF-8 character", bytes[offset] & 0xff),
                line, column, "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)");
    }
}
