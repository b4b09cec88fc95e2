#!/usr/bin/env bash
# Statistics read path, A/B: the application jar under test started as its own process on a scratch
# database of a local PostgreSQL, N synthetic case facts written straight into the fact tables (as
# StatisticsReadBenchmark writes them), then per dashboard query: the first (cold) request, warm reads
# by R concurrent readers (wrk, reads.lua) with the JVM's CPU per request from /proc/<pid>/stat, and
# the first request after one case changed (stamped as the projection stamps it, V245; on a jar
# without V245 the position alone moves, which also makes that jar reload every fact).
# Usage: deploy/benchmark/stats-read-cpu.sh JAR LABEL [VAR=value...]   (env: CASES, READERS, SECONDS, WARMUP, CHANGES, PG_HOST)
# Extra VAR=value go to the application's environment, e.g. TIDIGT_STATS_ANSWER_BYTES=1048576.
# Set JFR=file.jfr to record a profile, APP_LOG=file to keep the application's log. Prints '| label | query | ... |' rows.
set -euo pipefail
JAR="$1"; LABEL="$2"; shift 2
CASES="${CASES:-125000}"; READERS="${READERS:-32}"; SECONDS_EACH="${SECONDS:-15}"
PG_HOST="${PG_HOST:-127.0.0.1}"; PG_PORT="${PG_PORT:-5432}"; DB_USER="${DB_USER:-postgres}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DB="tidigt_bench_statsread_$$"
WORK=$(mktemp -d)
CLK=$(getconf CLK_TCK)
psql_do() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -Atq "$@"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d postgres -qc "CREATE DATABASE $DB"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d postgres -qc "DROP DATABASE IF EXISTS $DB" || true
  [ -n "${APP_LOG:-}" ] && cp "$WORK/app.log" "$APP_LOG"
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
JAVA_OPTS=()
[ -n "${JFR:-}" ] && JAVA_OPTS+=("-XX:StartFlightRecording=filename=$JFR,settings=profile,delay=1s")
env SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" SPRING_DATASOURCE_USERNAME="$DB_USER" \
    TIDIGT_PSEUDONYM_KEY=benchmark-pseudonym-key-synthetic \
    TIDIGT_KEY_ENCRYPTION_KEY=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE= \
    TIDIGT_DEMO_USERS=true TIDIGT_DEMO_DATA=false SERVER_PORT="$PORT" AXONIQ_UPDATE_CHECKER_DISABLED=true "$@" \
    java -Xmx2g "${JAVA_OPTS[@]}" -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 3000); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log" >&2; exit 1; }
  sleep 0.1
done
# The facts of StatisticsReadBenchmark.insertFacts.
psql_do <<SQL
INSERT INTO case_fact (case_id, last_sequence, district, current_district, work_model, concerns, child_pseudonym, birth_month,
  received_at, protection_assessed_at, initial_assessed_at, initial_decision, closed_at, workers)
SELECT 'bench-' || g, 6, d[1 + g % 11], d[1 + g % 11], CASE WHEN g % 5 = 0 THEN 'VALLINGBY_TEAM' ELSE 'ORDINARY' END,
  CASE WHEN g % 3 = 0 THEN 'CRIME_RISK' WHEN g % 3 = 1 THEN 'SUBSTANCE_USE_RISK' ELSE 'NEGLECT' END,
  'child-' || (g % ($CASES * 3 / 4)), date '2008-01-01' + (g % 4000), timestamptz '2021-01-01' + (g % 1800) * interval '1 day',
  timestamptz '2021-01-01' + (g % 1800) * interval '1 day' + interval '1 day',
  timestamptz '2021-01-01' + (g % 1800) * interval '1 day' + (g % 20) * interval '1 day', 'EARLY_SUPPORT',
  CASE WHEN g % 2 = 0 THEN timestamptz '2021-01-01' + (g % 1800) * interval '1 day' + interval '90 days' END, 1 + g % 3
FROM generate_series(1, $CASES) g,
  (SELECT ARRAY['bromma','enskede-arsta-vantor','farsta','hagersten-alvsjo','hasselby-vallingby','jarva','kungsholmen',
                'norra-innerstaden','skarpnack','skarholmen','sodermalm'] AS d) districts;
INSERT INTO offer_fact (case_id, offer_id, offered_at, answer, answered_at, started_at)
SELECT case_id, 'o-1', received_at + interval '10 days', CASE WHEN random() < 0.6 THEN 'ACCEPTED' ELSE 'DECLINED' END,
  received_at + interval '12 days', NULL FROM case_fact WHERE case_id LIKE 'bench-%';
UPDATE offer_fact SET started_at = answered_at + interval '7 days' WHERE answer = 'ACCEPTED';
UPDATE statistics_position SET version = version + 1;
SQL
HAS_STAMPS=$(psql_do -c "SELECT count(*) FROM information_schema.columns WHERE table_name = 'case_fact' AND column_name = 'changed_at_position'")
[ "$HAS_STAMPS" = 1 ] && psql_do -c "UPDATE statistics_position SET generation = generation + 1"
ANALYST=$(printf analyst:demo | base64); HV=$(printf hv-admin:demo | base64)
timed() { curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Basic $1" "http://127.0.0.1:$PORT$2"; }
change_one_case() {
  if [ "$HAS_STAMPS" = 1 ]; then
    psql_do -c "WITH p AS (UPDATE statistics_position SET version = version + 1 WHERE id = 1 RETURNING version)
                UPDATE case_fact SET workers = workers + 1, changed_at_position = (SELECT version FROM p) WHERE case_id = 'bench-$1'"
  else
    psql_do -c "UPDATE case_fact SET workers = workers + 1 WHERE case_id = 'bench-$1'; UPDATE statistics_position SET version = version + 1"
  fi
}
QUERIES=("$ANALYST /api/v1/stats/city?groupBy=district" "$HV /api/v1/stats/districts/hasselby-vallingby"
         "$ANALYST /api/v1/stats/rollout-effect" "$ANALYST /api/v1/stats/city?groupBy=month&from=2024-01&to=2024-12")
for q in "${QUERIES[@]}"; do
  set -- $q
  echo "| $LABEL | cold $2 | $(timed "$1" "$2") |"
done
# A warm-up round over every query first (the JIT), then each measured on its own.
for q in "${QUERIES[@]}"; do
  set -- $q
  wrk -t2 -c"$READERS" -d"${WARMUP:-8}s" --timeout 60s -s "$ROOT/deploy/benchmark/reads.lua" "http://127.0.0.1:$PORT$2" -- "$1" > /dev/null 2>&1
done
for q in "${QUERIES[@]}"; do
  set -- $q
  timed "$1" "$2" > /dev/null
  wrk -t2 -c"$READERS" -d2s --timeout 60s -s "$ROOT/deploy/benchmark/reads.lua" "http://127.0.0.1:$PORT$2" -- "$1" > /dev/null 2>&1
  before=$(cpu_ticks "$APP_PID")
  out=$(wrk -t2 -c"$READERS" -d"${SECONDS_EACH}s" --timeout 60s -s "$ROOT/deploy/benchmark/reads.lua" "http://127.0.0.1:$PORT$2" -- "$1" 2>&1)
  after=$(cpu_ticks "$APP_PID")
  result=$(echo "$out" | grep '^RESULT')
  requests=$(echo "$result" | sed 's/.*requests=\([0-9]*\).*/\1/'); refused=$(echo "$result" | sed 's/.*refused=\([0-9]*\).*/\1/')
  p50=$(echo "$result" | sed 's/.*p50_us=\([0-9]*\).*/\1/'); p99=$(echo "$result" | sed 's/.*p99_us=\([0-9]*\).*/\1/')
  dur=$(echo "$result" | sed 's/.*duration_us=\([0-9]*\).*/\1/')
  awk -v l="$LABEL" -v q="$2" -v n="$requests" -v r="$refused" -v d="$dur" -v a="$p50" -v b="$p99" -v t="$((after - before))" -v clk="$CLK" \
    'BEGIN { printf "| %s | warm %s | %d requests (%d refused) | %.0f/s | p50 %.2f ms | p99 %.2f ms | JVM CPU %.3f ms/request |\n",
             l, q, n, r, n / (d / 1e6), a / 1000, b / 1000, (t / clk * 1000) / (n > 0 ? n : 1) }'
done
set -- ${QUERIES[0]}
for change in $(seq 1 "${CHANGES:-5}"); do
  change_one_case "$change"
  before=$(cpu_ticks "$APP_PID")
  took=$(timed "$1" "$2")
  after=$(cpu_ticks "$APP_PID")
  echo "| $LABEL | after one case changed: $2 | $took s | JVM CPU $(( (after - before) * 1000 / CLK )) ms |"
done
echo "| $LABEL | load average | $(cut -d' ' -f1-3 /proc/loadavg) |"
