package io.routesync.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a fleet run's human output back into its parts: the host blocks, in the order they were printed. */
final class FleetOutput {
    private static final Pattern HEADER = Pattern.compile("^--- (\\S+) -+$", Pattern.MULTILINE);
    // what follows the last block of a phase (or of a --serial batch): the fleet's plan summary, "No changes to apply.",
    // the next batch's line or the recap
    private static final Pattern AFTER_BLOCKS = Pattern.compile(
            "^(Recap:|Batch \\d+ of \\d+: .*|No changes to apply.*|Plan: \\d+ to add, \\d+ to change, \\d+ to delete on \\d+ of \\d+ hosts?\\.)$", Pattern.MULTILINE);

    private FleetOutput() {
    }

    /** The hosts of the block headers, in output order. */
    static List<String> headers(String out) {
        List<String> names = new ArrayList<>();
        Matcher m = HEADER.matcher(out);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** Each host's block after its header line, up to the next header or what ends the blocks; apply's two blocks per host joined. */
    static Map<String, String> blocks(String out) {
        Map<String, String> blocks = new TreeMap<>();
        Matcher m = HEADER.matcher(out);
        List<int[]> at = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            at.add(new int[] {m.start(), m.end() + 1});
            names.add(m.group(1));
        }
        for (int k = 0; k < at.size(); k++) {
            int end = endOfBlock(out, at.get(k)[1], k + 1 < at.size() ? at.get(k + 1)[0] : out.length());
            blocks.merge(names.get(k), out.substring(at.get(k)[1], end), String::concat);
        }
        return blocks;
    }

    private static int endOfBlock(String out, int from, int nextHeader) {
        Matcher m = AFTER_BLOCKS.matcher(out);
        return m.find(from) && m.start() < nextHeader ? m.start() : nextHeader;
    }
}
