# routesync confirm-or-rollback, shared by arm, confirm and rollback. An apply --confirm stages its
# undo in $state/confirm: armed (the token, while a timer waits for confirmation), undo4-NNNN and
# undo6-NNNN (ip -batch input that takes the touched entries back), saved-NAME or absent-NAME
# (routesync's files as they were), tables and reading-before (the reading before the apply, to tell
# whether the undo restored it exactly; reading-after is the one after the undo), deadline, timer-pid, restore.sh (the rollback script the timer runs),
# result (how the last one ended) and log (the timer's output).
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
