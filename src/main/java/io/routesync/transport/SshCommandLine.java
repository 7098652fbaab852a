package io.routesync.transport;

import io.routesync.config.inventory.SshOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the ssh argument array for one script run, and the remote command inside it.
 *
 * <p>Layout: {@code PROGRAM routesync-options [-p PORT] [-l USER] [-i KEY] EXTRA... -- HOST COMMAND}.
 * OpenSSH keeps the first value it sees for an option, and values on the command line beat every
 * config file. routesync's options come first on purpose: batch mode (a prompt would hang a fleet
 * run), the host key policy (strict unless the run opted into accept-new), no terminal, and the
 * ControlMaster settings (the run owns and removes the control directory) cannot be undone by an
 * inventory's extra arguments or a {@code ~/.ssh/config}. Everything else stays the user's: their ssh
 * configuration and {@code --ssh-program} (trusted, may say anything), and the extra arguments of the
 * data, which may only tune the connection ({@link SshExtraArgs}). {@code --} ends the options, so the
 * host is never one.
 *
 * <p>ssh hands the remote command to the login shell of the remote user as {@code $SHELL -c COMMAND}.
 * The command is {@code sh -c 'SCRIPT' routesync 'ARG1' ...} with every word single-quoted, which
 * POSIX-like login shells (sh, bash, dash, ash, ksh, zsh) read back byte for byte; csh, tcsh and fish
 * do not, and are not supported as the remote user's login shell.
 */
final class SshCommandLine {
    /** The options routesync always sets (lower case, as ssh compares them). */
    static final Set<String> FIXED_OPTIONS = Set.of("batchmode", "requesttty", "connecttimeout",
            "stricthostkeychecking", "controlmaster", "controlpath", "controlpersist");
    /** How long an idle master of the run's own outlives its last session, in case the run dies before closing it. */
    static final Duration CONTROL_PERSIST = Duration.ofSeconds(60);
    /**
     * A kept master (--ssh-persist) asks its host every 5 s when idle and gives up after 2 unanswered
     * asks: a master whose host rebooted or whose path died (a firewall's idle timeout) ends within ~15 s
     * instead of failing or hanging the next run that uses it; the asks also keep a stateful
     * firewall's entry alive. A value from --ssh-program or the inventory comes first and wins.
     */
    static final List<String> KEPT_ALIVE = List.of("-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=2");

    /** The run's connection sharing: no master ({@code dir} null), or masters in {@code dir} kept {@code persist}. */
    record Control(Path dir, Duration persist, boolean kept) {
    }

    private SshCommandLine() {
    }

    static List<String> argv(List<String> program, Control control, SshSettings s, String script, List<String> args) {
        List<String> argv = new ArrayList<>(program);
        argv.add("-o");
        argv.add("BatchMode=yes");
        argv.add("-o");
        argv.add("RequestTTY=no");
        argv.add("-o");
        argv.add("ConnectTimeout=" + s.connectTimeout().toSeconds());
        argv.add("-o");
        argv.add("StrictHostKeyChecking=" + (s.acceptNewHostKeys() ? "accept-new" : "yes"));
        argv.add("-o");
        if (control.dir() == null) {
            // a run that shares no connection: none of the user's masters either
            argv.add("ControlMaster=no");
            argv.add("-o");
            argv.add("ControlPath=none");
        } else {
            argv.add("ControlMaster=auto");
            argv.add("-o");
            // %C: a hash of local host, remote host, port and user, so each destination gets its own master
            argv.add("ControlPath=" + control.dir() + "/%C");
            argv.add("-o");
            argv.add("ControlPersist=" + control.persist().toSeconds() + "s");
        }
        if (s.port() != 0) {
            argv.add("-p");
            argv.add(Integer.toString(s.port()));
        }
        if (!s.user().isEmpty()) {
            argv.add("-l");
            argv.add(s.user());
        }
        if (!s.identityFile().isEmpty()) {
            argv.add("-i");
            argv.add(s.identityFile());
        }
        String jump = SshOptions.jump(s.extraArgs());
        if (jump == null) {
            argv.addAll(s.extraArgs());
        } else {
            // routesync's own ProxyCommand, so its options hold for the jump connection too (JumpCommand)
            List<String> rest = SshOptions.withoutJump(s.extraArgs());
            String family = null;
            for (String w : rest) if (w.equals("-4") || w.equals("-6")) family = w;
            argv.add("-o");
            argv.add("ProxyCommand=" + JumpCommand.of(program, s, jump, family));
            argv.addAll(rest);
        }
        if (control.kept()) argv.addAll(KEPT_ALIVE);
        argv.add("--");
        argv.add(s.host());
        argv.add(remoteCommand(script, args));
        return argv;
    }

    /** {@code sh -c 'SCRIPT' routesync 'ARG1' 'ARG2' ...}: the text the remote login shell parses. */
    static String remoteCommand(String script, List<String> args) {
        StringBuilder out = new StringBuilder(script.length() + 64 + 16 * args.size());
        out.append("sh -c ");
        quote(script, out);
        out.append(" routesync");
        for (String arg : args) {
            out.append(' ');
            quote(arg, out);
        }
        return out.toString();
    }

    /**
     * POSIX single quotes: everything inside is literal except {@code '}, written as {@code '\''}
     * (close, an escaped quote, reopen). NUL cannot be passed through argv at all, so it is refused.
     */
    static void quote(String word, StringBuilder out) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a remote command word contains a NUL character");
        }
        out.append('\'');
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c == '\'') {
                out.append("'\\''");
            } else {
                out.append(c);
            }
        }
        out.append('\'');
    }

    static String quote(String word) {
        StringBuilder out = new StringBuilder(word.length() + 2);
        quote(word, out);
        return out.toString();
    }
}
