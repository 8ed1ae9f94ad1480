#!/usr/bin/env bash
# The one-record path against the database under it: each request type measured with wrk straight to its
# service and through the gateway, at 1 and 16 connections, in the same run as its raw SQL measured with
# pgbench on the same PostgreSQL; then single POSTs offered at twice that capacity (bench/overload.java); then
# the idle platform's memory and each service's time to ready (alone).
# Prints p50/p99/throughput of each and the ratios the goals name (issue 21):
#   single POST through the gateway: p50 <= 8x and p99 <= 10x the raw insert's at 1 connection, and >= 25 %
#   of its throughput at 16; each read: p50 <= 5x its raw SQL at 1 connection; at twice the capacity, every
#   accepted POST within 1 s and every refusal a 503 with Retry-After within 50 ms; ready <= 3 s alone;
#   the idle platform (services, gateway, Kafka, PostgreSQL) <= 2 GiB RSS.
#
#   bench/request-path.sh              starts the platform itself (rate limits off), then stops it
#   COMMOPS_BENCH_REUSE=1 bench/...    uses a running platform (start it with COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false)
# Settings: DURATION (15s per measurement), WARMUP (5s), CONNECTIONS ("1 16"), REQUESTS ("post get list orgunit
# scorecard"), OVERLOAD_SECONDS (20; 0 skips), OVERLOAD_RATE (POST/s; default twice the gateway's at 16 connections),
# STARTS (1: measure each service's start alone; 0: skip), IDLE_SECONDS (70: wait before measuring idle memory), COMMOPS_BENCH_GATEWAY (http://127.0.0.1:8080).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-1 16}
REQUESTS=${REQUESTS:-post get list orgunit scorecard}
STARTS=${STARTS:-1}
OVERLOAD_SECONDS=${OVERLOAD_SECONDS:-20}
post_capacity=
GATEWAY=${COMMOPS_BENCH_GATEWAY:-http://127.0.0.1:8080}
PLAN=http://127.0.0.1:8081
ACTIVITY=http://127.0.0.1:8082
INDICATOR=http://127.0.0.1:8083
WORK=$(mktemp -d /tmp/commops-request-path.XXXXXX)

for tool in wrk pgbench psql curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install wrk postgresql-client)" >&2; exit 1; }
done

started=''
stop_platform() {
  if [[ -n "$started" ]]; then kill -TERM "$started" 2>/dev/null && wait "$started" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap stop_platform EXIT
platform_start_seconds=''
if [[ "${COMMOPS_BENCH_REUSE:-0}" != 1 ]]; then
  begin=$SECONDS
  COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false "$ROOT/deploy/local/start.sh" >"$WORK/platform.log" 2>&1 &
  started=$!
  until grep -q "Press Ctrl-C" "$WORK/platform.log" 2>/dev/null; do
    kill -0 "$started" 2>/dev/null || { tail -30 "$WORK/platform.log" >&2; exit 1; }
    ((SECONDS - begin < 600)) || { echo "the platform did not start in 600 s" >&2; exit 1; }
    sleep 1
  done
  platform_start_seconds=$((SECONDS - begin))
fi

# The database the platform uses, as start.sh set it up: a new one writes them (secrets in COMMOPS_HOME).
set -a
# shellcheck disable=SC1091
source "${COMMOPS_HOME:-$HOME/.commops}/secrets.env"
set +a
export PGHOST=${COMMOPS_DB_HOST:-127.0.0.1} PGPORT=${COMMOPS_DB_PORT:-5432} PGUSER=${COMMOPS_DB_USER:-commops}
export PGPASSWORD=$COMMOPS_DB_PASSWORD

token=$(curl -sf -X POST "$GATEWAY/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"username":"national-admin"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { echo "no token: is the platform running?" >&2; exit 1; }
export TOKEN=$token

# ------------------------------------------------------------------ requests and their raw SQL

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

# One activity to read back, and the same shape of table for the raw insert (indexes, checks, defaults).
activity_id=$(curl -sf -X POST "$ACTIVITY/api/v1/activities" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"orgUnitCode":"LC-HOPHAI","form":"SMALL_GROUP","title":"Đọc lại","startedAt":"2024-05-14T08:00:00+07:00","attendance":12}' |
  sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
[[ -n "$activity_id" ]] || { echo "could not record an activity to read" >&2; exit 1; }
psql -q -d commops_activity -c "drop table if exists bench_raw_activity" \
  -c "create table bench_raw_activity (like activity including all)"
cat >"$WORK/raw-post.sql" <<'EOF'
insert into bench_raw_activity (id, org_unit_code, form, title, started_at, attendance, new_social_insurance, client_id,
  created_at, reporter, content_hash)
values (gen_random_uuid(), 'LC-HOPHAI', 'SMALL_GROUP', 'Tuyên truyền nhóm nhỏ tại thôn Hồ Phai', '2024-05-13T08:00:00+07:00',
  35, 2, gen_random_uuid(), now(), 'national-admin', md5(random()::text));
EOF
printf "select * from activity where id = '%s';\n" "$activity_id" >"$WORK/raw-get.sql"
cat >"$WORK/raw-list.sql" <<'EOF'
select * from activity where org_unit_code = 'LC-HOPHAI' and form = 'SMALL_GROUP' order by started_at desc limit 20;
select count(*) from activity where org_unit_code = 'LC-HOPHAI' and form = 'SMALL_GROUP';
EOF
echo "select * from org_unit where code = 'LC';" >"$WORK/raw-orgunit.sql"
cat >"$WORK/raw-scorecard.sql" <<'EOF'
select t.org_unit_code, t.form, sum(t.activities), sum(t.attendance), sum(t.reach), sum(t.new_health_insurance),
  sum(t.app_installs), sum(t.cost_vnd)
from unit_month_total t join org_unit_replica u on u.code = t.org_unit_code
where u.path like '/VN/LC/%' and t.month = '2024-05-01' group by t.org_unit_code, t.form;
EOF

# name -> "method path service-url database raw-sql"
declare -A PATH_OF=(
  [post]=/api/v1/activities
  [get]=/api/v1/activities/$activity_id
  [list]='/api/v1/activities?orgUnitCode=LC-HOPHAI&form=SMALL_GROUP&size=20'
  [orgunit]=/api/v1/org-units/LC
  [scorecard]='/api/v1/evaluations/scorecard?orgUnit=LC&period=202405&indicators=ACTIVITIES_HELD,PEOPLE_REACHED,NEW_HI_PARTICIPANTS,APP_INSTALLS,COST_PER_NEW_PARTICIPANT'
)
declare -A SERVICE_OF=([post]=$ACTIVITY [get]=$ACTIVITY [list]=$ACTIVITY [orgunit]=$PLAN [scorecard]=$INDICATOR)
declare -A DATABASE_OF=([post]=commops_activity [get]=commops_activity [list]=commops_activity [orgunit]=commops_plan
  [scorecard]=commops_indicator)

# wrk -> "p50_ms p99_ms requests_per_second"; fails on a non-2xx answer
measure_http() { # NAME URL CONNECTIONS
  local name=$1 url=$2 c=$3 threads=1 out script=()
  ((c > 1)) && threads=2
  [[ $name == post ]] && script=(-s "$WORK/post.lua")
  wrk -t"$threads" -c"$c" -d"$WARMUP" -H "Authorization: Bearer $token" "${script[@]}" "$url" >/dev/null
  out=$(wrk -t"$threads" -c"$c" -d"$DURATION" --latency -H "Authorization: Bearer $token" "${script[@]}" "$url")
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 } $1 == "Non-2xx" { bad = $NF }
    END { if (bad > 0) { print "non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.3f %.3f %.0f\n", p50, p99, rps }
  ' <<<"$out"
}

# pgbench -> "p50_ms p99_ms transactions_per_second" (per-transaction log for the percentiles). pgbench reads its
# clock lazily and logs some fast transactions of a busy run as 0 µs: those are left out of the percentiles
# (which they would pull down), not of the throughput.
measure_sql() { # NAME DATABASE CONNECTIONS
  local name=$1 db=$2 c=$3 seconds=${DURATION%s} warm=${WARMUP%s}
  pgbench -n -M prepared -c "$c" -j "$c" -T "$warm" -f "$WORK/raw-$name.sql" "$db" >/dev/null 2>&1
  rm -f "$WORK"/pgbench_log.*
  (cd "$WORK" && pgbench -n -M prepared -c "$c" -j "$c" -T "$seconds" -l -f "raw-$name.sql" "$db" >"$WORK/pgbench.out" 2>&1)
  cat "$WORK"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk -v s="$seconds" '
    { all++ } $1 > 0 { v[++n] = $1 } END { printf "%.3f %.3f %.0f\n", v[int(n * 0.5) + 1], v[int(n * 0.99) + 1], all / s }'
}

# Every accepted POST is an event that indicator-service and plan-service apply after the answer: wait until the
# machine is idle again (under 15 % of its CPU busy over 2 s, at most 120 s) so a read is not timed against
# their catching up.
wait_for_idle() {
  local i busy
  for ((i = 0; i < 60; i++)); do
    busy=$( { head -1 /proc/stat; sleep 2; head -1 /proc/stat; } | awk '
      { idle[NR] = $5 + $6; total[NR] = 0; for (f = 2; f <= NF; f++) total[NR] += $f }
      END { printf "%d", 100 * (1 - (idle[2] - idle[1]) / (total[2] - total[1])) }')
    ((busy < 15)) && return 0
  done
  echo "the machine stayed busy (${busy} %) after the POSTs; measuring anyway" >&2
}

printf '\n== one-record requests against their raw SQL (%s each after %s of warm-up)\n' "$DURATION" "$WARMUP"
printf '%-10s %4s %-8s %10s %10s %10s   %s\n' request conn path "p50 ms" "p99 ms" "per s" "ratios to raw (p50, p99, throughput)"
for name in $REQUESTS; do
  for c in $CONNECTIONS; do
    read -r r50 r99 rps < <(measure_sql "$name" "${DATABASE_OF[$name]}" "$c")
    printf '%-10s %4s %-8s %10.3f %10.3f %10.0f\n' "$name" "$c" raw-sql "$r50" "$r99" "$rps"
    for via in direct gateway; do
      base=${SERVICE_OF[$name]}
      [[ $via == gateway ]] && base=$GATEWAY
      if read -r h50 h99 hps < <(measure_http "$name" "$base${PATH_OF[$name]}" "$c"); then
        [[ $name == post && $c == 16 && $via == gateway ]] && post_capacity=${hps%.*}
        awk -v n="$name" -v c="$c" -v via="$via" -v h50="$h50" -v h99="$h99" -v hps="$hps" -v r50="$r50" -v r99="$r99" \
          -v rps="$rps" 'BEGIN { printf "%-10s %4s %-8s %10.3f %10.3f %10.0f   %.1fx  %.1fx  %.1f %%\n", n, c, via, h50, h99,
            hps, h50 / (r50 > 0 ? r50 : 0.001), h99 / (r99 > 0 ? r99 : 0.001), 100 * hps / rps }'
      else
        printf '%-10s %4s %-8s failed\n' "$name" "$c" "$via"
      fi
      [[ $name == post ]] && wait_for_idle
    done
  done
done
psql -q -d commops_activity -c "drop table if exists bench_raw_activity"

# Beyond capacity: an open loop at twice what 16 connections got through the gateway (or OVERLOAD_RATE).
if [[ "$OVERLOAD_SECONDS" != 0 ]] && [[ -n "${OVERLOAD_RATE:-}${post_capacity}" ]]; then
  rate=${OVERLOAD_RATE:-$((2 * post_capacity))}
  printf '\n== overload: single POSTs offered at %s/s through the gateway for %s s (goal: accepted <= 1 s, refused 503 + Retry-After <= 50 ms)\n' \
    "$rate" "$OVERLOAD_SECONDS"
  java "$ROOT/bench/overload.java" "$GATEWAY/api/v1/activities" "$token" "$rate" "$OVERLOAD_SECONDS" ||
    echo "some requests failed otherwise (above)"
  wait_for_idle
fi

# ------------------------------------------------------------------ starts and idle memory

# Proportional set size: memory shared by several processes (PostgreSQL's shared buffers) counted once in all.
pss_mib() { # PIDS... -> total PSS in MiB
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0))); done
  echo $((total / 1024))
}
# Idle: every JVM collects after 30 s without a collection (G1PeriodicGCInterval) and gives back what is not live.
sleep "${IDLE_SECONDS:-70}"
services=$(pgrep -f 'commops.process=' | tr '\n' ' ')
postgres=$(pgrep -u postgres | tr '\n' ' ')
# shellcheck disable=SC2086
printf '\n== idle memory (PSS, %s s after the load): services, gateway and Kafka %s MiB, PostgreSQL %s MiB\n' \
  "${IDLE_SECONDS:-70}" "$(pss_mib $services)" "$(pss_mib $postgres)"
for pid in $services; do
  printf '   %-20s %5s MiB\n' "$(tr '\0' '\n' <"/proc/$pid/cmdline" | sed -n 's/^-Dcommops.process=//p')" "$(pss_mib "$pid")"
done
[[ -n "$platform_start_seconds" ]] && printf '== the whole platform started together in %s s (start.sh until every service is ready)\n' "$platform_start_seconds"

if [[ "$STARTS" == 1 ]]; then
  printf '\n== each service restarted alone (deploy/local/restart.sh NAME: SIGTERM, start, until ready)\n'
  for service in plan-service activity-service indicator-service crisis-service gateway; do
    log="${COMMOPS_HOME:-$HOME/.commops}/logs/$service.log"
    "$ROOT/deploy/local/restart.sh" "$service" >/dev/null 2>&1 || { echo "$service: restart failed" >&2; continue; }
    seconds=$(grep -o 'started in [0-9.]*s' "$log" | tail -1 | grep -o '[0-9.]*')
    printf '%-18s ready in %s s (Quarkus "started in")\n' "$service" "${seconds:-?}"
  done
fi
