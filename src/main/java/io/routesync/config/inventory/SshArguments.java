package io.routesync.config.inventory;

import io.routesync.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads ansible_ssh_common_args / ansible_ssh_extra_args into argv words for the OpenSSH client. The
 * string is split like a shell would (quotes group words) but never given to one. The words are then
 * parsed the way ssh's getopt will parse them, option by option, so nothing can hide: only options
 * that shape the connection are allowed, every one of them must be complete, and a stray word (which
 * ssh would take as the destination) is refused. Options that run local commands or load code
 * (ProxyCommand, LocalCommand, KnownHostsCommand, PKCS11Provider, ...) are refused, as are those the
 * transport sets itself (BatchMode, ControlMaster/Path/Persist, StrictHostKeyChecking, RemoteCommand).
 * A file named by -F may still say anything: that file is the operator's own configuration.
 */
final class SshArguments {
    private static final String FLAGS = "46AaCgKkqTvXxYy";
    private static final String WITH_VALUE = "BbcEFiJlmop";
    private static final Set<String> REFUSED_OPTIONS = Set.of(
            "proxycommand", "localcommand", "permitlocalcommand", "knownhostscommand", "remotecommand",
            "pkcs11provider", "securitykeyprovider", "match", "include",
            "batchmode", "controlmaster", "controlpath", "controlpersist", "stricthostkeychecking");

    private SshArguments() {
    }

    /** The checked argv words, each option and its value as separate words; null when any is refused (reported). */
    static List<String> read(String host, Variable variable, HostProblems problems) {
        List<String> words = new ArrayList<>();
        YamlNode value = variable.value();
        if (value instanceof YamlNode.Scalar) {
            String text = ((YamlNode.Scalar) value).text();
            if (text == null) return List.of();
            try {
                for (ShellWords.Word w : ShellWords.split(text, false)) words.add(w.text());
            } catch (ShellWords.Unsplittable e) {
                problems.error(host, variable.definedAt(), variable.name() + " cannot be split into arguments: " + e.getMessage(),
                        "close the quote; quote an argument with spaces like -o \"Name value\"");
                return null;
            }
        } else if (value instanceof YamlNode.Sequence && ((YamlNode.Sequence) value).items().stream()
                .allMatch(i -> i instanceof YamlNode.Scalar && !((YamlNode.Scalar) i).isNull())) {
            for (YamlNode item : ((YamlNode.Sequence) value).items()) words.add(((YamlNode.Scalar) item).text());
        } else {
            problems.error(host, variable.definedAt(), variable.name() + " must be a string of ssh arguments, found " + value.kind(),
                    "write it like \"-F ssh_config -o ProxyJump=bastion\"");
            return null;
        }
        List<String> argv = new ArrayList<>();
        String problem = parse(words, argv);
        if (problem != null) {
            problems.error(host, variable.definedAt(), variable.name() + ": " + problem,
                    "allowed: -F FILE, -i FILE, -o Name=value, -J JUMP, -l USER, -p PORT, -c/-m/-b/-B/-E values and flags -" + FLAGS);
            return null;
        }
        return argv;
    }

    // Walks the words like getopt: "-Cv" is two flags, "-p22" and "-p 22" are the same option.
    private static String parse(List<String> words, List<String> argv) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String control = controlCharacter(word);
            if (control != null) return "argument '" + word.strip() + "' contains " + control;
            if (word.length() < 2 || word.charAt(0) != '-' || word.equals("--")) {
                return "'" + word + "' is not an option; ssh would take it as the destination or the command";
            }
            for (int j = 1; j < word.length(); j++) {
                char option = word.charAt(j);
                if (FLAGS.indexOf(option) >= 0) {
                    argv.add("-" + option);
                    continue;
                }
                if (WITH_VALUE.indexOf(option) < 0) return "option -" + option + " is not allowed";
                String optionValue;
                if (j + 1 < word.length()) {
                    optionValue = word.substring(j + 1);
                } else if (i + 1 < words.size()) {
                    optionValue = words.get(++i);
                } else {
                    return "option -" + option + " needs a value";
                }
                String problem = valueProblem(option, optionValue);
                if (problem != null) return "-" + option + " '" + optionValue + "' " + problem;
                argv.add("-" + option);
                argv.add(optionValue);
                break;
            }
        }
        return null;
    }

    private static String valueProblem(char option, String value) {
        String control = controlCharacter(value);
        if (control != null) return "contains " + control;
        switch (option) {
            case 'o':
                return configOptionProblem(value);
            case 'F': case 'i': case 'E':
                return ConnectionValues.pathProblem(value);
            case 'l':
                return ConnectionValues.userProblem(value);
            case 'p':
                return ConnectionValues.portProblem(value);
            case 'b':
                return ConnectionValues.hostProblem(value);
            case 'J':
                return ConnectionValues.common(value, "._@:,%[]-");
            default: // c, m (algorithm lists), B (interface name)
                return ConnectionValues.common(value, "._@,+-");
        }
    }

    private static String configOptionProblem(String value) {
        int end = 0;
        while (end < value.length() && Character.isLetterOrDigit(value.charAt(end))) end++;
        String name = value.substring(0, end);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) return "does not start with an option name";
        String rest = value.substring(end).stripLeading();
        if (rest.isEmpty()) return "has no value";
        if (REFUSED_OPTIONS.contains(name.toLowerCase(Locale.ROOT))) {
            return "is not allowed: " + name + " runs local commands, loads code, or is set by routesync itself";
        }
        String setting = rest.startsWith("=") ? rest.substring(1).strip() : rest;
        if (name.equalsIgnoreCase("ProxyJump") || name.equalsIgnoreCase("Hostname") || name.equalsIgnoreCase("User")) {
            return ConnectionValues.common(setting, "._@:,%[]-");
        }
        return null;
    }

    private static String controlCharacter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isISOControl(word.charAt(i))) return ConnectionValues.describe(word.charAt(i));
        }
        return null;
    }
}
