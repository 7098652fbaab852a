package io.routesync.cli;

import io.routesync.run.InputFile;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a user's input file (state, plan) from disk: by its size first, then as strict UTF-8 ({@link InputFile}). */
final class InputFiles {
    private InputFiles() {
    }

    /** The file's text; {@link io.routesync.config.UnreadableInput} when too large or not UTF-8. */
    static String read(Path file) throws IOException {
        return InputFile.read(file);
    }
}
