# routesync route get (expectations after an apply, routesync test): $7... one flow each, as the
# words 'ip route get' takes after 'route get' (addresses, interface names, the words from, iif, oif,
# mark, tos, ipproto, sport, dport, uid and numbers), built by routesync from checked values. Each is
# checked against that alphabet again, split on spaces with globbing off, and asked of the kernel:
# "cmd routeget N", the answer of 'ip -d -N route get' (stdout and stderr), "rc N". Changes nothing.
n=0
for q in "$@"; do
  n=$((n + 1))
  mark cmd routeget "$n"
  case $q in
    ''|*[!0-9A-Za-z:._@+\ -]*) printf 'routesync: refused flow argument\n'; mark rc 2; continue ;;
  esac
  set -f
  # shellcheck disable=SC2086 # the words are split on purpose: one argument of ip each
  ipx -d -N route get $q 2>&1
  rc=$?
  set +f
  mark rc "$rc"
done
