#!/usr/bin/env bash
# Gateway overhead: the same authenticated GET straight to plan-service and through the gateway,
# in the same run, with wrk. Prints p50/p99 latency and throughput of both and their ratios.
# Goal (issue 7): at most 1 ms added at p50 and at least 85 % of direct throughput.
#
# It measures two placements of the processes, one after the other:
#   shared    everything floats over all cores: the gateway takes its CPU from plan-service and
#             PostgreSQL, as when all run on one small machine (the worst case).
#   isolated  plan-service and PostgreSQL on CPU 0, the gateway and wrk on CPU 1 (taskset): the
#             gateway on hardware of its own, as deployed, where only its own limits show.
# Affinities are restored afterwards.
#
#   bench/gateway-overhead.sh            starts the platform itself (rate limits off), then stops it
#   COMMOPS_BENCH_REUSE=1 bench/...      uses a platform already running (start it with
#                                        COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false)
# Settings: DURATION (default 20s), CONNECTIONS (32), THREADS (2), COMMOPS_BENCH_GATEWAY (http://127.0.0.1:8080),
# PLACEMENTS ("shared isolated"; isolated needs taskset and 2 or more CPUs).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
GATEWAY=${COMMOPS_BENCH_GATEWAY:-http://127.0.0.1:8080}
PLACEMENTS=${PLACEMENTS:-shared isolated}
DIRECT=http://127.0.0.1:8081

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

started=''
# SIGTERM, not SIGINT: a background job of a script ignores SIGINT.
stop_platform() { [[ -n "$started" ]] && kill -TERM "$started" 2>/dev/null && wait "$started" 2>/dev/null; true; }
trap stop_platform EXIT
if [[ "${COMMOPS_BENCH_REUSE:-0}" != 1 ]]; then
  COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false "$ROOT/deploy/local/start.sh" >/tmp/commops-bench-platform.log 2>&1 &
  started=$!
  for _ in $(seq 1 180); do
    grep -q "Press Ctrl-C" /tmp/commops-bench-platform.log 2>/dev/null && break
    sleep 2
  done
fi

token=$(curl -sf -X POST "$GATEWAY/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"username":"national-admin"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { echo "no token: is the platform running?" >&2; exit 1; }
auth="Authorization: Bearer $token"
curl -sf -o /dev/null -X POST "$GATEWAY/api/v1/org-units" -H "$auth" -H 'Content-Type: application/json' \
  -d '{"code":"BENCH","name":"Đơn vị đo hiệu năng","levelCode":"NATIONAL"}' || true
path=/api/v1/org-units/BENCH

pids_of() { # pids_of service|gateway -> the processes placed together
  case $1 in
    service) pgrep -f 'commops.process=plan-service'; pgrep -x postgres || true ;;
    gateway) pgrep -f 'commops.process=gateway' ;;
  esac
}
all_cpus=$(printf '0-%d' $(( $(nproc --all) - 1 )))
place() { # place shared|isolated
  local service_cpus=$all_cpus gateway_cpus=$all_cpus pid
  if [[ $1 == isolated ]]; then service_cpus=0; gateway_cpus=1; fi
  for pid in $(pids_of service); do taskset -a -p -c "$service_cpus" "$pid" >/dev/null 2>&1 || true; done
  for pid in $(pids_of gateway); do taskset -a -p -c "$gateway_cpus" "$pid" >/dev/null 2>&1 || true; done
  LOAD_CPUS=$gateway_cpus
}
restore() { place shared; }

run() { # run URL -> "p50_ms p99_ms requests_per_second"
  local out
  curl -sf -o /dev/null -H "$auth" "$1$path"                         # warm the path
  taskset -c "$LOAD_CPUS" wrk -t2 -c8 -d5s -H "$auth" "$1$path" >/dev/null   # JIT warm-up
  out=$(taskset -c "$LOAD_CPUS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$auth" "$1$path")
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
    $1 == "Non-2xx" { bad = $NF }
    END { if (bad > 0) { print "non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.3f %.3f %.0f\n", p50, p99, rps }
  ' <<<"$out"
}

trap 'restore; stop_platform' EXIT
for placement in $PLACEMENTS; do
  place "$placement"
  read -r d50 d99 drps < <(run "$DIRECT")
  read -r g50 g99 grps < <(run "$GATEWAY")
  printf '\n%s: GET %s, %s connections, %s threads, %s, same run\n' "$placement" "$path" "$CONNECTIONS" "$THREADS" "$DURATION"
  printf '%-16s %10s %10s %12s\n' "" "p50 ms" "p99 ms" "requests/s"
  printf '%-16s %10.3f %10.3f %12.0f\n' "direct" "$d50" "$d99" "$drps"
  printf '%-16s %10.3f %10.3f %12.0f\n' "through gateway" "$g50" "$g99" "$grps"
  awk -v d50="$d50" -v g50="$g50" -v drps="$drps" -v grps="$grps" 'BEGIN {
    printf "added at p50: %.3f ms (goal <= 1 ms)\nthroughput ratio: %.1f %% of direct (goal >= 85 %%)\n", g50 - d50, 100 * grps / drps }'
done
