# routesync apply's work once the host is known to read as the plan's reading, under the exclusive
# lock (apply.sh after its check, session.sh after its answer): the parts are in $tmp (take_parts),
# "$@" the table ids to read again after the batches.
# the token is one word on one line: read by the shell, no cat
token=
if [ -f "$tmp/confirm-token" ]; then IFS= read -r token < "$tmp/confirm-token" || :; fi
refuse_if_pending "$token"
stage_names
footprint_grow
place_names
# batches arrive in chunks (batch4-0001, batch4-0002, ...; IPv4 first): ip -batch slows down and
# grows ~4 KB per line, so no single run gets more than ~50k lines. The first failure stops the rest.
ok=1
t0=$(date +%s%N)
for f in "$tmp"/batch4-* "$tmp"/batch6-*; do
  [ $ok -eq 1 ] && [ -s "$f" ] || continue
  part=${f##*/batch}; fam=${part%%-*}
  mark cmd batch "$part"; ipx "-$fam" -batch "$f" 2>&1; rc=$?; mark rc $rc; [ $rc -eq 0 ] || ok=0
done
# one date for the batch's end and the record's name (UTC)
t1=$(date -u +'%s%N %Y%m%dT%H%M%SZ')
mark batch-time "$t0" "${t1%% *}"
# a session's late parts (the record, the desired state) are made while the batch runs and the host is
# read again: the re-read goes to a file first, and is printed after the writes, where it always was
if [ -n "$late" ]; then
  { read_all "$@"; mark digest none; } > "$tmp/reread"
  late_parts
fi
# the footprint and the desired state are written only when they changed (a heal sends the same again)
if [ $ok -eq 1 ] && [ -f "$tmp/footprint" ]; then update_or_report "$tmp/footprint" "$state/tables"; fi
if [ $ok -eq 1 ] && [ -s "$tmp/desired" ] && update_or_report "$tmp/desired" "$state/desired.yaml"; then
  if [ -s "$tmp/desired-digest" ]; then put_or_report "$tmp/desired-digest" "$state/desired.digest"; fi
  if [ -s "$tmp/desired-inputs" ]; then kept_inputs_put; fi
fi
if [ $ok -eq 1 ] && [ -s "$tmp/record" ]; then
  stamp=${t1#* }
  if put_or_report "$tmp/record" "$state/records/$stamp-$$.json" && put_or_report "$tmp/record" "$state/records/last.json"; then
    mark recorded "$state/records/$stamp-$$.json"
  fi
fi
mark reread
if [ -f "$tmp/reread" ]; then cat -- "$tmp/reread"
elif [ "${digest_reread:-yes}" = yes ]; then read_with_digest "$@"; else read_all "$@"; mark digest none; fi
# the expectations' flows (part "flows", one a line), asked of the kernel right after the re-read, in
# this session: "routeget", then route_get's answers (not when a batch failed: rolled back unasked)
if [ $ok -eq 1 ] && [ -s "$tmp/flows" ]; then
  mark routeget
  set --
  while IFS= read -r q; do set -- "$@" "$q"; done < "$tmp/flows"
  route_get "$@"
fi
