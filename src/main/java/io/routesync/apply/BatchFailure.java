package io.routesync.apply;

import io.routesync.iproute2.ChangeSyntax;
import io.routesync.iproute2.Reading;
import io.routesync.model.Change;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which batch line failed and what the kernel said, read from {@code ip -batch}'s output:
 * the messages, then {@code Command failed FILE:LINE}. Argument errors can end a batch without that
 * line; then the failing line is unknown and the whole output is the message.
 */
public record BatchFailure(Change change, int line, String batchLine, String message, int exitCode) {
    private static final Pattern FAILED_AT = Pattern.compile("Command failed \\S*:(\\d+)\\s*$", Pattern.MULTILINE);

    /** A failure no batch line is to blame for (the host did not verify, the apply did not complete). */
    static BatchFailure withoutLine(String message, int exitCode) {
        return new BatchFailure(null, -1, null, message, exitCode);
    }

    static BatchFailure of(Reading.CommandSection section, ApplyInput.Chunk chunk) {
        String output = section.output().strip();
        Matcher m = FAILED_AT.matcher(output);
        Change change = null;
        int line = -1;
        String message = output;
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
            message = output.substring(0, m.start()).strip();
            if (chunk != null && line >= 1 && line <= chunk.changes().size()) change = chunk.changes().get(line - 1);
        }
        if (message.isEmpty()) message = "ip -batch exited " + section.exitCode();
        return new BatchFailure(change, line, change == null ? null : ChangeSyntax.batchLine(change), message, section.exitCode());
    }
}
