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
            "-p                            | needs a value",
            "-oProxyCommand=a\\nb          | contains a line break",
            "-F,/etc/routesync/ssh_config  | -F is not allowed: it reads an ssh configuration",
            "-E,/etc/ld.so.preload         | -E is not allowed: it appends ssh's log to a file",
            "-v                            | -v is not allowed",
            "-Cv                           | -v is not allowed",
            "-y                            | -y is not allowed: it sends ssh's log to syslog",
            "-G                            | print information",
            "-S,/tmp/other                 | runs the ControlMaster connections itself",
            "-M                            | runs the ControlMaster connections itself",
            "-O,exit                       | runs the ControlMaster connections itself",
            "-N                            | stops routesync's remote command",
            "-W,h:22                       | stops routesync's remote command",
            "-t                            | a terminal",
            "-L,8080:h:80                  | opens a forwarding",
            "-I,/tmp/evil.so               | loads a PKCS#11 library",
            "-A                            | forwards the agent",
            "-Z                            | not one of the ssh options that only tune the connection",
            "-o,ProxyCommand=touch x       | -o ProxyCommand is not allowed: it runs a program",
            "-oLocalCommand=touch x        | -o LocalCommand is not allowed: it runs a program",
            "-o,KnownHostsCommand=/bin/x   | -o KnownHostsCommand is not allowed: it runs a program",
            "-o,UserKnownHostsFile=/etc/x  | -o UserKnownHostsFile is not allowed: it names a file ssh writes",
            "-o,GlobalKnownHostsFile=/x    | -o GlobalKnownHostsFile is not allowed: it changes which host keys are trusted",
            "-o,HostKeyAlias=other         | -o HostKeyAlias is not allowed: it changes which host keys are trusted",
            "-o,HashKnownHosts=no          | -o HashKnownHosts is not allowed",
            "-o,StrictHostKeyChecking=no   | -o StrictHostKeyChecking 'no' is not allowed here: only yes",
            "-o,StrictHostKeyChecking accept-new | -o StrictHostKeyChecking 'accept-new' is not allowed here: only yes",
            "-o,PKCS11Provider=/x.so       | -o PKCS11Provider is not allowed: it loads a library",
            "-o,SecurityKeyProvider=/x.so  | -o SecurityKeyProvider is not allowed: it loads a library",
            "-o,Include=/tmp/x             | -o Include is not allowed",
            "-o,IdentityAgent=/tmp/sock    | -o IdentityAgent is not allowed: it names a socket",
            "-o,ControlPath=/tmp/%C        | -o ControlPath is not allowed: it names a socket",
            "-o,ControlMaster=no           | -o ControlMaster is not allowed: it is routesync's own",
            "-o,LogLevel=DEBUG3            | -o LogLevel 'DEBUG3' is not allowed here",
            "-o,SetEnv=LANG=de_DE          | -o SetEnv is not allowed",
            "-o,RemoteCommand=reboot       | -o RemoteCommand is not allowed",
            "-o,XAuthLocation=/tmp/x       | -o XAuthLocation is not allowed",
            "-o,PermitLocalCommand=yes     | -o PermitLocalCommand 'yes' is not allowed here: only no",
            "-o,Tunnel=yes                 | -o Tunnel is not allowed",
            "-o,Hostname=elsewhere         | -o Hostname is not allowed: it changes the host",
            "-o,ProxyUseFdpass=yes         | -o ProxyUseFdpass is not allowed",
            "-o,Frobnicate=yes             | -o Frobnicate is not allowed: it is not one of",
            "-o,=ProxyCommand x            | does not start with an option name",
            "-o,ProxyJump=-oProxyCommand=x | has a jump host that starts with '-'",
            "-o,ProxyJump=a;touch x        | contains ';'",
            "-o,ProxyJump=h$(id)           | contains '$'",
            "-o,ProxyJump=%d               | contains '%'",
            "-o,ProxyJump=[2001:db8::1]:22 | give an IPv6 jump host a Host alias",
            "-J,ssh://u@h                  | has a jump user that contains ':'",
            "-J,-oProxyCommand=x           | has a jump host that starts with '-'",
            "-J,u@h:22:33                  | has a jump port that is not a port number",
            "-o,Port=22;id                 | -o Port '22;id' is not a port number",
            "-o,IdentityFile=/k/$(id)      | contains '$'",
            "-i,-strange-but-a-value       | starts with '-'",
            "-o,Ciphers=aes128-ctr;id      | contains ';'"})
    void refusesExtraArgsThatDoMoreThanTuneTheConnection(String words, String problem) {
        List<String> args = Arrays.asList(words.replace("\\n", "\n").split(","));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> SshSettings.of("h").withExtraArgs(args));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.expected().contains("~/.ssh/config or --ssh-program"), e.expected());
    }

    /** routesync builds the jump connection's ProxyCommand for one jump host; a chain belongs in ~/.ssh/config. */
    @ParameterizedTest
    @ValueSource(strings = {"-J a.example.net,deploy@10.0.0.1:22", "-o ProxyJump=a,b"})
    void refusesAChainOfJumpHosts(String words) {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> SshSettings.of("h").withExtraArgs(List.of(words.split(" "))));
        assertTrue(e.getMessage().contains("has more than one jump host"), e.getMessage());
        assertTrue(e.getMessage().contains("chain jumps in your ~/.ssh/config"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-o,ProxyJump=bastion", "-oProxyJump=bastion", "-oProxyJump=none", "-J,jump@bastion:2222",
            "-C,-4", "-Cq6", "-p2222,-lroot", "-p,2222", "-o,IdentitiesOnly yes",
            "-i,/keys/id_ed25519", "-i,~/.ssh/id+fleet@x", "-o,IdentityFile=~/.ssh/%h.key", "-o,CertificateFile=/keys/id-cert.pub",
            "-o,Port=2222", "-o,User=deploy", "-o,ConnectTimeout=5", "-o,ServerAliveInterval=15", "-o,ServerAliveCountMax 3",
            "-o,Ciphers=aes256-gcm@openssh.com,chacha20-poly1305@openssh.com", "-c,aes128-ctr", "-m,hmac-sha2-256",
            "-o,KexAlgorithms=+diffie-hellman-group14-sha256", "-o,MACs=-hmac-sha1", "-o,HostKeyAlgorithms=^ssh-ed25519",
            "-o,PubkeyAcceptedKeyTypes=+ssh-rsa", "-o,LogLevel=ERROR", "-o,loglevel quiet", "-o,StrictHostKeyChecking=yes",
            "-o,BatchMode=yes", "-o,AddressFamily=inet", "-o,TCPKeepAlive=no", "-o,Compression=yes", "-o,ForwardAgent=no",
            "-o,RekeyLimit=1G 1h", "-o,IPQoS=af21 cs1", "-o,PreferredAuthentications=publickey,keyboard-interactive",
            "-b,10.0.0.5", "-B,eth0", "-o,BindInterface=mgmt0", "-o,ConnectionAttempts=2"})
    void acceptsOptionsThatOnlyTuneTheConnection(String words) {
        List<String> args = List.of(words.split(","));
        if (words.startsWith("-o,Ciphers")) args = List.of("-o", "Ciphers=aes256-gcm@openssh.com,chacha20-poly1305@openssh.com");
        if (words.startsWith("-o,PreferredAuthentications")) args = List.of("-o", "PreferredAuthentications=publickey,keyboard-interactive");
        assertEquals(args, SshSettings.of("h").withExtraArgs(args).extraArgs());
    }

    @Test
    void reportsExtraOptionsThatRoutesyncOverrides() {
        SshSettings s = SshSettings.of("h").withExtraArgs(List.of("-o", "StrictHostKeyChecking=yes",
                "-oServerAliveInterval=5", "-o", "batchmode yes", "-o", "ConnectTimeout 3"));
        assertEquals(List.of("stricthostkeychecking", "batchmode", "connecttimeout"), s.overriddenExtraOptions());
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
