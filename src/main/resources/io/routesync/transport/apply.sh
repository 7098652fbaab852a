# routesync apply: $1 marker, $2 netns or '', $3 iproute2 etc dir, $4 lock file, $5 lock wait (s),
# $6 state dir, $7 digest of the reading the plan was made from, $8... table ids to re-read.
# stdin holds the parts, each after a line "MARKER part NAME": tables (this target's rt_tables.d file,
# when it changes), protos (its rt_protos.d file, when it changes), footprint-grow (tables added to the
# footprint before the batch), batch4-NNNN and batch6-NNNN (ip -batch input), footprint (the footprint
# after the batch) and record (the JSON record of this apply), both written only when every batch
# succeeded; desired (the desired state to keep, STATE_DIR/desired.yaml, written like the record) and
# desired-digest (the digest of a text proven to read back as its state, STATE_DIR/desired.digest, after it:
# it names a proof, so it may outlive a desired.yaml changed since; sent when it changes) and
# desired-inputs (the key of the inputs the text was rendered from: kept_inputs_put, files.sh);
# confirm-token (the token of the apply --confirm this batch belongs to: only that one
# passes while a change awaits confirmation); flows (the expectations' flows, one a line, as routeget.sh
# takes them: asked after the re-read when every batch succeeded). A write that fails before the batch stops it ("fatal
# write PATH REASON", nothing changed; "left-changed PATH REASON" first when a name file already
# written could not be put back); one after it is reported ("write-failed PATH REASON").
expected=$1
shift 1
take_parts
lock_unchanged "$expected" "$@"
