package io.routesync.run;

import io.routesync.config.InputLimits;
import io.routesync.config.InputText;
import io.routesync.config.UnreadableInput;
import io.routesync.config.inventory.DirectorySource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        InputText.checkSize(Files.size(file));
        // the size is checked again as it is read: a device or a pipe (/dev/zero) has no size beforehand
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) InputLimits.MAX_FILE_BYTES + 1);
        }
        InputText.checkReadSize(bytes.length);
        return InputText.decode(bytes);
    }
}
