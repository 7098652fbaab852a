package io.routesync.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only commits signed by a key of the allowed-signers file are trusted; everything else says why not. */
class CommitSignaturesTest {
    @TempDir
    Path dir;
    SshSigningKey alice;
    SshSigningKey mallory;
    Path allowed;

    @BeforeEach
    void keys() throws IOException {
        alice = SshSigningKey.create(dir.resolve("alice"), "ed25519");
        mallory = SshSigningKey.create(dir.resolve("mallory"), "ed25519");
        allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, "# who may change the routing\n" + alice.allowedLine("alice@example.org") + "\n");
    }

    private SignatureCheck check(TestRepo repo, String ref) throws Exception {
        try (GitSource source = GitSource.open(RepoLocation.parse(repo.dir().toString()), dir.resolve("cache"), Duration.ofSeconds(5))) {
            return CommitSignatures.check(source, source.resolve(ref), allowed);
        }
    }

    @Test
    void theVerifierIsFoundThroughServiceLoader() {
        assertTrue(CommitSignatures.sshVerifierAvailable());
    }

    @Test
    void aCommitSignedByAnAllowedKeyIsTrusted() throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("a", "a\n").commitSigned("signed by alice", alice.privateKey());
            SignatureCheck c = check(repo, "main");
            assertTrue(c.trusted(), c::toString);
            assertEquals("alice@example.org", c.signer());
            assertTrue(c.fingerprint().startsWith("SHA256:"), c::toString);
        }
    }

    @Test
    void aSignatureMadeByGitItselfIsTrusted() throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            RevCommit base = repo.write("a", "a\n").commit("base");
            ObjectId signed = commitSignedByGit(repo.git().getRepository(), base, alice);
            SignatureCheck c = check(repo, signed.name());
            assertTrue(c.trusted(), c::toString);
        }
    }

    @Test
    void anUnsignedCommitIsRefused() throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("a", "a\n").commit("unsigned");
            SignatureCheck c = check(repo, "main");
            assertFalse(c.trusted());
            assertEquals("it is not signed", c.reason());
        }
    }

    @Test
    void aCommitSignedByAnotherKeyIsRefused() throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("a", "a\n").commitSigned("signed by mallory", mallory.privateKey());
            SignatureCheck c = check(repo, "main");
            assertFalse(c.trusted());
            assertNull(c.signer());
            assertTrue(c.reason().startsWith("its SSH signature (key SHA256:") && c.reason().contains("is not accepted"), c.reason());
        }
    }

    @Test
    void aKeyAllowedOnlyForAnotherNamespaceIsRefused() throws Exception {
        Files.writeString(allowed, "alice@example.org namespaces=\"file\" " + alice.publicKey() + "\n");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("a", "a\n").commitSigned("signed by alice", alice.privateKey());
            assertFalse(check(repo, "main").trusted());
        }
    }

    @Test
    void aTamperedCommitIsRefused() throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            RevCommit base = repo.write("a", "a\n").commit("base");
            Repository r = repo.git().getRepository();
            // a signature over one message, attached to a commit with another
            CommitBuilder b = builder(base, "the message alice signed");
            byte[] sig = alice.signLikeGit(b.build());
            CommitBuilder forged = builder(base, "a message alice never saw");
            forged.setGpgSignature(new GpgSignature(sig));
            ObjectId id = insert(r, forged);
            SignatureCheck c = check(repo, id.name());
            assertFalse(c.trusted(), c::toString);
        }
    }

    @Test
    void aMissingAllowedSignersFileIsAnError() throws Exception {
        Files.delete(allowed);
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("a", "a\n").commitSigned("signed by alice", alice.privateKey());
            IOException e = assertThrows(IOException.class, () -> check(repo, "main"));
            assertTrue(e.getMessage().contains("allowed signers file"), e.getMessage());
        }
    }

    /** A commit on top of {@code parent} whose signature ssh-keygen made, as git commit -S does. */
    static ObjectId commitSignedByGit(Repository repository, RevCommit parent, SshSigningKey key) throws IOException {
        CommitBuilder b = builder(parent, "signed the way git signs");
        b.setGpgSignature(new GpgSignature(key.signLikeGit(b.build())));
        ObjectId id = insert(repository, b);
        RefUpdate u = repository.updateRef(Constants.R_HEADS + "main");
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        u.update();
        return id;
    }

    private static CommitBuilder builder(RevCommit parent, String message) {
        PersonIdent who = new PersonIdent("Alice", "alice@example.org");
        CommitBuilder b = new CommitBuilder();
        b.setTreeId(parent.getTree().getId());
        b.setParentId(parent);
        b.setAuthor(who);
        b.setCommitter(who);
        b.setMessage(message + "\n");
        b.setEncoding(StandardCharsets.UTF_8);
        return b;
    }

    private static ObjectId insert(Repository repository, CommitBuilder b) throws IOException {
        try (ObjectInserter in = repository.newObjectInserter()) {
            ObjectId id = in.insert(b);
            in.flush();
            return id;
        }
    }
}
