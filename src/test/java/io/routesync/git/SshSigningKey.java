package io.routesync.git;

import io.routesync.testing.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An SSH key pair made by ssh-keygen for signing commits, and what git's allowed-signers file says of it. */
public record SshSigningKey(Path privateKey, String publicKey) {

    /** A new passphrase-less key of {@code type} (ed25519, ecdsa, rsa) at {@code file}. */
    public static SshSigningKey create(Path file, String type) {
        Shell.check("ssh-keygen", "-q", "-t", type, "-N", "", "-C", file.getFileName().toString(), "-f", file.toString());
        try {
            return new SshSigningKey(file, Files.readString(Path.of(file + ".pub"), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One allowed-signers line for this key, limited to git signatures as git's documentation suggests. */
    public String allowedLine(String principal) {
        return principal + " namespaces=\"git\" " + publicKey;
    }

    /** Signs {@code payload} exactly as git does with gpg.format=ssh: {@code ssh-keygen -Y sign -n git -f KEY}. */
    public byte[] signLikeGit(byte[] payload) {
        List<String> argv = List.of("ssh-keygen", "-Y", "sign", "-n", "git", "-f", privateKey.toString());
        Shell.Result r = Shell.run(argv, new String(payload, StandardCharsets.UTF_8)).check(argv);
        return r.stdout().getBytes(StandardCharsets.UTF_8);
    }
}
