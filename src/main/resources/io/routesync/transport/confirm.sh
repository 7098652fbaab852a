# routesync confirm: $7 "confirm" ($8 the token to confirm, empty for whatever is armed) or "status".
# confirm disarms a waiting timer under the lock, so it and the timer cannot both act: it prints
# "confirmed TOKEN", or "not-armed" and the last result (the timer may already have rolled back).
# status prints "status armed TOKEN DEADLINE", "status firing" or "status idle", and the last result.
mode=$1 token=${2:-}
if [ "$mode" = status ]; then take_lock -s; else take_lock -x; fi
armed=$(cat "$cdir/armed" 2>/dev/null) || armed=
case $mode in
  confirm)
    if [ -n "$armed" ] && { [ -z "$token" ] || [ "$armed" = "$token" ]; }; then
      rm -f -- "$cdir/armed"
      stop_timer "$armed"
      printf 'confirmed %s\n' "$(date +%s)" > "$cdir/result"
      mark confirmed "$armed"
    else
      mark not-armed
      last_result
    fi ;;
  status)
    if [ -n "$armed" ]; then mark status armed "$armed" "$(cat "$cdir/deadline" 2>/dev/null)"
    elif [ -f "$cdir/firing" ]; then mark status firing
    else mark status idle; fi
    last_result ;;
  *)
    mark fatal bad-mode ;;
esac
