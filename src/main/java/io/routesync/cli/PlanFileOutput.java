package io.routesync.cli;

import io.routesync.saved.PlanFileWriter;
import io.routesync.saved.SavedPlan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code plan --out FILE}: writes the saved plan so that FILE is always either the previous file or
 * the whole new plan, never half of one (a temporary file beside it, synced, then renamed over it),
 * and tells the user how to apply it.
 */
final class PlanFileOutput {
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private PlanFileOutput() {
    }

    /** Refuses, before any host is read, a FILE that could not be written: a directory, or in a directory that does not exist. */
    static void check(Path file) throws UserError {
        if (Files.isDirectory(file)) throw new UserError(ExitCodes.USAGE, "--out " + file + " is a directory: give the plan file's name");
        Path dir = directory(file);
        if (!Files.isDirectory(dir)) throw new UserError(ExitCodes.USAGE, "--out " + file + ": directory " + dir + " does not exist");
    }

    static void write(Path file, SavedPlan plan) throws UserError {
        byte[] bytes = PlanFileWriter.write(plan).getBytes(StandardCharsets.UTF_8);
        Path tmp = null;
        try {
            // readable by others like any file the user writes (the umask still applies): a plan is reviewed, often by someone else
            tmp = Files.createTempFile(directory(file), "." + file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILED, "cannot write the plan to " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do: the temporary file is named after the plan file, beside it
                }
            }
        }
    }

    /**
     * What the user reads after the plan: where it went, which hosts were left out, and the command
     * that applies exactly it.
     */
    static String saved(Path file, SavedPlan plan, List<String> leftOut) {
        StringBuilder s = new StringBuilder();
        int hosts = plan.hosts().size();
        if (leftOut.isEmpty()) {
            s.append("Saved the plan to ").append(file).append(".\n");
        } else {
            s.append("Saved the plan of ").append(hosts).append(" of ").append(hosts + leftOut.size()).append(" hosts to ").append(file)
                    .append("; left out, as they could not be planned: ").append(String.join(", ", leftOut)).append(".\n");
        }
        s.append("To apply exactly this plan, run: routesync apply ").append(shellWord(file.toString())).append('\n');
        return s.toString();
    }

    private static Path directory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    /** The path as one shell word, to copy and paste. */
    static String shellWord(String s) {
        if (PLAIN_WORD.matcher(s).matches()) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
