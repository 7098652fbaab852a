# routesync rollback: $7 "fire" (the timer; $8 its token) or "now" (routesync rollback). Runs the staged
# undo if it is still armed (by that token, for the timer): routesync's files as they were, then the
# undo batches with -force (after a partial apply some lines find their entry already restored), then
# reads the host again to tell whether it reads exactly as before the apply. Prints
# "rolled-back TIME MODE exact|differs RC", or "not-armed" and the last result.
mode=$1 token=${2:-}
if [ "$mode" = fire ]; then
  # the apply being undone may still hold the lock, its output stuck on the connection it cut: wait
  # for it, but not for ever; making the host reachable again matters more than the lock. The lock
  # file is checked as open_lock checks it (a link planted there since the arm is never followed):
  # an unsafe one is not opened, and the undo goes on without the lock.
  if [ -n "$lockfile" ] && command -v flock >/dev/null 2>&1; then
    if lock_unsafe; then
      mark warning lock-not-taken "$lk_path" "$lk_why"
    # "command exec": a failed redirection must not end the shell (it would, for a plain exec)
    elif command exec 9>>"$lockfile" 2>/dev/null; then
      flock -x -w "$wait" 9 || mark warning lock-not-taken
    else
      mark warning lock-not-taken "$lockfile" cannot be opened
    fi
  fi
  private_dir state "$state" keep
else
  take_lock -x
fi
armed=$(cat "$cdir/armed" 2>/dev/null) || armed=
if [ -z "$armed" ] || { [ "$mode" = fire ] && [ "$armed" != "$token" ]; }; then
  mark not-armed
  last_result
  exit 0
fi
mv -f -- "$cdir/armed" "$cdir/firing"
restore() {
  if [ -f "$cdir/saved-$1" ]; then
    put "$cdir/saved-$1" "$2"
  elif [ -f "$cdir/absent-$1" ]; then
    rm -f -- "$2"
  fi
}
restore tables "$own_tables"
restore protos "$own_protos"
footprint_restore "$cdir"
worst=0
for f in "$cdir"/undo4-* "$cdir"/undo6-*; do
  [ -s "$f" ] || continue
  part=${f##*/undo}; fam=${part%%-*}
  mark cmd undo "$part"; ipx "-$fam" -force -batch "$f" 2>&1; rc=$?; mark rc $rc
  [ $rc -eq 0 ] || worst=$rc
done
# kept beside reading-before, so "differs" can be looked into
read_all $(cat "$cdir/tables") > "$tmp/after"
canonical "$tmp/after" > "$cdir/reading-after"
if cmp -s -- "$cdir/reading-before" "$cdir/reading-after"; then exact=exact; else exact=differs; fi
printf 'rolled-back %s %s %s\n' "$(date +%s)" "$mode" "$exact" > "$cdir/result"
rm -f -- "$cdir/firing"
if [ "$mode" = now ]; then stop_timer "$armed"; fi
mark $(cat "$cdir/result") "$worst"
