# The answer routesync gives a script on its stdin, split into parts (apply.sh, arm.sh, session.sh): one
# file a part in $tmp. Only the scripts that take an answer include this file (Script.java).
# Splits stdin into $tmp/NAME, one file per part, each part after a line "MARKER part NAME" (awk
# reads stdin itself: no copy of it first).
take_parts() {
  awk -v p="$m part " -v d="$tmp/" '
    index($0, p) == 1 { f = d substr($0, length(p) + 1); printf "" > f; next }
    f != "" { print > f }'
}
# take_parts for a session, whose answer comes in two pieces: a line "MARKER parts BYTES", the parts
# before the batch (up to "go") in the next BYTES bytes, and after them the late parts (desired,
# desired-digest, desired-inputs, record), which routesync makes while the batch runs and the host is read again. read
# takes the line byte by byte and head -c no more than it is asked for, so nothing of the late parts is
# read early (awk reads ahead, and mawk waits for a full buffer); take_late then takes the late parts in
# the background, to the end of stdin, and late_parts waits for it.
late=
take_parts_early() {
  IFS= read -r tp_line || return 0
  tp_n=${tp_line#"$m parts "}
  case $tp_n in ''|*[!0-9]*) return 0 ;; esac
  head -c "$tp_n" | take_parts
  # an asynchronous list reads /dev/null unless told otherwise: it reads the script's stdin through fd 3
  exec 3<&0
  take_late <&3 &
  late=$!
  exec 3<&-
}
# The late parts, each after a line "MARKER late NAME BYTES" and exactly BYTES long (a line end
# included): head copies them whole (a 6 MB desired state went through awk line by line in ~0.2 s
# while the host was read again). Only the late parts' names; anything else ends it.
take_late() {
  while IFS= read -r tl_line; do
    case $tl_line in "$m late "*) ;; *) return 0 ;; esac
    tl_line=${tl_line#"$m late "}
    tl_name=${tl_line%% *} tl_n=${tl_line#* }
    case $tl_name in desired|desired-digest|desired-inputs|record) ;; *) return 0 ;; esac
    case $tl_n in ''|*[!0-9]*) return 0 ;; esac
    head -c "$tl_n" > "$tmp/$tl_name" || return 0
  done
}
late_parts() {
  [ -n "$late" ] || return 0
  wait "$late" || :
  late=
}
