# routesync read: $1 marker, $2 netns or '', $3 iproute2 etc dir, $4 lock file, $5 lock wait (s),
# $6 state dir (for the footprint), $7... table ids to list; then, optionally, the word "wide" and
# more table ids (split_tables): after the reading and its digest, the wide part (read_wide).
split_tables "$@"
take_lock -s
# shellcheck disable=SC2086 # digits only: one table id a word
read_with_digest $rt_plain
[ -z "$rt_wide" ] || read_wide
