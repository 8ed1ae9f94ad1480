#!/usr/bin/env bash
# Bulk ingestion of activities: N activities pushed through the gateway's batch path
# (POST /api/v1/activities/batches, NDJSON batches of 10,000, parallel clients), then psql \copy of
# the same rows into a bare table (no index, no constraint), in the same run. Prints both rates and
# their ratio, then replays every batch and prints the replay rate, the rows it inserted and the
# events it emitted (both must be 0) and the speed-up over the first pass; then the WAL and the CPU
# (PostgreSQL, activity-service, gateway, Kafka, whole machine) each pass spent a row, the cores each
# kept busy, and the CPU a row the first pass may spend for the 40 % goal on the cores it kept busy.
# Goals (issue 4): gateway rate >= 40 % of \copy; replay inserts nothing, emits nothing, >= 1.5x faster.
#
#   bench/activity-bulk.sh                     starts the platform itself (rate limits off), then stops it
#   COMMOPS_BENCH_REUSE=1 bench/activity-...   uses a platform already running (started with
#                                              COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false)
# Settings: COMMOPS_BENCH_ACTIVITIES (default 1000000), BATCH (10000), CLIENTS (4), UNITS (20),
# WARMUP (records sent before the timed passes, default 100000), PAUSE_CONSUMERS (0; 1 stops the
# services consuming activity events during the timed passes),
# COMMOPS_BENCH_GATEWAY (http://127.0.0.1:8080), COMMOPS_BENCH_DB (commops_activity: where the rows land).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${COMMOPS_BENCH_ACTIVITIES:-1000000}
BATCH=${BATCH:-10000}
CLIENTS=${CLIENTS:-4}
WARMUP=${WARMUP:-100000}
PAUSE_CONSUMERS=${PAUSE_CONSUMERS:-0}
UNITS=${UNITS:-20}
GATEWAY=${COMMOPS_BENCH_GATEWAY:-http://127.0.0.1:8080}
RUN=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/commops-activity-bench.XXXXXX")

# shellcheck source=../deploy/local/lib.sh
source "$ROOT/deploy/local/lib.sh"
commops_load_config
DB=${COMMOPS_BENCH_DB:-commops_activity}
sql() { PGPASSWORD="$COMMOPS_DB_PASSWORD" psql -X -w -q -At -v ON_ERROR_STOP=1 -h "$COMMOPS_DB_HOST" \
  -p "$COMMOPS_DB_PORT" -U "$COMMOPS_DB_USER" -d "$DB" "$@"; }
now() { date +%s.%N; }

started=''
consumers=()
resume_consumers() { [[ ${#consumers[@]} -gt 0 ]] && kill -CONT "${consumers[@]}" 2>/dev/null; true; }
# SIGTERM, not SIGINT: a background job of a script ignores SIGINT.
cleanup() {
  resume_consumers
  rm -rf "$WORK"
  sql -c 'drop table if exists bench_activity_copy' >/dev/null 2>&1 || true
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

# Org units through plan-service; activity-service learns them from its events.
curl -sf -o /dev/null -X POST "$GATEWAY/api/v1/org-units" -H "$auth" -H 'Content-Type: application/json' \
  -d '{"code":"BENCH","name":"Đơn vị đo hiệu năng","levelCode":"NATIONAL"}' || true
units=()
for i in $(seq -w 1 "$UNITS"); do
  units+=("BENCH-C$i")
  curl -sf -o /dev/null -X POST "$GATEWAY/api/v1/org-units" -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"code\":\"BENCH-C$i\",\"name\":\"Xã đo hiệu năng $i\",\"levelCode\":\"COMMUNE\",\"parentCode\":\"BENCH\"}" || true
done
unit_list=$(IFS=,; echo "${units[*]}")
for _ in $(seq 1 60); do
  known=$(sql -c "select count(*) from org_unit_replica where code like 'BENCH-C%'")
  [[ "$known" -ge "$UNITS" ]] && break
  sleep 1
done
[[ "$known" -ge "$UNITS" ]] || { echo "activity-service does not know the BENCH units" >&2; exit 1; }

printf 'generating %d activities in batches of %d...\n' "$COUNT" "$BATCH" >&2
columns=$(python3 "$ROOT/bench/activity-bulk-data.py" "$WORK" "$RUN" "$COUNT" "$BATCH" "$unit_list")
batches=$(find "$WORK" -name 'batch-*.ndjson' | wc -l)

# One curl for every batch, CLIENTS transfers at a time over kept-alive connections, as a partner's
# uploader would send them. A shell, a curl and two seds a batch (the harness until 2026-12-03) cost
# the machine about 60 ms of CPU a batch, 6 us a row, in the timed pass: more than the gateway.
# The transfers are listed in a curl config file (it holds the token; $WORK is the caller's alone).
push_config() { # writes $WORK/push.conf: each batch's upload, its response to batch-<n>.out.json
  local batch first=1
  for batch in $(find "$WORK" -name 'batch-*.ndjson' | sort); do
    [[ $first == 1 ]] || echo next
    first=0
    printf 'url = "%s/api/v1/activities/batches?report=failures"\n' "$GATEWAY"
    printf 'header = "%s"\nheader = "Content-Type: application/x-ndjson; charset=UTF-8"\n' "$auth"
    printf 'data-binary = "@%s"\noutput = "%s"\nwrite-out = "%%{http_code} %%{filename_effective}\\n"\n' \
      "$batch" "${batch%.ndjson}.out.json"
    printf 'silent\nshow-error\n'
  done >"$WORK/push.conf"
}

push() { # push -> seconds; fails when a batch is not fully "$1" (created or unchanged)
  local expected=$1 start end
  rm -f "$WORK"/batch-*.out.json
  start=$(now)
  # --no-progress-meter: curl 7.88 draws its parallel progress meter (to the log) despite --silent
  curl --no-progress-meter --parallel --parallel-max "$CLIENTS" --config "$WORK/push.conf" >"$WORK/statuses" ||
    { echo "an upload failed" >&2; exit 1; }
  end=$(now)
  awk '$1 != 200 { print "HTTP " $0 > "/dev/stderr"; bad = 1 } END { exit bad }' "$WORK/statuses" || exit 1
  # every response's count of "$expected" records equals its total
  awk -v want="\"$expected\":" -v batches="$batches" '{
    if (FNR == 1) files++
    total = ""; n = ""
    if (match($0, /"total":[0-9]+/)) total = substr($0, RSTART + 8, RLENGTH - 8)
    if (match($0, want "[0-9]+")) n = substr($0, RSTART + length(want), RLENGTH - length(want))
    if (total == "" || n != total) { print FILENAME ": " substr($0, 1, 400) > "/dev/stderr"; bad = 1 }
  } END {
    if (files != batches) { print files " responses for " batches " batches" > "/dev/stderr"; bad = 1 }
    exit bad
  }' "$WORK"/batch-*.out.json || exit 1
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

push_config

rows() { sql -c "select count(*) from activity where reporter like 'unit:BENCH-C%' and external_id like 'bench-$RUN-%'"; }
events() { sql -c "select coalesce(max(id), 0) from outbox_event"; }

# Warm the JIT and the connection pools as a long-running service is warm: WARMUP records of their own
# (ids of their own, so they count neither as created nor as unchanged), as parallel batches.
warmed=0
while [[ $warmed -lt $WARMUP ]]; do
  for b in $(seq 0 $((CLIENTS - 1))); do
    sed "s/bench-$RUN-/warm$warmed-$RUN-/" "$WORK/batch-$(printf %06d "$b").ndjson" >"$WORK/warm-$b.json"
  done
  for b in $(seq 0 $((CLIENTS - 1))); do
    curl -sf -o /dev/null -X POST "$GATEWAY/api/v1/activities/batches?report=failures" -H "$auth" \
      -H 'Content-Type: application/x-ndjson; charset=UTF-8' --data-binary @"$WORK/warm-$b.json" &
  done
  wait
  warmed=$((warmed + CLIENTS * BATCH))
done
rm -f "$WORK"/warm-*.json

# The services that consume the activities topic (plan-service's progress, indicator-service's values)
# run on other machines in production; here they would take the two cores from the path measured.
# With PAUSE_CONSUMERS=1 they are stopped (SIGSTOP) for the timed passes and resumed after; they then
# catch up from Kafka. Without it, everything shares the machine (the worst case).
if [[ "$PAUSE_CONSUMERS" == 1 ]]; then
  for service in plan-service indicator-service crisis-service; do
    mapfile -t -O "${#consumers[@]}" consumers < <(pgrep -f "commops.process=$service" || true)
  done
fi
[[ ${#consumers[@]} -gt 0 ]] && kill -STOP "${consumers[@]}"

# CPU time per row of each part, from the kernel's accounting (clock ticks): PostgreSQL (the postmaster's
# live children, plus what its exited children used, which the kernel adds to the postmaster once reaped),
# our processes by their pid files, and the whole machine (/proc/stat). Unlike the rates, these do not depend
# on how the two cores were shared, so they show where a pass's time goes. PostgreSQL counts only when it
# runs on this machine. The snapshots are taken outside the timed intervals.
tick=$(getconf CLK_TCK)
# the postmaster is the parent of the server's processes (any role sees their pids, not always their kind)
postmaster=''
for pid in $(sql -c 'select pid from pg_stat_activity where pid <> pg_backend_pid()'); do
  parent=$(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ' || true)
  [[ -n "$parent" && "$(ps -o comm= -p "$parent" 2>/dev/null)" == postgres ]] && { postmaster=$parent; break; }
done
service_pid=$(read_live_pid activity-service || true)
gateway_pid=$(read_live_pid gateway || true)
kafka_pid=$(read_live_pid kafka || true)
process_ticks() { # process_ticks WITH_REAPED_CHILDREN PID... -> user + system ticks
  local reaped=$1 pid sum=0 ticks
  shift
  for pid in "$@"; do
    ticks=$(awk -v c="$reaped" '{ sub(/^.*\) /, ""); print $12 + $13 + (c ? $14 + $15 : 0) }' "/proc/$pid/stat" 2>/dev/null) &&
      sum=$((sum + ${ticks:-0}))
  done
  echo "$sum"
}
postgres_ticks() {
  [[ -n "$postmaster" ]] || { echo -1; return; }
  # children first: one that exits in between is missed once rather than counted twice
  local children
  children=$(process_ticks 0 $(pgrep -P "$postmaster"))
  echo $((children + $(process_ticks 1 "$postmaster")))
}
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
cpu_snapshot() {
  echo "$(postgres_ticks) $(process_ticks 0 "$service_pid") $(process_ticks 0 "$gateway_pid")" \
    "$(process_ticks 0 "$kafka_pid") $(machine_ticks)"
}
# cpu_per_row BEFORE AFTER -> "postgres service gateway kafka machine" in microseconds a row (-1: not measured)
cpu_per_row() {
  awk -v b="$1" -v a="$2" -v n="$COUNT" -v t="$tick" 'BEGIN {
    split(b, x, " "); split(a, y, " ")
    for (i = 1; i <= 5; i++) printf "%s%.1f", (i > 1 ? " " : ""), (x[i] < 0 ? -1 : (y[i] - x[i]) * 1e6 / t / n)
    print ""
  }'
}

wal_lsn() { sql -c 'select pg_current_wal_lsn()'; }
wal_since() { sql -c "select pg_wal_lsn_diff(pg_current_wal_lsn(), '$1')"; }
first_lsn=$(wal_lsn)
cpu_before=$(cpu_snapshot)
first=$(push created)
first_cpu=$(cpu_per_row "$cpu_before" "$(cpu_snapshot)")
first_wal=$(wal_since "$first_lsn")
echo "first pass wrote WAL from $first_lsn" >&2
inserted=$(rows)
[[ "$inserted" == "$COUNT" ]] || { echo "expected $COUNT rows, found $inserted" >&2; exit 1; }

sql -c 'drop table if exists bench_activity_copy' -c 'create table bench_activity_copy (like activity)' >/dev/null
copy_lsn=$(wal_lsn)
cpu_before=$(cpu_snapshot)
copy_start=$(now)
sql -c "\\copy bench_activity_copy ($columns) from '$WORK/copy.csv' with (format csv)"
copy_end=$(now)
copy_cpu=$(cpu_per_row "$cpu_before" "$(cpu_snapshot)")
copy_wal=$(wal_since "$copy_lsn")
copied=$(sql -c 'select count(*) from bench_activity_copy')
[[ "$copied" == "$COUNT" ]] || { echo "\\copy stored $copied rows, not $COUNT" >&2; exit 1; }
copy_seconds=$(awk -v s="$copy_start" -v e="$copy_end" 'BEGIN { printf "%.3f\n", e - s }')

events_before=$(events)
cpu_before=$(cpu_snapshot)
replay=$(push unchanged)
replay_cpu=$(cpu_per_row "$cpu_before" "$(cpu_snapshot)")
replay_rows=$(( $(rows) - inserted ))
# every event activity-service wrote since the replay began, single or bulk, compressed or not
replay_events=$(sql -c "select coalesce(sum(event_count), 0) from outbox_event where id > $events_before")
resume_consumers

printf '\n%d activities, batches of %d (%d batches), %d parallel clients, same run, %s\n' "$COUNT" "$BATCH" "$batches" \
  "$CLIENTS" "$([[ ${#consumers[@]} -gt 0 ]] && echo 'consumers of activity events paused' || echo 'every service running')"
printf '%-34s %10s %14s\n' "" "seconds" "activities/s"
awk -v n="$COUNT" -v g="$first" -v c="$copy_seconds" -v r="$replay" 'BEGIN {
  printf "%-34s %10.3f %14.0f\n", "gateway bulk path (first pass)", g, n / g
  printf "%-34s %10.3f %14.0f\n", "psql \\copy into a bare table", c, n / c
  printf "%-34s %10.3f %14.0f\n", "gateway bulk path (replay)", r, n / r
  printf "gateway / \\copy: %.1f %% (goal >= 40 %%)\n", 100 * c / g
  printf "replay speed-up: %.2fx (goal >= 1.5x)\n", g / r
}'
# The server's whole WAL (other services' too, little while consumers are paused): where the database's
# work per row differs, index entries and full-page images after each checkpoint show up here first.
awk -v n="$COUNT" -v g="$first_wal" -v c="$copy_wal" 'BEGIN {
  printf "WAL written per row: gateway first pass %.0f bytes, \\copy %.0f bytes\n", g / n, c / n }'
# CPU a row: what each part spent during each pass (the whole machine includes the clients: curl, psql).
# Then the goal as a CPU budget: a pass that keeps the machine's cores busy can only go faster by
# spending less CPU a row, so this says how much the first pass may spend, on the cores it kept busy.
awk -v f="$first_cpu" -v c="$copy_cpu" -v r="$replay_cpu" -v n="$COUNT" -v g="$first" -v s="$copy_seconds" \
  -v cores="$(nproc)" 'BEGIN {
  split(f, F, " "); split(c, C, " "); split(r, R, " ")
  split("PostgreSQL,activity-service,gateway,Kafka,whole machine", name, ",")
  printf "%-34s %12s %12s %12s\n", "CPU a row, microseconds", "first pass", "\\copy", "replay"
  for (i = 1; i <= 5; i++) {
    if (F[i] < 0) { printf "%-34s %12s %12s %12s\n", name[i], "n/a", "n/a", "n/a"; continue }
    printf "%-34s %12.1f %12.1f %12.1f\n", name[i], F[i], C[i], R[i]
  }
  if (F[5] < 0 || C[5] < 0) exit
  busy = F[5] * n / g / 1e6
  printf "cores busy: first pass %.2f, \\copy %.2f, of %d\n", busy, C[5] * n / s / 1e6, cores
  printf "for 40 %% of \\copy on %.2f busy cores, the first pass may spend %.1f us a row of the whole machine (spent %.1f)\n",
    busy, busy * (s / 0.4) * 1e6 / n, F[5]
}'
printf 'replay inserted %d rows (goal 0) and emitted %d events (goal 0)\n' "$replay_rows" "$replay_events"
