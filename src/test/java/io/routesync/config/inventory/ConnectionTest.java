package io.routesync.config.inventory;

import static io.routesync.config.inventory.Fixtures.failures;
import static io.routesync.config.inventory.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Connection variables feed an ssh command line later: every value is checked here, and anything that
 * could be read as a shell command or an ssh option is refused with the host, variable and place.
 */
class ConnectionTest {

    /** An inventory with one host edge1 whose variable line (at hosts.yml:4:7) is {@code line}. */
    private static String withHostVar(String line) {
        return "all:\n  hosts:\n    edge1:\n      " + line + "\n";
    }

    private static Connection connection(String... lines) throws Exception {
        String inventory = "all:\n  hosts:\n    edge1:\n" + (lines.length == 0 ? "" : "      " + String.join("\n      ", lines) + "\n");
        return Fixtures.read(files("hosts.yml", inventory), "hosts.yml").host("edge1").orElseThrow().connection();
    }

    @Test
    void defaultsToSshToTheInventoryName() throws Exception {
        assertEquals(new Connection(Connection.Type.SSH, "edge1", OptionalInt.empty(), Optional.empty(), Optional.empty(), List.of(), List.of()),
                connection());
    }

    @Test
    void aliasesAndMergeKeysReadAsAnsibleReadsThem() throws Exception {
        // ansible-inventory --list gives h1 ansible_host 10.0.0.1, port 2222, user root; h2 the same host
        String inventory = "all:\n  vars:\n    common: &common\n      ansible_port: 2222\n      ansible_user: ops\n"
                + "  hosts:\n    h1:\n      <<: *common\n      ansible_host: &a 10.0.0.1\n      ansible_user: root\n"
                + "    h2:\n      ansible_host: *a\n";
        Inventory inv = Fixtures.read(files("hosts.yml", inventory), "hosts.yml");
        assertEquals(new Connection(Connection.Type.SSH, "10.0.0.1", OptionalInt.of(2222), Optional.of("root"), Optional.empty(), List.of(), List.of()),
                inv.host("h1").orElseThrow().connection());
        assertEquals("10.0.0.1", inv.host("h2").orElseThrow().connection().address());
    }

    @Test
    void readsEveryConnectionVariable() throws Exception {
        Connection c = connection(
                "ansible_host: 2001:db8::11",
                "ansible_port: 2222",
                "ansible_user: ops.deploy",
                "ansible_ssh_private_key_file: ~/.ssh/id_ed25519",
                "ansible_ssh_common_args: \"-i ssh_key -o 'ProxyJump=jump@bastion:22'\"",
                "ansible_ssh_extra_args: -Cq -p2222 -o ServerAliveInterval=5");
        assertEquals(new Connection(Connection.Type.SSH, "2001:db8::11", OptionalInt.of(2222), Optional.of("ops.deploy"),
                        Optional.of("~/.ssh/id_ed25519"), List.of("-i", "ssh_key", "-o", "ProxyJump=jump@bastion:22"),
                        List.of("-C", "-q", "-p", "2222", "-o", "ServerAliveInterval=5")),
                c);
    }

    @Test
    void olderSshNamesWorkAndLocalConnectionsAreRecognised() throws Exception {
        Connection c = connection("ansible_ssh_host: 10.0.0.1", "ansible_ssh_user: root", "ansible_connection: local");
        assertEquals(Connection.Type.LOCAL, c.type());
        assertEquals("10.0.0.1", c.address());
        assertEquals(Optional.of("root"), c.user());
    }

    @Test
    void sshArgumentsMayBeAYamlList() throws Exception {
        Connection c = connection("ansible_ssh_common_args: [-o, \"ServerAliveCountMax=3\"]");
        assertEquals(List.of("-o", "ServerAliveCountMax=3"), c.sshCommonArgs());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "ansible_host: \"h;rm -rf /\"          | ansible_host 'h;rm -rf /' contains ';', which is not allowed here"
                + "| ansible_host must be a host name or an IP address",
        "ansible_host: \"$(reboot)\"           | ansible_host '$(reboot)' contains '$', which is not allowed here"
                + "| ansible_host must be a host name or an IP address",
        "ansible_host: \"-oProxyCommand=x\"    | ansible_host '-oProxyCommand=x' starts with '-', which ssh would read as an option"
                + "| ansible_host must be a host name or an IP address",
        "ansible_host: \"edge1 -v\"            | ansible_host 'edge1 -v' contains a space, which is not allowed here"
                + "| ansible_host must be a host name or an IP address",
        "ansible_host: \"root@edge1\"          | ansible_host 'root@edge1' contains '@', which is not allowed here"
                + "| ansible_host must be a host name or an IP address",
        "ansible_host: 300.1.1.1              | ansible_host '300.1.1.1' is not a valid IPv4 address"
                + "| ansible_host must be a host name or an IP address",
        "ansible_host: \"fe80::1%eth0;x\"      | ansible_host 'fe80::1%eth0;x' contains ';', which is not allowed here"
                + "| ansible_host must be a host name or an IP address",
        "ansible_user: \"-oProxyCommand=x\"    | ansible_user '-oProxyCommand=x' starts with '-', which ssh would read as an option"
                + "| ansible_user must be a user name: letters, digits, '.', '_' and '-'",
        "ansible_user: \"root`id`\"            | ansible_user 'root`id`' contains '`', which is not allowed here"
                + "| ansible_user must be a user name: letters, digits, '.', '_' and '-'",
        "ansible_port: \"22; reboot\"          | ansible_port '22; reboot' is not a port number| ansible_port must be a port number, 1-65535",
        "ansible_port: 70000                  | ansible_port '70000' is outside 1-65535| ansible_port must be a port number, 1-65535",
        "ansible_ssh_private_key_file: \"key file\" | ansible_ssh_private_key_file 'key file' contains a space, which is not allowed here"
                + "| ansible_ssh_private_key_file must be a file path without spaces or shell characters",
        "ansible_ssh_private_key_file: \"-i/etc/shadow\" | ansible_ssh_private_key_file '-i/etc/shadow' starts with '-', which ssh would read as an option"
                + "| ansible_ssh_private_key_file must be a file path without spaces or shell characters",
        "ansible_connection: winrm            | ansible_connection 'winrm' is not supported| routesync connects with ssh (the default) or local",
    })
    void badConnectionValuesAreRefused(String line, String message, String fix) {
        assertEquals(List.of("hosts.yml:4:7: error: host edge1: " + message.strip() + "\n  fix: " + fix.strip()),
                failures(files("hosts.yml", withHostVar(line.strip())), "hosts.yml"));
    }

    private static final String SSH_FIX = "data (inventory, --var, plan files) may give only ssh options that tune the connection:"
            + " -p, -l, -i, -J host, -c, -m, -b, -B, -4/-6, -C, -q and -o Port, User, IdentityFile, ProxyJump, ConnectTimeout,"
            + " ServerAlive*, Ciphers, KexAlgorithms, MACs, ... (docs/ssh-options.md); put anything else in your own ~/.ssh/config"
            + " or --ssh-program";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "-o ProxyCommand='nc %h %p'     | -o ProxyCommand is not allowed: it runs a program on this machine",
        "-oLocalCommand=id              | -o LocalCommand is not allowed: it runs a program on this machine",
        "-CoProxyCommand=x              | -o ProxyCommand is not allowed: it runs a program on this machine",
        "-o 'proxycommand sh -c id'     | -o proxycommand is not allowed: it runs a program on this machine",
        "-o StrictHostKeyChecking=no    | -o StrictHostKeyChecking 'no' is not allowed here: only yes (anything else weakens or changes what routesync relies on)",
        "-o ProxyJump=-oProxyCommand=x  | -o ProxyJump '-oProxyCommand=x' has a jump host that starts with '-', which ssh would read as an option"
                + " (a jump is [user@]host[:port], host a name or an IPv4 address; an IPv6 jump host needs a Host alias in your ~/.ssh/config)",
        "-J -oProxyCommand=x            | -J '-oProxyCommand=x' has a jump host that starts with '-', which ssh would read as an option"
                + " (a jump is [user@]host[:port], host a name or an IPv4 address; an IPv6 jump host needs a Host alias in your ~/.ssh/config)",
        "-F ssh_config                  | -F is not allowed: it reads an ssh configuration named by the data, and a configuration can run"
                + " programs (ProxyCommand, Match exec)",
        "-v -E /etc/ld.so.preload       | -v is not allowed: debug output names files and keys, goes wherever -E says, and keeps the"
                + " ControlMaster attached to routesync",
        "-o UserKnownHostsFile=/etc/x   | -o UserKnownHostsFile is not allowed: it names a file ssh writes (host keys) and changes which"
                + " host keys are trusted",
        "-i '/tmp/my key'               | -i '/tmp/my key' contains a space, which is not allowed here",
        "evilhost                       | 'evilhost' is not an option; ssh would take it as the destination or the command",
        "-- sh -c id                    | '--' is not an option; ssh would take it as the destination or the command",
        "-W host:22                     | -W is not allowed: it stops routesync's remote command from running with its input and output",
        "-o                             | -o needs a value",
    })
    void badSshArgumentsAreRefused(String args, String message) {
        String line = "ansible_ssh_common_args: \"" + args.strip() + "\"";
        assertEquals(List.of("hosts.yml:4:7: error: host edge1: ansible_ssh_common_args: " + message.strip() + "\n  fix: " + SSH_FIX),
                failures(files("hosts.yml", withHostVar(line)), "hosts.yml"));
    }

    @Test
    void aLineBreakInsideAnSshArgumentIsRefused() {
        String line = "ansible_ssh_extra_args: [\"-oUser=a\\nb\"]";
        assertEquals(List.of("hosts.yml:4:7: error: host edge1: ansible_ssh_extra_args: argument '-oUser=a\nb' contains a line break\n  fix: " + SSH_FIX),
                failures(files("hosts.yml", withHostVar(line)), "hosts.yml"));
    }

    @Test
    void anUnclosedQuoteInSshArgumentsIsRefused() {
        assertEquals(List.of("hosts.yml:4:7: error: host edge1: ansible_ssh_common_args cannot be split into arguments: no closing quotation mark (')\n"
                        + "  fix: close the quote; quote an argument with spaces like -o \"Name value\""),
                failures(files("hosts.yml", withHostVar("ansible_ssh_common_args: \"-o 'ProxyJump=bastion\"")), "hosts.yml"));
    }

    @Test
    void aReferencedValueIsCheckedAfterResolutionAndReportedWhereItWasUsed() {
        String inventory = "all:\n  vars:\n    mgmt: \"10.0.0.1 -oProxyCommand=x\"\n    ansible_host: \"{{ mgmt }}\"\n  hosts: { h1: }\n";
        assertEquals(List.of("hosts.yml:4:5: error: host h1: ansible_host '10.0.0.1 -oProxyCommand=x' contains a space, which is not allowed here\n"
                        + "  fix: ansible_host must be a host name or an IP address"),
                failures(files("hosts.yml", inventory), "hosts.yml"));
    }

    @Test
    void oldAndNewNamesMustNotDisagree() {
        String inventory = "all:\n  hosts:\n    h1:\n      ansible_host: 10.0.0.1\n      ansible_ssh_host: 10.0.0.2\n";
        assertEquals(List.of("hosts.yml:5:7: error: host h1: ansible_ssh_host and ansible_host are both set, to different values\n"
                        + "  fix: keep only ansible_host"),
                failures(files("hosts.yml", inventory), "hosts.yml"));
    }

    @Test
    void aHostNameThatIsNotAHostNameIsRefusedInBothFormats() {
        assertEquals(List.of("hosts.yml:3:5: error: host name 'h;reboot' contains ';', which is not allowed here\n"
                        + "  fix: a host name is letters, digits, '.', '-' and '_', or an IP address; put anything else in ansible_host"),
                failures(files("hosts.yml", "all:\n  hosts:\n    \"h;reboot\":\n"), "hosts.yml"));
        assertEquals(List.of("hosts:2:1: error: host name '$(reboot)' contains '$', which is not allowed here\n"
                        + "  fix: a host name is letters, digits, '.', '-' and '_', or an IP address; put anything else in ansible_host"),
                failures(files("hosts", "[edge]\n'$(reboot)' ansible_port=22\n"), "hosts"));
    }
}
