package io.routesync.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.Inventory;
import io.routesync.config.state.LoadedState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading inventory and states from commits: each ref gives its own files, problems name the commit. */
class GitSourceTest {
    static final String INVENTORY = "all:\n  hosts:\n    edge1:\n      ansible_connection: local\n"
            + "      routesync_states: [uplink]\n      gw: 192.168.2.1\n";

    static String state(int table, int priority) {
        return "tables:\n  uplink2: " + table + "\n"
                + "rules:\n  - { priority: " + priority + ", from: 192.168.2.10, table: uplink2 }\n"
                + "routes:\n  uplink2:\n    - { to: default, via: \"{{ gw }}\", dev: eth1 }\n";
    }

    @TempDir
    Path dir;
    TestRepo repo;
    RevCommit first;
    RevCommit second;
    RevCommit onDev;

    @BeforeEach
    void build() {
        repo = TestRepo.init(dir.resolve("work"));
        repo.write("inventory/hosts.yml", INVENTORY).write("states/uplink.yml", state(102, 1000));
        first = repo.commit("first");
        repo.tag("v1");
        repo.write("states/uplink.yml", state(103, 1100));
        second = repo.commit("second");
        repo.branch("dev");
        repo.checkout("dev");
        repo.write("states/uplink.yml", state(104, 1200));
        onDev = repo.commit("on dev");
        repo.checkout("main");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private GitSource open() throws GitSourceException {
        return GitSource.open(RepoLocation.parse(repo.dir().toString()), dir.resolve("cache"), Duration.ofSeconds(30));
    }

    private static LoadedState edge1(RepoCommit commit) throws InvalidInputException {
        RepoLayout layout = RepoLayout.find(commit, Optional.empty(), Optional.empty());
        Inventory inventory = CommitInputs.readInventory(commit, layout);
        Host host = CommitInputs.host(inventory, "edge1");
        return CommitInputs.loadHost(commit, inventory, host, 245);
    }

    private static long table(LoadedState s) {
        return s.state().tableNames().get(0).id().id();
    }

    @Test
    void eachRefReadsItsOwnCommit() throws Exception {
        try (GitSource source = open()) {
            assertEquals(second.name(), source.resolve("main").id());
            assertEquals(second.name(), source.resolve("HEAD").id());
            assertEquals(first.name(), source.resolve("v1").id(), "an annotated tag peels to its commit");
            assertEquals(onDev.name(), source.resolve("dev").id());
            assertEquals(first.name(), source.resolve(first.name().substring(0, 10)).id());
            assertEquals(first.name(), source.resolve("main~1").id());

            assertEquals(102, table(edge1(source.resolve("v1"))));
            assertEquals(103, table(edge1(source.resolve("main"))));
            assertEquals(104, table(edge1(source.resolve("dev"))));
            assertEquals("192.168.2.1", edge1(source.resolve("dev")).state().routes().get(0).via().toString());
        }
    }

    @Test
    void uncommittedEditsAreNotReadAndAreWarnedAbout() throws Exception {
        repo.write("states/uplink.yml", state(150, 1500));
        try (GitSource source = open()) {
            RepoCommit main = source.resolve("main");
            assertEquals(103, table(edge1(main)));
            String warning = source.uncommittedWarning(main).orElseThrow();
            assertTrue(warning.contains("not used") && warning.contains(main.shortId()), warning);
            assertTrue(source.uncommittedWarning(source.resolve("dev")).isEmpty(), "only the checked-out commit has a work tree");
        }
    }

    @Test
    void aCommittedFileThatIsNotUtf8IsNamedByLineAndColumn() throws Exception {
        java.nio.file.Files.write(repo.dir().resolve("states/uplink.yml"),
                (state(103, 1100) + "# caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        repo.commit("latin1");
        try (GitSource source = open()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> edge1(source.resolve("main")));
            String text = e.diagnostics().get(0).format();
            assertTrue(text.contains("states/uplink.yml:8:6: error: the file is not UTF-8 text: byte 0xe9 here is not a UTF-8 character"), text);
        }
    }

    @Test
    void anUnknownRefListsBranchesAndTags() throws Exception {
        try (GitSource source = open()) {
            GitSourceException e = assertThrows(GitSourceException.class, () -> source.resolve("mian"));
            assertEquals(GitSourceException.Kind.UNKNOWN_REF, e.kind());
            assertEquals("unknown ref 'mian' in " + repo.dir() + " (did you mean 'main'?): branches: dev, main; tags: v1."
                    + " Give a branch, a tag or a commit id", e.getMessage());
            assertThrows(GitSourceException.class, () -> source.resolve("0000000000000000000000000000000000000001"));
            assertThrows(GitSourceException.class, () -> source.resolve("--upload-pack=x"));
        }
    }

    @Test
    void aPathThatIsNoRepositoryIsSaidSo() {
        GitSourceException e = assertThrows(GitSourceException.class,
                () -> GitSource.open(RepoLocation.parse(dir.toString()), dir.resolve("cache"), Duration.ofSeconds(5)));
        assertEquals(GitSourceException.Kind.NOT_A_REPOSITORY, e.kind());
        assertTrue(e.getMessage().contains("is not a git repository"), e.getMessage());
    }

    @Test
    void aCommitWithoutInventoryOrStatesNamesTheCommit() throws Exception {
        repo.delete("inventory/hosts.yml").delete("states/uplink.yml").write("README", "nothing here\n");
        RevCommit empty = repo.commit("remove everything");
        try (GitSource source = open()) {
            RepoCommit commit = source.resolve("main");
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> RepoLayout.find(commit, Optional.empty(), Optional.empty()));
            String shortId = empty.name().substring(0, 12);
            assertEquals(List.of(
                    shortId + ":inventory/: error: there is no inventory/ directory at commit " + shortId + " (main)\n"
                            + "  fix: commit an inventory as inventory/hosts.yml, or give --inventory PATH inside the repository",
                    shortId + ":states/: error: there is no states/ directory at commit " + shortId + " (main)\n"
                            + "  fix: commit the desired states under states/, or give --states DIR inside the repository"),
                    formatted(e));
        }
    }

    @Test
    void givenPathsInsideTheRepositoryAreUsed() throws Exception {
        repo.write("site/fleet.yml", INVENTORY).write("site/desired/uplink.yml", state(120, 1000));
        repo.commit("another layout");
        try (GitSource source = open()) {
            RepoCommit commit = source.resolve("main");
            RepoLayout layout = RepoLayout.find(commit, Optional.of("site/fleet.yml"), Optional.of("site/desired/"));
            assertEquals(new RepoLayout("site/fleet.yml", "site/desired"), layout);
            Inventory inventory = CommitInputs.readInventory(commit, layout);
            assertEquals(120, table(CommitInputs.loadHost(commit, inventory, CommitInputs.host(inventory, "edge1"), 245)));
            InvalidInputException missing = assertThrows(InvalidInputException.class,
                    () -> RepoLayout.find(commit, Optional.of("site/nothere.yml"), Optional.empty()));
            assertTrue(formatted(missing).get(0).startsWith(commit.shortId() + ":site/nothere.yml: error: there is no site/nothere.yml at commit"),
                    formatted(missing).toString());
        }
    }

    @Test
    void brokenYamlInsideTheRepositoryNamesCommitAndPath() throws Exception {
        repo.write("states/uplink.yml", "tables:\n  uplink2: 102\nrules: [ { priority: 1000\n");
        RevCommit broken = repo.commit("broken state");
        repo.write("inventory/hosts.yml", "all:\n  hosts:\n    edge1: {\n");
        RevCommit brokenInventory = repo.commit("broken inventory");
        try (GitSource source = open()) {
            RepoCommit commit = source.resolve(broken.name());
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> edge1(commit));
            List<String> lines = formatted(e);
            assertTrue(lines.get(0).startsWith(commit.shortId() + ":states/uplink.yml:"), lines.toString());

            RepoCommit later = source.resolve("main");
            assertEquals(brokenInventory.name(), later.id());
            InvalidInputException inv = assertThrows(InvalidInputException.class, () -> edge1(later));
            assertTrue(formatted(inv).get(0).startsWith(later.shortId() + ":inventory/hosts.yml:"), formatted(inv).toString());
        }
    }

    @Test
    void anUndefinedVariableNamesTheHostTheCommitTheFileAndThePlace() throws Exception {
        repo.write("states/uplink.yml", state(102, 1000).replace("{{ gw }}", "{{ gww }}"));
        RevCommit typo = repo.commit("typo");
        try (GitSource source = open()) {
            RepoCommit commit = source.resolve(typo.name());
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> edge1(commit));
            String line = formatted(e).get(0);
            assertTrue(line.startsWith(commit.shortId() + ":states/uplink.yml:"), line);
            assertTrue(line.contains("variable 'gww' is not defined for host edge1 in the inventory"), line);
            assertTrue(formatted(e).toString().contains("did you mean 'gw'?"), formatted(e).toString());
        }
    }

    @Test
    void aHostThatIsNotInTheInventoryIsNamed() throws Exception {
        try (GitSource source = open()) {
            RepoCommit commit = source.resolve("main");
            Inventory inventory = CommitInputs.readInventory(commit, RepoLayout.find(commit, Optional.empty(), Optional.empty()));
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> CommitInputs.host(inventory, "edge2"));
            assertEquals(List.of(commit.shortId() + ":inventory/hosts.yml: error: host 'edge2' is not in the inventory (did you mean 'edge1'?)\n"
                    + "  fix: add it to the inventory, or give --host with one of: edge1"), formatted(e));
        }
    }

    static List<String> formatted(InvalidInputException e) {
        return e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.toList());
    }
}
