package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.InvalidValueException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a host's connection variables may be: anything else is refused before ssh ever runs. */
class SshSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"edge1", "edge1.example.net", "edge1.example.net.", "EDGE-2", "my_alias", "10.77.0.5",
            "2001:db8::1", "::1", "fe80::1%eth0", "::ffff:192.0.2.1", "0host"})
    void acceptsHostNamesAliasesAndAddresses(String host) {
        assertEquals(host, SshSettings.of(host).host());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "-oProxyCommand=touch /tmp/x  | is not a valid host name",
            "-p                           | is not a valid host name",
            "h;rm -rf /                   | is not a valid host name",
            "h rm                         | is not a valid host name",
            "$(touch x)                   | is not a valid host name",
            "`id`                         | is not a valid host name",
            "root@edge1                   | is not a valid host name",
            "edge1:22                     | is not a valid IPv6 address",
            "[2001:db8::1]                | is not a valid IPv6 address",
            "fe80::1%eth0;id              | has an invalid IPv6 zone",
            "10.0.0.256                   | is not a valid IPv4 address",
            ".edge                        | is not a valid host name",
            "edge..net                    | is not a valid host name",
            "'edge'                       | is not a valid host name"})
    void refusesHostsThatAreOptionsOrShellSyntax(String host, String problem) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> SshSettings.of(host));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains(host), "names the value: " + e.getMessage());
    }

    @Test
    void refusesEmptyOrControlCharacterHosts() {
        assertThrows(InvalidValueException.class, () -> SshSettings.of(""));
        assertThrows(InvalidValueException.class, () -> SshSettings.of(null));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> SshSettings.of("edge1\nProxyCommand x"));
        assertTrue(e.getMessage().contains("edge1\\x0aProxyCommand"), "shows control characters escaped: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "deploy", "_svc", "a.b-c_d", "MACHINE$", "Admin"})
    void acceptsLoginNames(String user) {
        assertEquals(user, SshSettings.of("h").withUser(user).user());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-oProxyCommand=touch x", "-l", "root;id", "ro ot", "$(id)", "a'b", "r@h", "1root",
            "a\nb", "averyveryveryveryveryverylongname0"})
    void refusesUsersThatAreOptionsOrShellSyntax(String user) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> SshSettings.of("h").withUser(user));
        assertTrue(e.getMessage().startsWith("ssh user '"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, 100000, Integer.MIN_VALUE})
    void refusesPortsOutOfRange(int port) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> SshSettings.of("h").withPort(port));
        assertEquals("ssh port " + port + " is out of range", e.getMessage());
    }

    @Test
    void portZeroMeansTheSshConfigsPort() {
        assertDoesNotThrow(() -> SshSettings.of("h").withPort(0).withPort(1).withPort(65535));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-oProxyCommand=x", "-", "/keys/a\nb", "/keys/\0"})
    void refusesIdentityFilesThatAreOptionsOrHoldControlCharacters(String path) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> SshSettings.of("h").withIdentityFile(path));
        assertTrue(e.getMessage().startsWith("ssh identity file"), e.getMessage());
    }

    @Test
    void acceptsOrdinaryIdentityFiles() {
        assertEquals("~/.ssh/id ed25519", SshSettings.of("h").withIdentityFile("~/.ssh/id ed25519").identityFile());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "evilhost                      | is not an option",
            "--                            | is not an option",
            "-F                            | needs a value",
            "-oProxyCommand=a\\nb          | control character",
            "-S,/tmp/other                 | manages the ControlMaster",
            "-M                            | manages the ControlMaster",
            "-O,exit                       | manages the ControlMaster",
            "-N                            | would stop routesync's remote command",
            "-n                            | would stop routesync's remote command",
            "-f                            | would stop routesync's remote command",
            "-W,h:22                       | would stop routesync's remote command",
            "-t                            | a terminal",
            "-Ct                           | a terminal",
            "-G                            | print information",
            "-Z                            | unknown or unsupported",
            "-v                            | needs -E FILE"})
    void refusesExtraArgsThatAreNotHarmlessOptions(String words, String problem) {
        List<String> args = Arrays.asList(words.replace("\\n", "\n").split(","));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> SshSettings.of("h").withExtraArgs(args));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-F,/etc/routesync/ssh_config", "-o,ProxyJump=bastion", "-oProxyJump=bastion",
            "-J,jump@bastion:2222", "-C,-4", "-vvv,-E,/tmp/ssh.log", "-p2222,-lroot", "-o,IdentitiesOnly yes",
            "-o,ProxyCommand=ssh -W %h:%p bastion", "-i,-strange-but-a-value"})
    void acceptsOrdinaryOpenSshOptions(String words) {
        List<String> args = List.of(words.split(","));
        assertEquals(args, SshSettings.of("h").withExtraArgs(args).extraArgs());
    }

    @Test
    void reportsExtraOptionsThatRoutesyncOverrides() {
        SshSettings s = SshSettings.of("h").withExtraArgs(List.of("-o", "StrictHostKeyChecking=no",
                "-oUserKnownHostsFile=/dev/null", "-o", "controlpath /x", "-o", "ConnectTimeout 3"));
        assertEquals(List.of("stricthostkeychecking", "controlpath", "connecttimeout"), s.overriddenExtraOptions());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 500, 1500, 3601000})
    void refusesConnectTimeoutsThatAreNotWholeSecondsInRange(int millis) {
        assertThrows(InvalidValueException.class, () -> SshSettings.of("h").withConnectTimeout(Duration.ofMillis(millis)));
    }

    @Test
    void defaultsAreStrictWithATenSecondTimeout() {
        SshSettings s = SshSettings.of("h");
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(false, s.acceptNewHostKeys());
        assertEquals(List.of(), s.extraArgs());
    }
}
