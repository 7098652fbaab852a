# Health probes (apply --confirm, 'probes:' in the state): run_probes runs the probes in "$@", six
# arguments each: KIND TARGET PORT FROM DEV SECONDS (KIND ping or tcp; fields a kind does not use are
# ''). routesync checked every value to be an address, a port, an interface name or a number; they
# are only ever used quoted, as arguments. All probes run at once in the background, each bounded by
# timeout(1); then "probe N ok" or "probe N failed RC LAST-LINE" is printed for each, in order, and
# run_probes fails if any probe did.
inns() { if [ -n "$ns" ]; then ip netns exec "$ns" "$@"; else "$@"; fi; }
probe_one() {
  command -v timeout >/dev/null 2>&1 || { echo "the host has no timeout command (coreutils) to bound the probe"; return 127; }
  pt=$(( $6 + 1 ))
  case $1 in
    ping)
      command -v ping >/dev/null 2>&1 || { echo "the host has no ping command"; return 127; }
      # -w: keep sending (once a second) until one reply or the deadline, so a lost first packet is no failure
      if [ -n "$4" ]; then inns timeout "$pt" ping -n -c 1 -w "$6" -I "$4" "$2"
      elif [ -n "$5" ]; then inns timeout "$pt" ping -n -c 1 -w "$6" -I "$5" "$2"
      else inns timeout "$pt" ping -n -c 1 -w "$6" "$2"; fi ;;
    tcp)
      # from a source address: bash's /dev/tcp cannot bind one, nc -s (netcat-openbsd) can
      if [ -n "$4" ]; then
        command -v nc >/dev/null 2>&1 || { echo "the host has no nc (netcat-openbsd) to connect from a source address"; return 127; }
        inns timeout "$pt" nc -z -w "$6" -s "$4" "$2" "$3"
      # bash's /dev/tcp: the address and port reach the fixed text as $1 and $2 of bash -c
      elif command -v bash >/dev/null 2>&1; then
        inns timeout "$6" bash -c 'exec 3<>"/dev/tcp/$1/$2"' routesync-probe "$2" "$3"
      elif command -v nc >/dev/null 2>&1; then
        inns timeout "$6" nc -z -w "$6" "$2" "$3"
      else
        echo "the host has neither bash nor nc to connect with"; return 127
      fi ;;
    *) echo "unknown probe kind"; return 2 ;;
  esac
}
run_probes() {
  pn=0
  while [ $# -ge 6 ]; do
    pn=$((pn + 1))
    ( probe_one "$1" "$2" "$3" "$4" "$5" "$6" > "$tmp/probe$pn" 2>&1 < /dev/null; echo $? > "$tmp/probe$pn.rc" ) &
    shift 6
  done
  wait
  pi=1 pfail=0
  while [ "$pi" -le "$pn" ]; do
    prc=$(cat "$tmp/probe$pi.rc" 2>/dev/null) || prc=
    case $prc in ''|*[!0-9]*) prc=255 ;; esac
    if [ "$prc" = 0 ]; then
      mark probe "$pi" ok
    else
      pfail=1
      # the tool's last line, printable ASCII only (no line breaks, no escapes), at most 160 characters
      mark probe "$pi" failed "$prc" "$(grep -v '^[[:space:]]*$' "$tmp/probe$pi" | tail -n 1 | tr -cd '[:print:]' | cut -c 1-160)"
    fi
    pi=$((pi + 1))
  done
  return "$pfail"
}
