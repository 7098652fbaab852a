package io.routesync.config.inventory;

import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The magic variables Ansible gives every host and that an inventory can know without running a play:
 * {@code inventory_hostname}, {@code inventory_hostname_short}, {@code group_names} (the host's groups
 * but 'all', sorted), {@code groups} (every group with its hosts), {@code inventory_file},
 * {@code inventory_dir} and {@code playbook_dir}. routesync has no playbook: its playbook_dir is the
 * project directory it reads (the directory above the inventory's, where states/ usually is), the
 * place a playbook beside inventory/ would be. These win over the inventory's own definitions, as in Ansible.
 */
final class MagicVariables {
    /** The names {@link #of} defines (the inputs digest covers their values: {@link HostVariables#unlisted}). */
    static final Set<String> NAMES = Set.of("inventory_hostname", "inventory_hostname_short", "group_names", "groups",
            "inventory_file", "inventory_dir", "playbook_dir");

    /** Names Ansible defines only while it runs a play (facts, play and role state); routesync has no value for them. */
    static final Set<String> UNKNOWN_TO_ROUTESYNC = Set.of("ansible_playbook_python", "ansible_facts", "hostvars", "omit",
            "ansible_check_mode", "ansible_diff_mode", "ansible_version", "ansible_play_hosts", "ansible_play_hosts_all",
            "ansible_play_batch", "play_hosts", "ansible_limit", "ansible_run_tags", "ansible_skip_tags", "ansible_forks",
            "ansible_verbosity", "ansible_config_file", "ansible_inventory_sources", "ansible_search_path", "role_path",
            "role_name", "role_names", "ansible_role_names", "ansible_play_name", "ansible_local", "ansible_hostname",
            "ansible_fqdn", "ansible_default_ipv4", "ansible_default_ipv6", "ansible_all_ipv4_addresses", "ansible_distribution",
            "ansible_distribution_release", "ansible_distribution_major_version", "ansible_os_family", "ansible_architecture",
            "ansible_nodename", "ansible_env", "ansible_user_id", "ansible_date_time", "ansible_interfaces", "ansible_loop_var");

    private final String inventoryFile;
    private final String inventoryDir;
    private final String playbookDir;
    private final YamlNode groups;
    private final SourcePos at;

    /**
     * @param inventoryFile the inventory file as Ansible would name it (absolute for a file on disk)
     * @param groupHosts    every group's hosts (Ansible's groups variable), in declaration order
     */
    MagicVariables(String inventoryFile, Map<String, List<String>> groupHosts) {
        this.inventoryFile = inventoryFile;
        this.inventoryDir = InventorySource.parent(inventoryFile);
        String above = InventorySource.parent(inventoryDir);
        this.playbookDir = above.isEmpty() && inventoryFile.startsWith("/") ? "/" : above;
        this.at = SourcePos.file(inventoryFile);
        List<YamlNode.Field> fields = new ArrayList<>();
        groupHosts.forEach((g, hosts) -> fields.add(new YamlNode.Field(g, at, list(hosts))));
        this.groups = new YamlNode.Mapping(at, fields);
    }

    Map<String, YamlNode> of(String host, List<String> groupNames) {
        Map<String, YamlNode> magic = new HashMap<>();
        magic.put("inventory_hostname", new YamlNode.Scalar(at, host));
        int dot = host.indexOf('.');
        magic.put("inventory_hostname_short", new YamlNode.Scalar(at, dot < 0 ? host : host.substring(0, dot)));
        magic.put("group_names", list(groupNames));
        magic.put("groups", groups);
        magic.put("inventory_file", new YamlNode.Scalar(at, inventoryFile));
        magic.put("inventory_dir", new YamlNode.Scalar(at, inventoryDir));
        magic.put("playbook_dir", new YamlNode.Scalar(at, playbookDir));
        return magic;
    }

    private YamlNode list(List<String> names) {
        List<YamlNode> items = new ArrayList<>();
        for (String n : names) items.add(new YamlNode.Scalar(at, n));
        return new YamlNode.Sequence(at, items);
    }
}
