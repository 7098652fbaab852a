package io.routesync.config.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The ssh_config options data may give with {@code -o}, for {@link SshOptions}: an allow-list of the options
 * that only tune the connection, each with a check of its value, and the reasons the well-known others are
 * refused (an option on neither list is refused as unknown). ssh compares option names ignoring case.
 */
final class SshConfigOptions {
    private static final Map<String, Function<String, String>> ALLOWED = new HashMap<>();
    private static final Map<String, String> REFUSED = new HashMap<>();

    static {
        // where and as whom
        allow("Port", ConnectionValues::portProblem);
        allow("User", ConnectionValues::userProblem);
        allow("ProxyJump", SshValues::jumpsProblem);
        allow("AddressFamily", only("any", "inet", "inet6"));
        allow("BindAddress", ConnectionValues::hostProblem);
        allow("BindInterface", SshValues::interfaceProblem);
        // authentication: files that ssh reads, never writes
        allow("IdentityFile", ConnectionValues::pathProblem);
        allow("CertificateFile", ConnectionValues::pathProblem);
        allow("IdentitiesOnly", only("yes", "no"));
        allow("PreferredAuthentications", chars("-,"));
        for (String yesNo : List.of("PubkeyAuthentication", "PasswordAuthentication", "KbdInteractiveAuthentication",
                "ChallengeResponseAuthentication", "GSSAPIAuthentication", "Compression", "TCPKeepAlive")) {
            allow(yesNo, only("yes", "no"));
        }
        // timing
        allow("ConnectTimeout", number(1, 3600));
        allow("ConnectionAttempts", number(1, 100));
        allow("ServerAliveInterval", number(0, 86400));
        allow("ServerAliveCountMax", number(0, 1000));
        allow("RekeyLimit", SshValues::wordsProblem);
        allow("IPQoS", SshValues::wordsProblem);
        // algorithms ('+', '-', '^' before a list add to, take from or go before the defaults)
        for (String list : List.of("Ciphers", "MACs", "KexAlgorithms", "HostKeyAlgorithms", "PubkeyAcceptedAlgorithms",
                "PubkeyAcceptedKeyTypes", "CASignatureAlgorithms", "HostbasedAcceptedAlgorithms")) {
            allow(list, SshValues::algorithmsProblem);
        }
        // only the values that ask for nothing more than routesync (or ssh by default) already does
        allow("LogLevel", only("quiet", "fatal", "error", "info"));
        allow("BatchMode", only("yes"));
        allow("RequestTTY", only("no"));
        allow("StrictHostKeyChecking", only("yes"));
        for (String off : List.of("ForwardAgent", "ForwardX11", "CheckHostIP", "UpdateHostKeys", "GSSAPIDelegateCredentials",
                "VisualHostKey", "PermitLocalCommand")) {
            allow(off, only("no"));
        }

        // refused, with the reason; any name on neither list is refused as unknown
        refuse("runs a program on this machine", "ProxyCommand", "LocalCommand", "KnownHostsCommand", "Match", "ProxyUseFdpass");
        refuse("loads a library into ssh", "PKCS11Provider", "SecurityKeyProvider");
        refuse("reads an ssh configuration, which may run programs", "Include", "Host");
        refuse("names a file ssh writes (host keys) and changes which host keys are trusted", "UserKnownHostsFile");
        refuse("changes which host keys are trusted", "GlobalKnownHostsFile", "RevokedHostKeys", "HostKeyAlias",
                "VerifyHostKeyDNS", "NoHostAuthenticationForLocalhost", "CanonicalizeHostname", "CanonicalDomains",
                "CanonicalizePermittedCNAMEs", "CanonicalizeFallbackLocal", "CanonicalizeMaxDots");
        refuse("changes the host: give it as ansible_host", "Hostname");
        refuse("changes how ssh writes host keys", "HashKnownHosts");
        refuse("names a socket ssh connects to", "IdentityAgent", "ControlPath");
        refuse("opens a forwarding or a tunnel: a socket on this machine or the host", "LocalForward", "RemoteForward",
                "DynamicForward", "GatewayPorts", "StreamLocalBindMask", "StreamLocalBindUnlink", "PermitRemoteOpen", "Tunnel",
                "TunnelDevice", "ExitOnForwardFailure", "ClearAllForwardings", "ForwardX11Trusted", "ForwardX11Timeout");
        refuse("is routesync's own: it runs its ControlMaster", "ControlMaster", "ControlPersist");
        refuse("changes the key agent", "AddKeysToAgent");
        refuse("runs ssh-keysign or xauth on this machine", "HostbasedAuthentication", "EnableSSHKeysign", "XAuthLocation");
        refuse("sends this machine's environment to the host, changing how the remote commands run", "SendEnv", "SetEnv");
        refuse("replaces or detaches routesync's remote command", "RemoteCommand", "SessionType", "StdinNull",
                "ForkAfterAuthentication", "EscapeChar");
    }

    private SshConfigOptions() {
    }

    // -o takes one line of ssh_config: "Name value" or "Name=value" (ssh compares names ignoring case)
    /** Why {@code text}, the value of one {@code -o}, is refused, or null when it passes. */
    static String problem(String text) {
        String name = name(text);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) return "-o '" + text + "' does not start with an option name";
        String key = name.toLowerCase(Locale.ROOT);
        String reason = REFUSED.get(key);
        if (reason != null) return "-o " + name + " is not allowed: it " + reason;
        Function<String, String> check = ALLOWED.get(key);
        if (check == null) return "-o " + name + " is not allowed: it is not one of the ssh options that only tune the connection";
        String rest = text.substring(name.length()).strip();
        if (rest.startsWith("=")) rest = rest.substring(1).strip();
        if (rest.isEmpty()) return "-o " + name + " has no value";
        String problem = check.apply(rest);
        return problem == null ? null : "-o " + name + " '" + rest + "' " + problem;
    }

    /** The option name at the start of an ssh_config line. */
    static String name(String text) {
        int end = 0;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) < 128) end++;
        return text.substring(0, end);
    }

    private static Function<String, String> chars(String extra) {
        return v -> ConnectionValues.common(v, extra);
    }

    private static Function<String, String> number(int min, int max) {
        return v -> {
            if (v.isEmpty() || v.length() > 6 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) return "is not a whole number";
            int n = Integer.parseInt(v);
            return n >= min && n <= max ? null : "is outside " + min + "-" + max;
        };
    }

    private static Function<String, String> only(String... values) {
        return v -> {
            for (String allowed : values) {
                if (allowed.equalsIgnoreCase(v)) return null;
            }
            return "is not allowed here: only " + String.join(" or ", values)
                    + (values.length == 1 ? " (anything else weakens or changes what routesync relies on)" : "");
        };
    }

    private static void allow(String name, Function<String, String> check) {
        ALLOWED.put(name.toLowerCase(Locale.ROOT), check);
    }

    private static void refuse(String reason, String... names) {
        for (String name : names) REFUSED.put(name.toLowerCase(Locale.ROOT), reason);
    }
}
