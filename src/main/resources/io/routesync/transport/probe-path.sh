# The management-path probe, probe_path TABLE... (the tables of the plan's reading). Prints "peer
# CLIENT CPORT SERVER SPORT", the ssh connection this script runs over as the host sees it
# ($SSH_CONNECTION), or "peer none" when it does not run over ssh. Then, in the sections of a read,
# what routing the reply to CLIENT needs: the rules of both families, and for the tables given, main,
# default and every table a rule of CLIENT's family looks up, the routes that contain CLIENT
# (ip route list ... match CLIENT); table local whole, as it tells which addresses are the host's.
probe_path() {
  conn=${SSH_CONNECTION:-}
  if [ -z "$conn" ]; then mark peer none; return 0; fi
  pp_tables=$*
  set -f
  set -- $conn
  set +f
  client=${1:-} cport=${2:-} server=${3:-} sport=${4:-}
  # a link-local peer carries its zone (fe80::1%eth0); an IPv4 peer of an IPv6 socket is mapped
  client=${client%%\%*}; server=${server%%\%*}
  case $client in ::ffff:*.*) client=${client#::ffff:} ;; esac
  case $server in ::ffff:*.*) server=${server#::ffff:} ;; esac
  case $client$server$cport$sport in
    ''|*[!0-9A-Fa-f:.]*) mark peer unreadable; return 0 ;;
  esac
  mark peer "$client" "$cport" "$server" "$sport"
  case $client in *:*) fam=6 ;; *) fam=4 ;; esac
  mark begin 1
  mark cmd version; ip -V 2>&1; mark rc $?
  mark cmd rule 4; ipx -d -N -4 rule show 2>&1; mark rc $?
  mark cmd rule 6; ipx -d -N -6 rule show 2>&1; mark rc $?
  tablelist=$({ for t in $pp_tables; do printf '%s\n' "$t"; done; printf '253\n254\n255\n'
    ipx -N "-$fam" rule show 2>/dev/null | sed -n 's/.* lookup \([0-9][0-9]*\).*/\1/p'; } | sort -n -u)
  mark tables $tablelist
  for t in $tablelist; do
    case $t in ''|*[!0-9]*) continue ;; esac
    if [ "$t" = 255 ]; then
      mark cmd route "$fam" "$t"; ipx -N "-$fam" route list table "$t" 2>&1; mark rc $?
    else
      mark cmd route "$fam" "$t"; ipx -N "-$fam" route list table "$t" match "$client" 2>&1; mark rc $?
    fi
  done
  mark end
  # not a full reading: nothing may compare it with a reading's digest
  mark digest probe
}
