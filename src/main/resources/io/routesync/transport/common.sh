# routesync: functions shared by the scripts it runs on a target. Fixed text; every value arrives
# as a positional argument and is only ever used quoted.
set -u
# One locale for every tool here and below (sort, sed, awk, grep, tr, ip, the confirm timer): ssh's
# usual "SendEnv LANG LC_*" passes the controller's locale on, and a host's own may differ. In C,
# bytes are bytes, ranges are ASCII and numbers have no thousands separators.
LC_ALL=C
export LC_ALL
m=$1 ns=$2 etc=$3 lockfile=$4 wait=$5 state=$6
shift 6
ipx() { if [ -n "$ns" ]; then ip -n "$ns" "$@"; else ip "$@"; fi; }
mark() { printf '%s %s\n' "$m" "$*"; }
# The tables routesync's last apply put routes in ($state/tables, digits only): read them too, so
# tagged routes left in a table the desired state no longer names are still found and removed.
footprint() {
  [ -f "$state/tables" ] || return 0
  while read -r t; do
    case $t in ''|*[!0-9]*) continue ;; esac
    printf '%s\n' "$t"
  done < "$state/tables"
}
# The tables of "$@" and of the footprint, each once, in numeric order (sort -n -u), in $tl_list. The
# shell keeps the list itself while the ids come in ascending order (Java sends its tables sorted,
# an apply writes the footprint sorted); sort is started only when they do not.
table_list() {
  tl_list= tl_last=-1 tl_sorted=yes
  for tl_t in "$@"; do tl_add "$tl_t"; done
  if [ -f "$state/tables" ]; then
    while read -r tl_t; do
      case $tl_t in ''|*[!0-9]*) continue ;; esac
      tl_add "$tl_t"
    done < "$state/tables"
  fi
  [ $tl_sorted = yes ] && return 0
  tl_list=$({ for tl_t in "$@"; do printf '%s\n' "$tl_t"; done; footprint; } | sort -n -u)
}
tl_add() {
  case " $tl_list " in *" $1 "*) return 0 ;; esac
  if [ $tl_sorted = yes ] && [ "$1" -gt "$tl_last" ] 2>/dev/null; then
    tl_list="$tl_list${tl_list:+ }$1" tl_last=$1
  else
    tl_sorted=no
  fi
}
# Everything a plan needs: name files, rules of both families, the routes of each table in "$@" and
# in the footprint (each table once).
read_all() {
  mark begin 1
  if ! command -v ip >/dev/null 2>&1; then mark fatal no-ip; return; fi
  # ip's version once a run: a session's re-read prints what its reading found (same ip, same run)
  if [ -z "${ra_vrc:-}" ]; then ra_version=$(ip -V 2>&1); ra_vrc=$?; fi
  mark cmd version; printf '%s\n' "$ra_version"; mark rc "$ra_vrc"
  mark names "$own_tables" "$own_protos"
  # the digest of the kept state the last apply proved (apply.sh): an apply of the same text skips the proof
  if [ -f "$state/desired.digest" ] && read -r kd < "$state/desired.digest"; then mark kept "$kd"; fi
  for f in "$etc"/rt_tables "$etc"/rt_tables.d/*.conf "$etc"/rt_protos "$etc"/rt_protos.d/*.conf; do
    [ -f "$f" ] || continue
    mark file "$f"
    if [ -n "${names_by_shell:-}" ]; then print_file "$f"; else cat -- "$f"; fi
    printf '\n'
  done
  # the rules are kept for read_wide (when it runs in the same shell: a session's, an undigested read's),
  # which then needs no second dump to find the tables they look up
  ra_rules4=$(ipx -d -N -4 rule show 2>&1); ra_rc=$?
  mark cmd rule 4; [ -z "$ra_rules4" ] || printf '%s\n' "$ra_rules4"; mark rc $ra_rc
  ra_rules6=$(ipx -d -N -6 rule show 2>&1); ra_rc=$?
  mark cmd rule 6; [ -z "$ra_rules6" ] || printf '%s\n' "$ra_rules6"; mark rc $ra_rc
  ra_rules=yes
  table_list "$@"
  mark tables $tl_list
  # shellcheck disable=SC2086 # digits only: one table id a word
  [ -z "$tl_list" ] || route_lists $tl_list
  mark end
}
# Prints file $1 as cat does, its first 64 lines read by the shell (no program for a name file of that
# size) and the rest, if any, by cat from where the shell stopped (dash reads a byte at a time). The shell
# drops NUL bytes, which a name file does not have: used only for a reading nothing compares (read.sh's
# nodigest), so a digest never depends on it.
print_file() {
  pf_n=0
  {
    while [ $pf_n -lt 64 ] && IFS= read -r pf_l; do printf '%s\n' "$pf_l"; pf_n=$((pf_n + 1)); done
    if [ $pf_n -lt 64 ]; then printf '%s' "$pf_l"; else cat; fi
  } < "$1"
}
# The routes of tables "$@", both families: "cmd route F T", ip's answer, "rc N" each. IPv6 'expires
# Nsec' counts down between two reads; it is state, not configuration, so it is dropped: an IPv6 listing
# is taken by the shell and goes through sed only when it has an expiry; the IPv4 listings go out as ip
# prints them. (Through a pipe to one sed for all tables, a dump of 100k routes took about twice as long
# as into a file: the verify's re-read after a converge's batch writes a file.) The shell prints a
# listing as ip did: ip ends every line with a line end and prints no empty line or NUL.
route_lists() {
  for t in "$@"; do
    mark cmd route 4 "$t"; ipx -N -4 route list table "$t" 2>&1; mark rc $?
    mark cmd route 6 "$t"; rl_out=$(ipx -N -6 route list table "$t" 2>&1); rl_rc=$?
    case $rl_out in
      '') ;;
      *" expires "*) printf '%s\n' "$rl_out" | sed 's/ expires [0-9]*sec//' ;;
      *) printf '%s\n' "$rl_out" ;;
    esac
    mark rc $rl_rc
  done
}
# Splits a read's table ids ("$@": ids, then optionally the word "wide" and more ids) into $rt_plain
# (the reading's) and $rt_extra (the wide part's); $rt_wide is "yes" when "wide" was given, $rt_nodigest
# when "nodigest" was (read.sh). Anything else but digits is dropped: one table id a word.
split_tables() {
  rt_plain= rt_extra= rt_wide= rt_nodigest=
  for st_a in "$@"; do
    case $st_a in
      wide) rt_wide=yes ;;
      nodigest) rt_nodigest=yes ;;
      ''|*[!0-9]*) ;;
      *) if [ -n "$rt_wide" ]; then rt_extra="$rt_extra $st_a"; else rt_plain="$rt_plain $st_a"; fi ;;
    esac
  done
}
# After a reading (and its digest): "wide", the routes of the tables an expectation may reach that the
# reading did not list ($rt_extra and every table a rule looks up), and "wide-end". Not digested: the
# digest stays the reading's, which an apply compares. The rules are the reading's when read_all ran in
# this shell, else (it ran in the digest's pipeline) dumped again.
read_wide() {
  mark wide
  # shellcheck disable=SC2086
  table_list $rt_plain
  if [ -z "${ra_rules:-}" ]; then
    ra_rules4=$(ipx -N -4 rule show 2>/dev/null) ra_rules6=$(ipx -N -6 rule show 2>/dev/null)
  fi
  rule_tables "$ra_rules4" "$ra_rules6"
  wl_list=
  # shellcheck disable=SC2086 # digits only: one table id a word
  for t in $rt_extra $rl_found; do wl_add "$t"; done
  wd_tables=
  for t in $wl_list; do
    case " $tl_list " in *" $t "*) continue ;; esac
    wd_tables="$wd_tables $t"
  done
  # shellcheck disable=SC2086 # digits only: one table id a word
  [ -z "$wd_tables" ] || route_lists $wd_tables
  mark wide-end
}
# The table each line of rule dumps "$@" looks up, as sed 's/.* lookup \([0-9][0-9]*\).*/\1/p' finds it
# (the last " lookup " followed by digits, and those digits), in $rl_found; without starting sed. Lines
# are split at newlines only, with no globbing.
rule_tables() {
  rl_found=
  set -f
  rl_ifs=$IFS IFS='
'
  # shellcheck disable=SC2048 # split at newlines on purpose
  for rl_l in $*; do
    while :; do
      case $rl_l in *" lookup "[0-9]*) ;; *) break ;; esac
      rl_t=${rl_l##* lookup }
      case $rl_t in [0-9]*) rl_found="$rl_found ${rl_t%%[!0-9]*}"; break ;; esac
      rl_l=${rl_l% lookup *}
    done
  done
  IFS=$rl_ifs
  set +f
}
# Adds table id $1 to $wl_list, kept in ascending numeric order with each id once (as sort -n -u
# would make it, without starting sort).
wl_add() {
  wl_new= wl_in=
  for wl_t in $wl_list; do
    if [ -z "$wl_in" ]; then
      [ "$wl_t" -eq "$1" ] && return 0
      [ "$wl_t" -lt "$1" ] || { wl_new="$wl_new $1" wl_in=yes; }
    fi
    wl_new="$wl_new $wl_t"
  done
  [ -n "$wl_in" ] || wl_new="$wl_new $1"
  wl_list=$wl_new
}
# Takes the target's routesync lock on fd 9: "-s" shared (read) or "-x" exclusive (apply).
take_lock() {
  [ -n "$lockfile" ] || return 0
  if ! command -v flock >/dev/null 2>&1; then mark fatal no-flock; exit 0; fi
  open_lock
  flock "$1" -w "$wait" 9 || { mark locked; exit 0; }
}
# --- The run's temporary directory (its input, the batch, readings) -----------------------------
# $TMPDIR/routesync.PID.XXXXXX (PID: this shell's), removed when the script ends, also on HUP, INT,
# TERM and PIPE (a cut connection: "exit" there runs the EXIT trap; a signal ignored on entry, as
# nohup's HUP for the confirm timer, stays ignored). A run killed outright (SIGKILL) leaves it:
# sweep_tmp, at the start of every run, removes those whose PID is gone and that nothing touched for
# an hour.
tmpbase=${TMPDIR:-/tmp}
# Only what routesync made: directories (never a symlink, which is neither followed nor removed)
# owned by this user and named routesync.PID.SUFFIX, whose PID no longer runs. rm -rf does not
# follow symlinks inside them. A PID that does not run here may run in another pid namespace that
# shares this directory (containers sharing /tmp): only a directory untouched for an hour, far longer
# than a run, is taken for a killed run's (find runs only for such a candidate: rarely).
sweep_tmp() {
  for sw_dir in "$tmpbase"/routesync.*.*; do
    [ -d "$sw_dir" ] && [ ! -L "$sw_dir" ] && [ -O "$sw_dir" ] || continue
    sw_pid=${sw_dir#"$tmpbase"/routesync.}
    sw_pid=${sw_pid%%.*}
    case $sw_pid in ''|*[!0-9]*) continue ;; esac
    [ -d "/proc/$sw_pid" ] && continue
    [ -n "$(find "$sw_dir" -maxdepth 0 -type d -mmin +60 2>/dev/null)" ] && rm -rf -- "$sw_dir"
  done
}
tmp=
# names_t/names_p: name files staged next to their targets and not yet renamed (files.sh)
names_t= names_p=
trap 'if [ -n "$names_t$names_p" ]; then rm -f -- ${names_t:+"$names_t"} ${names_p:+"$names_p"}; fi
  if [ -n "${late:-}" ]; then kill "$late" 2>/dev/null; fi
  if [ -n "$tmp" ]; then rm -rf -- "$tmp"; fi' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM
# Makes the run's temporary directory, once (sweeping first). Every script makes it as it starts
# (Script adds the call after these files), but read.sh and probe.sh, which need none unless they
# create the lock directory (dir_unsafe) or stdout is not a pipe (read_with_digest): every function
# that writes in $tmp and can run in those scripts calls make_tmp first.
make_tmp() {
  [ -z "$tmp" ] || return 0
  sweep_tmp
  tmp=$(mktemp -d "$tmpbase/routesync.$$.XXXXXX" 2>/dev/null) || { tmp=; mark fatal mktemp; exit 0; }
}
# The digest of a reading, independent of the run's marker (which is random; letters and digits).
# (sha256sum prints "HEX  -": the shell cuts the hex, no cut started)
digest_of() { do_sum=$(sed "s/^$m /@ /" -- "$1" | sha256sum); printf '%s\n' "${do_sum%% *}"; }
# Prints the reading and, last, its digest: an apply compares it to refuse a host that changed since.
# When stdout is a pipe (every run routesync makes: a local one, or ssh's), the reading goes out through
# tee as it is read and sed and sha256sum digest it on the way, with no file in between; else (a
# file, a socket: /dev/fd/8 could not be opened again as the same stream) through $tmp/reading.
read_with_digest() {
  if [ -p /dev/stdout ]; then
    { rd_sum=$(read_all "$@" | tee -- /dev/fd/8 | sed "s/^$m /@ /" | sha256sum); } 8>&1
    mark digest "${rd_sum%% *}"
    return 0
  fi
  make_tmp
  read_all "$@" > "$tmp/reading"
  cat -- "$tmp/reading"
  mark digest "$(digest_of "$tmp/reading")"
}
# The kernel's answer for each flow in "$@" (routeget.sh's arguments; apply.sh's part "flows"), as
# routeget.sh describes: "cmd routeget N", the answer of ip, "rc N". Every flow is checked against the
# alphabet again here, whoever sent it.
route_get() {
  rg_n=0
  for rg_q in "$@"; do
    rg_n=$((rg_n + 1))
    mark cmd routeget "$rg_n"
    case $rg_q in
      ''|*[!0-9A-Za-z:._@+\ -]*) printf 'routesync: refused flow argument\n'; mark rc 2; continue ;;
    esac
    case $rg_q in
      # whether a forwarded flow's input interface forwards: "netconf -4|-6 dev NAME", one name only
      'netconf -4 dev '*|'netconf -6 dev '*)
        rg_d=${rg_q#netconf -? dev }
        case $rg_d in *' '*) printf 'routesync: refused flow argument\n'; mark rc 2; continue ;; esac
        rg_f=${rg_q#netconf }
        ipx "${rg_f%% *}" netconf show dev "$rg_d" 2>&1
        rg_rc=$? ;;
      *)
        set -f
        # shellcheck disable=SC2086 # the words are split on purpose: one argument of ip each
        ipx -d -N route get $rg_q 2>&1
        rg_rc=$?
        set +f ;;
    esac
    mark rc "$rg_rc"
  done
}
# Takes the lock exclusively, then stops the script ("stale DIGEST") unless the host still reads as
# it did when the plan was made ($1, the digest of that reading; $2... the tables it read).
lock_unchanged() {
  expected=$1
  shift
  take_lock -x
  read_all "$@" > "$tmp/reading"
  now=$(digest_of "$tmp/reading")
  if [ "$now" != "$expected" ]; then mark stale "$now"; exit 0; fi
}
