package io.routesync.config.inventory;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How to reach a host, from its ansible_* connection variables, every value already checked so the
 * SSH transport can put it into an argv as is. {@code address} is ansible_host, or the inventory name
 * when that is unset; the ssh argument lists are argv words (never one shell string), common ones for
 * every ssh-family command and extra ones for ssh itself, as in Ansible.
 */
public record Connection(Type type, String address, OptionalInt port, Optional<String> user, Optional<String> privateKeyFile,
                         List<String> sshCommonArgs, List<String> sshExtraArgs) {

    public enum Type { SSH, LOCAL }

    /** The inventory variables a connection is read from ({@link ConnectionReader}); only an inventory sets them. */
    public static final Set<String> VARIABLES = Set.of("ansible_connection", "ansible_host", "ansible_ssh_host", "ansible_port",
            "ansible_ssh_port", "ansible_user", "ansible_ssh_user", "ansible_ssh_private_key_file", "ansible_private_key_file",
            "ansible_ssh_common_args", "ansible_ssh_extra_args");

    public Connection {
        sshCommonArgs = List.copyOf(sshCommonArgs);
        sshExtraArgs = List.copyOf(sshExtraArgs);
    }
}
