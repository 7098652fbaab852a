# routesync arm (apply --confirm): $7 token, $8 seconds, $9 the digest of the reading the plan was
# made from, $10... its table ids. stdin holds parts, each after a line "MARKER part NAME": restore
# (the rollback script), undo4-NNNN and undo6-NNNN (ip -batch input undoing the plan). Under the lock,
# and only while the host still reads as it did when planned (else "stale"), stages the undo and
# starts a timer that runs it after $8 seconds unless confirm disarms it first. Prints
# "armed TOKEN DEADLINE HOW", or "pending ..." when another apply still awaits its confirmation (see
# refuse_if_pending; a stale one is set aside, "discarded ...").
token=$1 seconds=$2 expected=$3
shift 3
take_parts
lock_unchanged "$expected" "$@"
refuse_if_pending "$token"
if [ -f "$cdir/armed" ]; then
  # the same apply arms again: the host changed and its plan is applied against a new reading
  stop_timer "$token"
fi
new="$cdir.new"
rm -rf -- "$new"
mkdir -p -- "$new" || { mark fatal confirm-dir; exit 0; }
for f in "$tmp"/undo4-* "$tmp"/undo6-*; do
  if [ -f "$f" ]; then cp -- "$f" "$new/" || { mark fatal confirm-dir; exit 0; }; fi
done
cp -- "$tmp/restore" "$new/restore.sh" || { mark fatal confirm-dir; exit 0; }
# a symbolic link is saved as absent, never read through: the undo would write what it points to
# (any file) into a name file every user can read; the undo removes the file the apply put there
save() { if [ -f "$1" ] && [ ! -L "$1" ]; then cp -- "$1" "$new/saved-$2"; else : > "$new/absent-$2"; fi; }
save "$own_tables" tables
save "$own_protos" protos
save "$state/tables" footprint
for t in "$@"; do printf '%s\n' "$t"; done > "$new/tables"
canonical "$tmp/reading" > "$new/reading-before"
now=$(date +%s)
deadline=$(( now + seconds ))
printf '%s\n' "$deadline" > "$new/deadline"
printf '%s\n' "$now" > "$new/armed-at"
boot_id > "$new/boot"
rm -rf -- "$cdir" && mv -- "$new" "$cdir" || { mark fatal confirm-dir; exit 0; }
printf '%s\n' "$token" > "$cdir/armed"
# The timer must outlive this ssh session: a systemd timer unit where systemd runs (logind may kill
# a session's processes at logout), else a process in its own session (setsid) that ignores hangups,
# with no descriptor of this run left open (stdin, stdout, stderr, and fd 9, which holds the lock).
# It waits for the lock at most 30 s: an apply whose output is stuck on a cut connection can hold it.
how=
if [ -d /run/systemd/system ] && command -v systemd-run >/dev/null 2>&1 \
    && systemd-run --quiet --collect --unit="routesync-confirm-$token" --on-active="${seconds}s" \
       --timer-property=AccuracySec=1s /bin/sh "$cdir/restore.sh" "$m" "$ns" "$etc" "$lockfile" 30 "$state" fire "$token" \
       </dev/null >/dev/null 2>&1; then
  how=systemd
  printf 'systemd\n' > "$cdir/timer"
else
  launcher=
  if command -v setsid >/dev/null 2>&1; then launcher=setsid; fi
  $launcher nohup sh -c 'echo $$ > "$1/timer-pid"; sleep "$2"; d=$1; shift 2; exec sh "$d/restore.sh" "$@"' \
    "routesync-confirm-$token" "$cdir" "$seconds" "$m" "$ns" "$etc" "$lockfile" 30 "$state" fire "$token" \
    </dev/null >>"$cdir/log" 2>&1 9>&- &
  # $! is the timer itself: setsid does not fork for a process that leads no group, nohup execs
  printf 'pid %s %s\n' "$!" "$(proc_start "$!")" > "$cdir/timer"
  how=${launcher:-nohup}
fi
mark armed "$token" "$deadline" "$how"
