package io.routesync.run;

import io.routesync.config.InputLimits;
import io.routesync.config.InputText;
import io.routesync.config.UnreadableInput;
import io.routesync.config.inventory.DirectorySource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Reads an input file (state, plan, kept state) from disk: by its size first, then as strict UTF-8. */
public final class InputFile {
    private InputFile() {
    }

    /** The file's text; {@link UnreadableInput} when too large, not a regular file or not UTF-8. */
    public static String read(Path file) throws IOException {
        Optional<String> other = DirectorySource.otherKind(file);
        // a named pipe would block the run until a writer comes, a device may never end: refused unopened
        if (other.isPresent()) throw UnreadableInput.notARegularFile(other.get());
        long size = Files.size(file);
        InputText.checkSize(size);
        // the size is checked again as it is read: a device or a pipe (/dev/zero) has no size beforehand,
        // and a file may grow. Read into one buffer of the size (and a byte more, to see growth): the
        // stream's own readNBytes(limit) went through 8 KiB buffers and copies, about six bytes
        // allocated per byte of a 4 MB state
        byte[] bytes = new byte[(int) size + 1];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(bytes, 0, bytes.length);
            if (length == bytes.length) {
                byte[] rest = in.readNBytes((int) (InputLimits.MAX_FILE_BYTES + 1 - length));
                bytes = Arrays.copyOf(bytes, length + rest.length);
                System.arraycopy(rest, 0, bytes, length, rest.length);
                length = bytes.length;
            }
        }
        InputText.checkReadSize(length);
        return InputText.decode(bytes, length);
    }
}
