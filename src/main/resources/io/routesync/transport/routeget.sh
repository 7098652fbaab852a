# routesync route get (expectations after an apply, routesync test): $7... one flow each, as the
# words 'ip route get' takes after 'route get' (addresses, interface names, the words from, iif, oif,
# mark, tos, ipproto, sport, dport, uid, fibmatch and numbers), built by routesync from checked values,
# or "netconf -4|-6 dev NAME" (does that interface forward: ip netconf show). Each is
# checked against that alphabet again, split on spaces with globbing off, and asked of the kernel:
# "cmd routeget N", the answer of 'ip -d -N route get' (stdout and stderr), "rc N". Changes nothing.
n=0
for q in "$@"; do
  n=$((n + 1))
  mark cmd routeget "$n"
  case $q in
    ''|*[!0-9A-Za-z:._@+\ -]*) printf 'routesync: refused flow argument\n'; mark rc 2; continue ;;
  esac
  case $q in
    # whether a forwarded flow's input interface forwards: "netconf -4|-6 dev NAME", one name only
    'netconf -4 dev '*|'netconf -6 dev '*)
      d=${q#netconf -? dev }
      case $d in *' '*) printf 'routesync: refused flow argument\n'; mark rc 2; continue ;; esac
      f=${q#netconf }
      ipx "${f%% *}" netconf show dev "$d" 2>&1
      rc=$? ;;
    *)
      set -f
      # shellcheck disable=SC2086 # the words are split on purpose: one argument of ip each
      ipx -d -N route get $q 2>&1
      rc=$?
      set +f ;;
  esac
  mark rc "$rc"
done
