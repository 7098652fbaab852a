# routesync read: $1 marker, $2 netns or '', $3 iproute2 etc dir, $4 lock file, $5 lock wait (s),
# $6 state dir (for the footprint), $7... table ids to list.
take_lock -s
read_with_digest "$@"
