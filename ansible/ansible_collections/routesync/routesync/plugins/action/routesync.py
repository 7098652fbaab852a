# routesync action plugin: converges the play's host with routesync, run on the controller.
#
# Why an action plugin: the managed host needs nothing new (no Python module, no routesync, no
# Java): routesync runs here and reaches the host with its own SSH transport (one ControlMaster, a
# fixed remote script, single-quoted values), using the host's Ansible connection settings. The
# task becomes a one-host inventory in a private temporary directory, and routesync's machine
# output (plan --json / apply --json) becomes the task result.
#
# Data never becomes code: routesync is started with an argument vector (never a shell); task
# arguments and connection settings reach it only as inventory values and option values, which
# routesync validates (ssh options only from its allow-list, see docs/ssh-options.md). What runs
# and how ssh is run come only from the controller's environment (ROUTESYNC_COMMAND,
# ROUTESYNC_SSH_PROGRAM), the trusted place, like GIT_SSH_COMMAND.

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import tempfile

from ansible.errors import AnsibleError
from ansible.plugins.action import ActionBase

ARGUMENT_SPEC = dict(
    states=dict(type='list', elements='str', required=True),
    vars=dict(type='dict', default={}),
    etc_dir=dict(type='str'),
    state_dir=dict(type='str'),
    lock_dir=dict(type='str'),
    confirm=dict(type='int'),
    allow_management_change=dict(type='bool', default=False),
    timeout=dict(type='int', default=300),
)

VARIABLE_NAME = re.compile(r'[A-Za-z_][A-Za-z0-9_]*\Z')
STATE_NAME = re.compile(r'[^A-Za-z0-9_.-]')
HOST_NAME = re.compile(r'[A-Za-z0-9_][A-Za-z0-9_.-]*\Z')
SYMBOLS = {'add': '+', 'replace': '~', 'delete': '-'}
# routesync reads no larger file (docs/input-limits.md); checked here too, before copying
MAX_STATE_BYTES = 256 << 20


class ActionModule(ActionBase):
    TRANSFERS_FILES = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        try:
            _, args = self.validate_argument_spec(argument_spec=ARGUMENT_SPEC)
            with tempfile.TemporaryDirectory(prefix='routesync-ansible-') as work:
                run = Run(self, args, work, task_vars or {})
                result.update(run.execute(check=bool(self._task.check_mode)))
        except RoutesyncTaskError as e:
            result.update(failed=True, msg=str(e))
        except AnsibleError as e:
            result.update(failed=True, msg=str(e))
        return result


class RoutesyncTaskError(Exception):
    """A problem with the task or the controller, reported as the task's failure message."""


class Run:
    """One routesync run for the play's host: its inventory, its command line, its result."""

    def __init__(self, action, args, work, task_vars):
        self.action = action
        self.args = args
        self.work = work
        self.task_vars = task_vars
        self.inventory = None
        # temporary path -> the path the user wrote, to name the user's files in routesync's messages
        self.shown = {}

    def execute(self, check):
        inventory = self.write_inventory()
        argv = self.command(inventory, check)
        completed = self.start(argv)
        return self.result(completed)

    # --- the one-host inventory -------------------------------------------------------------------

    def write_inventory(self):
        states_dir = os.path.join(self.work, 'states')
        os.mkdir(states_dir, 0o700)
        names = [self.copy_state(path, states_dir) for path in self.args['states']]
        if not names:
            raise RoutesyncTaskError('states is empty: list at least one state file')
        host_vars = self.state_variables()
        host_vars.update(self.connection_variables())
        host_vars['routesync_states'] = names
        name = self.host_name()
        path = os.path.join(self.work, 'inventory.yml')
        # JSON is YAML: every value stays a plain string, number, list or mapping, never a tag
        text = json.dumps({'all': {'hosts': {name: host_vars}}}, indent=2, sort_keys=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text + '\n')
        self.inventory = path
        return path

    def copy_state(self, wanted, states_dir):
        try:
            source = self.action._find_needle('files', wanted)
        except AnsibleError as e:
            raise RoutesyncTaskError('state file %s not found: %s' % (wanted, e))
        if not os.path.isfile(source):
            raise RoutesyncTaskError('state file %s is not a regular file' % source)
        if os.path.getsize(source) > MAX_STATE_BYTES:
            raise RoutesyncTaskError('state file %s is larger than routesync reads (256 MiB)' % source)
        base = os.path.basename(source)
        base = re.sub(r'\.ya?ml\Z', '', base)
        base = STATE_NAME.sub('_', base).lstrip('.-') or 'state'
        name, n = base, 1
        while os.path.exists(os.path.join(states_dir, name + '.yml')):
            n += 1
            name = '%s-%d' % (base, n)
        target = os.path.join(states_dir, name + '.yml')
        # a copy, not a link: routesync reads exactly the file that was resolved, once
        shutil.copyfile(source, target)
        self.shown[target] = source
        return name

    def state_variables(self):
        out = {}
        for key, value in self.args['vars'].items():
            key = str(key)
            if not VARIABLE_NAME.match(key):
                raise RoutesyncTaskError("vars: '%s' is not a variable name (letters, digits and '_')" % key)
            if key.startswith('ansible_') or key.startswith('routesync_'):
                raise RoutesyncTaskError("vars: '%s' is not a state variable: the connection comes from the play's host and"
                                         " routesync's paths from etc_dir, state_dir and lock_dir" % key)
            out[key] = plain(value, 'vars.' + key)
        return out

    def connection_variables(self):
        conn = self.action._connection
        transport = getattr(conn, 'transport', None)
        if transport == 'local':
            return {'ansible_connection': 'local'}
        if transport != 'ssh':
            raise RoutesyncTaskError("connection '%s' is not supported: routesync reaches hosts with ssh or local" % transport)
        if option(conn, 'password') or self.action._play_context.password:
            raise RoutesyncTaskError('routesync logs in with keys only (ssh BatchMode): a password cannot be used;'
                                     ' use a key or an agent')
        user = option(conn, 'remote_user') or self.action._play_context.remote_user
        if self.action._play_context.become and user not in (None, 'root'):
            raise RoutesyncTaskError("routesync does not use become: it changes routes as the user it logs in as ('%s');"
                                     " log in as root (remote_user: root)" % user)
        out = {'ansible_host': option(conn, 'host') or self.action._play_context.remote_addr}
        port = option(conn, 'port') or self.action._play_context.port
        if port:
            out['ansible_port'] = int(port)
        if user:
            out['ansible_user'] = user
        key = option(conn, 'private_key_file') or self.action._play_context.private_key_file
        if key:
            out['ansible_ssh_private_key_file'] = os.path.expanduser(key)
        for name in ('ssh_common_args', 'ssh_extra_args'):
            value = option(conn, name)
            if value:
                out['ansible_' + name] = value
        return out

    def host_name(self):
        name = self.task_vars.get('inventory_hostname')
        # any name routesync's inventory reader takes as one host: the address is ansible_host anyway
        return name if name and HOST_NAME.match(name) else 'host'

    # --- running routesync ------------------------------------------------------------------------

    def command(self, inventory, check):
        program = shlex.split(os.environ.get('ROUTESYNC_COMMAND', 'routesync'))
        if not program or shutil.which(program[0]) is None:
            raise RoutesyncTaskError("routesync is not installed on the controller ('%s' not found): install the routesync"
                                     " package there, or set ROUTESYNC_COMMAND" % (program[0] if program else ''))
        argv = program + (['plan', '--json'] if check else ['apply', '--json', '--auto-approve'])
        argv += ['-i', inventory, '--forks', '1', '--timeout', str(self.args['timeout'])]
        for name in ('etc_dir', 'state_dir', 'lock_dir'):
            if self.args[name]:
                argv += ['--' + name.replace('_', '-'), self.args[name]]
        ssh_program = os.environ.get('ROUTESYNC_SSH_PROGRAM')
        if ssh_program:
            argv += ['--ssh-program', ssh_program]
        if not check:
            if self.args['confirm'] is not None:
                argv += ['--confirm', str(self.args['confirm'])]
            if self.args['allow_management_change']:
                argv += ['--allow-management-change']
        return argv

    def start(self, argv):
        # the whole run: reads and applies are bounded by --timeout each; the confirm wait comes on top
        limit = 3 * self.args['timeout'] + (self.args['confirm'] or 0) + 60
        env = dict(os.environ, NO_COLOR='1')
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env=env, start_new_session=True)
        try:
            out, err = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            # routesync's ssh children too: they are in its session
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.communicate()
            raise RoutesyncTaskError('routesync did not finish within %d seconds' % limit)
        return process.returncode, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace')

    # --- the task result --------------------------------------------------------------------------

    def result(self, completed):
        rc, out, err = completed
        host = host_entry(out)
        if host is None:
            # no document: routesync refused the run before any host (bad input, bad options)
            return dict(failed=True, rc=rc, msg=self.readable(err.strip() or 'routesync exited %d without output' % rc))
        changes = host.get('changes', [])
        result = dict(rc=rc, changed=False, changes=len(changes), summary=host.get('summary', {}),
                      commands=[line(c) for c in changes])
        if host.get('warnings'):
            result['warnings'] = [self.readable(w) for w in host['warnings']]
        for key in ('outcome', 'record', 'confirm'):
            if key in host:
                result[key] = host[key]
        status = host.get('status')
        if status == 'unreachable':
            # no rc: Ansible turns a nonzero rc into failed, which outranks unreachable
            del result['rc']
            result.update(unreachable=True, msg=self.readable(host.get('error', err.strip())))
            return result
        if status not in ('ok', 'changed', 'changes_pending'):
            result.update(failed=True, msg=self.readable(host.get('error') or err.strip() or 'routesync exited %d' % rc))
            return result
        result['changed'] = len(changes) > 0
        if changes and self.action._task.diff:
            result['diff'] = dict(prepared=plan_text(changes, host.get('summary', {})))
        return result

    def readable(self, text):
        if self.inventory:
            # a line of the generated inventory means nothing to the user: name what it was made from
            text = re.sub(re.escape(self.inventory) + r'(:\d+:\d+)?', "the task's vars and the host's connection variables", text)
        for temporary, original in self.shown.items():
            text = text.replace(temporary, original)
        return text.replace(self.work + os.sep, '')


def option(conn, name):
    try:
        return conn.get_option(name)
    except (AnsibleError, KeyError):
        return None


def plain(value, where):
    """The value as JSON data (strings, numbers, booleans, lists, mappings), or a clear error."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return str(value) if isinstance(value, str) else value
    if isinstance(value, (list, tuple)):
        return [plain(v, where) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v, where) for k, v in value.items()}
    raise RoutesyncTaskError('%s: a %s cannot be a state variable' % (where, type(value).__name__))


def host_entry(stdout):
    try:
        document = json.loads(stdout)
    except ValueError:
        return None
    hosts = document.get('hosts') if isinstance(document, dict) else None
    return hosts[0] if isinstance(hosts, list) and len(hosts) == 1 and isinstance(hosts[0], dict) else None


def line(change):
    return '%s %s' % (SYMBOLS.get(change.get('action'), '?'), change.get('command', ''))


def plan_text(changes, summary):
    """The plan as routesync prints it: one line per change (with what a replaced entry was), then the counts."""
    lines = []
    for c in changes:
        lines.append('  ' + line(c))
        if c.get('previous'):
            lines.append('      was: ' + c['previous'])
    lines.append('')
    lines.append('Plan: %d to add, %d to change, %d to delete.'
                 % (summary.get('add', 0), summary.get('change', 0), summary.get('delete', 0)))
    return '\n'.join(lines) + '\n'
