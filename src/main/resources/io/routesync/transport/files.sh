# routesync: how the scripts write and guard their files on a target (loaded after common.sh).
# Nothing here opens a path another user could have planted: directories routesync keeps state or
# its lock in are checked (private_dir), and every write goes to a fresh mktemp file renamed over
# the target (put), so a symbolic link at the target or at an old temporary name is never followed.

umask 022
# routesync's own name files for this target. Each target (the host, each --netns) owns its own
# files, so targets that share an iproute2 directory never write the same file; iproute2 reads every
# *.conf there, so all of them see every target's names (a name bound to two ids is refused at plan).
own_tables="$etc/rt_tables.d/routesync${ns:+-netns-$ns}.conf"
own_protos="$etc/rt_protos.d/routesync${ns:+-netns-$ns}.conf"

# The first line of file $1 (a command's stderr), for a one-line reason.
first_line() { head -n 1 -- "$1" 2>/dev/null | tr -d '\r'; }

# Checks that directory $2 (what it is for: $1, "lock" or "state") is routesync's alone: not a
# symbolic link, a directory, owned by this user, not writable by group or others. When it is
# missing it is created 0700 if $3 is "create", else accepted (nothing is read from it then).
# Stops the script with "fatal unsafe-dir KIND PATH WHY" otherwise.
private_dir() {
  dir_unsafe "$@" || return 0
  mark fatal unsafe-dir "$1" "$2" "$pd_why"; exit 0
}

# private_dir's check alone: returns 0 with the reason in $pd_why when directory $2 is not safe.
dir_unsafe() {
  pd_why=
  if [ ! -e "$2" ] && [ ! -L "$2" ]; then
    [ "$3" = create ] || return 1
    make_tmp
    mkdir -p -- "$(dirname -- "$2")" 2>"$tmp/err" && { mkdir -m 0700 -- "$2" 2>>"$tmp/err" || [ -d "$2" ]; } \
      || { pd_why="cannot be created: $(first_line "$tmp/err")"; return 0; }
  fi
  if [ -L "$2" ]; then pd_why="is a symbolic link"; return 0; fi
  if [ ! -d "$2" ]; then pd_why="is not a directory"; return 0; fi
  # one stat for owner and mode; the owner is compared by the shell (-O: owned by the effective uid,
  # which id -u prints), so id runs only to word a refusal
  pd_stat=$(stat -c '%u %a' -- "$2" 2>/dev/null) || pd_stat=
  pd_owner=${pd_stat%% *} pd_mode=${pd_stat#* }
  case $pd_owner:$pd_mode in
    *[!0-9:]*|:*|*:) pd_why="cannot be checked"; return 0 ;;
  esac
  if [ ! -O "$2" ]; then pd_why="is owned by uid $pd_owner not $(id -u)"; return 0; fi
  if [ $(( 0$pd_mode & 022 )) -ne 0 ]; then pd_why="is writable by group or others (mode $pd_mode)"; return 0; fi
  return 1
}

# Opens the lock file $lockfile on fd 9 inside its checked directory; a symbolic link or anything
# but a regular file there is refused ("fatal unsafe-dir lock DIR WHY", "fatal unsafe-file lock PATH
# WHY"). Then checks the state directory too, before anything is read from it or written to it.
open_lock() {
  if lock_unsafe; then mark fatal "$lk_what" lock "$lk_path" "$lk_why"; exit 0; fi
  exec 9>>"$lockfile" || { mark fatal lock-open; exit 0; }
  private_dir state "$state" keep
}

# open_lock's checks of the lock file and its directory (created 0700 when missing), alone: returns 0
# when the lock must not be opened, with "unsafe-dir" or "unsafe-file" in $lk_what, the path in
# $lk_path and the reason in $lk_why.
lock_unsafe() {
  lk_what=unsafe-dir
  # dirname by the shell for a plain path; dirname itself for one with // or a trailing /
  case $lockfile in
    *//* | */) lk_path=$(dirname -- "$lockfile") ;;
    /*/*) lk_path=${lockfile%/*} ;;
    /*) lk_path=/ ;;
    */*) lk_path=${lockfile%/*} ;;
    *) lk_path=. ;;
  esac
  if dir_unsafe lock "$lk_path" create; then lk_why=$pd_why; return 0; fi
  lk_what=unsafe-file lk_path=$lockfile
  if [ -L "$lockfile" ]; then lk_why="is a symbolic link"; return 0; fi
  if [ -e "$lockfile" ] && [ ! -f "$lockfile" ]; then lk_why="is not a regular file"; return 0; fi
  return 1
}

# An atomic write of file $1 to $2: a fresh temporary file (mktemp, unpredictable name) in the same
# directory, readable by all (ip reads the name files as any user), then renamed over $2; a symbolic
# link at $2 is replaced, not followed. On failure returns 1 with the reason in $put_err.
put() {
  stage "$1" "$2" && place "$staged" "$2"
}

# put's first step: file $1 copied to a fresh temporary file next to $2, named in $staged. (The
# directory is named by the shell for a plain path, by dirname for one with // or a trailing /, and
# made only when it is missing: programs not started on every write.)
stage() {
  put_err= staged=
  case $2 in
    *//* | */) put_dir=$(dirname -- "$2") ;;
    /*/*) put_dir=${2%/*} ;;
    /*) put_dir=/ ;;
    */*) put_dir=${2%/*} ;;
    *) put_dir=. ;;
  esac
  if [ ! -d "$put_dir" ] && ! mkdir -p -- "$put_dir" 2>"$tmp/err"; then put_failed ""; return 1; fi
  if [ -d "$2" ] && [ ! -L "$2" ]; then put_err="it is a directory"; return 1; fi
  staged=$(mktemp "$put_dir/.routesync.XXXXXXXX" 2>"$tmp/err") || { staged=; put_failed ""; return 1; }
  if cat -- "$1" > "$staged" 2>"$tmp/err" && chmod 0644 -- "$staged" 2>"$tmp/err"; then return 0; fi
  put_failed "$staged"; staged=; return 1
}

# put's second step: the staged file $1 renamed over $2 (a symbolic link there is removed first).
place() {
  put_err=
  if { [ ! -L "$2" ] || rm -f -- "$2" 2>"$tmp/err"; } && mv -f -- "$1" "$2" 2>"$tmp/err"; then return 0; fi
  put_failed "$1"; return 1
}

# The reason of a failed step (the first line of its stderr), and its temporary file $1 removed.
put_failed() {
  put_err=$(first_line "$tmp/err")
  [ -n "$put_err" ] || put_err="write error"
  [ -z "$1" ] || rm -f -- "$1"
}

# put, or stop the script before anything changed: "fatal write PATH REASON".
put_or_stop() {
  put "$1" "$2" || { mark fatal write "$2" "$put_err"; exit 0; }
}

# put, or report it and go on (the batch has run): "write-failed PATH REASON".
put_or_report() {
  put "$1" "$2" || { mark write-failed "$2" "$put_err"; return 1; }
}

# put_or_report, unless $2 is already a regular file (not a symbolic link) with $1's bytes: a heal
# writes the same footprint and desired state again, and one cmp costs less than a write's programs.
update_or_report() {
  if [ -f "$2" ] && [ ! -L "$2" ] && cmp -s -- "$1" "$2"; then return 0; fi
  put_or_report "$1" "$2"
}

# The inputs of the kept copy (STATE_DIR/desired.inputs, one line "KEY SUM"): KEY names the inputs an
# apply rendered desired.yaml from (routesync's version and protocol number among them), SUM is
# sha256sum's digest of that text. A session reports "kept-inputs KEY" only while desired.yaml still has
# that digest: an apply of the same inputs then sends no copy, and a desired.yaml changed or removed
# since is written again as before. kept_sum starts the digest in the background (while the host is
# read), kept_inputs reports it; kept_inputs_put writes the line after the text (part desired-inputs:
# the key), with the digest of the text written.
kept_sum() {
  ks_pid=
  [ -f "$state/desired.inputs" ] && [ -f "$state/desired.yaml" ] && [ ! -L "$state/desired.yaml" ] || return 0
  sha256sum < "$state/desired.yaml" > "$tmp/kept-sum" 2>/dev/null &
  ks_pid=$!
}
kept_inputs() {
  [ -n "${ks_pid:-}" ] || return 0
  wait "$ks_pid" || return 0
  ks_sum= ks_key= ks_want=
  read -r ks_sum ks_rest < "$tmp/kept-sum" || :
  read -r ks_key ks_want ks_rest < "$state/desired.inputs" || :
  case $ks_key in *[!0-9a-f]*|'') return 0 ;; esac
  [ ${#ks_key} -eq 64 ] && [ ${#ks_sum} -eq 64 ] && [ "$ks_sum" = "$ks_want" ] || return 0
  mark kept-inputs "$ks_key"
}
kept_inputs_put() {
  kp_key=
  read -r kp_key < "$tmp/desired-inputs" || :
  case $kp_key in *[!0-9a-f]*|'') return 0 ;; esac
  [ ${#kp_key} -eq 64 ] || return 0
  kp_sum=$(sha256sum < "$tmp/desired") || return 0
  printf '%s %s\n' "$kp_key" "${kp_sum%% *}" > "$tmp/inputs-line"
  update_or_report "$tmp/inputs-line" "$state/desired.inputs"
}

# An undo's footprint ($1, the confirm dir): the one saved before the apply plus the one now, never
# just the saved one: an undo that fails in part may leave tagged routes in the apply's new tables.
footprint_restore() {
  [ -f "$1/saved-footprint" ] || return 0
  { footprint; cat -- "$1/saved-footprint"; } | sort -n -u | grep -x '[0-9][0-9]*' > "$tmp/restored"
  put "$tmp/restored" "$state/tables" || mark warning footprint-not-restored "$put_err"
}

# Before the batch: the footprint becomes the tables it names now plus those in $tmp/footprint-grow,
# so an apply cut short anywhere in its batch leaves no tagged route in a table later reads skip.
# A rollback (part "undo") goes on when it cannot write it: taking the change back matters more.
footprint_grow() {
  [ -f "$tmp/footprint-grow" ] || return 0
  # nothing to add when the footprint names every table already: the shell checks (no program started);
  # anything else (a table to add, a line not an id) takes the way below
  table_list
  fg_new=
  while read -r fg_t; do
    case $fg_t in ''|*[!0-9]*) fg_new=yes; break ;; esac
    case " $tl_list " in *" $fg_t "*) ;; *) fg_new=yes; break ;; esac
  done < "$tmp/footprint-grow"
  [ -n "$fg_new" ] || return 0
  { footprint; cat -- "$tmp/footprint-grow"; } | sort -n -u > "$tmp/grown"
  footprint | sort -n -u > "$tmp/was"
  cmp -s -- "$tmp/grown" "$tmp/was" && return 0
  if [ -f "$tmp/undo" ]; then put_or_report "$tmp/grown" "$state/tables"; else put_or_stop "$tmp/grown" "$state/tables"; fi
}

# Before the batch, this target's name files (parts tables and protos, each sent when it changes) are
# written all or nothing, so a failure really changed nothing: both are staged next to their files
# (stage_names) before either is renamed into place (place_names), and when the second rename fails
# the first file is put back as it was. Staged files not yet placed are removed however the script
# ends (they are not *.conf, so ip never reads them meanwhile).
# (common.sh's EXIT trap removes them with the run's temporary directory)
stage_names() {
  if [ -f "$tmp/tables" ]; then
    stage "$tmp/tables" "$own_tables" || { mark fatal write "$own_tables" "$put_err"; exit 0; }
    names_t=$staged
  fi
  if [ -f "$tmp/protos" ]; then
    stage "$tmp/protos" "$own_protos" || { mark fatal write "$own_protos" "$put_err"; exit 0; }
    names_p=$staged
  fi
}
place_names() {
  # what the tables file was, to put back: "absent", "kept" (a copy in $tmp/tables-was) or unknown
  # (a symbolic link is never read through, so it cannot be put back)
  was=unknown
  if [ -n "$names_t" ] && [ -n "$names_p" ]; then
    if [ ! -e "$own_tables" ] && [ ! -L "$own_tables" ]; then was=absent
    elif [ -f "$own_tables" ] && [ ! -L "$own_tables" ] && cp -- "$own_tables" "$tmp/tables-was" 2>/dev/null; then was=kept
    fi
  fi
  if [ -n "$names_t" ]; then
    place "$names_t" "$own_tables" || { names_t=; mark fatal write "$own_tables" "$put_err"; exit 0; }
    names_t=
  fi
  [ -n "$names_p" ] || return 0
  place "$names_p" "$own_protos" && { names_p=; return 0; }
  names_p= pn_err=$put_err
  if [ -f "$tmp/tables" ]; then
    case $was in
      absent) rm -f -- "$own_tables" 2>"$tmp/err" || mark left-changed "$own_tables" "$(first_line "$tmp/err")" ;;
      kept) put "$tmp/tables-was" "$own_tables" || mark left-changed "$own_tables" "$put_err" ;;
      *) mark left-changed "$own_tables" "it was a symbolic link, which routesync does not read through" ;;
    esac
  fi
  mark fatal write "$own_protos" "$pn_err"; exit 0
}
