# routesync session: a whole apply in one run, under the exclusive lock from the reading to the verify.
# $1 marker ... $6 state dir (common.sh), $7 "probe" (reached over ssh: the management-path probe) or
# "-", $8... the table ids to read, as read.sh takes them (split_tables). Prints the reading (not
# digested: "digest none"; then "kept-inputs KEY" when the kept copy is that of inputs KEY: kept_inputs),
# the wide part when asked (read_wide), with "probe" the word "probe" and probe_path's output for the
# tables read, then "await"; routesync plans from that and answers on stdin
# with a line "MARKER parts BYTES", apply.sh's parts (see apply.sh) and a part "go" in those bytes, then
# the parts written only after the batch (desired, desired-digest, desired-inputs, record: take_parts_early), or with
# nothing when there is nothing to apply ("skipped": the run ends). With "go", the parts are applied as
# apply.sh applies them after its check: nothing could change the host's routing through routesync since
# the reading, and the lock keeps it so.
probe=$1
shift
split_tables "$@"
take_lock -x
# the kept copy's digest, made while the host is read (kept_sum, files.sh)
kept_sum
# the readings of a session are not digested ("digest none"): nothing compares them with a later one while
# the lock is held; a rollback after the session reads the host again for its own check (three programs
# fewer a reading: tee, sed, sha256sum)
digest_reread=no
# shellcheck disable=SC2086 # digits only: one table id a word
read_all $rt_plain
mark digest none
kept_inputs
[ -z "$rt_wide" ] || read_wide
if [ "$probe" = probe ]; then
  mark probe
  # shellcheck disable=SC2086
  table_list $rt_plain
  # shellcheck disable=SC2086
  probe_path $tl_list
fi
mark await
take_parts_early
if [ ! -f "$tmp/go" ]; then mark skipped; exit 0; fi
# shellcheck disable=SC2086 # the re-read after the batches: the tables of the reading
set -- $rt_plain
