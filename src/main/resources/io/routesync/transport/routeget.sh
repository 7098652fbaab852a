# routesync route get (expectations after an apply, routesync test): $7... one flow each, as the
# words 'ip route get' takes after 'route get' (addresses, interface names, the words from, iif, oif,
# mark, tos, ipproto, sport, dport, uid, fibmatch and numbers), built by routesync from checked values,
# or "netconf -4|-6 dev NAME" (does that interface forward: ip netconf show). Each is
# checked against that alphabet again, split on spaces with globbing off, and asked of the kernel:
# "cmd routeget N", the answer of 'ip -d -N route get' (stdout and stderr), "rc N". Changes nothing.
route_get "$@"
