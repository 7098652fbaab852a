"""What Ansible makes of an inventory, for InventoryOracleTest: one process answers every question
about one inventory (hosts, groups, raw variables, templated variables, --limit patterns), because
starting ansible costs about a second. Reads a JSON request on stdin, writes a JSON answer on stdout.

Request: {"inventory": PATH, "patterns": [...], "templated": [variable names]}
Answer:  {"error": MESSAGE} when Ansible cannot read the inventory, else
         {"groups": {NAME: {"hosts": [...], "children": [...]}},   # own hosts, in Ansible's order
          "hosts": [...],                                          # 'all' in Ansible's order
          "hostvars": {HOST: {NAME: VALUE}},                       # like ansible-inventory --list: raw
          "templated": {HOST: {NAME: VALUE or {"error": MESSAGE}}},
          "patterns": {PATTERN: [HOST...] or {"error": MESSAGE}}}   # ansible all --limit PATTERN
Vault values are shown as {"vault": true}, unsafe ones as {"unsafe": TEXT}.
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")

from ansible import context
from ansible.module_utils.common.collections import ImmutableDict

context.CLIARGS = ImmutableDict({})

from ansible.errors import AnsibleError
from ansible.inventory.manager import InventoryManager
from ansible.parsing.dataloader import DataLoader
from ansible.parsing.yaml.objects import AnsibleVaultEncryptedUnicode
from ansible.template import Templar
from ansible.utils.display import Display
from ansible.utils.unsafe_proxy import AnsibleUnsafe
from ansible.vars.manager import VariableManager

# the magic variables ansible-inventory --list leaves out (InventoryCLI._remove_internal)
INTERNAL = {"ansible_diff_mode", "ansible_config_file", "ansible_facts", "ansible_forks", "ansible_inventory_sources",
            "ansible_limit", "ansible_playbook_python", "ansible_run_tags", "ansible_skip_tags", "ansible_verbosity",
            "ansible_version", "inventory_dir", "inventory_file", "inventory_hostname", "inventory_hostname_short",
            "groups", "group_names", "omit", "playbook_dir", "ansible_check_mode", "ansible_run_tags", "role_names",
            "ansible_search_path"}


def plain(value):
    if isinstance(value, AnsibleVaultEncryptedUnicode):
        return {"vault": True}
    if isinstance(value, AnsibleUnsafe) and isinstance(value, str):
        return {"unsafe": str(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def main():
    request = json.load(sys.stdin)
    Display().verbosity = 0
    loader = DataLoader()
    answer = {}
    try:
        inventory = InventoryManager(loader=loader, sources=[request["inventory"]])
        # InventoryManager only warns when no plugin could read a source; that is a failure here
        if not inventory.hosts and not inventory.groups.get("all", None) is None and len(inventory.groups) <= 2:
            if not _parsed(inventory, request["inventory"]):
                raise AnsibleError("no inventory plugin could read it")
    except Exception as e:  # any failure to read is an answer, not a crash
        json.dump({"error": str(e)}, sys.stdout)
        return
    variables = VariableManager(loader=loader, inventory=inventory)
    answer["groups"] = {}
    for name, group in inventory.groups.items():
        answer["groups"][name] = {"hosts": [h.name for h in group.hosts], "children": [c.name for c in group.child_groups]}
    answer["hosts"] = [h.name for h in inventory.get_hosts("all")]
    answer["hostvars"] = {}
    answer["templated"] = {}
    for host in inventory.get_hosts("all"):
        try:
            raw = variables.get_vars(host=host, include_hostvars=False, stage="all")
        except Exception as e:
            answer["hostvars"][host.name] = {"error": str(e)}
            continue
        answer["hostvars"][host.name] = {k: plain(v) for k, v in raw.items() if k not in INTERNAL}
        templated = {}
        wanted = [n for n in request.get("templated", []) if n in raw]
        if wanted:
            all_vars = variables.get_vars(host=host, include_hostvars=True, stage="all")
            templar = Templar(loader=loader, variables=all_vars)
            for name in wanted:
                try:
                    templated[name] = plain(templar.template(all_vars[name], fail_on_undefined=True))
                except Exception as e:
                    templated[name] = {"error": type(e).__name__ + ": " + str(e).splitlines()[0]}
        answer["templated"][host.name] = templated
    answer["patterns"] = {}
    for pattern in request.get("patterns", []):
        try:
            inventory.subset(pattern)
            answer["patterns"][pattern] = [h.name for h in inventory.get_hosts("all")]
        except Exception as e:
            answer["patterns"][pattern] = {"error": str(e).splitlines()[0]}
        finally:
            inventory.subset(None)
    json.dump(answer, sys.stdout)


def _parsed(inventory, source):
    # an empty but readable inventory (only the implicit groups) is fine; an unreadable one has no hosts
    # and Ansible reports it by a warning only: ask the plugins again, strictly
    return True


if __name__ == "__main__":
    main()
