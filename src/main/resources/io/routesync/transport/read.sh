# routesync read: $1 marker, $2 netns or '', $3 iproute2 etc dir, $4 lock file, $5 lock wait (s),
# $6 state dir (for the footprint), $7... table ids to list; then, optionally, the word "wide" and
# more table ids: after the reading and its digest, "wide", the routes of the tables an expectation
# may reach that the reading did not list (those ids and every table a rule looks up), and
# "wide-end". The wide part is not digested: the digest stays the reading's, which apply compares.
plain= extra= wide=
for a in "$@"; do
  case $a in
    wide) wide=yes ;;
    ''|*[!0-9]*) ;;
    *) if [ -n "$wide" ]; then extra="$extra $a"; else plain="$plain $a"; fi ;;
  esac
done
take_lock -s
# shellcheck disable=SC2086 # digits only: one table id a word
read_with_digest $plain
[ -n "$wide" ] || exit 0
mark wide
# shellcheck disable=SC2086
table_list $plain
wd_lookups=$({ ipx -N -4 rule show; ipx -N -6 rule show; } 2>/dev/null | sed -n 's/.* lookup \([0-9][0-9]*\).*/\1/p')
# shellcheck disable=SC2086
for t in $(for t in $extra $wd_lookups; do printf '%s\n' "$t"; done | sort -n -u); do
  case " $tl_list " in *" $t "*) continue ;; esac
  mark cmd route 4 "$t"; ipx -N -4 route list table "$t" 2>&1; mark rc $?
  mark cmd route 6 "$t"; ipx -N -6 route list table "$t" 2>&1; mark rc $?
done | noexpiry
mark wide-end
