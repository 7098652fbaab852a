#!/bin/bash
# routesync's speed as users feel it (issue 10): every case timed as whole processes, several runs
# each, side by side with its floor measured in the same run (a `java Hello` compiled here, `ip route
# list`, a hand-written `ip -batch` of the same lines, Ansible on the same fleet). Prints medians,
# ratios and the targets as a Markdown table.
#
#   sudo bench/whole-process.sh [--runs N] [--routes N] [--hosts N] [--cases LIST] [--no-ansible] [--idle S]
#
# Public tools only: bash, ip, /usr/bin/time, javac/java, ssh/sshd, unshare/mount (util-linux),
# ansible-playbook (when installed). Everything happens in network namespaces this script creates and
# removes (also on failure or Ctrl-C); the machine's own links, routes, rules and /etc/iproute2 are
# never touched, every routesync path (--etc-dir, --state-dir, --lock-dir) is in a temporary
# directory, and the fleet's sshds see a clean login home only in mount namespaces of their own.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: bench/whole-process.sh [--runs N] [--routes N] [--hosts N] [--cases LIST] [--no-ansible] [--idle S] [--keep]
  --runs N      timed runs of every command, after one untimed warm-up (default 5)
  --routes N    size of the big table (default 100000)
  --hosts N     fleet size; the fleet runs with as many forks (default 16)
  --cases LIST  comma-separated subset of: start,seed,validate,plan,drift,converge,import,fleet,watch (default all)
  --no-ansible  skip the Ansible runs of the fleet rows
  --idle S      how long the watch case measures an idle watch's CPU, in seconds (default 60)
  --keep        keep the work directory (timings, outputs, generated files) and say where it is
Needs root (network namespaces). RUNS, ROUTES, HOSTS, CASES and IDLE may also be set in the environment.
EOF
}

RUNS=${RUNS:-5}
ROUTES=${ROUTES:-100000}
HOSTS=${HOSTS:-16}
CASES=${CASES:-start,seed,validate,plan,drift,converge,import,fleet,watch}
IDLE=${IDLE:-60}
ANSIBLE=yes
KEEP=no
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS=$2; shift 2 ;;
        --routes) ROUTES=$2; shift 2 ;;
        --hosts) HOSTS=$2; shift 2 ;;
        --cases) CASES=$2; shift 2 ;;
        --no-ansible) ANSIBLE=no; shift ;;
        --idle) IDLE=$2; shift 2 ;;
        --keep) KEEP=yes; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 64 ;;
    esac
done
for n in "$RUNS" "$ROUTES" "$HOSTS" "$IDLE"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench: '$n' is not a positive number" >&2; exit 64; }
done
[ "$HOSTS" -le 256 ] || { echo "bench: at most 256 hosts" >&2; exit 64; }
[ "$(id -u)" = 0 ] || { echo "bench: needs root (network namespaces)" >&2; exit 77; }
for tool in ip javac java /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 69; }
done

here=$(cd "$(dirname "$0")/.." && pwd)
rs="$here/routesync"
id=$(printf '%05x' $((RANDOM * 32768 + RANDOM)))
work=$(mktemp -d "/tmp/routesync-bench-$id-XXXX")
namespaces=()
keptdirs=()
rows=()

# --- cleanup: every namespace made here (and the processes inside it), then the work directory ---
cleanup() {
    local code=$? ns pids
    set +e
    if [ "$code" != 0 ] && [ ${#rows[@]} -gt 0 ]; then
        echo "bench: stopped (exit $code); the rows measured so far:" >&2
        printf '%s\n' "${rows[@]}" >&2
    fi
    # a watch the watch case started (it runs outside the namespaces)
    [ -n "${wpid:-}" ] && kill -CONT "$wpid" 2>/dev/null && kill -TERM "$wpid" 2>/dev/null
    for ns in "${namespaces[@]}"; do
        # sshd listeners, their sessions and ssh ControlMasters started in our namespaces only
        pids=$(ip netns pids "$ns" 2>/dev/null)
        [ -n "$pids" ] && kill $pids 2>/dev/null
    done
    sleep 0.2
    for ns in "${namespaces[@]}"; do
        pids=$(ip netns pids "$ns" 2>/dev/null)
        [ -n "$pids" ] && kill -9 $pids 2>/dev/null
        ip netns del "$ns" 2>/dev/null
    done
    for d in "${keptdirs[@]}"; do rm -rf "$d"; done
    if [ "$KEEP" = yes ]; then echo "bench: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

netns_add() {
    ip netns add "$1"
    namespaces+=("$1")
    ip -n "$1" link set lo up
}

# --- timing: /usr/bin/time per run; wall seconds, max RSS (KB), exit code, user and system CPU seconds
# appended to NAME.t ---
# run_timed NAME EXPECTED_EXIT CMD...: one run; its output goes to NAME.out (the last run's is kept)
run_timed() {
    local name=$1 expect=$2 code
    shift 2
    /usr/bin/time -f '%e %M %x %U %S' -o "$work/$name.one" "$@" >"$work/$name.out" 2>&1 || true
    code=$(tail -n 1 "$work/$name.one" | awk '{print $3}')
    if [ "$code" != "$expect" ]; then
        echo "bench: '$*' exited $code, not $expect; its output:" >&2
        tail -n 20 "$work/$name.out" >&2
        exit 1
    fi
    tail -n 1 "$work/$name.one" >>"$work/$name.t"
}

# median of column COL (1 wall s, 2 RSS KB, cpu: user + system s) of NAME.t
median() {
    awk '{print $1, $2, $3, $4 + $5}' "$work/$1.t" | { if [ "$2" = cpu ]; then set -- "$1" 4; fi; sort -g -k"$2","$2" | awk -v c="$2" '{v[NR]=$c}
        END {if (NR==0) {print "nan"; exit} if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
}
spread() { # "min-max" of wall seconds
    sort -g -k1,1 "$work/$1.t" | awk 'NR==1{lo=$1} {hi=$1} END{printf "%.2f-%.2f", lo, hi}'
}
secs() { awk -v a="$1" 'BEGIN{printf "%.2f s", a}'; }
mib() { awk -v k="$1" 'BEGIN{printf "%.0f MB", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b>0) printf "%.1fx", a/b; else print "-" }'; }
add() { awk -v a="$1" -v b="$2" 'BEGIN{print a+b}'; }

# cpu_ratio CASE FLOOR...: the case's median CPU time (user + system, its children included) over the
# sum of the floors' medians; steadier than wall time on a loaded machine
cpu_ratio() {
    local c=$1 f=0 n
    shift
    for n in "$@"; do f=$(add "$f" "$(median "$n" cpu)"); done
    ratio "$(median "$c" cpu)" "$f"
}
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 |"); }
note() { echo "bench: $*" >&2; }
wanted() { [[ ",$CASES," == *",$1,"* ]]; }

# --- the floor: java Hello, compiled here with the same JDK ---
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello"); } }\n' >"$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
hello=(java -cp "$work/hello" Hello)

# builds the jar (and its class-data archive) when missing, untimed
"$rs" --version >/dev/null

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
note "work directory $work; $RUNS runs per command; cases $CASES"

# times the commands of one row in turn, run after run (A B A B ...), so drift in the machine's speed
# hits both alike. pair NAME EXPECTED "CMD" [NAME2 EXPECTED2 "CMD2" ...]; an optional SETUP function
# (untimed) runs before every command of the row.
SETUP=""
pair() {
    local args=("$@") r i
    for ((r = 0; r <= RUNS; r++)); do
        for ((i = 0; i < ${#args[@]}; i += 3)); do
            [ -n "$SETUP" ] && "$SETUP" "${args[i]}"
            if [ "$r" = 0 ]; then # warm-up: page cache, archive files, first-run work
                run_timed "${args[i]}" "${args[i+1]}" bash -c "${args[i+2]}"
                rm -f "$work/${args[i]}.t"
            else
                run_timed "${args[i]}" "${args[i+1]}" bash -c "${args[i+2]}"
            fi
        done
    done
}
q() { printf '%q ' "$@"; }

# ----------------------------------------------------------------------------------------------
# rows 1-2: start-up
if wanted start; then
    note "start: routesync --version against java Hello"
    pair version 0 "exec $(q "$rs" --version)" hello 0 "exec $(q "${hello[@]}")"
    v=$(median version 1); h=$(median hello 1)
    row '`routesync --version`' "$(secs "$v") ($(spread version))" "\`java Hello\` $(secs "$h")" "$(ratio "$v" "$h")" "$(cpu_ratio version hello)" '<= 2x Hello'
fi

# a namespace host: a veth pair d0 (192.0.2.1/24, the big table's gateway 192.0.2.254 is on it) and a
# veth pair eth1 (192.168.2.10/24, the seed state's second uplink)
host_ns() {
    netns_add "$1"
    ip -n "$1" link add d0 type veth peer name d0p
    ip -n "$1" link add eth1 type veth peer name eth1p
    ip -n "$1" -batch - <<EOF
link set d0 up
link set d0p up
addr add 192.0.2.1/24 dev d0
link set eth1 up
link set eth1p up
addr add 192.168.2.10/24 dev eth1
EOF
}
# routesync's paths for namespace $1: all in the work directory
paths_of() { echo --netns "$1" --etc-dir "$work/etc" --state-dir "$work/state-$1" --lock-dir "$work/lock"; }
mkdir -p "$work/lock" && chmod 700 "$work/lock"

# the seed state (its second uplink on the namespace's eth1)
seed=(-f "$here/states/dual-uplink.yml" --var uplink2_addr=192.168.2.10 --var uplink2_net=192.168.2.0/24 --var uplink2_gw=192.168.2.1)
if wanted seed; then
    note "seed: a no-change plan of the seed state (states/dual-uplink.yml) on a namespace"
    host_ns "rsb-$id-seed"
    read -ra paths <<<"$(paths_of "rsb-$id-seed")"
    "$rs" apply "${paths[@]}" "${seed[@]}" --auto-approve >"$work/seed-apply.out"
    pair seedplan 0 "exec $(q "$rs" plan "${paths[@]}" "${seed[@]}" --detailed-exitcode)" hello 0 "exec $(q "${hello[@]}")"
    grep -q '^No changes' "$work/seedplan.out" || { note "seed plan was not empty:"; cat "$work/seedplan.out" >&2; exit 1; }
    p=$(median seedplan 1); h=$(median hello 1)
    row "\`plan\` of the seed state on a namespace (no changes)" "$(secs "$p"), $(mib "$(median seedplan 2)") RSS ($(spread seedplan))" \
        "\`java Hello\` $(secs "$h")" "$(ratio "$p" "$h")" "$(cpu_ratio seedplan hello)" '<= 4x Hello, RSS <= 80 MB'
fi

# ----------------------------------------------------------------------------------------------
# the big table: ROUTES /28s of 10.0.0.0/8 via 192.0.2.254 dev d0 in table 100, written as three state
# files (the first names the table) and as the hand-written `ip -batch` of the same routes
big=()
gen_big() {
    awk -v n="$ROUTES" -v dir="$work" 'BEGIN {
        per = int((n + 2) / 3)
        for (f = 1; f <= 3; f++) {
            fn = dir "/big" f ".yml"
            if (f == 1) print "tables:\n  bench: 100" > fn
            print "routes:\n  bench:" > fn
            for (i = (f - 1) * per; i < f * per && i < n; i++) {
                a = 167772160 + i * 16
                r = sprintf("%d.%d.%d.%d/28", int(a / 16777216) % 256, int(a / 65536) % 256, int(a / 256) % 256, a % 256)
                print "    - " r " via 192.0.2.254 dev d0" > fn
                print "route add " r " via 192.0.2.254 dev d0 table 100 proto 245" > (dir "/hand.batch")
                if (i % 100 == 50) print "route del " r " table 100" > (dir "/drift.batch")
            }
            close(fn)
        }
    }'
    big=(-f "$work/big1.yml" -f "$work/big2.yml" -f "$work/big3.yml")
}
if wanted validate || wanted plan || wanted drift || wanted converge || wanted import; then
    gen_big
    one=rsb-$id-big
    host_ns "$one"
    read -ra paths <<<"$(paths_of "$one")"
fi
k=$((ROUTES / 1000))k

if wanted validate; then
    note "validate: $ROUTES routes in 3 files"
    pair validate 0 "exec $(q "$rs" validate "${big[@]}")" hello 0 "exec $(q "${hello[@]}")"
    v=$(median validate 1); h=$(median hello 1)
    row "\`validate\` of $k routes (3 files)" "$(secs "$v"), $(mib "$(median validate 2)") RSS ($(spread validate))" \
        "\`java Hello\` $(secs "$h")" "$(ratio "$v" "$h")" "$(cpu_ratio validate hello)" '<= 8x Hello'
fi

flush_big() { ip -n "$one" route flush table 100 2>/dev/null || true; }
converged=no
converge_big() {
    [ "$converged" = yes ] && return
    flush_big
    "$rs" apply "${paths[@]}" "${big[@]}" --auto-approve >"$work/big-apply.out"
    converged=yes
}
noop_plan=""

if wanted plan || wanted drift || wanted converge; then
    noop_cmd=$(q "$rs" plan "${paths[@]}" "${big[@]}" --detailed-exitcode)
    dump_cmd=$(q ip -n "$one" route list table 100)
    note "plan: $ROUTES routes, no changes, against ip route list table 100 + java Hello"
    converge_big
    pair noop 0 "exec $noop_cmd" dump 0 "exec $dump_cmd >/dev/null" hello 0 "exec $(q "${hello[@]}")"
    noop_plan=$(median noop 1)
    floor=$(add "$(median dump 1)" "$(median hello 1)")
    if wanted plan; then
        row "\`plan\` of $k routes, no changes" "$(secs "$noop_plan"), $(mib "$(median noop 2)") RSS ($(spread noop))" \
            "\`ip route list table 100\` $(secs "$(median dump 1)") + Hello = $(secs "$floor")" "$(ratio "$noop_plan" "$floor")" "$(cpu_ratio noop dump hello)" '<= 3x (dump + Hello)'
    fi
fi

if wanted drift; then
    note "drift: apply after deleting 1% of $ROUTES routes, against the no-op plan"
    drift_setup() { [ "$1" = drift ] && ip -n "$one" -force -batch "$work/drift.batch" 2>/dev/null || true; }
    SETUP=drift_setup
    pair drift 0 "exec $(q "$rs" apply "${paths[@]}" "${big[@]}" --auto-approve)" noop2 0 "exec $noop_cmd"
    SETUP=""
    d=$(median drift 1); noop_plan=$(median noop2 1)
    changes=$(wc -l <"$work/drift.batch")
    row "\`apply\` after 1% drift on $k ($changes routes missing)" "$(secs "$d") ($(spread drift))" \
        "the no-op plan $(secs "$noop_plan")" "$(ratio "$d" "$noop_plan")" "$(cpu_ratio drift noop2)" '<= 1.3x the no-op plan'
fi

if wanted converge; then
    note "converge: apply empty -> $ROUTES routes, against the hand-written ip -batch + the no-op plan"
    SETUP=flush_big
    pair converge 0 "exec $(q "$rs" apply "${paths[@]}" "${big[@]}" --auto-approve)" \
        handbatch 0 "exec $(q ip -n "$one" -batch "$work/hand.batch")"
    SETUP=""
    converged=no
    c=$(median converge 1); hb=$(median handbatch 1)
    floor=$(add "$hb" "$noop_plan")
    row "\`apply\` converging empty -> $k" "$(secs "$c"), $(mib "$(median converge 2)") RSS ($(spread converge))" \
        "hand-written \`ip -batch\` $(secs "$hb") + no-op plan = $(secs "$floor")" "$(ratio "$c" "$floor")" "$(cpu_ratio converge handbatch noop)" '<= 1.5x'
fi

if wanted import; then
    note "import: one $ROUTES-route state file, import -> plan round trip"
    converge_big
    # import prints the tables the rules look up: one rule makes table 100 one of them
    ip -n "$one" rule add priority 1000 from 10.0.0.0/8 table 100
    if "$rs" import "${paths[@]}" >"$work/imported.yml" 2>"$work/import.err"; then
        size=$(du -k "$work/imported.yml" | cut -f1)
        if "$rs" plan "${paths[@]}" -f "$work/imported.yml" >"$work/import-plan.out" 2>&1 && grep -q '^No changes' "$work/import-plan.out"; then
            result="works, plan empty"
        else
            result="plan refused or not empty: $(head -c 200 "$work/import-plan.out" | tr '\n' ' ')"
        fi
        row "one $k-route state file ($(awk -v k="$size" 'BEGIN{printf "%.1f MB", k/1024}')), \`import\` -> \`plan\` round trip" "$result" "" "" "" 'works, plan empty'
    else
        row "one $k-route state file, \`import\` -> \`plan\` round trip" "import failed: $(head -c 200 "$work/import.err" | tr '\n' ' ')" "" "" "" 'works, plan empty'
    fi
    ip -n "$one" rule del priority 1000
fi

# ----------------------------------------------------------------------------------------------
# the fleet: a controller namespace and HOSTS host namespaces, each joined to it by a veth pair on its
# own /30, each running its own sshd configured only by files in the work directory (as the tests'
# SshFleet does); routesync and Ansible run inside the controller namespace
if wanted fleet; then
    for tool in /usr/sbin/sshd ssh ssh-keygen unshare mount getent; do
        command -v "$tool" >/dev/null || { echo "bench: the fleet rows need $tool (openssh-server, openssh-client, util-linux)" >&2; exit 69; }
    done
    note "fleet: $HOSTS namespace hosts with sshd"
    fl=$work/fleet
    mkdir -p "$fl" /run/sshd
    ctl=rsb-$id-ctl
    addrs=()
    netns_add "$ctl"
    ssh-keygen -q -t ed25519 -N '' -C "routesync-bench-$id" -f "$fl/client_key"
    # The hosts' login home. The namespaces share this machine's files, so every ssh session on a host
    # would run this machine's own root dotfiles: bash sources ~/.bashrc when sshd starts it, even for
    # `bash -c COMMAND`, and a developer's (pyenv init, ...) starts dozens of programs per session, for
    # both tools alike (measured: ~115 ms of sshd-side CPU per session against ~21 ms). A managed host
    # has the distribution's: each sshd runs in a mount namespace of its own where the login home is a
    # copy of Debian's default dotfiles (comments only) in the work directory.
    home=$(getent passwd root | cut -d: -f6)
    mkdir -p "$fl/home" && chmod 700 "$fl/home"
    for f in bashrc profile; do
        if [ -r "/usr/share/base-files/dot.$f" ]; then cp "/usr/share/base-files/dot.$f" "$fl/home/.$f"; else : >"$fl/home/.$f"; fi
    done
    : >"$fl/known_hosts"
    {
        echo "all:"
        echo "  vars:"
        echo "    routesync_states: [uplink]"
        for d in etc:iproute2 state:lib/routesync lock:run/routesync; do echo "    routesync_${d%%:*}_dir: \"$fl/targets/{{ inventory_hostname }}/${d#*:}\""; done
        echo "  hosts:"
    } >"$fl/hosts.yml"
    for ((i = 0; i < HOSTS; i++)); do
        ns=rsb-$id-h$i
        netns_add "$ns"
        ctl_addr=10.77.0.$((i * 4 + 1))
        addr=10.77.0.$((i * 4 + 2))
        ((i < 64)) || { ctl_addr=10.77.$((i / 64)).$((i % 64 * 4 + 1)); addr=10.77.$((i / 64)).$((i % 64 * 4 + 2)); }
        addrs+=("$addr")
        ip -n "$ctl" link add "h$i" type veth peer name eth0 netns "$ns"
        ip -n "$ctl" addr add "$ctl_addr/30" dev "h$i"
        ip -n "$ctl" link set "h$i" up
        ip -n "$ns" addr add "$addr/30" dev eth0
        ip -n "$ns" link set eth0 up
        d=$fl/h$i
        mkdir -p "$d"
        ssh-keygen -q -t ed25519 -N '' -C "$ns" -f "$d/host_key"
        cat >"$d/sshd_config" <<EOF
ListenAddress $addr
Port 22
HostKey $d/host_key
PidFile $d/sshd.pid
AuthorizedKeysFile $fl/client_key.pub
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 200
MaxSessions 200
UseDNS no
PrintMotd no
EOF
        ip netns exec "$ns" unshare --mount --propagation private \
            sh -c 'mount --bind "$1" "$2" && exec /usr/sbin/sshd -f "$3/sshd_config" -E "$3/sshd.log"' sh "$fl/home" "$home" "$d"
        echo "$addr $(cut -d' ' -f1-2 "$d/host_key.pub")" >>"$fl/known_hosts"
        cat >>"$fl/hosts.yml" <<EOF
    h$i:
      ansible_host: "$addr"
      host_addr: "$addr"
      gateway: "$ctl_addr"
      service_net: "198.18.$((i / 32)).$((i % 32 * 8))/29"
EOF
    done
    for ((i = 0; i < HOSTS; i++)); do # each sshd writes its PidFile once it listens
        for ((t = 0; t < 200; t++)); do [ -s "$fl/h$i/sshd.pid" ] && break; sleep 0.05; done
        [ -s "$fl/h$i/sshd.pid" ] || { note "sshd of h$i did not start:"; cat "$fl/h$i/sshd.log" >&2; exit 1; }
    done
    cat >"$fl/ssh_config" <<EOF
Host *
  User root
  IdentityFile $fl/client_key
  IdentitiesOnly yes
  UserKnownHostsFile $fl/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  PasswordAuthentication no
  KbdInteractiveAuthentication no
  BatchMode yes
EOF
    mkdir -p "$fl/states"
    # the seed state of the fleet tests (FleetFiles): a table, two routes and two rules per host
    cat >"$fl/states/uplink.yml" <<'EOF'
tables:
  uplink: 100
rules:
  - { priority: 1000, from: "{{ host_addr }}", table: uplink }
  - { priority: 1001, to: "{{ service_net }}", table: uplink }
routes:
  uplink:
    - { to: "{{ service_net }}", via: "{{ gateway }}", dev: eth0 }
    - { to: default, via: "{{ gateway }}", dev: eth0 }
EOF
    # the same state as Ansible users write it today: four guarded shell tasks (no ip-rule module)
    cat >"$fl/seed.yml" <<'EOF'
- hosts: all
  gather_facts: false
  tasks:
    - name: route to the service network in table 100
      shell: ip route show table 100 | grep -q "^{{ service_net }} " || ip route add {{ service_net }} via {{ gateway }} dev eth0 table 100
    - name: default route in table 100
      shell: ip route show table 100 | grep -q "^default " || ip route add default via {{ gateway }} dev eth0 table 100
    - name: rule from the host's address
      shell: ip rule show | grep -q "^1000:" || ip rule add priority 1000 from {{ host_addr }} table 100
    - name: rule to the service network
      shell: ip rule show | grep -q "^1001:" || ip rule add priority 1001 to {{ service_net }} table 100
EOF
    fleet_reset() {
        local i
        for ((i = 0; i < HOSTS; i++)); do
            printf 'rule del pref 1000\nrule del pref 1001\nroute flush table 100\n' | ip -n "rsb-$id-h$i" -force -batch - >/dev/null 2>&1 || true
        done
        rm -rf "$fl/targets"
    }
    fleet_converged() {
        local i
        for ((i = 0; i < HOSTS; i++)); do
            # read whole, not piped into grep -q: with pipefail, ip killed by SIGPIPE would fail the check
            rules=$(ip -n "rsb-$id-h$i" rule show)
            [[ "$rules" == *$'\n1001:'* ]] || { note "h$i did not converge: $rules"; exit 1; }
            [ "$(ip -n "rsb-$id-h$i" route show table 100 | wc -l)" = 2 ] || { note "h$i: table 100 is not the seed's"; exit 1; }
        done
    }
    in_ctl=(ip netns exec "$ctl")
    fleet_rs=("${in_ctl[@]}" "$rs")
    fleet_opts=(-i "$fl/hosts.yml" --forks "$HOSTS" --ssh-program "ssh -F $fl/ssh_config")

    note "fleet: routesync apply -i (converge) and plan -i (no-op), $HOSTS forks"
    reset_before_apply() { [ "$1" = fleetapply ] && fleet_reset; true; }
    SETUP=reset_before_apply
    # the floor of any tool that reaches each host over ssh: one `ssh HOST true` per host, all at once,
    # with the options routesync's plan gives ssh (no shared connection): key exchange, login, one
    # command. Each in a session of its own, as routesync runs them (setsid): with the kernel's autogroup
    # scheduling a session is one group, so on a busy machine 16 sessions get more of the CPU than one
    sshfloor="set -e; ps=(); "
    for addr in "${addrs[@]}"; do
        sshfloor+="$(q setsid ssh -F "$fl/ssh_config" -o BatchMode=yes -o RequestTTY=no -o ConnectTimeout=10 -o StrictHostKeyChecking=yes \
            -o ControlMaster=no -o ControlPath=none -- "$addr" true) & ps+=(\$!); "
    done
    pair fleetapply 0 "exec $(q "${fleet_rs[@]}" apply "${fleet_opts[@]}" --auto-approve)" \
        fleetplan 0 "exec $(q "${fleet_rs[@]}" plan "${fleet_opts[@]}" --detailed-exitcode)" \
        sshtrue 0 "exec $(q "${in_ctl[@]}") bash -c $(q "$sshfloor for p in \"\${ps[@]}\"; do wait \"\$p\"; done")"
    SETUP=""
    fleet_converged
    fa=$(median fleetapply 1); fp=$(median fleetplan 1)

    if [ "$ANSIBLE" = yes ] && command -v ansible-playbook >/dev/null; then
        # as Ansible's users tune it for speed: pipelining (one ssh session per task instead of a temporary
        # directory, a copy and a chmod), ControlPersist (the masters outlive the run: the no-op run reuses
        # the converge run's connections), one fork per host
        note "fleet: ansible-playbook of the seed recipe, converge then no-op, $HOSTS forks, ControlPersist, pipelining"
        mkdir -p "$fl/ansible/cp" "$fl/ansible/local" "$fl/ansible/home"
        printf "[defaults]\n" >"$fl/ansible/ansible.cfg"
        ansible_cmd=$(printf 'exec env HOME=%q ANSIBLE_CONFIG=%q ANSIBLE_SSH_ARGS=%q ANSIBLE_SSH_CONTROL_PATH_DIR=%q ANSIBLE_LOCAL_TEMP=%q ANSIBLE_REMOTE_TEMP=%q ANSIBLE_PYTHON_INTERPRETER=/usr/bin/python3 ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_PIPELINING=True %s ansible-playbook -i %q -f %d %q' \
            "$fl/ansible/home" "$fl/ansible/ansible.cfg" "-F $fl/ssh_config -o ControlMaster=auto -o ControlPersist=60s" "$fl/ansible/cp" "$fl/ansible/local" "$fl/ansible/remote" \
            "$(q "${in_ctl[@]}")" "$fl/hosts.yml" "$HOSTS" "$fl/seed.yml")
        fleet_reset
        run_timed ansibleapply 0 bash -c "$ansible_cmd"
        fleet_converged
        run_timed ansiblecheck 0 bash -c "$ansible_cmd"
        aa=$(median ansibleapply 1); ac=$(median ansiblecheck 1)
        row "fleet of $HOSTS sshd hosts, $HOSTS forks: converge the seed state" "$(secs "$fa") ($(spread fleetapply))" \
            "Ansible (pipelining, ControlPersist), same recipe, same fleet: $(secs "$aa")" "$(ratio "$aa" "$fa") faster" "$(cpu_ratio ansibleapply fleetapply) less" '>= 20x faster'
        row "same fleet, no-op check" "$(secs "$fp") ($(spread fleetplan))" "Ansible: $(secs "$ac")" "$(ratio "$ac" "$fp") faster" "$(cpu_ratio ansiblecheck fleetplan) less" '>= 20x faster'
    else
        why="Ansible not run (--no-ansible)"
        command -v ansible-playbook >/dev/null || why="Ansible not run: ansible-playbook is not installed"
        row "fleet of $HOSTS sshd hosts, $HOSTS forks: converge the seed state" "$(secs "$fa") ($(spread fleetapply))" "$why" "" "" '>= 20x faster'
        row "same fleet, no-op check" "$(secs "$fp") ($(spread fleetplan))" "$why" "" "" '>= 20x faster'
    fi
    st=$(median sshtrue 1)
    row "same fleet, no-op check against ssh itself" "$(secs "$fp")" "$HOSTS parallel \`ssh HOST true\` $(secs "$st") ($(spread sshtrue))" \
        "$(ratio "$fp" "$st")" "$(cpu_ratio fleetplan sshtrue)" 'the floor of one ssh per host'

    # Connections kept from the run before (--ssh-persist), as Ansible's ControlPersist keeps them for its
    # no-op run: routesync's converge and no-op, and the floor of 16 `ssh HOST true` through the same
    # masters; then Ansible's converge again, with its masters from the runs above. The kept directory is
    # in a short runtime directory of the bench's own (a socket path holds 108 bytes); the masters run in
    # the controller namespace, so the cleanup stops them.
    note "fleet: with connections kept from the run before (routesync --ssh-persist, Ansible ControlPersist)"
    kept_rt=$(mktemp -d /tmp/rsbk.XXXX)
    keptdirs+=("$kept_rt")
    kept_rs=(env XDG_RUNTIME_DIR="$kept_rt" "${fleet_rs[@]}")
    sshkept="ps=(); "
    for addr in "${addrs[@]}"; do
        sshkept+="$(q setsid ssh -F "$fl/ssh_config" -o BatchMode=yes -o RequestTTY=no -o ControlMaster=no -o ControlPath="$kept_rt/routesync-kept/%C" -- "$addr" true) & ps+=(\$!); "
    done
    reset_before_apply() { case $1 in fleetapply*) fleet_reset ;; esac; true; }
    SETUP=reset_before_apply
    # the warm-up run (not timed) makes the masters
    pair fleetapplykept 0 "exec $(q "${kept_rs[@]}" apply "${fleet_opts[@]}" --ssh-persist 600 --auto-approve)" \
        fleetplankept 0 "exec $(q "${kept_rs[@]}" plan "${fleet_opts[@]}" --ssh-persist 600 --detailed-exitcode)" \
        sshkept 0 "exec $(q "${in_ctl[@]}") bash -c $(q "$sshkept for p in \"\${ps[@]}\"; do wait \"\$p\"; done")" \
        fleetvalidate 0 "exec $(q "${fleet_rs[@]}" validate -i "$fl/hosts.yml")"
    SETUP=""
    fleet_converged
    fak=$(median fleetapplykept 1); fpk=$(median fleetplankept 1); sk=$(median sshkept 1); fv=$(median fleetvalidate 1)
    if [ -n "${ac:-}" ]; then
        fleet_reset
        run_timed ansibleapplywarm 0 bash -c "$ansible_cmd"
        fleet_converged
        aw=$(median ansibleapplywarm 1)
        row "same fleet, connections kept from the run before: converge (\`--ssh-persist\`)" "$(secs "$fak") ($(spread fleetapplykept))" \
            "Ansible, its masters kept from the runs before: $(secs "$aw")" "$(ratio "$aw" "$fak") faster" "$(cpu_ratio ansibleapplywarm fleetapplykept) less" '>= 20x faster'
        row "same fleet, connections kept from the run before: no-op check (\`--ssh-persist\`)" "$(secs "$fpk") ($(spread fleetplankept))" \
            "Ansible (its no-op run above): $(secs "$ac")" "$(ratio "$ac" "$fpk") faster" "$(cpu_ratio ansiblecheck fleetplankept) less" '>= 20x faster'
    else
        row "same fleet, connections kept from the run before: converge (\`--ssh-persist\`)" "$(secs "$fak") ($(spread fleetapplykept))" "$why" "" "" '>= 20x faster'
        row "same fleet, connections kept from the run before: no-op check (\`--ssh-persist\`)" "$(secs "$fpk") ($(spread fleetplankept))" "$why" "" "" '>= 20x faster'
    fi
    row "same fleet, kept connections against ssh itself" "$(secs "$fpk")" "$HOSTS parallel \`ssh HOST true\` through the kept masters $(secs "$sk") ($(spread sshkept))" \
        "$(ratio "$fpk" "$sk")" "$(cpu_ratio fleetplankept sshkept)" 'the floor of a kept connection per host'
    row "same fleet, the controller alone: \`validate -i\` (start-up, inventory, $HOSTS states; no ssh)" "$(secs "$fv") ($(spread fleetvalidate))" \
        "" "" "" 'part of every fleet run'
fi

# ----------------------------------------------------------------------------------------------
# watch: routesync watch keeps the seed state on a namespace; eth1 flaps (down and up in one ip -batch:
# the kernel drops the two routes through it, watch puts them back). Its log says how long each heal
# took (the read, plan, apply and verify after the burst's quiet time) and how long after the burst's
# first event it ended. The floor is what any healer must do: the same two routes added back by a
# hand-written ip -batch. Then the watch idles (no event) for IDLE seconds: its CPU time (java and its
# ip monitor) scaled to an hour; a process blocked on its input uses none.
if wanted watch; then
    note "watch: heal after a link flap ($RUNS flaps, the seed state), then ${IDLE} s idle"
    wns=rsb-$id-watch
    host_ns "$wns"
    read -ra wpaths <<<"$(paths_of "$wns")"
    wlog=$work/watch.log
    "$rs" watch "${wpaths[@]}" "${seed[@]}" >"$wlog" 2>&1 &
    wpid=$!
    healed() { grep -c '^healed ' "$wlog" || true; }
    for ((t = 0; t < 600; t++)); do grep -q '^\(healed\|converged\) ' "$wlog" && break; sleep 0.05; done
    grep -q '^\(healed\|converged\) ' "$wlog" || { note "watch did not converge:"; cat "$wlog" >&2; exit 1; }
    printf 'route add 192.168.2.0/24 dev eth1 src 192.168.2.10 scope link table 102 proto 245\nroute add default via 192.168.2.1 dev eth1 table 102 proto 245\n' >"$work/heal.batch"
    for ((r = 0; r < RUNS; r++)); do
        n=$(healed)
        printf 'link set eth1 down\nlink set eth1 up\n' | ip -n "$wns" -batch -
        for ((t = 0; t < 400; t++)); do [ "$(healed)" -gt "$n" ] && break; sleep 0.05; done
        [ "$(healed)" -gt "$n" ] || { note "watch did not heal the flap:"; cat "$wlog" >&2; exit 1; }
        # (a link's routes coming back are never backed off from)
        sleep 0.5
    done
    # "healed ...: ...; 2 changes in X ms, Y ms after the first event": X and Y of each heal after the flaps
    grep '^healed ' "$wlog" | tail -n "$RUNS" | sed -n 's/.* changes* in \([0-9]*\) ms, \([0-9]*\) ms after the first event.*/\1 \2/p' |
        awk '{printf "%.3f 0 0 0 0\n%.3f\n", $1 / 1000, $2 / 1000}' | awk 'NR % 2 == 1 {print > "'"$work"'/heal.t"} NR % 2 == 0 {print > "'"$work"'/healsince"}'
    # the floor: the same flap healed by hand, timed as a whole process
    for ((r = 0; r <= RUNS; r++)); do
        kill -STOP "$wpid"
        printf 'link set eth1 down\nlink set eth1 up\n' | ip -n "$wns" -batch -
        # timed by bash itself: /usr/bin/time counts in hundredths of a second
        t0=$EPOCHREALTIME
        ip -n "$wns" -batch "$work/heal.batch"
        t1=$EPOCHREALTIME
        [ "$r" = 0 ] || awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f 0 0 0 0\n", b - a}' >>"$work/healfloor.t"
        kill -CONT "$wpid"
        sleep 0.5
    done
    sleep 2
    cpu_of() { # user + system clock ticks of the watch and its ip monitor
        local p sum=0
        for p in "$wpid" $(pgrep -P "$wpid" || true); do
            [ -r "/proc/$p/stat" ] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat")))
        done
        echo "$sum"
    }
    c0=$(cpu_of)
    sleep "$IDLE"
    c1=$(cpu_of)
    kill -TERM "$wpid" 2>/dev/null; wait "$wpid" 2>/dev/null || true
    wpid=
    hz=$(getconf CLK_TCK)
    idle_hour=$(awk -v d="$((c1 - c0))" -v hz="$hz" -v s="$IDLE" 'BEGIN{printf "%.1f", d / hz * 3600 / s}')
    hl=$(median heal 1); hf=$(median healfloor 1)
    since=$(sort -g "$work/healsince" | awk '{v[NR]=$1} END{if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}')
    row "\`watch\`: heal after a link flap (seed state: 2 routes back)" "$(awk -v a="$hl" 'BEGIN{printf "%.0f ms", a*1000}') ($(spread heal) s), $(awk -v a="$since" 'BEGIN{printf "%.0f ms", a*1000}') after the first event" \
        "hand-written \`ip -batch\` of the 2 routes $(awk -v a="$hf" 'BEGIN{printf "%.1f ms", a*1000}')" "$(ratio "$hl" "$hf")" "" 'well under 100 ms after the quiet time'
    row "\`watch\`, idle: CPU time" "$idle_hour s per hour (${IDLE} s measured)" "a process blocked on its input: 0 s" "" "" 'about 0 (blocked on the monitor)'
fi

# ----------------------------------------------------------------------------------------------
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
java_version=$(java -version 2>&1 | head -n 1)
ip_version=$(ip -V | sed 's/.*iproute2-//; s/,.*//')
echo "Whole processes, median of $RUNS runs after one warm-up (min-max of the wall time in brackets), floors"
echo "timed in the same run, alternating with the case (Ansible: one run each); ratios of the medians, of wall"
echo "time and of CPU time (user + system, child processes included); $(nproc) CPUs, kernel $(uname -r), $java_version, iproute2 $ip_version;"
echo "load average $load_start at the start, $load_end at the end. Reproduce: \`sudo bench/whole-process.sh\`."
echo
echo "| case | routesync | floor in the same run | ratio (wall) | ratio (CPU) | target |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
