# routesync read: $1 marker, $2 netns or '', $3 iproute2 etc dir, $4 lock file, $5 lock wait (s),
# $6 state dir (for the footprint), $7... the word "nodigest" (optional) and table ids to list; then,
# optionally, the word "wide" and more table ids (split_tables): after the reading and its digest, the
# wide part (read_wide).
split_tables "$@"
take_lock -s
if [ -n "$rt_nodigest" ]; then
  # a reading nothing will compare (a plan that is not saved): "digest none", no tee, sed and sha256sum;
  # read_all runs in this shell with the wide part, which reuses its rules; the shell prints the name
  # files, ip the IPv4 listings straight to the output (route_lists: only an IPv6 listing with an expiry
  # goes through sed)
  names_by_shell=yes
  # shellcheck disable=SC2086 # digits only: one table id a word
  read_all $rt_plain
  mark digest none
  [ -z "$rt_wide" ] || read_wide
else
  # shellcheck disable=SC2086 # digits only: one table id a word
  read_with_digest $rt_plain
  [ -z "$rt_wide" ] || read_wide
fi
# the output ends here, before the shell exits: routesync then sees its end while the script still runs,
# which proves no process holds it (ProcessRunner needs no look through the script's session)
rd_rc=$?
exec >&- 2>&-
exit $rd_rc
