package io.routesync.config.inventory;

import io.routesync.config.yaml.YamlNode;
import io.routesync.model.InvalidValueException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ansible_ssh_common_args / ansible_ssh_extra_args into argv words for the OpenSSH client. The
 * string is split like a shell would (quotes group words) but never given to one; the words must then
 * pass {@link SshOptions}, the allow-list of options that only tune the connection. A refusal names the
 * host, the variable and where it was set.
 */
final class SshArguments {
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
                    "write it like \"-o ProxyJump=bastion -o ServerAliveInterval=15\"");
            return null;
        }
        try {
            return SshOptions.check(words);
        } catch (InvalidValueException e) {
            problems.error(host, variable.definedAt(), variable.name() + ": " + e.getMessage(), e.expected());
            return null;
        }
    }
}
