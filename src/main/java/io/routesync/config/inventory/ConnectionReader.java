package io.routesync.config.inventory;

import io.routesync.config.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Reads a host's ansible_* connection variables into a {@link Connection}, strictly: these values
 * become arguments of the ssh command, so anything that is not plainly a host, user, port or path is an
 * error naming the host, the variable and where it was set. Ansible's older names (ansible_ssh_host,
 * ansible_ssh_port, ansible_ssh_user, ansible_private_key_file) are read too; setting both names of a
 * pair to different values is an error rather than a silent pick.
 */
final class ConnectionReader {
    /** Every variable read here: these are templated for each host up front. */
    static final java.util.Set<String> VARIABLES = java.util.Set.of("ansible_connection", "ansible_host", "ansible_ssh_host",
            "ansible_port", "ansible_ssh_port", "ansible_user", "ansible_ssh_user", "ansible_ssh_private_key_file",
            "ansible_private_key_file", "ansible_ssh_common_args", "ansible_ssh_extra_args");

    private final String host;
    private final io.routesync.config.SourcePos hostPos;
    private final Map<String, Variable> vars;
    private final HostProblems problems;
    private boolean ok = true;

    private ConnectionReader(String host, io.routesync.config.SourcePos hostPos, Map<String, Variable> vars, HostProblems problems) {
        this.host = host;
        this.hostPos = hostPos;
        this.vars = vars;
        this.problems = problems;
    }

    /** The host's connection, or null when a value was refused (and reported at the variable, or at {@code hostPos}). */
    static Connection read(String host, io.routesync.config.SourcePos hostPos, Map<String, Variable> vars, HostProblems problems) {
        return new ConnectionReader(host, hostPos, vars, problems).read();
    }

    private Connection read() {
        Connection.Type type = Connection.Type.SSH;
        Variable connection = single("ansible_connection", null);
        if (connection != null) {
            String value = connection.text().orElse("");
            if (value.equals("local")) {
                type = Connection.Type.LOCAL;
            } else if (!value.equals("ssh") && !value.equals("smart")) {
                fail(connection, "ansible_connection '" + value + "' is not supported", "routesync connects with ssh (the default) or local");
            }
        }
        Variable given = single("ansible_host", "ansible_ssh_host");
        String address = checked(given, ConnectionValues::hostProblem, "a host name or an IP address").orElse(host);
        // without ansible_host the inventory name is the address, and not every inventory name is one ('42', 'příbor')
        String nameProblem = given == null && type == Connection.Type.SSH ? ConnectionValues.hostProblem(host) : null;
        if (nameProblem != null) {
            ok = false;
            problems.error(host, hostPos, "the host name '" + host + "' " + nameProblem + ", and no ansible_host says how to reach it",
                    "set ansible_host to its address or DNS name");
        }
        Optional<String> port = checked(single("ansible_port", "ansible_ssh_port"), ConnectionValues::portProblem, "a port number, 1-65535");
        Optional<String> user = checked(single("ansible_user", "ansible_ssh_user"), ConnectionValues::userProblem,
                "a user name: letters, digits, '.', '_' and '-'");
        Optional<String> key = checked(single("ansible_ssh_private_key_file", "ansible_private_key_file"), ConnectionValues::pathProblem,
                "a file path without spaces or shell characters");
        List<String> common = sshArgs("ansible_ssh_common_args");
        List<String> extra = sshArgs("ansible_ssh_extra_args");
        if (!ok) return null;
        return new Connection(type, address, port.map(p -> OptionalInt.of(Integer.parseInt(p))).orElse(OptionalInt.empty()), user, key, common, extra);
    }

    private List<String> sshArgs(String name) {
        Variable v = vars.get(name);
        if (v == null) return List.of();
        List<String> argv = SshArguments.read(host, v, problems);
        if (argv == null) ok = false;
        return argv == null ? List.of() : argv;
    }

    /** The variable set under {@code name} or its older {@code alias}; null when neither has a value. */
    private Variable single(String name, String alias) {
        Variable v = valued(name);
        Variable old = alias == null ? null : valued(alias);
        if (v != null && old != null && !v.text().equals(old.text())) {
            fail(old, alias + " and " + name + " are both set, to different values", "keep only " + name);
            return null;
        }
        Variable chosen = v != null ? v : old;
        if (chosen != null && !(chosen.value() instanceof YamlNode.Scalar)) {
            fail(chosen, chosen.name() + " must be a single value, found " + chosen.value().kind(), "write one value");
            return null;
        }
        return chosen;
    }

    private Variable valued(String name) {
        Variable v = vars.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private Optional<String> checked(Variable v, Function<String, String> check, String expected) {
        if (v == null) return Optional.empty();
        String value = v.text().orElse("");
        String problem = check.apply(value);
        if (problem != null) {
            fail(v, v.name() + " '" + value + "' " + problem, v.name() + " must be " + expected);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private void fail(Variable v, String message, String fix) {
        ok = false;
        problems.error(host, v.definedAt(), message, fix);
    }
}
