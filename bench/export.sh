#!/usr/bin/env bash
# Exports of activities through the gateway, in constant memory: loads LARGE (default 100,000) and
# SMALL (10,000) activities into two communes of their own through the bulk path, then exports each
# commune as CSV and as XLSX (GET /api/v1/activities?orgUnit=...&format=csv|xlsx) and prints, per
# export, rows, bytes, seconds and activity-service's memory: heap after a full GC before the export,
# the heap's and the old generation's peak during it (jstat every 200 ms, from outside the process),
# the heap after a full GC once it is done (what the export left behind), and the resident set
# before, at its peak and after. Constant memory: the LARGE exports' old-generation peak and live
# heap after match the SMALL ones'; only the young generation, emptied at every collection, churns.
#
#   bench/export.sh                     starts the platform itself (rate limits off), then stops it
#   COMMOPS_BENCH_REUSE=1 bench/export.sh   uses a platform already running
# Settings: LARGE (100000), SMALL (10000), BATCH (10000), COMMOPS_BENCH_GATEWAY (http://127.0.0.1:8080),
# COMMOPS_BENCH_DB (commops_activity: where activity-service keeps its org-unit replica).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LARGE=${LARGE:-100000}
SMALL=${SMALL:-10000}
BATCH=${BATCH:-10000}
GATEWAY=${COMMOPS_BENCH_GATEWAY:-http://127.0.0.1:8080}
RUN=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/commops-export-bench.XXXXXX")

# shellcheck source=../deploy/local/lib.sh
source "$ROOT/deploy/local/lib.sh"
commops_load_config
DB=${COMMOPS_BENCH_DB:-commops_activity}
sql() { PGPASSWORD="$COMMOPS_DB_PASSWORD" psql -X -w -q -At -v ON_ERROR_STOP=1 -h "$COMMOPS_DB_HOST" \
  -p "$COMMOPS_DB_PORT" -U "$COMMOPS_DB_USER" -d "$DB" "$@"; }

started=''
sampler=''
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null
  rm -rf "$WORK"
  [[ -n "$started" ]] && kill -TERM "$started" 2>/dev/null && wait "$started" 2>/dev/null
  true
}
trap cleanup EXIT
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

root="EXP$RUN"
large="$root-L"
small="$root-S"
unit() { # unit CODE NAME LEVEL [PARENT]
  local parent=${4:+,\"parentCode\":\"$4\"}
  curl -sf -o /dev/null -X POST "$GATEWAY/api/v1/org-units" -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$1\",\"name\":\"$2\",\"levelCode\":\"$3\"$parent}"
}
unit "$root" "Đơn vị đo xuất dữ liệu" NATIONAL
unit "$large" "Xã xuất dữ liệu lớn" COMMUNE "$root"
unit "$small" "Xã xuất dữ liệu nhỏ" COMMUNE "$root"
for _ in $(seq 1 60); do
  [[ $(sql -c "select count(*) from org_unit_replica where code in ('$large', '$small')") == 2 ]] && break
  sleep 1
done

load() { # load UNIT COUNT: the bulk path, a batch at a time
  local dir="$WORK/$1" batch
  python3 "$ROOT/bench/activity-bulk-data.py" "$dir" "$RUN-$1" "$2" "$BATCH" "$1" >/dev/null
  for batch in "$dir"/batch-*.ndjson; do
    curl -sf -o /dev/null -X POST "$GATEWAY/api/v1/activities/batches?report=failures" -H "$auth" \
      -H 'Content-Type: application/x-ndjson; charset=UTF-8' --data-binary @"$batch" ||
      { echo "upload of $batch failed" >&2; exit 1; }
  done
  rm -rf "$dir"
}
printf 'loading %d + %d activities...\n' "$LARGE" "$SMALL" >&2
load "$large" "$LARGE"
load "$small" "$SMALL"

pid=$(read_live_pid activity-service) || { echo "activity-service is not running from $COMMOPS_HOME" >&2; exit 1; }
heap_mb() { jstat -gc "$pid" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }'; }
live_heap_mb() { jcmd "$pid" GC.run >/dev/null; heap_mb; }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }

# export UNIT FORMAT -> one line of figures
export_once() {
  local unit=$1 format=$2 file="$WORK/export.$2" before rss_before stats peak old_peak old_start rss_peak
  before=$(live_heap_mb)
  rss_before=$(rss_mb)
  (
    while :; do
      jstat -gc "$pid" | awk 'NR == 2 { printf "%.0f %.0f ", ($3 + $4 + $6 + $8) / 1024, $8 / 1024 }'
      awk '/^VmRSS:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$pid/status"
      sleep 0.2
    done
  ) >"$WORK/samples" &
  sampler=$!
  stats=$(curl -sf -o "$file" -H "$auth" -w '%{http_code} %{size_download} %{time_total}' \
    "$GATEWAY/api/v1/activities?orgUnit=$unit&format=$format")
  kill "$sampler" 2>/dev/null
  wait "$sampler" 2>/dev/null || true
  sampler=''
  read -r peak old_peak rss_peak < <(awk '{ if ($1 > h) h = $1; if ($2 > o) o = $2; if ($3 > r) r = $3 }
    END { print h + 0, o + 0, r + 0 }' "$WORK/samples")
  old_start=$(awk 'NR == 1 { print $2 }' "$WORK/samples")
  local rows
  if [[ $format == csv ]]; then
    rows=$(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))))' "$file") - 1))
  else
    rows=$(($(unzip -p "$file" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l) - 1))
  fi
  read -r code bytes seconds <<<"$stats"
  printf '%-5s %8d %10d %7.1f %4s | %6d %6d %6d (%+d) %6d | %5d %5d %5d\n' "$format" "$rows" "$bytes" "$seconds" \
    "$code" "$before" "$peak" "$old_peak" "$((old_peak - ${old_start:-0}))" "$(live_heap_mb)" \
    "$rss_before" "$rss_peak" "$(rss_mb)"
}

export_once "$small" csv >/dev/null # warm-up: JIT, POI's classes, the connection pool
export_once "$small" xlsx >/dev/null
printf '%-5s %8s %10s %7s %4s | %6s %6s %13s %6s | %5s %5s %5s\n' format rows bytes seconds http \
  'heap0' 'hpeak' 'old peak(+)' 'heap1' 'rss0' 'rpeak' 'rss1'
printf '%s\n' '      (heap0/heap1: MB after a full GC before/after; hpeak, old peak: MB during; rss: MB)'
for format in csv xlsx; do
  export_once "$small" "$format"
  export_once "$large" "$format"
done
