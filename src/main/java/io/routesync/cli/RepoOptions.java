package io.routesync.cli;

import io.routesync.git.CommitSignatures;
import io.routesync.git.GitSource;
import io.routesync.git.GitSourceException;
import io.routesync.git.RepoCommit;
import io.routesync.git.RepoLocation;
import io.routesync.git.SignatureCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where desired state comes from when it comes from git: {@code --repo} (a local repository read in
 * place, or a URL fetched into a bare clone under {@code --cache-dir}), {@code --ref}, and whether the
 * commit must be signed by an allowed key. A mixin, so validate, plan, apply and pull share it.
 */
public final class RepoOptions {

    @Option(names = "--repo", paramLabel = "PATH|URL",
            description = "Read inventory and states from a git repository: a local path, or a file://, https:// or ssh:// URL.")
    String repo;

    @Option(names = "--ref", paramLabel = "REF", defaultValue = "HEAD",
            description = "The branch, tag or commit to read (default ${DEFAULT-VALUE}: the checked-out branch, or a remote's default branch).")
    String ref;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where bare clones of remote repositories are kept (default /var/cache/routesync).")
    Path cacheDir;

    @Option(names = "--require-signed",
            description = "Refuse a commit that is not signed by a key of --allowed-signers (SSH signatures, gpg.format=ssh).")
    boolean requireSigned;

    @Option(names = "--allowed-signers", paramLabel = "FILE",
            description = "git's allowed_signers file (gpg.ssh.allowedSignersFile) naming the keys that may sign.")
    Path allowedSigners;

    boolean given() {
        return repo != null;
    }

    /** validate, plan and apply read a repository's inventory and states: --repo needs -i (a path in it). */
    void requireInventory(boolean inventory) throws UserError {
        if (given() && !inventory) {
            throw new UserError(ExitCodes.USAGE, "--repo reads an inventory from the repository: give its path there with -i"
                    + " (like -i inventory/hosts.yml)");
        }
    }

    String ref() {
        return ref;
    }

    RepoLocation location() throws UserError {
        try {
            return RepoLocation.parse(repo);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
    }

    Path cacheDir() {
        return cacheDir != null ? cacheDir : GitSource.DEFAULT_CACHE;
    }

    /** The allowed-signers file when signatures are required; checks the pair of options and the file. */
    Optional<Path> signers() throws UserError {
        if (!requireSigned && allowedSigners == null) return Optional.empty();
        if (!requireSigned) throw new UserError(ExitCodes.USAGE, "--allowed-signers is only used with --require-signed");
        if (allowedSigners == null) {
            throw new UserError(ExitCodes.USAGE, "--require-signed needs --allowed-signers FILE (git's allowed_signers format:"
                    + " 'PRINCIPAL namespaces=\"git\" ssh-ed25519 AAAA...' per line)");
        }
        if (!Files.isRegularFile(allowedSigners) || !Files.isReadable(allowedSigners)) {
            throw new UserError(ExitCodes.USAGE, "--allowed-signers " + allowedSigners + ": no such readable file");
        }
        if (!CommitSignatures.sshVerifierAvailable()) {
            throw new UserError(ExitCodes.FAILED, "this routesync build cannot verify SSH signatures (JGit's verifier is missing)");
        }
        return Optional.of(allowedSigners);
    }

    /** Opens the repository as validate, plan and apply read it: a local path in place, a URL through the cache. */
    GitSource open(Duration fetchTimeout) throws UserError {
        try {
            return GitSource.open(location(), cacheDir(), fetchTimeout);
        } catch (GitSourceException e) {
            throw failure(e);
        }
    }

    /**
     * The commit validate, plan and apply read from {@code source}: {@code --ref} resolved, the fetch
     * and uncommitted-changes warnings printed to {@code err}, and, with {@code --require-signed}, a
     * refusal (exit 1, before anything is read or applied) unless an allowed key signed it.
     */
    RepoCommit commit(GitSource source, PrintWriter err) throws UserError {
        source.fetchWarning().ifPresent(w -> err.println("warning: " + w));
        RepoCommit commit;
        try {
            commit = source.resolve(ref);
        } catch (GitSourceException e) {
            throw failure(e);
        }
        source.uncommittedWarning(commit).ifPresent(w -> err.println("warning: " + w));
        Optional<Path> signers = signers();
        if (signers.isPresent()) {
            SignatureCheck check;
            try {
                check = CommitSignatures.check(source, commit, signers.get());
            } catch (IOException e) {
                throw new UserError(ExitCodes.USAGE, e.getMessage(), e);
            }
            check.warnings().forEach(w -> err.println("warning: " + w));
            if (!check.trusted()) {
                throw new UserError(ExitCodes.FAILED, "commit " + commit.describe() + " is refused: " + check.reason() + ". Nothing was applied.");
            }
        }
        return commit;
    }

    /** The exit code a repository problem stands for (docs/exit-codes.md#repository-problems). */
    static UserError failure(GitSourceException e) {
        switch (e.kind()) {
            case NOT_A_REPOSITORY:
            case UNKNOWN_REF:
                return new UserError(ExitCodes.USAGE, e.getMessage(), e);
            case UNREACHABLE:
                return new UserError(ExitCodes.UNAVAILABLE, e.getMessage(), e);
            case BROKEN:
                return new UserError(ExitCodes.FAILED, e.getMessage(), e);
            default:
                throw new AssertionError(e.kind());
        }
    }
}
