package io.routesync.config.inventory;

import static io.routesync.config.inventory.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ansible's variable precedence, lowest first: inventory-file vars of all, of other groups (parent
 * before child, same depth by ansible_group_priority then name), group_vars/all, group_vars/GROUP (same
 * order), inventory-file host vars, host_vars/HOST.
 */
class PrecedenceTest {

    // all > parent > child > host, each level defining x and a variable of its own
    private static final String NESTED = String.join("\n",
            "all:",
            "  vars: { x: all, from_all: a }",
            "  children:",
            "    parent:",
            "      vars: { x: parent, from_parent: p }",
            "      children:",
            "        child:",
            "          vars: { x: child, from_child: c }",
            "          hosts:",
            "            h1: { x: host }",
            "            h2:",
            "");

    private static String value(Inventory inv, String host, String name) {
        return inv.host(host).orElseThrow().variable(name).orElseThrow().text().orElseThrow();
    }

    private static String where(Inventory inv, String host, String name) {
        return inv.host(host).orElseThrow().variable(name).orElseThrow().definedAt().toString();
    }

    @Test
    void hostOverChildOverParentOverAll() throws Exception {
        Inventory inv = Fixtures.read(files("hosts.yml", NESTED), "hosts.yml");
        assertEquals("host", value(inv, "h1", "x"));
        assertEquals("hosts.yml:10:19", where(inv, "h1", "x"));
        assertEquals("child", value(inv, "h2", "x"));
        assertEquals("hosts.yml:8:19", where(inv, "h2", "x"));
        assertEquals("a", value(inv, "h2", "from_all"));
        assertEquals("p", value(inv, "h2", "from_parent"));
        assertEquals("c", value(inv, "h2", "from_child"));
    }

    @Test
    void childBeatsParentEvenWhenTheParentIsDeclaredLater() throws Exception {
        String inventory = String.join("\n",
                "child:",
                "  vars: { x: child }",
                "  hosts: { h1: }",
                "parent:",
                "  vars: { x: parent }",
                "  children: { child: }",
                "");
        Inventory inv = Fixtures.read(files("hosts.yml", inventory), "hosts.yml");
        assertEquals("child", value(inv, "h1", "x"));
        assertEquals(2, inv.groups().get("child").depth());
    }

    @Test
    void groupsAtTheSameDepthMergeAlphabeticallySoTheLaterNameWins() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  children:",
                "    zeta: { vars: { x: zeta }, hosts: { h1: } }",
                "    alpha: { vars: { x: alpha, y: alpha }, hosts: { h1: } }",
                "    beta: { vars: { y: beta }, hosts: { h1: } }",
                "");
        Inventory inv = Fixtures.read(files("hosts.yml", inventory), "hosts.yml");
        assertEquals("zeta", value(inv, "h1", "x"));
        assertEquals("beta", value(inv, "h1", "y"));
    }

    @Test
    void groupPriorityOverridesTheAlphabeticalOrderAndIsNotAVariable() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  children:",
                "    alpha: { vars: { x: alpha, ansible_group_priority: 10 }, hosts: { h1: } }",
                "    beta: { vars: { x: beta }, hosts: { h1: } }",
                "");
        Inventory inv = Fixtures.read(files("hosts.yml", inventory), "hosts.yml");
        assertEquals("alpha", value(inv, "h1", "x"));
        assertEquals(false, inv.host("h1").orElseThrow().variables().containsKey("ansible_group_priority"));
    }

    @Test
    void deeperGroupWinsWhateverItsName() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  children:",
                "    zzz: { vars: { x: zzz }, hosts: { h1: } }",
                "    outer:",
                "      children:",
                "        aaa: { vars: { x: aaa }, hosts: { h1: } }",
                "");
        assertEquals("aaa", value(Fixtures.read(files("hosts.yml", inventory), "hosts.yml"), "h1", "x"));
    }

    @Test
    void groupVarsFilesBeatInventoryGroupVarsAtAnyDepth() throws Exception {
        // Ansible: "inventory group_vars/all" ranks above "inventory file or script group vars", so even
        // the child group's inline x loses to group_vars/all.yml
        Inventory inv = Fixtures.read(files(
                "inv/hosts.yml", NESTED,
                "inv/group_vars/all.yml", "x: group_vars_all\nfrom_parent: group_vars_all\n"), "inv/hosts.yml");
        assertEquals("host", value(inv, "h1", "x"));
        assertEquals("group_vars_all", value(inv, "h2", "x"));
        assertEquals("inv/group_vars/all.yml:1:1", where(inv, "h2", "x"));
        assertEquals("group_vars_all", value(inv, "h2", "from_parent"));
    }

    @Test
    void childGroupVarsFileBeatsParentGroupVarsFileWhichBeatsAll() throws Exception {
        Inventory inv = Fixtures.read(files(
                "hosts.yml", NESTED,
                "group_vars/all.yml", "x: gv_all\ny: gv_all\nz: gv_all\n",
                "group_vars/parent.yml", "x: gv_parent\ny: gv_parent\n",
                "group_vars/child.yml", "x: gv_child\n"), "hosts.yml");
        assertEquals("gv_child", value(inv, "h2", "x"));
        assertEquals("gv_parent", value(inv, "h2", "y"));
        assertEquals("gv_all", value(inv, "h2", "z"));
    }

    @Test
    void hostVarsFileBeatsInlineHostVarsWhichBeatGroupVarsFiles() throws Exception {
        Inventory inv = Fixtures.read(files(
                "hosts.yml", NESTED,
                "group_vars/child.yml", "x: gv_child\n",
                "host_vars/h2.yml", "x: hv_h2\n"), "hosts.yml");
        assertEquals("host", value(inv, "h1", "x"));
        assertEquals("hv_h2", value(inv, "h2", "x"));
        assertEquals("host_vars/h2.yml:1:1", where(inv, "h2", "x"));
    }

    @Test
    void hostVarsDirectoryMergesFilesInNameOrderRecursively() throws Exception {
        Inventory inv = Fixtures.read(files(
                "hosts.yml", NESTED,
                "host_vars/h2/10-base.yml", "x: ten\ny: ten\nz: ten\n",
                "host_vars/h2/20-more.yaml", "y: twenty\n",
                "host_vars/h2/30-sub/a.json", "{\"z\": \"thirty\"}\n",
                "host_vars/h2/README.md", "x: markdown is not read\n",
                "host_vars/h2/99.yml~", "x: editor backups are not read\n"), "hosts.yml");
        assertEquals("ten", value(inv, "h2", "x"));
        assertEquals("twenty", value(inv, "h2", "y"));
        assertEquals("thirty", value(inv, "h2", "z"));
        assertEquals("host_vars/h2/30-sub/a.json:1:2", where(inv, "h2", "z"));
    }

    @Test
    void onlyTheFirstOfNameNameYmlNameYamlIsReadAndTheOthersAreWarnedAbout() throws Exception {
        Inventory inv = Fixtures.read(files(
                "hosts.yml", NESTED,
                "host_vars/h2/main.yml", "x: directory\n",
                "host_vars/h2.yml", "x: file\n"), "hosts.yml");
        assertEquals("directory", value(inv, "h2", "x"));
        assertEquals(List.of("host_vars/h2.yml: warning: ignored: host_vars/h2 already holds the variables of 'h2'\n"
                        + "  fix: Ansible reads only the first of h2, h2.yml, h2.yaml, h2.json; merge them into one"),
                Fixtures.formatted(inv.warnings()));
    }

    @Test
    void varsFilesForUnknownGroupsOrHostsAreWarnedAbout() throws Exception {
        Inventory inv = Fixtures.read(files(
                "hosts.yml", NESTED,
                "group_vars/chld.yml", "x: typo\n",
                "host_vars/h3.yml", "x: nobody\n",
                "host_vars/notes.md", "not variables\n"), "hosts.yml");
        assertEquals(List.of(
                "group_vars/chld.yml: warning: no group 'chld' in the inventory: these variables are not used (did you mean 'child'?)\n"
                        + "  fix: rename it after a group of the inventory, or remove it",
                "host_vars/h3.yml: warning: no host 'h3' in the inventory: these variables are not used (did you mean 'h1'?)\n"
                        + "  fix: rename it after a host of the inventory, or remove it"), Fixtures.formatted(inv.warnings()));
        assertEquals("child", value(inv, "h2", "x"));
    }

    @Test
    void aGroupDefinedInSeveralPlacesMergesAndTheLaterDefinitionWins() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  children:",
                "    edge: { vars: { x: first, y: first }, hosts: { h1: } }",
                "    site:",
                "      children:",
                "        edge: { vars: { x: second }, hosts: { h2: } }",
                "");
        Inventory inv = Fixtures.read(files("hosts.yml", inventory), "hosts.yml");
        assertEquals("second", value(inv, "h1", "x"));
        assertEquals("first", value(inv, "h2", "y"));
        assertEquals(List.of("h1", "h2"), inv.groups().get("edge").hosts());
        assertEquals(List.of("h1", "h2"), inv.groups().get("site").hosts());
        assertEquals(List.of("all", "site"), inv.groups().get("edge").parents());
    }

    @Test
    void listsAndMappingsStayListsAndMappingsAndReplaceWholesale() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  vars:",
                "    routesync_states: [base, dual-uplink]",
                "    uplink: { dev: eth1, table: 102 }",
                "  hosts:",
                "    h1:",
                "      uplink: { dev: eth2 }",
                "");
        Inventory inv = Fixtures.read(files("hosts.yml", inventory, "states/base.yml", "", "states/dual-uplink.yml", ""), "hosts.yml");
        Host h1 = inv.host("h1").orElseThrow();
        assertEquals(List.of("base", "dual-uplink"), Fixtures.plain(h1.variable("routesync_states").orElseThrow().value()));
        assertEquals(java.util.Map.of("dev", "eth2"), Fixtures.plain(h1.variable("uplink").orElseThrow().value()));
    }
}
