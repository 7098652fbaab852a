package io.routesync.config.inventory;

import io.routesync.model.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OpenSSH client arguments that data may give: an allow-list. Data is the inventory
 * ({@code ansible_ssh_common_args}, {@code ansible_ssh_extra_args}), {@code --var} and plan files; none of
 * it may make the controller run a program, write a file, load code or open a socket, so only options
 * that tune the connection pass: port, user, identity and certificate files (read, never written), jump
 * hosts made of plain names, timeouts, keep-alives, algorithms, address family and binding, quiet log
 * levels. Everything else is refused, naming why, because ssh options are one step from running code:
 * {@code -F} reads a configuration that may say {@code ProxyCommand} or {@code Match exec}; {@code -E}
 * appends ssh's log (text the data chooses, with {@code -v}) to any file; {@code UserKnownHostsFile} with
 * accept-new writes a chosen line to any file; {@code ProxyJump} becomes a shell command line. Unusual
 * settings belong in the operator's own {@code ~/.ssh/config} or {@code --ssh-program}, which are trusted.
 * docs/ssh-options.md has the table; the words are walked the way ssh's getopt reads them, so nothing
 * hides in {@code -Cv} or {@code -oName=value}, and a stray word (ssh's destination) is refused. The names
 * {@code -o} may give are {@link SshConfigOptions}'s; values are checked by {@link SshValues} and
 * {@link ConnectionValues}.
 */
public final class SshOptions {
    /** Bounds on what data may pass, far above any real use: a run never builds a huge ssh command line. */
    private static final int MAX_WORDS = 64;
    private static final int MAX_WORD_LENGTH = 1024;

    /** Flags that only shape the connection: -4/-6 family, -a/-x/-k no agent/X11/GSSAPI forwarding, -C, -q, -T. */
    private static final String FLAGS = "46aCkqTx";
    /** Options with a value: -b bind address, -B interface, -c ciphers, -i identity, -J jumps, -l user, -m MACs, -o, -p port. */
    private static final String WITH_VALUE = "bBciJlmop";

    private static final String FIX = "data (inventory, --var, plan files) may give only ssh options that tune the connection: -p, -l, -i,"
            + " -J host, -c, -m, -b, -B, -4/-6, -C, -q and -o Port, User, IdentityFile, ProxyJump, ConnectTimeout, ServerAlive*,"
            + " Ciphers, KexAlgorithms, MACs, ... (docs/ssh-options.md); put anything else in your own ~/.ssh/config or --ssh-program";

    private SshOptions() {
    }

    /**
     * Checks argv words against the allow-list, option by option as ssh's getopt reads them.
     *
     * @return the same options, each option and its value as separate words ({@code -Cp22} becomes
     *         {@code -C -p 22}, what ssh reads it as)
     * @throws InvalidValueException naming the first word refused and why
     */
    public static List<String> check(List<String> words) {
        List<String> argv = new ArrayList<>();
        if (words == null) return argv;
        if (words.size() > MAX_WORDS) throw refused("more than " + MAX_WORDS + " ssh arguments");
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word == null) throw refused("an ssh argument is missing (null)");
            plain(word);
            if (word.length() < 2 || word.charAt(0) != '-' || word.equals("--")) {
                throw refused("'" + word + "' is not an option; ssh would take it as the destination or the command");
            }
            for (int j = 1; j < word.length(); j++) {
                char option = word.charAt(j);
                if (FLAGS.indexOf(option) >= 0) {
                    argv.add("-" + option);
                    continue;
                }
                if (WITH_VALUE.indexOf(option) < 0) throw refused("-" + option + " is not allowed: " + flagRefusal(option));
                String value;
                if (j + 1 < word.length()) {
                    value = word.substring(j + 1);
                } else if (i + 1 < words.size() && words.get(i + 1) != null) {
                    value = words.get(++i);
                    plain(value);
                } else {
                    throw refused("-" + option + " needs a value");
                }
                String problem = option == 'o' ? SshConfigOptions.problem(value) : valueProblem(option, value);
                if (problem != null) throw refused(option == 'o' ? problem : "-" + option + " '" + value + "' " + problem);
                argv.add("-" + option);
                argv.add(value);
                break;
            }
        }
        return argv;
    }

    /**
     * Checks a whole ssh destination as data gives it (a plan file's target): host, user and identity
     * file by the inventory's rules, the extra arguments by the allow-list.
     *
     * @throws InvalidValueException naming the first value refused and why
     */
    public static void checkDestination(String host, String user, String identityFile, List<String> extraArgs) {
        // an inventory name without ansible_host is the destination, and those (like ssh_config aliases) may hold '_'
        String problem = ConnectionValues.hostProblem(host == null ? "" : host.replace('_', 'u'));
        if (problem != null) throw new InvalidValueException("ssh host '" + host + "' " + problem, "a host name or an IP address");
        if (user != null && !user.isEmpty() && (problem = ConnectionValues.userProblem(user)) != null) {
            throw new InvalidValueException("ssh user '" + user + "' " + problem, "a user name: letters, digits, '.', '_' and '-'");
        }
        if (identityFile != null && !identityFile.isEmpty() && (problem = ConnectionValues.pathProblem(identityFile)) != null) {
            throw new InvalidValueException("ssh identity file '" + identityFile + "' " + problem, "a file path without spaces or shell characters");
        }
        check(extraArgs);
    }

    /**
     * The jump host given in {@code words} ({@code -J} or {@code -o ProxyJump}; the first, as ssh keeps
     * the first value), or null when there is none or it is {@code none}.
     */
    public static String jump(List<String> words) {
        List<String> argv = check(words);
        for (int i = 0; i + 1 < argv.size(); i++) {
            String value = jumpValue(argv, i);
            if (value != null) return value.equals("none") ? null : value;
            if (takesValue(argv.get(i))) i++;
        }
        return null;
    }

    /** {@code words} as {@link #check} returns them, without their {@code -J} and {@code -o ProxyJump} options. */
    public static List<String> withoutJump(List<String> words) {
        List<String> argv = check(words);
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            boolean jump = jumpValue(argv, i) != null;
            boolean pair = takesValue(argv.get(i)) && i + 1 < argv.size();
            if (!jump) {
                rest.add(argv.get(i));
                if (pair) rest.add(argv.get(i + 1));
            }
            if (pair) i++;
        }
        return rest;
    }

    private static boolean takesValue(String option) {
        return option.length() == 2 && WITH_VALUE.indexOf(option.charAt(1)) >= 0;
    }

    /** The jump value of the option at {@code i} of checked words, or null when it is not a jump option. */
    private static String jumpValue(List<String> argv, int i) {
        if (i + 1 >= argv.size()) return null;
        if (argv.get(i).equals("-J")) return argv.get(i + 1);
        if (!argv.get(i).equals("-o")) return null;
        String text = argv.get(i + 1);
        String name = SshConfigOptions.name(text);
        if (!name.equalsIgnoreCase("ProxyJump")) return null;
        String rest = text.substring(name.length()).strip();
        return (rest.startsWith("=") ? rest.substring(1) : rest).strip();
    }

    /** The names given with {@code -o} in checked words, lower case as ssh compares them. */
    public static List<String> configNames(List<String> words) {
        List<String> argv = check(words);
        List<String> names = new ArrayList<>();
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).equals("-o")) names.add(SshConfigOptions.name(argv.get(++i)).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static String valueProblem(char option, String value) {
        switch (option) {
            case 'p':
                return ConnectionValues.portProblem(value);
            case 'l':
                return ConnectionValues.userProblem(value);
            case 'i':
                return ConnectionValues.pathProblem(value);
            case 'J':
                return SshValues.jumpsProblem(value);
            case 'b':
                return ConnectionValues.hostProblem(value);
            case 'B':
                return SshValues.interfaceProblem(value);
            case 'c': case 'm':
                return SshValues.algorithmsProblem(value);
            default:
                throw new AssertionError(option);
        }
    }

    private static String flagRefusal(char option) {
        switch (option) {
            case 'F': return "it reads an ssh configuration named by the data, and a configuration can run programs"
                    + " (ProxyCommand, Match exec)";
            case 'E': return "it appends ssh's log to a file named by the data";
            case 'v': return "debug output names files and keys, goes wherever -E says, and keeps the ControlMaster attached"
                    + " to routesync";
            case 'y': return "it sends ssh's log to syslog";
            case 'G': case 'V': case 'Q': return "it makes ssh print information instead of connecting";
            case 'M': case 'S': case 'O': return "routesync runs the ControlMaster connections itself";
            case 'N': case 'f': case 'n': case 's': case 'W': case 'e':
                return "it stops routesync's remote command from running with its input and output";
            case 't': return "a terminal would alter the remote command's output";
            case 'D': case 'L': case 'R': case 'w': return "it opens a forwarding or a tunnel: a socket on this machine or the host";
            case 'A': case 'X': case 'Y': case 'g': case 'K':
                return "it forwards the agent, X11 or credentials to the host, or opens forwarded ports to others";
            case 'I': return "it loads a PKCS#11 library into ssh";
            case 'P': return "it selects Match tag blocks of a configuration: set it in your own configuration";
            default: return "it is not one of the ssh options that only tune the connection";
        }
    }

    private static void plain(String word) {
        if (word.length() > MAX_WORD_LENGTH) throw refused("an ssh argument is longer than " + MAX_WORD_LENGTH + " characters");
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isISOControl(c)) {
                throw refused("argument '" + word.strip() + "' contains " + ConnectionValues.describe(c));
            }
        }
    }


    private static InvalidValueException refused(String problem) {
        return new InvalidValueException(problem, FIX);
    }
}
