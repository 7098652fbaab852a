# routesync read script: prints everything one plan needs, in one process run.
# Fixed text; every value arrives as a positional argument, never spliced into the script.
#   $1 marker   random per run; starts every marker line so file contents can never forge one
#   $2 netns    network namespace name, or empty for the host itself
#   $3 etc      iproute2 configuration directory (normally /etc/iproute2)
#   $4...       routing table ids to list (both families)
set -u
m=$1 ns=$2 etc=$3
shift 3
ipx() { if [ -n "$ns" ]; then ip -n "$ns" "$@"; else ip "$@"; fi; }
mark() { printf '%s %s\n' "$m" "$*"; }
mark begin 1
if ! command -v ip >/dev/null 2>&1; then mark fatal no-ip; exit 0; fi
mark cmd version; ip -V 2>&1; mark rc $?
for f in "$etc"/rt_tables "$etc"/rt_tables.d/*.conf "$etc"/rt_protos "$etc"/rt_protos.d/*.conf; do
  [ -f "$f" ] || continue
  mark file "$f"; cat -- "$f"; printf '\n'
done
mark cmd rule 4; ipx -d -N -4 rule show 2>&1; mark rc $?
mark cmd rule 6; ipx -d -N -6 rule show 2>&1; mark rc $?
for t in "$@"; do
  mark cmd route 4 "$t"; ipx -N -4 route list table "$t" 2>&1; mark rc $?
  mark cmd route 6 "$t"; ipx -N -6 route list table "$t" 2>&1; mark rc $?
done
mark end
