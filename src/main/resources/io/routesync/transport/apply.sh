# routesync apply: $1 marker, $2 netns or '', $3 iproute2 etc dir, $4 lock file, $5 lock wait (s),
# $6 state dir, $7 digest of the reading the plan was made from, $8... table ids to re-read.
# stdin holds the parts, each after a line "MARKER part NAME": tables (routesync's rt_tables.d file,
# when it changes), protos (its rt_protos.d file, when it changes), batch4-NNNN and batch6-NNNN
# (ip -batch input), record (the JSON record of this apply) and footprint (the tables of the desired
# state, one per line), both written only when every batch succeeded; confirm-token (the token of
# the apply --confirm this batch belongs to: only that one passes while a change awaits confirmation).
expected=$1
shift 1
take_parts
lock_unchanged "$expected" "$@"
refuse_if_pending "$(cat "$tmp/confirm-token" 2>/dev/null)"
if [ -f "$tmp/tables" ]; then put "$tmp/tables" "$etc/rt_tables.d/routesync.conf" || { mark fatal write-tables; exit 0; }; fi
if [ -f "$tmp/protos" ]; then put "$tmp/protos" "$etc/rt_protos.d/routesync.conf" || { mark fatal write-protos; exit 0; }; fi
# batches arrive in chunks (batch4-0001, batch4-0002, ...; IPv4 first): ip -batch slows down and
# grows ~4 KB per line, so no single run gets more than ~50k lines. The first failure stops the rest.
ok=1
t0=$(date +%s%N)
for f in "$tmp"/batch4-* "$tmp"/batch6-*; do
  [ $ok -eq 1 ] && [ -s "$f" ] || continue
  part=${f##*/batch}; fam=${part%%-*}
  mark cmd batch "$part"; ipx "-$fam" -batch "$f" 2>&1; rc=$?; mark rc $rc; [ $rc -eq 0 ] || ok=0
done
mark batch-time "$t0" "$(date +%s%N)"
if [ $ok -eq 1 ] && [ -f "$tmp/footprint" ]; then
  put "$tmp/footprint" "$state/tables" || mark warning footprint-not-written
fi
if [ $ok -eq 1 ] && [ -s "$tmp/record" ]; then
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  if put "$tmp/record" "$state/records/$stamp-$$.json" && put "$tmp/record" "$state/records/last.json"; then
    mark recorded "$state/records/$stamp-$$.json"
  else
    mark warning record-not-written
  fi
fi
mark reread
read_with_digest "$@"
