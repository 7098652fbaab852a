package io.routesync.cli;

import io.routesync.config.InputText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a user's input file (state, plan) from disk: by its size first, then as strict UTF-8. */
final class InputFiles {
    private InputFiles() {
    }

    /** The file's text; {@link io.routesync.config.UnreadableInput} when too large or not UTF-8. */
    static String read(Path file) throws IOException {
        InputText.checkSize(Files.size(file));
        return InputText.decode(Files.readAllBytes(file));
    }
}
