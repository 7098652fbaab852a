package io.routesync.transport;

import io.routesync.model.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the extra OpenSSH arguments of a host ({@code ansible_ssh_common_args},
 * {@code ansible_ssh_extra_args}, already split into words) against ssh's own option grammar.
 *
 * <p>They come from the inventory, whose author may legitimately set {@code ProxyCommand}, so this is
 * not a sandbox. It exists so that a stray word cannot become the destination or the remote command
 * (every word must be an option or an option's value), and so that options which would silently break
 * a run are refused with a reason instead of hanging or garbling the output.
 */
final class SshExtraArgs {
    /** Options without a value that are harmless to a non-interactive run. */
    private static final String FLAGS = "46AaCgKkqTXxYyv";
    /** Options that take a value (attached, {@code -p22}, or as the next word). */
    private static final String WITH_VALUE = "BbcDEeFIiJLlmopRw";

    private SshExtraArgs() {
    }

    /**
     * Returns the option names given with {@code -o} (lower case, as ssh compares them), so callers
     * can tell which of them routesync's own options override; throws if a word is not acceptable.
     */
    static List<String> check(List<String> args) {
        List<String> optionNames = new ArrayList<>();
        boolean verbose = false;
        boolean logFile = false;
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word == null) throw invalid("an extra ssh argument is missing (null)");
            checkChars(word);
            if (word.equals("--") || !word.startsWith("-") || word.length() < 2) {
                throw invalid("extra ssh argument '" + word + "' is not an option: the destination and the"
                        + " remote command are routesync's; give the host as the inventory host or ansible_host");
            }
            for (int k = 1; k < word.length(); k++) {
                char c = word.charAt(k);
                if (FLAGS.indexOf(c) >= 0) {
                    verbose |= c == 'v';
                    continue;
                }
                if (WITH_VALUE.indexOf(c) < 0) throw invalid(refusal(c, word));
                String value;
                if (k + 1 < word.length()) {
                    value = word.substring(k + 1);
                } else if (i + 1 < args.size() && args.get(i + 1) != null) {
                    value = args.get(++i);
                    checkChars(value);
                } else {
                    throw invalid("extra ssh argument '-" + c + "' needs a value after it");
                }
                if (c == 'o') optionNames.add(optionName(value));
                logFile |= c == 'E';
                break;
            }
        }
        if (verbose && !logFile) {
            // with -v a ControlPersist master keeps ssh's stderr open, and a run waits for the master
            throw invalid("extra ssh argument -v needs -E FILE too: debug output on stderr keeps the"
                    + " ControlMaster attached to routesync for the whole ControlPersist time");
        }
        return optionNames;
    }

    private static String refusal(char c, String word) {
        switch (c) {
            case 'M': case 'S': case 'O':
                return "extra ssh argument '" + word + "': routesync manages the ControlMaster connections itself";
            case 'N': case 'f': case 'n': case 's': case 'W':
                return "extra ssh argument '" + word + "' would stop routesync's remote command from running"
                        + " with its input and output";
            case 't':
                return "extra ssh argument '" + word + "': a terminal would alter the remote command's output";
            case 'G': case 'V': case 'Q':
                return "extra ssh argument '" + word + "' makes ssh print information instead of connecting";
            default:
                return "extra ssh argument '" + word + "': unknown or unsupported ssh option '-" + c + "'";
        }
    }

    /** The keyword of {@code -o Key=value} or {@code -o "Key value"}, lower case. */
    private static String optionName(String value) {
        String v = value.strip();
        int end = 0;
        while (end < v.length() && v.charAt(end) != '=' && !Character.isWhitespace(v.charAt(end))) end++;
        return v.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static void checkChars(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c < 0x20 || c == 0x7f) {
                throw invalid("extra ssh argument '" + printable(word) + "' contains a control character"
                        + " (a newline, NUL, ...); each argument must be one plain word");
            }
        }
    }

    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static InvalidValueException invalid(String problem) {
        return new InvalidValueException(problem,
                "OpenSSH options such as -F FILE, -J bastion, -o ProxyJump=bastion, -o IdentitiesOnly=yes");
    }
}
