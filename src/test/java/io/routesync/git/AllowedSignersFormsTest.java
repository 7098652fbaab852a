package io.routesync.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.Shell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every allowed-signers form git accepts is accepted, and every one it refuses is refused, with the
 * reason named. The oracle is what git runs: {@code ssh-keygen -Y find-principals}, then
 * {@code ssh-keygen -Y verify -n git -I PRINCIPAL}, both with {@code -Overify-time=} the committer time.
 */
class AllowedSignersFormsTest {
    static final Instant Y2020 = Instant.parse("2020-06-15T12:00:00Z");

    @TempDir
    Path dir;
    SshSigningKey alice;
    Path allowed;
    TestRepo repo;

    @BeforeEach
    void setUp() {
        alice = SshSigningKey.create(dir.resolve("alice"), "ed25519");
        allowed = dir.resolve("allowed_signers");
        repo = TestRepo.init(dir.resolve("repo"));
        repo.write("a", "a\n").commit("base");
    }

    @AfterEach
    void tearDown() {
        if (repo != null) repo.close();
    }

    record Signed(ObjectId id, byte[] payload, byte[] signature, Instant when) {
    }

    /** A commit whose committer time is {@code when}, signed by ssh-keygen with {@code keyFile} as git signs. */
    Signed signedAt(Instant when, Path keyFile) throws Exception {
        Repository r = repo.git().getRepository();
        RevCommit parent = repo.git().log().setMaxCount(1).call().iterator().next();
        PersonIdent who = new PersonIdent("Alice", "alice@example.org", when, ZoneId.of("UTC"));
        CommitBuilder b = new CommitBuilder();
        b.setTreeId(parent.getTree().getId());
        b.setParentId(parent);
        b.setAuthor(who);
        b.setCommitter(who);
        b.setMessage("signed at " + when + "\n");
        b.setEncoding(StandardCharsets.UTF_8);
        byte[] payload = b.build();
        List<String> argv = List.of("ssh-keygen", "-Y", "sign", "-n", "git", "-f", keyFile.toString());
        byte[] sig = Shell.run(argv, new String(payload, StandardCharsets.UTF_8)).check(argv).stdout().getBytes(StandardCharsets.UTF_8);
        b.setGpgSignature(new GpgSignature(sig));
        ObjectId id;
        try (ObjectInserter in = r.newObjectInserter()) {
            id = in.insert(b);
            in.flush();
        }
        RefUpdate u = r.updateRef(Constants.R_HEADS + "main");
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        u.update();
        return new Signed(id, payload, sig, when);
    }

    SignatureCheck routesync(Signed s) throws Exception {
        try (GitSource source = GitSource.open(RepoLocation.parse(repo.dir().toString()), dir.resolve("cache"), Duration.ofSeconds(5))) {
            return CommitSignatures.check(source, source.resolve(s.id().name()), allowed);
        }
    }

    /** What git decides: find-principals, then verify for each principal found, at the committer time in local time. */
    boolean gitAccepts(Signed s) throws Exception {
        Path sig = dir.resolve("commit.sig");
        Files.write(sig, s.signature());
        String time = "-Overify-time=" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.systemDefault()).format(s.when());
        Shell.Result found = Shell.run(List.of("ssh-keygen", "-Y", "find-principals", "-f", allowed.toString(), "-s", sig.toString(), time), "");
        if (found.exitCode() != 0) return false;
        for (String principal : found.stdout().split("\n")) {
            if (principal.isBlank()) continue;
            List<String> argv = List.of("ssh-keygen", "-Y", "verify", "-n", "git", "-f", allowed.toString(), "-I", principal,
                    "-s", sig.toString(), time);
            if (Shell.run(argv, new String(s.payload(), StandardCharsets.UTF_8)).exitCode() == 0) return true;
        }
        return false;
    }

    /** routesync's verdict, checked against git's; returned for its reason. */
    SignatureCheck agree(String allowedSigners, Signed s, boolean expected) throws Exception {
        Files.writeString(allowed, allowedSigners);
        SignatureCheck c = routesync(s);
        assertEquals(expected, gitAccepts(s), () -> "the oracle disagrees with the test's expectation for:\n" + allowedSigners);
        assertEquals(expected, c.trusted(), () -> "routesync differs from git for:\n" + allowedSigners + "\n" + c);
        return c;
    }

    Signed recent(SshSigningKey key) throws Exception {
        return signedAt(Instant.now().minusSeconds(60), key.privateKey());
    }

    @Test
    void twoOptionsAsInTheDocumentation() throws Exception {
        Signed s = recent(alice);
        SignatureCheck c = agree("alice@example.org namespaces=\"git\",valid-before=\"20991231\" " + alice.publicKey() + "\n", s, true);
        assertEquals("alice@example.org", c.signer());
        agree("alice@example.org valid-after=\"20000101\",namespaces=\"git\",valid-before=\"20991231Z\" " + alice.publicKey() + "\n", s, true);
        agree("alice@example.org VALID-AFTER=\"200001010000\",Namespaces=\"git\" " + alice.publicKey() + " alice's laptop\n", s, true);
    }

    @Test
    void ecdsaAndRsaKeys() throws Exception {
        SshSigningKey ecdsa = SshSigningKey.create(dir.resolve("ops"), "ecdsa");
        Signed s = recent(ecdsa);
        SignatureCheck c = agree("ops@example.org namespaces=\"git\",valid-before=\"20991231\" " + ecdsa.publicKey() + "\n", s, true);
        assertEquals("ops@example.org", c.signer());
        SshSigningKey rsa = SshSigningKey.create(dir.resolve("rsa"), "rsa");
        agree("ops@example.org namespaces=\"git\" " + rsa.publicKey() + "\n", recent(rsa), true);
    }

    @Test
    void quotedNamespacesWithCommasAndPatterns() throws Exception {
        Signed s = recent(alice);
        agree("alice@example.org namespaces=\"file,git\" " + alice.publicKey() + "\n", s, true);
        agree("alice@example.org namespaces=\"g?t\" " + alice.publicKey() + "\n", s, true);
        agree("alice@example.org namespaces=\"!file,*\" " + alice.publicKey() + "\n", s, true);
        SignatureCheck c = agree("alice@example.org namespaces=\"file,email\" " + alice.publicKey() + "\n", s, false);
        assertTrue(c.reason().contains(allowed + ":1 allows the key only for namespaces \"file,email\", not \"git\""), c.reason());
        c = agree("alice@example.org namespaces=\"*,!git\" " + alice.publicKey() + "\n", s, false);
        assertTrue(c.reason().contains("namespaces"), c.reason());
    }

    @Test
    void validityIsJudgedAtTheCommitTimeNotNow() throws Exception {
        Signed old = signedAt(Y2020, alice.privateKey());
        // the key expired in 2021, after the commit was made: git accepts it, and so does routesync
        agree("alice@example.org valid-before=\"20210101\" " + alice.publicKey() + "\n", old, true);
        agree("alice@example.org valid-after=\"20200101\",valid-before=\"20200701Z\" " + alice.publicKey() + "\n", old, true);
        SignatureCheck c = agree("alice@example.org valid-after=\"20210101\" " + alice.publicKey() + "\n", old, false);
        assertTrue(c.reason().contains("only from 2021-01-01") && c.reason().contains("(valid-after), after the commit time 2020-06-15T12:00:00Z"),
                c.reason());
        c = agree("alice@example.org valid-before=\"20200101000000Z\" " + alice.publicKey() + "\n", old, false);
        assertTrue(c.reason().contains("only until 2020-01-01T00:00:00Z (valid-before), before the commit time 2020-06-15T12:00:00Z"), c.reason());
        // to the second
        agree("alice@example.org valid-before=\"20200615120000Z\" " + alice.publicKey() + "\n", old, true);
        agree("alice@example.org valid-before=\"20200615115959Z\" " + alice.publicKey() + "\n", old, false);
        agree("alice@example.org valid-after=\"20200615120000Z\" " + alice.publicKey() + "\n", old, true);
        agree("alice@example.org valid-after=\"20200615120001UTC\" " + alice.publicKey() + "\n", old, false);
    }

    @Test
    void principalsWithWildcardsNegationAndQuotes() throws Exception {
        Signed s = recent(alice);
        SignatureCheck c = agree("*@example.org " + alice.publicKey() + "\n", s, true);
        assertEquals("*@example.org", c.signer());
        agree("bob@example.org,alice@example.org namespaces=\"git\" " + alice.publicKey() + "\n", s, true);
        agree("!bob@example.org,* " + alice.publicKey() + "\n", s, true);
        agree("\"Alice Example\" namespaces=\"git\" " + alice.publicKey() + "\n", s, true);
    }

    @Test
    void theFirstLineOfTheKeyGivesThePrincipalsAsInGit() throws Exception {
        Signed s = recent(alice);
        // find-principals ignores namespaces and takes the first line; verify then needs that principal for git
        agree("alice@example.org namespaces=\"file\" " + alice.publicKey() + "\nbob@example.org " + alice.publicKey() + "\n", s, false);
        agree("bob@example.org " + alice.publicKey() + "\nalice@example.org namespaces=\"file\" " + alice.publicKey() + "\n", s, true);
        // an expired first line is passed over
        agree("old@example.org valid-before=\"20000101\" " + alice.publicKey() + "\nalice@example.org " + alice.publicKey() + "\n", s, true);
    }

    @Test
    void aLineGitSkipsIsSkippedNamedAndTheOthersStillCount() throws Exception {
        Signed s = recent(alice);
        // unquoted values and unknown options make ssh-keygen skip the line
        String bad = "alice@example.org valid-before=20991231 " + alice.publicKey() + "\n"
                + "alice@example.org no-touch-required " + alice.publicKey() + "\n";
        SignatureCheck c = agree(bad, s, false);
        assertTrue(c.reason().contains(allowed + ":1: bad options: the value of valid-before= must be in double quotes"), c.reason());
        assertTrue(c.reason().contains(allowed + ":2: bad options: unknown option 'no-touch-required'"), c.reason());
        c = agree("# ops\n\n" + bad + "  alice@example.org namespaces=\"git\" " + alice.publicKey() + "\n", s, true);
        assertEquals(2, c.warnings().size(), c::toString);
        assertTrue(c.warnings().get(0).endsWith(allowed + ":3: bad options: the value of valid-before= must be in double quotes"),
                c.warnings()::toString);
    }

    @Test
    void anUnknownKeyIsNamedAsSuch() throws Exception {
        SshSigningKey mallory = SshSigningKey.create(dir.resolve("mallory"), "ed25519");
        SignatureCheck c = agree("alice@example.org " + alice.publicKey() + "\n", recent(mallory), false);
        assertTrue(c.reason().matches("its SSH signature \\(key SHA256:\\S+\\) is not accepted: the key is not in the allowed signers file "
                + Pattern.quote(allowed.toString())), c.reason());
    }

    @Test
    void certificatesSignedByAnAllowedAuthority() throws Exception {
        SshSigningKey ca = SshSigningKey.create(dir.resolve("ca"), "ed25519");
        SshSigningKey user = SshSigningKey.create(dir.resolve("user"), "ed25519");
        Shell.check("ssh-keygen", "-q", "-s", ca.privateKey().toString(), "-I", "alice-id", "-n", "alice@example.org,ops",
                "-V", "-1d:+1d", user.privateKey() + ".pub");
        Signed s = signedAt(Instant.now().minusSeconds(60), Path.of(user.privateKey() + "-cert.pub"));
        SignatureCheck c = agree("alice@example.org cert-authority,namespaces=\"git\" " + ca.publicKey() + "\n", s, true);
        assertEquals("alice@example.org", c.signer());
        agree("*@example.org cert-authority " + ca.publicKey() + "\n", s, true);
        // a principal the certificate does not name, the CA without cert-authority, the user key itself
        c = agree("bob@example.org cert-authority " + ca.publicKey() + "\n", s, false);
        assertTrue(c.reason().contains("none of the certificate's principals"), c.reason());
        agree("alice@example.org " + ca.publicKey() + "\n", s, false);
        agree("alice@example.org " + user.publicKey() + "\n", s, false);
        c = agree("alice@example.org cert-authority,namespaces=\"file\" " + ca.publicKey() + "\n", s, false);
        assertTrue(c.reason().contains("namespaces"), c.reason());
    }

    @Test
    void parsingOnItsOwn() {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE1mYWtla2V5ZmFrZWtleWZha2VrZXlmYWtla2V5";
        AllowedSigners a = AllowedSigners.parse("f", "x cert-authority,namespaces=\"a,\\\"b\" " + key + "\n"
                + "y valid-after=\"20300101\",valid-before=\"20200101\" " + key + "\n"
                + "z ssh-rsa " + key.substring(12) + "\n"
                + "lonely\n", ZoneId.of("UTC"));
        assertEquals(1, a.entries().size(), a::toString);
        assertTrue(a.entries().get(0).certAuthority());
        assertEquals("a,\"b", a.entries().get(0).namespaces());
        assertEquals(List.of("f:2: bad options: valid-before is not after valid-after",
                "f:3: bad options: unknown option 'ssh-rsa'"
                        + " (known: cert-authority, namespaces=\"...\", valid-after=\"...\", valid-before=\"...\")",
                "f:4: there is no key after the principals"), a.skipped());
        assertEquals(Instant.parse("2027-12-31T00:00:00Z").getEpochSecond(), AllowedSigners.time("20271231Z", "x", ZoneId.of("Europe/Paris")));
        assertEquals(Instant.parse("2027-06-30T22:00:00Z").getEpochSecond(), AllowedSigners.time("202707010000", "x", ZoneId.of("Europe/Paris")));
        assertFalse(SshPatterns.matchesList("bob", "!bob,*"));
        assertTrue(SshPatterns.matchesList("alice", "!bob,*"));
        assertTrue(SshPatterns.matches("alice@example.org", "a*@*.org"));
        assertFalse(SshPatterns.matches("alice@example.org", "a?@*.org"));
    }
}
