package io.routesync.transport;

import io.routesync.config.inventory.SshOptions;
import java.util.List;

/**
 * Checks the extra OpenSSH arguments of a host against {@link SshOptions}, the allow-list of options
 * data may give, however the settings arrived (inventory, {@code --var}, a plan file): the last gate
 * before an ssh command line is built. The trusted ways to pass anything else are the operator's own
 * ssh configuration and {@code --ssh-program}.
 */
final class SshExtraArgs {
    private SshExtraArgs() {
    }

    /**
     * Returns the option names given with {@code -o} (lower case, as ssh compares them), so callers
     * can tell which of them routesync's own options override; throws if a word is not acceptable.
     */
    static List<String> check(List<String> args) {
        return SshOptions.configNames(args);
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
}
