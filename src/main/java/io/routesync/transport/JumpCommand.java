package io.routesync.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ProxyCommand routesync gives ssh for a jump host ({@code -J} or {@code -o ProxyJump} from data),
 * instead of letting ssh make one. ssh's own is {@code ssh -l USER -p PORT -W [%h]:%p JUMP}, run with
 * the user's configuration only: routesync's batch mode, host key checking and connect timeout would
 * not hold for the jump connection, which could then prompt on the terminal or accept an unknown key.
 * Ours is {@code PROGRAM -o BatchMode=yes -o StrictHostKeyChecking=... -o ConnectTimeout=N [-4|-6]
 * [-l USER] [-p PORT] -W '[%h]:%p' -- JUMP}, PROGRAM being --ssh-program (so {@code -F FILE} or
 * {@code ip vrf exec} hold for the jump too, as they do in ssh's own).
 *
 * <p>ssh expands {@code %} tokens in it and runs it as {@code $SHELL -c "exec ..."}, with the user's
 * shell. So every '%' of a word is doubled, and every word is either plain (letters, digits and
 * {@code _ . / - = : @ + , %}, read the same by sh, bash, zsh, fish and csh) or single-quoted without
 * a quote, backslash or '!' inside (also read the same by all of them); anything else is refused. The
 * jump's user, host and port are data, validated to plain names and numbers before they get here
 * ({@link io.routesync.config.inventory.SshOptions}), and are checked again as words.
 */
final class JumpCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./-][A-Za-z0-9_./=:@+,%-]*");
    private static final Pattern QUOTABLE = Pattern.compile("[^'\\\\!\\x00-\\x1f\\x7f]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private JumpCommand() {
    }

    /**
     * The ProxyCommand for {@code jump} ({@code [user@]host[:port]}).
     *
     * @param family "-4", "-6" or null: the address family the data chose, passed on as ssh's own does
     * @throws IllegalArgumentException if the jump is not a plain single hop, or a program word cannot be quoted
     */
    static String of(List<String> program, SshSettings s, String jump, String family) {
        String host = jump;
        String user = null;
        String port = null;
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            user = host.substring(0, at);
            host = host.substring(at + 1);
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            port = host.substring(colon + 1);
            host = host.substring(0, colon);
        }
        if (!HOST.matcher(host).matches() || (user != null && !USER.matcher(user).matches())
                || (port != null && !PORT.matcher(port).matches())) {
            throw new IllegalArgumentException("the jump host '" + SshExtraArgs.printable(jump) + "' is not [user@]host[:port]"
                    + " with plain names (one jump host; chain jumps in your ~/.ssh/config)");
        }
        List<String> words = new ArrayList<>();
        for (String w : program) words.add(word(w.replace("%", "%%")));
        words.add("-o");
        words.add("BatchMode=yes");
        words.add("-o");
        words.add("StrictHostKeyChecking=" + (s.acceptNewHostKeys() ? "accept-new" : "yes"));
        words.add("-o");
        words.add("ConnectTimeout=" + s.connectTimeout().toSeconds());
        if (family != null) words.add(family);
        if (user != null) {
            words.add("-l");
            words.add(word(user));
        }
        if (port != null) {
            words.add("-p");
            words.add(word(port));
        }
        words.add("-W");
        // ssh puts the target's address here; the brackets (for IPv6) must not meet the shell's globbing
        words.add("'[%h]:%p'");
        words.add("--");
        words.add(word(host));
        return String.join(" ", words);
    }

    /** A word as the shell reads it back unchanged: plain, or single-quoted. */
    private static String word(String w) {
        if (PLAIN.matcher(w).matches()) return w;
        if (QUOTABLE.matcher(w).matches()) return "'" + w + "'";
        throw new IllegalArgumentException("the ssh program word '" + SshExtraArgs.printable(w) + "' holds a quote, a backslash"
                + " or '!', and cannot be passed on to the jump host's connection");
    }
}
