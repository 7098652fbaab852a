package io.routesync.transport;

import io.routesync.model.IpAddress;
import io.routesync.model.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to reach one host over SSH: the inventory's connection variables, validated so that none of
 * them can be read by ssh as an option or by a shell as syntax. A value that is absent is left to
 * the user's ssh configuration: {@code port} 0, empty {@code user} and {@code identityFile}.
 *
 * @param host              host name, ssh_config alias, IPv4 or IPv6 literal ({@code ansible_host})
 * @param port              1-65535, or 0 for ssh's own choice ({@code ansible_port})
 * @param user              login name, or empty ({@code ansible_user})
 * @param identityFile      private key path, or empty ({@code ansible_ssh_private_key_file})
 * @param extraArgs         OpenSSH options, one word per element ({@code ansible_ssh_common_args} and
 *                          {@code ansible_ssh_extra_args}, split); see {@link SshExtraArgs}
 * @param connectTimeout    whole seconds, 1 s to 1 h
 * @param acceptNewHostKeys {@code StrictHostKeyChecking=accept-new} instead of {@code yes}: keys of
 *                          hosts never seen are added, changed keys are still refused
 */
public record SshSettings(String host, int port, String user, String identityFile, List<String> extraArgs,
                          Duration connectTimeout, boolean acceptNewHostKeys) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    // RFC 1123 labels, plus '_' which ssh_config aliases and some internal names use
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\\.?");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    // POSIX portable user names (useradd's default rule), a trailing '$' for machine accounts
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?");

    public SshSettings {
        user = user == null ? "" : user;
        identityFile = identityFile == null ? "" : identityFile;
        extraArgs = List.copyOf(extraArgs == null ? List.of() : new ArrayList<>(extraArgs));
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        checkHost(host);
        if (port < 0 || port > 65535) {
            throw new InvalidValueException("ssh port " + port + " is out of range", "a port from 1 to 65535");
        }
        if (!user.isEmpty() && !USER.matcher(user).matches()) {
            throw new InvalidValueException("ssh user '" + SshExtraArgs.printable(user) + "' is not a valid login name",
                    "letters, digits, '_', '.', '-' (not first), at most 32, optionally ending in '$'");
        }
        checkIdentityFile(identityFile);
        SshExtraArgs.check(extraArgs);
        if (connectTimeout.isNegative() || connectTimeout.toMillis() < 1000 || connectTimeout.toSeconds() > 3600
                || connectTimeout.toMillis() % 1000 != 0) {
            throw new InvalidValueException("ssh connect timeout " + connectTimeout + " is not a whole number of"
                    + " seconds from 1 to 3600", "a timeout like 10s");
        }
    }

    /** A host reached with the user's ssh configuration and routesync's defaults. */
    public static SshSettings of(String host) {
        return new SshSettings(host, 0, "", "", List.of(), DEFAULT_CONNECT_TIMEOUT, false);
    }

    public SshSettings withPort(int newPort) {
        return new SshSettings(host, newPort, user, identityFile, extraArgs, connectTimeout, acceptNewHostKeys);
    }

    public SshSettings withUser(String newUser) {
        return new SshSettings(host, port, newUser, identityFile, extraArgs, connectTimeout, acceptNewHostKeys);
    }

    public SshSettings withIdentityFile(String newIdentityFile) {
        return new SshSettings(host, port, user, newIdentityFile, extraArgs, connectTimeout, acceptNewHostKeys);
    }

    public SshSettings withExtraArgs(List<String> newExtraArgs) {
        return new SshSettings(host, port, user, identityFile, newExtraArgs, connectTimeout, acceptNewHostKeys);
    }

    public SshSettings withConnectTimeout(Duration newConnectTimeout) {
        return new SshSettings(host, port, user, identityFile, extraArgs, newConnectTimeout, acceptNewHostKeys);
    }

    public SshSettings withAcceptNewHostKeys(boolean accept) {
        return new SshSettings(host, port, user, identityFile, extraArgs, connectTimeout, accept);
    }

    /**
     * The {@code -o} options in {@link #extraArgs} that have no effect because routesync sets them
     * first (OpenSSH keeps the first value it sees): worth a warning, since an inventory written for
     * Ansible may carry {@code -o StrictHostKeyChecking=no}.
     */
    public List<String> overriddenExtraOptions() {
        List<String> overridden = new ArrayList<>();
        for (String name : SshExtraArgs.check(extraArgs)) {
            if (SshCommandLine.FIXED_OPTIONS.contains(name) && !overridden.contains(name)) overridden.add(name);
        }
        return overridden;
    }

    private static void checkHost(String host) {
        String expected = "a host name or ssh_config alias (letters, digits, '-', '_', '.'; not starting with"
                + " '-'), an IPv4 address, or an IPv6 address without brackets";
        if (host == null || host.isEmpty()) throw new InvalidValueException("ssh host is empty", expected);
        String shown = SshExtraArgs.printable(host);
        if (host.length() > 253) throw new InvalidValueException("ssh host '" + shown + "' is too long", expected);
        if (host.indexOf(':') >= 0) {
            int percent = host.indexOf('%');
            String address = percent < 0 ? host : host.substring(0, percent);
            try {
                IpAddress.parse(address);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("ssh host '" + shown + "' is not a valid IPv6 address", expected);
            }
            if (percent >= 0 && !ZONE.matcher(host.substring(percent + 1)).matches()) {
                throw new InvalidValueException("ssh host '" + shown + "' has an invalid IPv6 zone", "an interface name after '%'");
            }
            return;
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new InvalidValueException("ssh host '" + shown + "' is not a valid host name or address", expected);
        }
        if (host.matches("[0-9.]+")) {
            // all digits and dots: a mistyped IPv4 address, never a name
            try {
                IpAddress.parse(host);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("ssh host '" + shown + "' is not a valid IPv4 address", expected);
            }
        }
    }

    private static void checkIdentityFile(String path) {
        if (path.isEmpty()) return;
        String expected = "a path to a private key, not starting with '-'";
        if (path.startsWith("-")) {
            throw new InvalidValueException("ssh identity file '" + SshExtraArgs.printable(path) + "' starts with '-'", expected);
        }
        if (path.length() > 4096) throw new InvalidValueException("ssh identity file path is too long", expected);
        for (int k = 0; k < path.length(); k++) {
            char c = path.charAt(k);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidValueException("ssh identity file '" + SshExtraArgs.printable(path)
                        + "' contains a control character", expected);
            }
        }
    }
}
