# The documentation of the routesync task. The work is done on the controller by the action plugin
# of the same name (plugins/action/routesync.py); this file is never sent to a managed host.

from __future__ import annotations

DOCUMENTATION = r'''
module: routesync
short_description: Converge Linux policy routing (ip rules, routing tables, routes) with routesync
description:
  - Brings the play's host to the desired state declared in routesync state files, like
    C(routesync apply) - reads the live rules and routes with C(ip), changes only what differs,
    verifies, and rolls back on failure.
  - Runs on the controller. routesync (installed on the controller) reaches the host over SSH with
    the host's connection settings (C(ansible_host), C(ansible_port), C(ansible_user),
    C(ansible_ssh_private_key_file), C(ansible_ssh_common_args), C(ansible_ssh_extra_args)), or
    works on the controller itself with C(ansible_connection=local). The managed host needs only
    sshd, iproute2 and a POSIX shell.
  - In check mode it runs C(routesync plan); with C(--diff) the plan is the diff.
  - C(ROUTESYNC_COMMAND) in the controller's environment names the routesync program (default
    C(routesync)); C(ROUTESYNC_SSH_PROGRAM) is passed as C(--ssh-program) (e.g. C(ssh -F /etc/routesync/ssh_config)).
options:
  states:
    description:
      - State files, found like the C(copy) module's C(src) (a role's C(files/), the playbook's
        C(files/) and directory), applied together in this order.
    type: list
    elements: str
    required: true
  vars:
    description:
      - Values for C({{ name }}) in the state files. Names starting with C(ansible_) or C(routesync_) are refused.
    type: dict
    default: {}
  etc_dir:
    description: iproute2's configuration directory on the host (routesync's C(--etc-dir); default C(/etc/iproute2)).
    type: str
  state_dir:
    description: Where routesync keeps apply records on the host (C(--state-dir); default C(/var/lib/routesync)).
    type: str
  lock_dir:
    description: Where routesync's lock is on the host (C(--lock-dir); default C(/run/routesync)).
    type: str
  confirm:
    description:
      - Seconds for C(apply --confirm) - the host undoes the change by itself unless routesync can log in
        again and verify it. Ignored in check mode.
    type: int
  allow_management_change:
    description: Apply even when the change would move the path of this SSH connection's replies (C(--allow-management-change)).
    type: bool
    default: false
  timeout:
    description: Seconds one read or apply on the host may take (C(--timeout)).
    type: int
    default: 300
notes:
  - Log in as root, routesync does not use become.
  - Password logins are not supported (ssh runs in batch mode); use keys or an agent.
  - Connection settings are checked by routesync against its allow-list of ssh options (C(-F),
    C(ProxyCommand) and the like are refused from inventory data; put them in C(ROUTESYNC_SSH_PROGRAM)).
author: routesync
'''

EXAMPLES = r'''
- hosts: edge
  gather_facts: false
  tasks:
    - name: Second uplink gets its own routing table
      routesync.routesync.routesync:
        states: [states/dual-uplink.yml]
        vars:
          uplink2_addr: "{{ uplink2_addr }}"
          uplink2_net: 192.168.2.0/24
          uplink2_gw: 192.168.2.1
'''

RETURN = r'''
changes:
  description: How many changes were applied (check mode - are pending).
  type: int
  returned: when routesync read the host
commands:
  description: The changes, one line each as the plan shows them (C(+ ip rule add ...)).
  type: list
  elements: str
  returned: when routesync read the host
summary:
  description: Counts by kind, C(add), C(change), C(delete).
  type: dict
  returned: when routesync read the host
outcome:
  description: How the apply ended (C(applied), ...), from routesync's C(apply --json).
  type: str
  returned: when an apply ran
record:
  description: The apply record on the host.
  type: str
  returned: when an apply wrote one
rc:
  description: routesync's exit code.
  type: int
  returned: always
'''

from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(argument_spec=dict(), supports_check_mode=True, bypass_checks=True)
    module.fail_json(msg='routesync runs on the controller (its action plugin): this module is never executed on a host')


if __name__ == '__main__':
    main()
