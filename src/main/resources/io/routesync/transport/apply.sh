# routesync apply: $1 marker, $2 netns or '', $3 iproute2 etc dir, $4 lock file, $5 lock wait (s),
# $6 digest of the reading the plan was made from, $7 record directory, $8... table ids to re-read.
# stdin holds the parts, each after a line "MARKER part NAME": tables (routesync's rt_tables.d file,
# when it changes), protos (its rt_protos.d file, when it changes), batch4 and batch6 (ip -batch
# input), record (the JSON record of this apply).
expected=$1 records=$2
shift 2
cat > "$tmp/in"
awk -v p="$m part " -v d="$tmp/" '
  index($0, p) == 1 { f = d substr($0, length(p) + 1); printf "" > f; next }
  f != "" { print > f }' "$tmp/in"
take_lock -x
read_all "$@" > "$tmp/reading"
now=$(digest_of "$tmp/reading")
if [ "$now" != "$expected" ]; then mark stale "$now"; exit 0; fi
# an atomic write: a temporary file in the same directory, then rename over the target
put() {
  mkdir -p -- "$(dirname -- "$2")" && cp -- "$1" "$2.routesync-new" && mv -f -- "$2.routesync-new" "$2"
}
if [ -f "$tmp/tables" ]; then put "$tmp/tables" "$etc/rt_tables.d/routesync.conf" || { mark fatal write-tables; exit 0; }; fi
if [ -f "$tmp/protos" ]; then put "$tmp/protos" "$etc/rt_protos.d/routesync.conf" || { mark fatal write-protos; exit 0; }; fi
ok=1
if [ -s "$tmp/batch4" ]; then
  mark cmd batch 4; ipx -4 -batch "$tmp/batch4" 2>&1; rc=$?; mark rc $rc; [ $rc -eq 0 ] || ok=0
fi
if [ $ok -eq 1 ] && [ -s "$tmp/batch6" ]; then
  mark cmd batch 6; ipx -6 -batch "$tmp/batch6" 2>&1; rc=$?; mark rc $rc; [ $rc -eq 0 ] || ok=0
fi
if [ $ok -eq 1 ] && [ -s "$tmp/record" ] && [ -n "$records" ]; then
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  if put "$tmp/record" "$records/$stamp-$$.json" && put "$tmp/record" "$records/last.json"; then
    mark recorded "$records/$stamp-$$.json"
  else
    mark warning record-not-written
  fi
fi
mark reread
read_with_digest "$@"
