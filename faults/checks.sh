# shellcheck shell=bash
# shellcheck disable=SC2034 # the results (DEAD_LETTERS, RECORDS_LOST…) are read by run.sh, which sources this file
# What the fault suite checks after each fault. Sourced by faults/run.sh; each check prints what it found
# (one line a finding) and fails when the platform is not yet, or not, as it should be.
#
# Source of truth: activity-service's rows for the records this run's load sent (externalId
# flt-<run>-...) and crisis-service's feedback items (sourceId flt-<run>-f...). Derived: indicator-service's
# activity_state, unit_day_total and unit_month_total for the run's units, and plan-service's progress of the
# run's assignments.

psql_db() { # DB, then psql arguments; SQL on stdin or -c
  local db=$1
  shift
  PGPASSWORD="$COMMOPS_DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -w -q -At -F ' ' -v ON_ERROR_STOP=1 \
    -h "$COMMOPS_DB_HOST" -p "$COMMOPS_DB_PORT" -U "$COMMOPS_DB_USER" -d "$db" "$@"
}

kafka_probe() {
  java -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j2.configurationFile="$COMMOPS_KAFKA_DIR/log4j2-tools.properties" \
    -cp "$FAULTS_WORK/classes:$COMMOPS_KAFKA_DIR/$COMMOPS_KAFKA_VERSION/libs/*" KafkaProbe "$@"
}

# Every instance and the gateway answer live and ready.
check_instances() {
  local name port live ready bad=0
  while read -r name port; do
    live=$(http_status "http://127.0.0.1:$port/q/health/live")
    ready=$(http_status "http://127.0.0.1:$port/q/health/ready")
    if [[ "$live" != 200 || "$ready" != 200 ]]; then
      printf 'instance %s (port %s): live %s, ready %s\n' "$name" "$port" "$live" "$ready"
      bad=1
    fi
  done < <(platform_instances)
  return "$bad"
}

# The consumer groups and the topics each reads (docs/events.md).
kafka_groups() {
  local p=$COMMOPS_EVENTS_TOPIC_PREFIX
  printf '%s\n' "plan-service:${p}activities,${p}crisis-cases" "activity-service:${p}org-units,${p}assignments" \
    "indicator-service:${p}org-units,${p}activities,${p}campaigns" "crisis-service:${p}org-units"
}

# One JVM for the whole run measures Kafka's health every second into $FAULTS_WORK/kafka-health (KafkaProbe watch).
KAFKA_WATCH_PID=''
start_kafka_watch() {
  # shellcheck disable=SC2046 # one argument per group
  java -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j2.configurationFile="$COMMOPS_KAFKA_DIR/log4j2-tools.properties" \
    -cp "$FAULTS_WORK/classes:$COMMOPS_KAFKA_DIR/$COMMOPS_KAFKA_VERSION/libs/*" KafkaProbe watch "$(kafka_bootstrap)" \
    "$FAULTS_WORK/kafka-health" "$COMMOPS_EVENTS_TOPIC_PREFIX" $(kafka_groups) >"$FAULTS_WORK/kafka-watch.log" 2>&1 &
  KAFKA_WATCH_PID=$!
}

stop_kafka_watch() {
  if [[ -n "$KAFKA_WATCH_PID" ]]; then
    kill -TERM "$KAFKA_WATCH_PID" 2>/dev/null || true
    wait "$KAFKA_WATCH_PID" 2>/dev/null || true
    KAFKA_WATCH_PID=''
  fi
}

# Kafka, as last measured (at most 10 s ago, and after KAFKA_NOT_BEFORE_MS): no partition has fewer in-sync replicas than replicas (a broker
# that came back has caught up), nothing was dead-lettered (the suite starts on empty topics: any record there is
# this run's), and every consumer group has consumed everything on its topics. DEAD_LETTERS: records in the
# dead-letter topics.
DEAD_LETTERS=0
check_kafka() {
  local file="$FAULTS_WORK/kafka-health" out at age bad=0
  out=$(cat "$file" 2>/dev/null) || { echo "kafka: no health measured yet"; return 1; }
  at=$(awk '$1 == "at" { print $2; exit }' <<<"$out")
  age=$(( $(date +%s%3N) - ${at:-0} ))
  if ((age > 10000)); then
    echo "kafka: the brokers did not answer for $((age / 1000)) s"
    return 1
  fi
  if ((${at:-0} < ${KAFKA_NOT_BEFORE_MS:-0})); then
    echo "kafka: not measured since the load stopped"
    return 1
  fi
  DEAD_LETTERS=$(awk '$1 == "dead-letters" && $2 == "total" { print $3 }' <<<"$out")
  awk '$1 == "under-replicated" && $2 != 0 { printf "kafka: %s under-replicated partitions\n", $2; bad = 1 }
    $1 == "dead-letters" && $2 != "total" && $3 > 0 { printf "dead letters: %s holds %s\n", $2, $3; bad = 1 }
    $1 == "dead-letter-record" { print; bad = 1 }
    $1 == "lag" && $3 != 0 { printf "consumer lag: %s %s records\n", $2, $3; bad = 1 }
    END { exit bad }' <<<"$out" || bad=1
  return "$bad"
}

# RECORDS_LOST / RECORDS_DUPLICATED: the phase's accepted activity records and feedback items missing from, or
# stored more than once in, their service's database; RUN_DUPLICATES: any record of the run stored twice.
RECORDS_LOST=0
RECORDS_DUPLICATED=0
check_records() { # PHASE
  local phase=$1 activities feedback out
  activities="$FAULTS_WORK/accepted-$phase.txt"
  feedback="$FAULTS_WORK/feedback-$phase.txt"
  touch "$activities" "$feedback"
  out=$(psql_db commops_activity 2>&1 <<SQL
create temp table accepted (external_id text);
\\copy accepted from '$activities'
select count(*) filter (where n is null), count(*) filter (where n > 1)
  from (select distinct external_id from accepted) a
  left join (select external_id, count(*) n from activity where external_id like '$FAULTS_RUN-%' group by external_id) t
  using (external_id);
select count(*) from (select 1 from activity where external_id like '$FAULTS_RUN-%' group by external_id having count(*) > 1) d;
SQL
  ) || { echo "activity database: ${out##*$'\n'}"; return 1; }
  local a_lost a_dup run_dup
  read -r a_lost a_dup <<<"$(sed -n 1p <<<"$out")"
  run_dup=$(sed -n 2p <<<"$out")
  out=$(psql_db commops_crisis 2>&1 <<SQL
create temp table accepted (source_id text);
\\copy accepted from '$feedback'
select count(*) filter (where n is null), count(*) filter (where n > 1)
  from (select distinct source_id from accepted) a
  left join (select source_id, count(*) n from feedback where source_id like '$FAULTS_RUN-f%' group by source_id) t
  using (source_id);
SQL
  ) || { echo "crisis database: ${out##*$'\n'}"; return 1; }
  local f_lost f_dup
  read -r f_lost f_dup <<<"$out"
  RECORDS_LOST=$((a_lost + f_lost))
  RECORDS_DUPLICATED=$((a_dup + f_dup))
  local bad=0
  ((a_lost == 0)) || { echo "activities: $a_lost accepted records of $phase not stored"; bad=1; }
  ((a_dup == 0)) || { echo "activities: $a_dup records of $phase stored more than once"; bad=1; }
  ((run_dup == 0)) || { echo "activities: $run_dup records of the run stored more than once"; bad=1; }
  ((f_lost == 0)) || { echo "feedback: $f_lost accepted items of $phase not stored"; bad=1; }
  ((f_dup == 0)) || { echo "feedback: $f_dup items of $phase stored more than once"; bad=1; }
  return "$bad"
}

# indicator-service's totals per unit equal activity-service's rows. DERIVED_EXCESS / DERIVED_MISSING: the
# activities counted more (fewer) times than stored, summed over every table and unit that differs.
DERIVED_EXCESS=0
DERIVED_MISSING=0
check_totals() {
  local source derived expected diffs
  source=$(psql_db commops_activity -c "select org_unit_code, count(*), coalesce(sum(coalesce(attendance, 0)), 0),
      coalesce(sum(coalesce(quantity, 1)), 0) from activity
      where org_unit_code like '$FAULTS_UNIT_PREFIX-%' and not withdrawn and verification_status <> 'REJECTED'
      group by 1 order by 1" 2>&1) || { echo "activity database: ${source##*$'\n'}"; return 1; }
  derived=$(psql_db commops_indicator 2>&1 <<SQL
select 'activity_state', org_unit_code, sum(activities), sum(attendance), sum(quantity) from activity_state
 where org_unit_code like '$FAULTS_UNIT_PREFIX%' and counted group by 2;
select 'unit_day_total', org_unit_code, sum(activities), sum(attendance), sum(quantity) from unit_day_total
 where org_unit_code like '$FAULTS_UNIT_PREFIX%' group by 2;
select 'unit_month_total', org_unit_code, sum(activities), sum(attendance), sum(quantity) from unit_month_total
 where org_unit_code like '$FAULTS_UNIT_PREFIX%' group by 2;
SQL
  ) || { echo "indicator database: ${derived##*$'\n'}"; return 1; }
  # Expected: each commune's own rows in every table; the parent (a sum of its subtree) in the day and month
  # totals.
  expected=$(awk -v parent="$FAULTS_UNIT_PREFIX" '
    BEGIN { n = split("activity_state unit_day_total unit_month_total", table, " ") }
    NF == 4 { for (i = 1; i <= n; i++) print table[i], $1, $2, $3, $4; a += $2; t += $3; q += $4 }
    END { print "unit_day_total", parent, a + 0, t + 0, q + 0; print "unit_month_total", parent, a + 0, t + 0, q + 0 }' \
    <<<"$source")
  # One line per table and unit that differs: table unit activities(derived-expected) attendance quantity.
  diffs=$(awk '
    NR == FNR { key = $1 " " $2; want[key] = $3 " " $4 " " $5; next }
    { key = $1 " " $2; have[key] = $3 " " $4 " " $5 }
    END {
      for (key in want) {
        split(want[key], w, " "); split((key in have) ? have[key] : "0 0 0", h, " ")
        if (w[1] != h[1] || w[2] != h[2] || w[3] != h[3]) print key, h[1] - w[1], h[2] - w[2], h[3] - w[3]
      }
      for (key in have) if (!(key in want)) { split(have[key], h, " "); print key, h[1], h[2], h[3] }
    }' <(printf '%s\n' "$expected") <(printf '%s\n' "$derived") | sort)
  # per table, over the communes (the parent repeats them): the largest excess and shortfall
  read -r DERIVED_EXCESS DERIVED_MISSING < <(awk -v parent="$FAULTS_UNIT_PREFIX" '
    NF >= 3 && $2 != parent { if ($3 > 0) plus[$1] += $3; else minus[$1] -= $3 }
    END { for (t in plus) if (plus[t] > p) p = plus[t]; for (t in minus) if (minus[t] > m) m = minus[t]; print p + 0, m + 0 }' \
    <<<"$diffs")
  if [[ -n "$diffs" ]]; then
    awk '{ printf "indicator %s %s: activities %+d, attendance %+d, quantity %+d against activity-service\n", $1, $2, $3, $4, $5 }' \
      <<<"$diffs" | head -n 12
    return 1
  fi
}

# plan-service's progress of the assignments the load reports to equals activity-service's rows: the sums
# progress is computed from (assignment_activity, not withdrawn), each assignment in one query, and the API's
# progress of the first assignment, which must say the same.
PROGRESS_EXCESS=0
PROGRESS_MISSING=0
check_progress() {
  local ids source derived diffs first body api want
  PROGRESS_EXCESS=0
  PROGRESS_MISSING=0
  ids=$(awk '{ printf "%s'\''%s'\''", (NR > 1 ? "," : ""), $2 }' "$FAULTS_WORK/assignments")
  source=$(psql_db commops_activity -c "select assignment_id, count(*), coalesce(sum(coalesce(quantity, 1)), 0),
      coalesce(sum(coalesce(attendance, 0)), 0) from activity
      where assignment_id in ($ids) and not withdrawn group by 1" 2>&1) ||
    { echo "activity database: ${source##*$'\n'}"; return 1; }
  derived=$(psql_db commops_plan -c "select assignment_id, count(*), sum(quantity), sum(attendance)
      from assignment_activity where assignment_id in ($ids) and not withdrawn group by 1" 2>&1) ||
    { echo "plan database: ${derived##*$'\n'}"; return 1; }
  # one line per assignment that differs: id activities quantity attendance (derived - source)
  diffs=$(awk '
    NR == FNR { if (NF == 4) want[$1] = $2 " " $3 " " $4; next }
    NF == 4 { have[$1] = $2 " " $3 " " $4 }
    END {
      for (id in want) { split(want[id], w, " "); split((id in have) ? have[id] : "0 0 0", h, " ")
        if (w[1] != h[1] || w[2] != h[2] || w[3] != h[3]) print id, h[1] - w[1], h[2] - w[2], h[3] - w[3] }
      for (id in have) if (!(id in want)) { split(have[id], h, " "); print id, h[1], h[2], h[3] }
    }' <(printf '%s\n' "$source") <(printf '%s\n' "$derived"))
  read -r PROGRESS_EXCESS PROGRESS_MISSING < <(awk '{ if ($2 > 0) p += $2; else m -= $2 } END { print p + 0, m + 0 }' <<<"$diffs")
  if [[ -n "$diffs" ]]; then
    awk 'NR <= 8 { printf "plan-service assignment %s: activities %+d, quantity %+d, attendance %+d against activity-service\n", $1, $2, $3, $4 }
      END { if (NR > 8) printf "plan-service: %d assignments differ in all\n", NR }' <<<"$diffs"
    return 1
  fi
  first=$(awk 'NR == 1 { print $2 }' "$FAULTS_WORK/assignments")
  body=$(curl -s -m 10 -H "Authorization: Bearer $ADMIN_TOKEN" "$FAULTS_GATEWAY/api/v1/assignments/$first") || body=''
  # the progress's own figures, not those of one verification state further on (reported, verified, rejected)
  api=$(sed -n 's/.*"doneQuantity":\([0-9]*\),"outcomes":{"attendance":\([0-9]*\)[^}]*},"activities":\([0-9]*\),.*/\3 \1 \2/p' <<<"$body")
  want=$(awk -v id="$first" '$1 == id { print $2, $3, $4 }' <<<"$source")
  if [[ "$api" != "${want:-0 0 0}" ]]; then
    echo "plan-service API: assignment $first progress (activities, doneQuantity, attendance) '${api:-unreadable}', activity-service '${want:-0 0 0}'"
    return 1
  fi
}

# The redelivered events every instance's inbox recognised and skipped so far (commops_inbox_duplicates_total),
# summed over consumers and instances. A sample's value is its last field once an exemplar (" # {...} v t") is cut.
inbox_duplicates() {
  local name port
  while read -r name port; do
    [[ "$name" == gateway ]] && continue
    curl -s -m 5 "http://127.0.0.1:$port/q/metrics" 2>/dev/null || true
  done < <(platform_instances) | awk '/^commops_inbox_duplicates_total/ { sub(/ # .*/, ""); s += $NF } END { printf "%.0f\n", s }'
}
