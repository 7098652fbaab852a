# routesync confirm: $7 "confirm" ($8 the token to confirm, empty for whatever is armed; $9... the
# health probes to pass first, six arguments each) or "status".
# confirm disarms a waiting timer under the lock, so it and the timer cannot both act: it prints
# "confirmed TOKEN", or "not-armed" and the last result (the timer may already have rolled back).
# status prints "status armed TOKEN DEADLINE ARMED-AT", "status stale TOKEN DEADLINE ARMED-AT WHY"
# (its timer is gone: see pending_stale), "status firing" or "status idle", and the last result.
# Confirming a stale change discards its undo: "discarded TOKEN WHY".
mode=$1 token=${2:-}
# apply --confirm's health probes, $3... (health.sh): run before anything else and outside the lock
# (they take up to their timeouts); if one fails, nothing is disarmed: "probes-failed", and the
# host's timer rolls the change back when it is due.
if [ "$mode" = confirm ] && [ $# -gt 2 ]; then
  shift 2
  run_probes "$@" || { mark probes-failed; exit 0; }
fi
if [ "$mode" = status ]; then take_lock -s; else take_lock -x; fi
armed=$(cat "$cdir/armed" 2>/dev/null) || armed=
case $mode in
  confirm)
    if [ -n "$armed" ] && { [ -z "$token" ] || [ "$armed" = "$token" ]; }; then
      why=$(pending_stale "$armed")
      if [ -n "$why" ]; then pending_discard "$armed" "$why"; last_result; exit 0; fi
      rm -f -- "$cdir/armed"
      stop_timer "$armed"
      printf 'confirmed %s\n' "$(date +%s)" > "$cdir/result"
      mark confirmed "$armed"
    else
      mark not-armed
      last_result
    fi ;;
  status)
    why=
    if [ -n "$armed" ]; then why=$(pending_stale "$armed"); fi
    if [ -n "$why" ]; then mark status stale "$armed" $(pending_times) "$why"
    elif [ -n "$armed" ]; then mark status armed "$armed" $(pending_times)
    elif [ -f "$cdir/firing" ]; then mark status firing
    else mark status idle; fi
    last_result ;;
  *)
    mark fatal bad-mode ;;
esac
