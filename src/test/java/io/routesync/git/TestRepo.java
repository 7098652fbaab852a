package io.routesync.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A git repository with a work tree, built by a test with JGit: files, commits, branches, tags. */
public final class TestRepo implements AutoCloseable {
    // first: JGit logs from its static initializers
    static {
        QuietLogging.ensure();
    }

    private static final PersonIdent AUTHOR = new PersonIdent("Test Author", "author@example.org");
    private final Git git;
    private final Path dir;

    private TestRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** A new repository in {@code dir} whose first branch is main. */
    public static TestRepo init(Path dir) {
        try {
            return new TestRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    public TestRepo write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepo delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages everything (new, changed and deleted files) and commits it unsigned. */
    public RevCommit commit(String message) {
        try {
            stage();
            return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #commit} but signed by JGit with the SSH private key in {@code key} (as gpg.format=ssh). */
    public RevCommit commitSigned(String message, Path key) {
        try {
            stage();
            Config config = new Config();
            config.setString("gpg", null, "format", "ssh");
            return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR)
                    .setSign(true).setGpgConfig(new GpgConfig(config)).setSigningKey(key.toString()).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stage() throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
    }

    public void branch(String name) {
        try {
            git.branchCreate().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void checkout(String name) {
        try {
            git.checkout().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An annotated tag on HEAD. */
    public void tag(String name) {
        try {
            git.tag().setName(name).setMessage("tag " + name).setTagger(AUTHOR).setAnnotated(true).setSigned(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }

    /** Deletes a directory tree (a "remote" that went away). */
    public static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
