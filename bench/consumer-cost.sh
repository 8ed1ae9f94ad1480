#!/usr/bin/env bash
# CPU per activity event of each service: single POSTs to activity-service (wrk, a fresh clientId each), then
# the CPU time (utime + stime from /proc/<pid>/stat) each service process spent until every consumer has
# applied them (its processed_event rows), minus what the process burns idle over the same time (measured
# before the load), divided by the activities recorded (rows of commops_activity.activity). CPU time, not
# latency: the figure holds on a machine shared with other builds; repeat the runs to see its spread.
#
#   COMMOPS_BENCH_REUSE=1 bench/consumer-cost.sh   measures a running platform (deploy/local/start.sh)
#   bench/consumer-cost.sh                         starts the platform (rate limits off), then stops it
# Settings: RUNS (3), DURATION (20s of load a run), CONNECTIONS (4), IDLE (10: seconds of idle baseline),
# WARMUP (30s of load first, so that the JIT has compiled the paths: without it each run is cheaper than the last),
# JFR=1 (a JFR profile of plan-service and indicator-service during the first run's load, printed as the
# top frames of jdk.ExecutionSample; the recordings are kept in /tmp/consumer-cost-<service>.jfr).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOME_DIR=${COMMOPS_HOME:-$HOME/.commops}
RUNS=${RUNS:-3}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-4}
IDLE=${IDLE:-10}
WARMUP=${WARMUP:-30s}
GATEWAY=${COMMOPS_BENCH_GATEWAY:-http://127.0.0.1:8080}
ACTIVITY=${COMMOPS_BENCH_ACTIVITY:-http://127.0.0.1:8082}
SERVICES=(activity-service plan-service indicator-service crisis-service)
declare -A DATABASE_OF=([activity-service]=commops_activity [plan-service]=commops_plan
  [indicator-service]=commops_indicator [crisis-service]=commops_crisis)
TICKS=$(getconf CLK_TCK)
WORK=$(mktemp -d /tmp/commops-consumer-cost.XXXXXX)

for tool in wrk psql curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install wrk postgresql-client)" >&2; exit 1; }
done

set -a
# shellcheck disable=SC1091
source "$HOME_DIR/secrets.env"
set +a
export PGHOST=${COMMOPS_DB_HOST:-127.0.0.1} PGPORT=${COMMOPS_DB_PORT:-5432} PGUSER=${COMMOPS_DB_USER:-commops}
export PGPASSWORD=$COMMOPS_DB_PASSWORD

started=''
cleanup() {
  if [[ -n "$started" ]]; then kill -TERM "$started" 2>/dev/null && wait "$started" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
if [[ "${COMMOPS_BENCH_REUSE:-0}" != 1 ]]; then
  COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false "$ROOT/deploy/local/start.sh" >"$WORK/platform.log" 2>&1 &
  started=$!
  begin=$SECONDS
  until grep -q "Press Ctrl-C" "$WORK/platform.log" 2>/dev/null; do
    kill -0 "$started" 2>/dev/null || { tail -30 "$WORK/platform.log" >&2; exit 1; }
    ((SECONDS - begin < 600)) || { echo "the platform did not start in 600 s" >&2; exit 1; }
    sleep 1
  done
fi

declare -A PID_OF
for service in "${SERVICES[@]}"; do
  PID_OF[$service]=$(cat "$HOME_DIR/run/$service.pid" 2>/dev/null || true)
  [[ -n "${PID_OF[$service]}" && -r /proc/${PID_OF[$service]}/stat ]] ||
    { echo "$service is not running (no $HOME_DIR/run/$service.pid)" >&2; exit 1; }
done

token=$(curl -sf -X POST "$GATEWAY/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"username":"national-admin"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { echo "no token: is the platform running?" >&2; exit 1; }
export TOKEN=$token

cat >"$WORK/post.lua" <<'EOF'
-- A new activity a request, with a fresh clientId: the single POST a mobile client sends.
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    return string.format("%x", c == "x" and math.random(0, 15) or math.random(8, 11))
  end))
end
init = function(args)
  local f = io.open("/dev/urandom", "rb"); local b = f:read(4); f:close()
  math.randomseed(b:byte(1) * 16777216 + b:byte(2) * 65536 + b:byte(3) * 256 + b:byte(4))
end
request = function()
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")},
    '{"orgUnitCode":"LC-HOPHAI","form":"SMALL_GROUP","title":"Tuyên truyền nhóm nhỏ tại thôn Hồ Phai",' ..
    '"startedAt":"2024-05-13T08:00:00+07:00","attendance":35,"newSocialInsurance":2,"clientId":"' .. uuid() .. '"}')
end
EOF

cpu_ticks() { # PID -> utime + stime of the whole process, in clock ticks
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}
count() { # DATABASE TABLE
  psql -tAq -d "$1" -c "select count(*) from $2"
}

# Each process's idle burn (schedulers, relays, health checks), in ticks a second.
declare -A IDLE_RATE
for service in "${SERVICES[@]}"; do cpu_ticks "${PID_OF[$service]}" >"$WORK/idle-$service"; done
sleep "$IDLE"
for service in "${SERVICES[@]}"; do
  IDLE_RATE[$service]=$(awk -v a="$(cat "$WORK/idle-$service")" -v b="$(cpu_ticks "${PID_OF[$service]}")" -v s="$IDLE" \
    'BEGIN { printf "%.4f", (b - a) / s }')
done
echo "idle CPU, ms a second: $(for s in "${SERVICES[@]}"; do
  awk -v r="${IDLE_RATE[$s]}" -v t="$TICKS" -v n="$s" 'BEGIN { printf "%s %.1f  ", n, r * 1000 / t }'; done)"

# Warm-up: the JIT compiles the paths before they are measured.
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/post.lua" "$ACTIVITY/api/v1/activities" >/dev/null

printf "%-4s %8s" run events
for s in "${SERVICES[@]}"; do printf " %18s" "$s ms/event"; done
printf "\n"
for ((run = 1; run <= RUNS; run++)); do
  sleep 5 # the warm-up's or the last run's events applied
  activities=$(count commops_activity activity)
  declare -A before_ticks=() before_inbox=()
  for s in "${SERVICES[@]}"; do
    before_ticks[$s]=$(cpu_ticks "${PID_OF[$s]}")
    [[ $s != plan-service && $s != indicator-service ]] || before_inbox[$s]=$(count "${DATABASE_OF[$s]}" processed_event)
  done
  begin=$(date +%s.%N)
  if [[ "${JFR:-0}" == 1 && $run == 1 ]]; then
    for s in plan-service indicator-service; do
      jcmd "${PID_OF[$s]}" JFR.start name=consumer-cost duration="${DURATION}" settings=profile \
        filename="/tmp/consumer-cost-$s.jfr" >/dev/null
    done
  fi
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/post.lua" "$ACTIVITY/api/v1/activities" >"$WORK/wrk.out"
  events=$(($(count commops_activity activity) - activities))
  # Until plan-service and indicator-service have recorded every event in their inbox, and a second more.
  for s in plan-service indicator-service; do
    waited=0
    until (($(count "${DATABASE_OF[$s]}" processed_event) - before_inbox[$s] >= events)); do
      ((waited++ < 120)) || { echo "$s did not apply $events events in 120 s" >&2; exit 1; }
      sleep 1
    done
  done
  sleep 1
  elapsed=$(awk -v b="$begin" -v e="$(date +%s.%N)" 'BEGIN { print e - b }')
  printf "%-4s %8d" "$run" "$events"
  for s in "${SERVICES[@]}"; do
    awk -v a="${before_ticks[$s]}" -v b="$(cpu_ticks "${PID_OF[$s]}")" -v idle="${IDLE_RATE[$s]}" -v e="$elapsed" \
      -v n="$events" -v t="$TICKS" 'BEGIN { printf " %18.2f", ((b - a) - idle * e) * 1000 / t / n }'
  done
  printf "\n"
done

if [[ "${JFR:-0}" == 1 ]]; then
  for s in plan-service indicator-service; do
    echo "== $s: top frames of jdk.ExecutionSample (/tmp/consumer-cost-$s.jfr)"
    jfr print --events jdk.ExecutionSample "/tmp/consumer-cost-$s.jfr" |
      awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); top[$0]++ } END { for (f in top) print top[f], f }' |
      sort -rn | head -25
  done
fi
