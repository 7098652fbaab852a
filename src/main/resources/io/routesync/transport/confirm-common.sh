# routesync confirm-or-rollback, shared by arm, confirm and rollback. An apply --confirm stages its
# undo in $state/confirm: armed (the token, while a timer waits for confirmation), undo4-NNNN and
# undo6-NNNN (ip -batch input that takes the touched entries back), saved-NAME or absent-NAME
# (routesync's files as they were), tables and reading-before (the reading before the apply, to tell
# whether the undo restored it exactly; reading-after is the one after the undo), deadline, armed-at,
# boot (the kernel's boot id when armed), timer ("pid PID START" or "systemd": which timer waits),
# timer-pid, restore.sh (the rollback script the timer runs), result (how the last one ended) and log
# (the timer's output).
cdir="$state/confirm"
# Stops the timer of token $1: its process group, only if that process's command line names the
# token (pids are reused); and its systemd timer unit, if it was started as one.
stop_timer() {
  if [ -f "$cdir/timer-pid" ]; then
    tpid=$(cat "$cdir/timer-pid" 2>/dev/null)
    case $tpid in
      ''|*[!0-9]*) ;;
      *) if tr '\0' ' ' < "/proc/$tpid/cmdline" 2>/dev/null | grep -q -e "$1"; then
           # the whole group (the waiting shell and its sleep); dash's kill takes no "--"
           kill -TERM "-$tpid" 2>/dev/null || kill -TERM "$tpid" 2>/dev/null
         fi ;;
    esac
    rm -f -- "$cdir/timer-pid"
  fi
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl stop "routesync-confirm-$1.timer" >/dev/null 2>&1
  fi
  return 0
}
# A reading as it can be compared across runs: the run's marker replaced, and a table that does not
# exist read as an empty one (the kernel keeps a table once created, so an undo leaves it empty).
canonical() {
  sed "s/^$m /@ /" -- "$1" | awk '
    /^Error: ipv[46]: FIB table does not exist\.$/ || $0 == "Dump terminated" { gone = 1; next }
    gone && index($0, "@ rc ") == 1 { print "@ rc 0"; gone = 0; next }
    { gone = 0; print }'
}
# Prints the last result as a note: "last confirmed TIME" or "last rolled-back TIME MODE exact|differs".
last_result() {
  [ -f "$cdir/result" ] && mark last $(cat "$cdir/result")
  return 0
}

# --- A change that awaits confirmation, as every other apply sees it ----------------------------
# While an apply --confirm awaits confirmation, its timer will put back what the host was before
# THAT change: an apply made now would be undone with it. So every other apply stops, under the lock
# it applies under, and names the pending change; only a stale one (its timer gone with a reboot or
# killed: nothing can run it any more) lets it through, and is then set aside without its undo.

# The kernel's boot id: a marker written in another boot lost its timer with that boot.
boot_id() { cat /proc/sys/kernel/random/boot_id 2>/dev/null || :; }
# The start time of process $1 (field 22 of /proc/PID/stat, clock ticks since boot): with the pid it
# tells a process from a later one given the same pid. Empty when there is no such process.
proc_start() {
  case $1 in ''|*[!0-9]*) return 0 ;; esac
  s=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  s=${s##*) }
  set -f; set -- $s; set +f
  if [ $# -ge 20 ]; then shift 19; printf '%s\n' "$1"; fi
  return 0
}
# Why the timer of the change staged with token $1 can no longer run its undo ("reboot",
# "timer-gone"); nothing while it can. A marker without a timer record (an earlier routesync, or an
# arm cut short) counts as gone once its deadline is a minute past (the timer waits at most 30 s for
# the lock) and no process names its token.
pending_stale() {
  p_token=${1:-}
  b=$(cat "$cdir/boot" 2>/dev/null) || b=
  if [ -n "$b" ] && [ "$b" != "$(boot_id)" ]; then echo reboot; return 0; fi
  tw=$(cat "$cdir/timer" 2>/dev/null) || tw=
  set -f; set -- $tw; set +f
  case ${1:-} in
    pid)
      [ -n "${3:-}" ] && [ "$(proc_start "${2:-}")" = "$3" ] || echo timer-gone ;;
    systemd)
      if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
        u=routesync-confirm-$p_token
        systemctl is-active --quiet "$u.timer" "$u.service" 2>/dev/null || echo timer-gone
      fi ;;
    *)
      d=$(cat "$cdir/deadline" 2>/dev/null) || d=
      case $d in ''|*[!0-9]*) return 0 ;; esac
      [ "$(date +%s)" -gt $((d + 60)) ] || return 0
      tpid=$(cat "$cdir/timer-pid" 2>/dev/null) || tpid=
      case $tpid in
        ''|*[!0-9]*) ;;
        *) if tr '\0' ' ' < "/proc/$tpid/cmdline" 2>/dev/null | grep -q -e "routesync-confirm-$p_token"; then return 0; fi ;;
      esac
      echo timer-gone ;;
  esac
  return 0
}
# "DEADLINE ARMED-AT" of the staged change, epoch seconds ("-" for what an earlier routesync did not
# record).
pending_times() {
  d=$(cat "$cdir/deadline" 2>/dev/null) || d=
  a=$(cat "$cdir/armed-at" 2>/dev/null) || a=
  case $d in ''|*[!0-9]*) d=- ;; esac
  case $a in ''|*[!0-9]*) a=- ;; esac
  printf '%s %s\n' "$d" "$a"
}
# Sets a stale armed change aside ($1 its token, $2 why): its undo is never run by itself; the
# result says it was discarded.
pending_discard() {
  rm -f -- "$cdir/armed"
  stop_timer "$1"
  printf 'discarded %s %s\n' "$(date +%s)" "$2" > "$cdir/result"
  mark discarded "$1" "$2"
}
# Stops the calling apply ("pending TOKEN DEADLINE ARMED-AT", or "pending firing - -" while the host
# runs an undo without the lock) unless nothing awaits confirmation, or what does is the caller's own
# change ($1, the token of its apply --confirm), or it is stale (then set aside). Call under the lock.
refuse_if_pending() {
  if [ -f "$cdir/firing" ] && [ -z "$(pending_stale "$(cat "$cdir/firing" 2>/dev/null)")" ]; then
    mark pending firing - -; exit 0
  fi
  [ -f "$cdir/armed" ] || return 0
  p_held=$(cat "$cdir/armed" 2>/dev/null) || p_held=
  if [ -n "${1:-}" ] && [ "$p_held" = "$1" ]; then return 0; fi
  p_why=$(pending_stale "$p_held")
  if [ -n "$p_why" ]; then pending_discard "$p_held" "$p_why"; return 0; fi
  mark pending "$p_held" $(pending_times)
  exit 0
}
