"""What Ansible makes of inventories, for InventoryOracleTest. One process answers every question about
every inventory (hosts, groups, raw variables, templated variables, --limit patterns), because starting
ansible costs about a second. Reads a JSON list of requests on stdin, writes the list of answers.

Request: {"inventory": PATH, "patterns": [...], "templated": [variable names]}
Answer:  {"error": MESSAGE} when Ansible cannot read the inventory, else
         {"groups": {NAME: {"hosts": [...], "children": [...]}},   # own hosts and child groups
          "hosts": [...],                                          # every host, in Ansible's order
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

from ansible import constants as C
from ansible.inventory.manager import InventoryManager
from ansible.parsing.dataloader import DataLoader
from ansible.parsing.yaml.objects import AnsibleVaultEncryptedUnicode
from ansible.template import Templar
from ansible.utils.display import Display
from ansible.utils.unsafe_proxy import AnsibleUnsafe
from ansible.vars.manager import VariableManager

# the magic variables ansible-inventory --list leaves out (InventoryCLI._remove_internal), and the rest
INTERNAL = {"ansible_diff_mode", "ansible_config_file", "ansible_facts", "ansible_forks", "ansible_inventory_sources",
            "ansible_limit", "ansible_playbook_python", "ansible_run_tags", "ansible_skip_tags", "ansible_verbosity",
            "ansible_version", "inventory_dir", "inventory_file", "inventory_hostname", "inventory_hostname_short",
            "groups", "group_names", "omit", "playbook_dir", "ansible_check_mode", "role_names", "ansible_search_path"}


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


def first_line(e):
    text = str(e).strip()
    return type(e).__name__ + ": " + (text.splitlines()[0] if text else "")


def answer(request):
    loader = DataLoader()
    try:
        # like ansible-inventory with inventory_unparsed_failed: an inventory no plugin could read is a
        # failure, not the empty inventory Ansible warns about and goes on with
        C.INVENTORY_UNPARSED_IS_FAILED = True
        C.INVENTORY_ANY_UNPARSED_IS_FAILED = True
        inventory = InventoryManager(loader=loader, sources=[request["inventory"]])
    except Exception as e:  # any failure to read is an answer, not a crash
        return {"error": first_line(e)}
    variables = VariableManager(loader=loader, inventory=inventory)
    out = {"groups": {}, "hostvars": {}, "templated": {}, "patterns": {}}
    for name, group in inventory.groups.items():
        out["groups"][name] = {"hosts": [h.name for h in group.hosts], "children": [c.name for c in group.child_groups]}
    out["hosts"] = [h.name for h in inventory.get_hosts("all")]
    for host in inventory.get_hosts("all"):
        try:
            raw = variables.get_vars(host=host, include_hostvars=False, stage="all")
        except Exception as e:
            out["hostvars"][host.name] = {"error": first_line(e)}
            continue
        out["hostvars"][host.name] = {k: plain(v) for k, v in raw.items() if k not in INTERNAL}
        templated = {}
        wanted = [n for n in request.get("templated", []) if n in out["hostvars"][host.name]]
        if wanted:
            all_vars = variables.get_vars(host=host, include_hostvars=True, stage="all")
            templar = Templar(loader=loader, variables=all_vars)
            for name in wanted:
                try:
                    templated[name] = plain(templar.template(all_vars[name], fail_on_undefined=True))
                except Exception as e:
                    templated[name] = {"error": first_line(e)}
        out["templated"][host.name] = templated
    for pattern in request.get("patterns", []):
        try:
            inventory.subset(pattern)
            out["patterns"][pattern] = [h.name for h in inventory.get_hosts("all")]
        except Exception as e:
            out["patterns"][pattern] = {"error": first_line(e)}
        finally:
            inventory.subset(None)
    return out


def main():
    Display().verbosity = 0
    json.dump([answer(r) for r in json.load(sys.stdin)], sys.stdout)


if __name__ == "__main__":
    main()
