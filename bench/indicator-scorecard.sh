#!/usr/bin/env bash
# indicator-service benchmark (issue 5):
#  (a) the province × month scorecard through the API (gateway → indicator-service → rolled-up day totals)
#      against the same figures by GROUP BY over a bare table of the raw activities, same data, same run.
#      Prints both p95s and their ratio. Goal: API p95 <= 1/20 of the raw GROUP BY's.
#  (b) freshness: activities posted through the gateway to activity-service at a steady rate; p95 time
#      from activity-service's 201 to the value visible in indicator-service's API. Goal: p95 <= 1 s at
#      500 activities/s for ~60 s.
#
# The data of (a) is loaded straight into indicator-service's tables with SQL generate_series
# (bench/indicator-load.sql explains why); (b) goes through the whole event path.
#
#   bench/indicator-scorecard.sh              starts the platform itself (rate limits off), then stops it
#   COMMOPS_BENCH_REUSE=1 bench/...           uses a platform already running (start it with
#                                             COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false)
# Settings: COMMOPS_BENCH_ACTIVITIES (10000000; validate with 200000), COMMOPS_BENCH_COMMUNES (10000),
# COMMOPS_BENCH_PROVINCES (63), SCORECARD_REQUESTS (200), SCORECARD_WARMUP (200), RAW_QUERIES (10), FRESHNESS_RATE (500),
# FRESHNESS_SECONDS (60), FRESHNESS_BATCH (1: single POSTs; n: arrays of n on the batch path), SKIP_LOAD=1 (keep the data of an earlier run), SKIP_FRESHNESS=1, SKIP_SCORECARD=1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ACTIVITIES=${COMMOPS_BENCH_ACTIVITIES:-10000000}
COMMUNES=${COMMOPS_BENCH_COMMUNES:-10000}
PROVINCES=${COMMOPS_BENCH_PROVINCES:-63}
SCORECARD_REQUESTS=${SCORECARD_REQUESTS:-200}
SCORECARD_WARMUP=${SCORECARD_WARMUP:-200}
RAW_QUERIES=${RAW_QUERIES:-10}
FRESHNESS_RATE=${FRESHNESS_RATE:-500}
FRESHNESS_SECONDS=${FRESHNESS_SECONDS:-60}
FRESHNESS_BATCH=${FRESHNESS_BATCH:-1}
GATEWAY=http://127.0.0.1:8080
BENCH_ROOT=BENCHVN
INDICATORS=ACTIVITIES_HELD,CONFERENCES_HELD,PEOPLE_REACHED,NEW_HI_PARTICIPANTS,APP_INSTALLS,COST_PER_NEW_PARTICIPANT

set -a
# shellcheck source=/dev/null # the secrets start.sh wrote, outside the repository
[[ -r "${COMMOPS_HOME:-$HOME/.commops}/secrets.env" ]] && . "${COMMOPS_HOME:-$HOME/.commops}/secrets.env"
set +a
export PGHOST=${COMMOPS_DB_HOST:-127.0.0.1} PGPORT=${COMMOPS_DB_PORT:-5432} PGUSER=${COMMOPS_DB_USER:-commops}
export PGPASSWORD=${COMMOPS_DB_PASSWORD:?no database password: run deploy/local/postgres.sh ensure first}
export PGDATABASE=${COMMOPS_INDICATOR_DB:-commops_indicator}
command -v psql >/dev/null || { echo "psql is needed: apt-get install postgresql-client" >&2; exit 1; }

started=''
# SIGTERM, not SIGINT: a background job of a script ignores SIGINT.
stop_platform() { [[ -n "$started" ]] && kill -TERM "$started" 2>/dev/null && wait "$started" 2>/dev/null; true; }
trap stop_platform EXIT
if [[ "${COMMOPS_BENCH_REUSE:-0}" != 1 ]]; then
  COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false "$ROOT/deploy/local/start.sh" >/tmp/commops-bench-platform.log 2>&1 &
  started=$!
  for _ in $(seq 1 180); do
    grep -q "Press Ctrl-C" /tmp/commops-bench-platform.log 2>/dev/null && break
    kill -0 "$started" 2>/dev/null || { tail -20 /tmp/commops-bench-platform.log >&2; started=''; exit 1; }
    sleep 2
  done
fi

token=$(curl -sf -X POST "$GATEWAY/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"username":"national-admin"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { echo "no token: is the platform running?" >&2; exit 1; }
auth="Authorization: Bearer $token"

org_unit() { # code name level parent: created through plan-service; an existing one is fine (409)
  local parent=${4:+,\"parentCode\":\"$4\"}
  curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/api/v1/org-units" -H "$auth" \
    -H 'Content-Type: application/json' -d "{\"code\":\"$1\",\"name\":\"$2\",\"levelCode\":\"$3\"$parent}" \
    | grep -qE '^(201|409)$' || { echo "cannot create org unit $1" >&2; exit 1; }
}

known_to_indicators() { # code: waits until indicator-service's replica has the unit
  for _ in $(seq 1 150); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "$auth" \
      "$GATEWAY/api/v1/indicators/values?indicators=ACTIVITIES_HELD&orgUnit=$1&period=2024") == 200 ]] && return 0
    sleep 0.2
  done
  echo "indicator-service never learnt of $1" >&2; exit 1
}

p95() { sort -n | awk '{ v[NR] = $1 } END { i = int(NR * 0.95 + 0.999); if (i < 1) i = 1; printf "%.1f", v[i] }'; }

echo "== hierarchy: $BENCH_ROOT and $PROVINCES provinces through plan-service"
org_unit "$BENCH_ROOT" "Toàn quốc (đo hiệu năng)" NATIONAL
for p in $(seq 1 "$PROVINCES"); do org_unit "$(printf 'BP%02d' "$p")" "Tỉnh đo hiệu năng $p" PROVINCE "$BENCH_ROOT"; done
known_to_indicators "$(printf 'BP%02d' "$PROVINCES")"

if [[ "${SKIP_SCORECARD:-0}" != 1 ]]; then
  if [[ "${SKIP_LOAD:-0}" != 1 ]]; then
    echo "== loading $ACTIVITIES activities over $COMMUNES communes straight into the fact tables"
    psql -q -v activities="$ACTIVITIES" -v communes="$COMMUNES" -v provinces="$PROVINCES" -v root="$BENCH_ROOT" \
      -f "$ROOT/bench/indicator-load.sql"
  fi

  url="$GATEWAY/api/v1/evaluations/scorecard?orgUnit=$BENCH_ROOT&period=202405&indicators=$INDICATORS"
  echo "== correctness: the API's May figures of BP01 against the raw table"
  api_count=$(curl -sf -H "$auth" "$url" | grep -o '"orgUnitCode":"BP01"[^]]*' \
    | grep -o '"indicatorCode":"ACTIVITIES_HELD"[^}]*"value":[0-9.]*' | sed 's/.*"value"://')
  raw_count=$(psql -tA -c "select count(*) from bench_raw_activity where day between '2024-05-01' and '2024-05-31'
    and org_unit_path like '/$BENCH_ROOT/BP01/%'")
  printf 'BP01 activities in 202405: API %s, raw %s\n' "${api_count%.0}" "$raw_count"
  [[ "${api_count%.0}" == "$raw_count" ]] || { echo "the API and the raw table disagree" >&2; exit 1; }

  echo "== (a) province × month scorecard: $SCORECARD_REQUESTS API calls, $RAW_QUERIES raw GROUP BYs"
  # Warm the JIT and the caches: a long-running service answers from compiled code, as PostgreSQL
  # answers the raw query from cached pages after its own warm-up below.
  for _ in $(seq 1 "$SCORECARD_WARMUP"); do curl -sf -o /dev/null -H "$auth" "$url"; done
  api_p95=$(for _ in $(seq 1 "$SCORECARD_REQUESTS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "$auth" "$url" | awk '{ printf "%.3f\n", $1 * 1000 }'
  done | p95)
  raw_sql="select split_part(org_unit_path, '/', 3) as province, count(*) as activities,
      count(*) filter (where form = 'CONFERENCE') as conferences, sum(attendance) + sum(reach) as people_reached,
      sum(new_health_insurance) as new_hi, sum(app_installs) as app_installs,
      sum(cost_vnd)::numeric / nullif(sum(new_social_insurance + new_health_insurance), 0) as cost_per_participant
    from bench_raw_activity where day between '2024-05-01' and '2024-05-31' group by 1"
  psql -q -o /dev/null -c "$raw_sql"                                     # same warm-up courtesy: pages in cache
  raw_p95=$(for _ in $(seq 1 "$RAW_QUERIES"); do
    psql -qtA -c '\timing on' -c "$raw_sql" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
  done | p95)
  printf '\n%s activities, %s communes, %s provinces; May 2024, 6 indicators\n' "$ACTIVITIES" "$COMMUNES" "$PROVINCES"
  printf '%-44s %10s\n' "" "p95 ms"
  printf '%-44s %10s\n' "scorecard through the API (gateway)" "$api_p95"
  printf '%-44s %10s\n' "GROUP BY over the raw activities (psql)" "$raw_p95"
  awk -v a="$api_p95" -v r="$raw_p95" 'BEGIN { printf "ratio API / raw: 1/%.1f (goal <= 1/20)\n", r / a }'
fi

if [[ "${SKIP_FRESHNESS:-0}" != 1 ]]; then
  echo
  echo "== (b) freshness: $FRESHNESS_RATE activities/s for $FRESHNESS_SECONDS s through the gateway"
  org_unit BFRESH "Xã đo độ tươi" COMMUNE BP01
  known_to_indicators BFRESH
  for _ in $(seq 1 150); do   # activity-service's replica must know the unit too
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/api/v1/activities" -H "$auth" \
      -H 'Content-Type: application/json' -d '{"orgUnitCode":"BFRESH","form":"SMALL_GROUP","title":"Khởi động",
      "startedAt":"2024-12-31T08:00:00+07:00","attendance":1}')
    [[ "$code" == 201 ]] && break
    sleep 0.2
  done
  accepted=$(mktemp)
  java "$ROOT/bench/indicator-freshness.java" "$GATEWAY" "$token" BFRESH "$FRESHNESS_RATE" "$FRESHNESS_SECONDS" \
    "$accepted" "$FRESHNESS_BATCH" | tee /tmp/commops-bench-freshness.log
  # The same activities, timed to the commit that applied them in indicator-service (same machine clock).
  psql -q -c "create temp table bench_accepted (activity_id uuid, accepted_ms bigint)" \
    -c "\copy bench_accepted from '$accepted' with (format csv)" \
    -c "select count(*) as applied,
          round(percentile_cont(0.5) within group (order by ms)::numeric, 1) as p50_ms,
          round(percentile_cont(0.95) within group (order by ms)::numeric, 1) as p95_ms,
          round(max(ms)::numeric, 1) as max_ms
        from (select extract(epoch from s.applied_at) * 1000 - a.accepted_ms as ms
              from bench_accepted a join activity_state s using (activity_id)) t" \
    | sed 's/^/applied in indicator-service: /'
  rm -f "$accepted"
  awk -F= '/^FRESHNESS_P95_MS=/ { printf "freshness p95 through the API: %s ms (goal <= 1000 ms)\n", $2 }' \
    /tmp/commops-bench-freshness.log
fi
