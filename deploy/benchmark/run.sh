#!/usr/bin/env bash
# The one benchmark: on one machine and one PostgreSQL, in one run,
#   1. PostgreSQL's own limit: pgbench one-row and ten-row insert transactions at each client count;
#   2. REST writes from a separate load process (wrk, deploy/benchmark/writes.lua) against the application
#      started as its own process from a jar, after a warm-up for the JIT; each figure also as a ratio of
#      pgbench's one-row inserts at the same concurrency; the statistics projection's lag meanwhile;
#   2b. the write's own SQL: the statements of one collaboration write, taken from the server's log, replayed
#      by pgbench (with the chain trigger); the REST writes as a share of it;
#   3. the same writes sent to Axon's command gateway inside a JVM hosting the application (no HTTP);
#   4. an event store of N events (1,000,000 by default; the demo generator's cases copied in SQL,
#      deploy/benchmark/replicate-events.sql), a full replay of the statistics projection through the
#      admin API, timed, and then statistics p50/p99 with 32 concurrent readers (wrk, reads.lua);
#   5. start-up to readiness (fresh database, restart, restart over N events) and RSS;
#   6. cold reads: the statistics with 32 readers right after a restart, while events are written and right
#      after a burst of them (the first reads after the facts move).
# Prints a table and (unless --smoke or --no-record) appends it to BENCHMARKS.md. See BENCHMARKS.md,
# "How to run", for the options and how to read the figures. Never fails on a time;
# fails when a part of the program is broken (a refused write, a failed replay, an app that never gets ready).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

usage() {
  cat <<'EOF'
deploy/benchmark/run.sh [--smoke] [--jar FILE] [--database-url jdbc:postgresql://HOST:PORT[/db]] [--database-user U]
                        [--clients 1,16,64] [--seconds S] [--warmup S] [--events N] [--readers N]
                        [--label TEXT] [--record|--no-record] [--keep]
  --smoke        tiny sizes and one-second runs (about 10 s of measuring, plus the JVM starts); no record
  --jar FILE     the application to measure (default: api-gateway/target/api-gateway-*.jar)
  --database-url the PostgreSQL server for everything (default: 127.0.0.1:5432 if it answers, else the
                 application's embedded PostgreSQL started for the run); scratch databases tidigt_bench_*
                 are created on it and dropped at the end (unless --keep)
  --seconds S    each pgbench, REST and command-gateway run (10)      --warmup S  REST warm-up, at least (25)
  --warmup-max S the warm-up goes on in 10 s rounds until the JIT compiler used under 5 % of a round, at
                 most this long (240); each statistics query likewise, in 5 s rounds, at most a quarter of it
  --events N     events in the store for the replay and the statistics (1000000)
  --readers N    concurrent statistics readers (32)                   --label     the row's note
  --replay-timeout S  stop waiting for the replay after S s (1800) and report its rate so far
  --embedded     the application's embedded PostgreSQL even if a server answers (a server of the run's own:
                 a shared server's max_connections may not leave room for 64 pgbench clients beside others)
  --parts LIST   which parts to run (pgbench,rest,ownsql,commands,replay,cold,catchup: all; cold reads the replay's store)
  --app-env V=X  a setting for the application under test (repeatable), e.g. a lever: TIDIGT_DB_POOL_SIZE=8
  --server-log F the PostgreSQL server's log, where ownsql finds the statements of a write (default, for the local
                 server: /var/log/postgresql/postgresql-<major>-main.log; none for the embedded one: not measured)
  --catch-up-store DB  the catch-up part on copies of this database on the server (a store kept by --keep) instead of
                 filling one
  --java-options "..."  JVM options for the application (none by default: the JVM's own heap sizing, a quarter of
                 the machine's memory; deploy/Dockerfile's are "-XX:MaxRAMPercentage=50.0" of the container's limit)
  --catch-up-env "VAR=value ...;VAR=value ..."  the catch-up part once per setting (";" between them, an empty one
                 for the defaults), each on a copy of the same store: settings of the application (levers)
EOF
}

PARTS="pgbench,rest,ownsql,commands,replay,cold,catchup"; CATCH_UP_ENV=""; CATCH_UP_STORE=""; JAVA_OPTIONS=""; EMBEDDED=0; SMOKE=0; JAR=""; DB_URL=""; DB_USER="${TIDIGT_TEST_DATABASE_USER:-postgres}"; CLIENTS="1,16,64"
SECONDS_EACH=10; WARMUP=25; WARMUP_MAX=240; REPLAY_TIMEOUT=1800; EVENTS=1000000; READERS=32; READ_SECONDS=""; LABEL=""; RECORD=""; KEEP=0
DEMO_CASES_PER_YEAR=60; SERVER_LOG=""; APP_ENV=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=1 ;;
    --jar) JAR="$2"; shift ;;
    --database-url) DB_URL="$2"; shift ;;
    --database-user) DB_USER="$2"; shift ;;
    --clients) CLIENTS="$2"; shift ;;
    --seconds) SECONDS_EACH="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --warmup-max) WARMUP_MAX="$2"; shift ;;
    --events) EVENTS="$2"; shift ;;
    --readers) READERS="$2"; shift ;;
    --replay-timeout) REPLAY_TIMEOUT="$2"; shift ;;
    --label) LABEL="$2"; shift ;;
    --record) RECORD=1 ;;
    --no-record) RECORD=0 ;;
    --keep) KEEP=1 ;;
    --embedded) EMBEDDED=1 ;;
    --parts) PARTS="$2"; shift ;;
    --server-log) SERVER_LOG="$2"; shift ;;
    --app-env) APP_ENV+=("$2"); shift ;;
    --catch-up-env) CATCH_UP_ENV="$2"; shift ;;
    --java-options) JAVA_OPTIONS="$2"; shift ;;
    --catch-up-store) CATCH_UP_STORE="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
if [ "$SMOKE" = 1 ]; then
  CLIENTS="1,16"; SECONDS_EACH=2; WARMUP=3; WARMUP_MAX=3; EVENTS=20000; READ_SECONDS=1; DEMO_CASES_PER_YEAR=10
  RECORD="${RECORD:-0}"
fi
RECORD="${RECORD:-1}"
READ_SECONDS="${READ_SECONDS:-$SECONDS_EACH}"
CLIENT_LIST=$(echo "$CLIENTS" | tr ',' ' ')

if [ -z "$JAR" ]; then
  JAR=$(ls "$ROOT"/api-gateway/target/api-gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)
fi
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "no application jar: build it (./mvnw -DskipTests install) or give --jar" >&2; exit 2; }
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
# The benchmark programs (the benchmarks module); those launched on the jar under test are copied below.
BENCH_CLASSES="$ROOT/benchmarks/target/classes"
[ -f "$BENCH_CLASSES/se/tidigt/benchmarks/CommandGatewayBenchmark.class" ] \
  || { echo "no compiled benchmark programs in $BENCH_CLASSES: run ./mvnw -DskipTests install" >&2; exit 2; }

for tool in java curl psql jq python3; do
  command -v "$tool" >/dev/null || { echo "the benchmark needs $tool (psql: postgresql-client)" >&2; exit 2; }
done

STAMP=$(date -u +%Y%m%d%H%M%S)
WORK=$(mktemp -d /tmp/tidigt-bench.XXXXXX)
RESULTS="$WORK/results.md"
: > "$RESULTS"
PIDS=()
EMBEDDED_PG_FD=""

say() { echo "== $*"; }
row() { echo "$*" | tee -a "$RESULTS"; }
# The classes this program adds to the jar under test (only these, so that the build under test, --jar,
# supplies everything else: the application, its libraries and its classes of the same names).
LOADER_DIR="$WORK/classes"
mkdir -p "$LOADER_DIR/se/tidigt/benchmarks" "$LOADER_DIR/se/tidigt/platform/database"
cp "$BENCH_CLASSES"/se/tidigt/benchmarks/CommandGatewayBenchmark*.class "$LOADER_DIR/se/tidigt/benchmarks/"
cp "$BENCH_CLASSES"/se/tidigt/platform/database/BenchmarkPostgres*.class "$LOADER_DIR/se/tidigt/platform/database/"
launch_class() { # main class, args...: a class of ours on the jar under test's class path
  local main="$1"; shift
  java -Dloader.path="$LOADER_DIR" -Dloader.main="$main" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

cleanup() {
  set +e
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  if [ "$KEEP" = 0 ] && [ -n "${PG_HOST:-}" ]; then
    for db in $(psql_admin -Atc "select datname from pg_database where datname like 'tidigt_bench_${STAMP}%'" 2>/dev/null); do
      psql_admin -qc "drop database if exists $db with (force)" >/dev/null 2>&1
    done
  fi
  if [ -n "$EMBEDDED_PG_FD" ]; then exec 7>&-; wait "$EMBEDDED_PG_PID" 2>/dev/null; fi
  [ "$KEEP" = 0 ] && rm -rf "$WORK"
}
trap cleanup EXIT

# ---------------------------------------------------------------- the database server
answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
if [ -n "$DB_URL" ]; then
  HOSTPORT=$(echo "$DB_URL" | sed -E 's#^jdbc:postgresql://([^/?]+).*#\1#')
  PG_HOST=${HOSTPORT%%:*}; PG_PORT=${HOSTPORT##*:}; [ "$PG_PORT" = "$HOSTPORT" ] && PG_PORT=5432
  DB_WHERE="the PostgreSQL server at $PG_HOST:$PG_PORT"
elif [ "$EMBEDDED" = 0 ] && answers 127.0.0.1 5432; then
  PG_HOST=127.0.0.1; PG_PORT=5432; DB_WHERE="the local PostgreSQL server (127.0.0.1:5432)"
else
  [ "$EMBEDDED" = 1 ] || say "no PostgreSQL server at 127.0.0.1:5432"
  say "starting the application's embedded PostgreSQL for the run"
  mkfifo "$WORK/pg-in"
  launch_class se.tidigt.platform.database.BenchmarkPostgres "$WORK/embedded-pg" < "$WORK/pg-in" > "$WORK/pg.log" 2>&1 &
  EMBEDDED_PG_PID=$!
  exec 7>"$WORK/pg-in"; EMBEDDED_PG_FD=7
  for _ in $(seq 1 600); do grep -q '^PORT ' "$WORK/pg.log" && break; sleep 0.1; done
  PG_PORT=$(sed -n 's/^PORT //p' "$WORK/pg.log"); PG_HOST=127.0.0.1; DB_USER=postgres
  [ -n "$PG_PORT" ] || { cat "$WORK/pg.log" >&2; echo "the embedded PostgreSQL did not start" >&2; exit 1; }
  DB_WHERE="the application's embedded PostgreSQL (port $PG_PORT)"
fi
# Where the write's statements are read (ownsql): the local server's log where Debian keeps it. The embedded
# server's output passes through its library's logger, which does not keep up with log_statement = all.
if [ -z "$SERVER_LOG" ] && [ -z "$EMBEDDED_PG_FD" ] && [ "$PG_HOST" = 127.0.0.1 ] && [ "$PG_PORT" = 5432 ]; then
  SERVER_LOG="/var/log/postgresql/postgresql-$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d postgres -Atc "show server_version_num" | cut -c1-2)-main.log"
fi
psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_db() { local db="$1"; shift; psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$db" -v ON_ERROR_STOP=1 "$@"; }
new_db() { local db="tidigt_bench_${STAMP}_$1"; psql_admin -qc "create database $db" >/dev/null; echo "$db"; }
PG_VERSION=$(psql_admin -Atc "show server_version" | cut -d' ' -f1)
CORES=$(nproc)
say "database: $DB_WHERE, PostgreSQL $PG_VERSION; jar: $JAR; $CORES cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# The JVM's CPU time (user + system) so far: unlike the wall time, barely moved by other work on the machine.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo "?"; }
ready_row() { row "| start-up ($1) | | ready in $(awk -v m="$READY_MS" 'BEGIN{printf "%.1f", m/1000}') s, $READY_CPU s of JVM CPU | RSS $START_RSS MiB | | |"; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
per_second() { awk -v n="$1" -v us="$2" 'BEGIN { printf "%.0f", (us > 0 ? n / (us / 1e6) : 0) }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else printf "–" }'; }
field() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
row "| what | clients | per second | p50 | p99 | ratio to pgbench one-row at the same clients |"
row "|---|---|---|---|---|---|"

# ---------------------------------------------------------------- 1. pgbench, the limit
declare -A PG_ONE_TPS
part() { [[ ",$PARTS," == *",$1,"* ]]; }
if ! part pgbench; then
  :
elif command -v pgbench >/dev/null; then
  PGDB=$(new_db pgbench)
  # An event-sized row: a stream id, a sequence number and a ~500-byte payload, with the event store's
  # unique (stream, sequence) key; one-row = one transaction appending one event, ten-row = ten events.
  psql_db "$PGDB" -q <<'SQL'
CREATE TABLE bench_event (id BIGSERIAL PRIMARY KEY, stream TEXT NOT NULL, seq BIGINT NOT NULL, payload BYTEA NOT NULL,
                          recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(), UNIQUE (stream, seq));
SQL
  cat > "$WORK/one-row.sql" <<'SQL'
INSERT INTO bench_event (stream, seq, payload) VALUES (md5(random()::text), 0, convert_to(repeat('e', 500), 'UTF8'));
SQL
  cat > "$WORK/ten-row.sql" <<'SQL'
INSERT INTO bench_event (stream, seq, payload)
SELECT s.stream, g, convert_to(repeat('e', 500), 'UTF8') FROM (SELECT md5(random()::text) AS stream) s, generate_series(0, 9) g;
SQL
  say "pgbench: one-row and ten-row insert transactions, ${SECONDS_EACH} s each"
  for script in one-row ten-row; do
    for c in $CLIENT_LIST; do
      threads=$(( c < CORES ? c : CORES ))
      rm -f "$WORK"/pgb_*
      if ! out=$(cd "$WORK" && pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -n -M prepared -c "$c" -j "$threads" \
            -T "$SECONDS_EACH" -f "$WORK/$script.sql" --log --log-prefix=pgb "$PGDB" 2>&1); then
        # Not the program's fault: a shared server may have no room for c more connections.
        row "| pgbench $script insert transactions | $c | not measured: $(echo "$out" | grep -m1 -i 'error' | cut -c1-120) | | | |"
        continue
      fi
      tps=$(echo "$out" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
      read -r p50 p99 < <(cat "$WORK"/pgb* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
        i50=int(NR*0.5); if (i50<1) i50=1; i99=int(NR*0.99); if (i99<1) i99=1; print a[i50], a[i99] }')
      tps=$(printf '%.0f' "$tps")
      [ "$script" = one-row ] && PG_ONE_TPS[$c]=$tps
      row "| pgbench $script insert transactions | $c | $tps | $(ms "$p50") ms | $(ms "$p99") ms | |"
    done
  done
else
  say "pgbench is not installed: PostgreSQL's limit is not measured and no ratio is printed"
fi

# ---------------------------------------------------------------- the application as a process
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP_PID=""; APP_PORT=""
# start_app <database> [VAR=value...]: starts the jar, waits for readiness, sets APP_PID/APP_PORT/READY_MS/START_RSS
start_app() {
  local db="$1"; shift
  APP_PORT=$(free_port)
  local start
  start=$(date +%s%N)
  env SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" SPRING_DATASOURCE_USERNAME="$DB_USER" \
      TIDIGT_PSEUDONYM_KEY=benchmark-pseudonym-key-synthetic \
      TIDIGT_KEY_ENCRYPTION_KEY=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE= \
      TIDIGT_DEMO_USERS=true TIDIGT_DEMO_DATA=false SERVER_PORT="$APP_PORT" AXONIQ_UPDATE_CHECKER_DISABLED=true \
      "${APP_ENV[@]}" "$@" java $JAVA_OPTIONS -jar "$JAR" > "$WORK/app-$db.log" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
  for _ in $(seq 1 3000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness"; then
      READY_MS=$(ms_since "$start"); START_RSS=$(rss_mib "$APP_PID"); READY_CPU=$(cpu_s "$APP_PID"); return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
  done
  tail -50 "$WORK/app-$db.log" >&2
  echo "the application did not get ready" >&2
  exit 1
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
ADMIN=$(printf admin:demo | base64); ANALYST=$(printf analyst:demo | base64); HV=$(printf hv-admin:demo | base64)
api() { curl -sf -H "Authorization: Basic $1" "${@:3}" "http://127.0.0.1:$APP_PORT$2"; }
stats_status() { api "$ADMIN" /api/v1/admin/projections | jq -c '.[] | select(.name == "case-statistics")'; }
# The JIT compiler's accumulated time in ms (HotSpot's java.ci.totalTime), read with jcmd; "" without jcmd.
jit_ms() { jcmd "$APP_PID" PerfCounter.print 2>/dev/null | awk -F= '/java.ci.totalTime=/ {t=$2} /sun.os.hrt.frequency=/ {f=$2} END { if (f > 0) printf "%d", t * 1000 / f }'; }
# warm_up MIN MAX ROUND command...: runs the command (a load of ROUND seconds) for at least MIN seconds, then
# until the JIT compiled for under 5 % of a round's wall time, or MAX seconds. A JVM on two cores shared with
# PostgreSQL and the load generator is still compiling minutes after it starts: measured before it settles,
# a run reports the compiler, not the application (BENCHMARKS.md, "How to run").
# Sets WARMED_S (seconds spent) and JIT_SHARE (the compiler's share of the last round, %).
warm_up() {
  local min="$1" max="$2" round="$3"; shift 3
  local start jit_before jit_after
  start=$(date +%s); WARMED_S=0; JIT_SHARE="?"
  while true; do
    jit_before=$(jit_ms); "$@" > /dev/null; jit_after=$(jit_ms)
    WARMED_S=$(( $(date +%s) - start ))
    if [ -n "$jit_before" ] && [ -n "$jit_after" ]; then
      JIT_SHARE=$(awk -v d=$(( jit_after - jit_before )) -v r="$round" 'BEGIN { printf "%.1f", d / (10 * r) }')
    fi
    [ "$WARMED_S" -lt "$min" ] && continue
    [ "$WARMED_S" -ge "$max" ] && break
    awk -v s="$JIT_SHARE" 'BEGIN { exit !(s != "?" && s < 5) }' && break
  done
}
# This server's autovacuum: off on some CI machines (conf.d), where no table is ever analysed and the
# event store's queries keep the plans of an empty table. Any other server analyses a growing table on its
# own; here the benchmark does what autovacuum would, once the warm-up has filled the tables.
AUTOVACUUM=$(psql_admin -Atc "show autovacuum" 2>/dev/null || echo "?")
analyse_like_autovacuum() { # database
  if [ "$AUTOVACUUM" = off ]; then
    psql_db "$1" -qc "analyze" >/dev/null
    row "| this server runs with autovacuum = off: ANALYZE by the benchmark after the warm-up, as autovacuum would | | | | | |"
  fi
}

# ---------------------------------------------------------------- 2. REST writes through a separate load process
declare -A REST_TPS
if ! part rest; then
  :
elif command -v wrk >/dev/null; then
  WDB=$(new_db rest)
  start_app "$WDB"
  ready_row "fresh database, migrations included"
  # Each load process numbers its Idempotency-Keys from 1 under its tag: every run needs a tag of its own, or
  # its keys are the earlier run's, answered 409 (key reused) instead of written.
  WRK_RUNS=0
  wrk_writes() { # clients seconds tag
    local threads=$(( $1 < CORES ? $1 : CORES ))
    WRK_RUNS=$(( WRK_RUNS + 1 ))
    wrk -t"$threads" -c"$1" -d"$2s" --timeout 30s -s "$ROOT/deploy/benchmark/writes.lua" "http://127.0.0.1:$APP_PORT" -- "$HV" "$STAMP-$3-$WRK_RUNS" 2>&1 || true
  }
  say "REST writes: warm-up at the highest client count, ${WARMUP}-${WARMUP_MAX} s (until the JIT settles)"
  max_clients=$(echo "$CLIENT_LIST" | tr ' ' '\n' | sort -n | tail -1)
  wrk_writes "$max_clients" "$WARMUP" warmup > "$WORK/warmup.out"
  grep -q '^RESULT' "$WORK/warmup.out" || { cat "$WORK/warmup.out" >&2; exit 1; }
  WARMED_S=0; JIT_SHARE="?"
  [ "$WARMUP_MAX" -gt "$WARMUP" ] && warm_up 0 $(( WARMUP_MAX - WARMUP )) 10 wrk_writes "$max_clients" 10 warmup
  row "| REST warm-up: writes at $max_clients clients until the JIT settled | | $(( WARMUP + WARMED_S )) s | | | the JIT compiler's share of the last round: ${JIT_SHARE} % |"
  analyse_like_autovacuum "$WDB"
  for c in $CLIENT_LIST; do
    # The statistics projection's lag (events behind the newest) sampled twice a second meanwhile.
    ( while true; do stats_status | jq -r '.lag' 2>/dev/null; sleep 0.5; done ) > "$WORK/lag-$c" &
    poller=$!
    cpu_before=$(cpu_s "$APP_PID")
    out=$(wrk_writes "$c" "$SECONDS_EACH" "c$c")
    cpu_after=$(cpu_s "$APP_PID")
    kill "$poller"; wait "$poller" 2>/dev/null || true
    result=$(echo "$out" | grep '^RESULT') || { echo "$out" >&2; exit 1; }
    if [ "$(field refused "$result")" != 0 ] || [ "$(field socket_errors "$result")" != 0 ]; then
      echo "$out" >&2; echo "writes were refused or failed during the benchmark" >&2; exit 1
    fi
    caught_up_start=$(date +%s%N)
    until [ "$(stats_status | jq -r '.lag')" = 0 ]; do sleep 0.1; done
    catch_up=$(ms_since "$caught_up_start")
    max_lag=$(sort -n "$WORK/lag-$c" | tail -1)
    tps=$(per_second "$(field ok "$result")" "$(field duration_us "$result")")
    REST_TPS[$c]=$tps
    row "| REST writes (wrk, raise + 19 collaborations per case, Idempotency-Key each) | $c | $tps | $(ms "$(field p50_us "$result")") ms | $(ms "$(field p99_us "$result")") ms | $(ratio "$tps" "${PG_ONE_TPS[$c]:-0}") |"
    cpu_per_write=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$(field ok "$result")" 'BEGIN { if (n > 0) printf "%.1f ms", 1000 * (b - a) / n; else printf "–" }')
    row "| the application's CPU per REST write (JVM user + system, the statistics processor included) | $c | $cpu_per_write | | | |"
    row "| statistics projection lag during it | $c | max ${max_lag:-?} events | | caught up ${catch_up} ms after | |"
  done
  row "| RSS after the REST runs | | $(rss_mib "$APP_PID") MiB | | | |"
  stop_app
  start_app "$WDB"
  ready_row "restart over the REST runs' events"
  stop_app
else
  say "wrk is not installed (apt-get install wrk): the REST writes and the statistics reads are not measured"
fi

# ---------------------------------------------------------------- 2b. the write's own SQL
# The statements one collaboration write issues, from the server's log (log_statement = all for a scratch
# database only, set before the application connects), replayed by pgbench as a script of their own: the
# same transaction with the event-chain trigger (the application's migrations), each time a random case of
# OWN_SQL_CASES (copies of the captured case's view row), a new idempotency key, event id and global index.
# The REST writes' rate as a share of it is the ratio that says how much the application adds to its SQL.
declare -A OWN_TPS
OWN_SQL_CASES=10000
if ! part ownsql; then
  :
elif ! command -v pgbench >/dev/null; then
  say "pgbench is not installed: the write's own SQL is not measured"
elif [ -z "$SERVER_LOG" ] || [ ! -r "$SERVER_LOG" ]; then
  row "| the write's own SQL (pgbench) | | not measured: no readable server log (--server-log FILE) | | | |"
else
  ODB=$(new_db ownsql)
  psql_admin -qc "alter database $ODB set log_statement = 'all'"
  start_app "$ODB"
  own_post() { api "$HV" "$1" -X POST -H 'Content-Type: application/json' -H "Idempotency-Key: own-sql-$STAMP-$RANDOM$RANDOM" -d "$2"; }
  own_case=$(own_post /api/v1/districts/hasselby-vallingby/cases \
    '{"receivedAt":"'"$(date -u -d '2 days ago' +%FT%TZ)"'","reporter":"SCHOOL","concerns":["CRIME_RISK","SCHOOL_ABSENCE"],"child":{"personalIdentityNumber":"20150312-1236"}}' | jq -r .caseId)
  collaboration='{"partner":"SCHOOL","kind":"MEETING","occurredAt":"'"$(date -u -d '1 day ago' +%FT%TZ)"'"}'
  # A few first, so that the one captured is a write like the thousands after it (caches filled, statements prepared).
  for _ in 1 2 3 4 5 6; do own_post "/api/v1/cases/$own_case/collaborations" "$collaboration" > /dev/null; done
  sleep 1
  log_offset=$(stat -c %s "$SERVER_LOG")
  own_post "/api/v1/cases/$own_case/collaborations" "$collaboration" > /dev/null
  sleep 1
  stop_app
  psql_admin -qc "alter database $ODB reset log_statement"
  captured=$(python3 "$ROOT/deploy/benchmark/own-sql.py" "$SERVER_LOG" "$log_offset" "$WORK/own-sql.sql" "$OWN_SQL_CASES") \
    || { echo "the write's SQL was not found in $SERVER_LOG" >&2; exit 1; }
  psql_db "$ODB" -qc "$(echo "$captured" | head -1)"
  psql_db "$ODB" -qc "vacuum analyze" > /dev/null
  own_statements=$(echo "$captured" | tail -n +2 | grep -vciE '^(BEGIN|COMMIT)$')
  say "the write's own SQL ($own_statements statements, from $SERVER_LOG):"
  echo "$captured" | tail -n +2 | sed 's/^/   /'
  cp "$WORK/own-sql.sql" "$WORK/own-sql.record"
  for c in $CLIENT_LIST; do
    threads=$(( c < CORES ? c : CORES ))
    rm -f "$WORK"/pgo_*
    if ! out=$(cd "$WORK" && pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -n -M prepared -c "$c" -j "$threads" \
          -T "$SECONDS_EACH" -f "$WORK/own-sql.sql" --log --log-prefix=pgo "$ODB" 2>&1); then
      row "| the write's own SQL (pgbench) | $c | not measured: $(echo "$out" | grep -m1 -iE 'error|abort' | cut -c1-160) | | | |"
      continue
    fi
    tps=$(printf '%.0f' "$(echo "$out" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)")
    read -r p50 p99 < <(cat "$WORK"/pgo* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
      i50=int(NR*0.5); if (i50<1) i50=1; i99=int(NR*0.99); if (i99<1) i99=1; print a[i50], a[i99] }')
    OWN_TPS[$c]=$tps
    row "| the write's own SQL (pgbench: a collaboration write's $own_statements statements and its transaction, chain trigger) | $c | $tps | $(ms "$p50") ms | $(ms "$p99") ms | $(ratio "$tps" "${PG_ONE_TPS[$c]:-0}") |"
    [ -n "${REST_TPS[$c]:-}" ] && row "| REST writes as a share of their own SQL | $c | $(ratio "${REST_TPS[$c]}" "$tps") | | | |"
  done
fi

# ---------------------------------------------------------------- 3. the command gateway, no HTTP
if part commands; then
CDB=$(new_db commands)
say "commands through Axon's command gateway in a JVM hosting the application"
out=$(export SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$CDB" SPRING_DATASOURCE_USERNAME="$DB_USER" \
        TIDIGT_PSEUDONYM_KEY=benchmark-pseudonym-key-synthetic TIDIGT_KEY_ENCRYPTION_KEY=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE= \
        TIDIGT_DEMO_USERS=true AXONIQ_UPDATE_CHECKER_DISABLED=true
      launch_class se.tidigt.benchmarks.CommandGatewayBenchmark --clients="$CLIENTS" --seconds="$SECONDS_EACH" \
        --warmup="$(( WARMUP < 10 ? WARMUP : 10 ))" 2>&1) || { echo "$out" | tail -40 >&2; echo "the command-gateway benchmark failed" >&2; exit 1; }
echo "$out" | grep -q '^RESULT' || { echo "$out" | tail -40 >&2; exit 1; }
while read -r result; do
  c=$(field clients "$result"); tps=$(per_second "$(field requests "$result")" "$(field duration_us "$result")")
  row "| commands through the CommandGateway (same writes, no HTTP) | $c | $tps | $(ms "$(field p50_us "$result")") ms | $(ms "$(field p99_us "$result")") ms | $(ratio "$tps" "${PG_ONE_TPS[$c]:-0}") |"
done < <(echo "$out" | grep '^RESULT')
fi

# ---------------------------------------------------------------- an event store of N events (parts 4 and 6)
# fill_event_store <database>: the demo generator's small city through the command side, then its cases copied
# in SQL until the store holds $EVENTS events; the application is stopped after. Sets template_max (the last
# index the generator wrote, where the statistics' tokens stand), template_events, copies, fill_ms, total, head.
fill_event_store() {
  local db="$1"
  say "an event store of $EVENTS events: the demo generator's cases, copied"
  start_app "$db" TIDIGT_DEMO_DATA=true TIDIGT_DEMO_DATA_CASES_PER_YEAR="$DEMO_CASES_PER_YEAR"
  until api "$ADMIN" /api/v1/admin/demo-data | jq -e '.state == "DONE"' >/dev/null; do
    api "$ADMIN" /api/v1/admin/demo-data | jq -e '.state == "FAILED"' >/dev/null && { echo "demo data failed" >&2; exit 1; }
    sleep 0.5
  done
  until [ "$(stats_status | jq -r '.lag')" = 0 ]; do sleep 0.2; done
  stop_app
  template_max=$(psql_db "$db" -Atc "select max(globalindex) from domainevententry")
  template_events=$(psql_db "$db" -Atc "select count(*) from domainevententry where type = 'Case'")
  have=$(psql_db "$db" -Atc "select count(*) from domainevententry")
  copies=$(( (EVENTS - have + template_events - 1) / template_events )); [ "$copies" -lt 0 ] && copies=0
  fill_start=$(date +%s%N)
  for first in $(seq 1 10 "$copies"); do
    last=$(( first + 9 < copies ? first + 9 : copies ))
    psql_db "$db" -q -v template_max="$template_max" -v first="$first" -v last="$last" -f "$ROOT/deploy/benchmark/replicate-events.sql"
  done
  fill_ms=$(ms_since "$fill_start")
  total=$(psql_db "$db" -Atc "select count(*) from domainevententry")
  head=$(psql_db "$db" -Atc "select max(globalindex) from domainevententry")
}

# ---------------------------------------------------------------- the heap per case (part 4)
# The live heap (what a full GC leaves: jcmd's class histogram runs one first) at a point of the run, in bytes;
# the histogram itself kept in $WORK. "" without jcmd.
live_heap() { # name
  jcmd "$APP_PID" GC.class_histogram > "$WORK/histogram-$1.txt" 2>/dev/null || { echo ""; return; }
  awk '/^Total/ { print $3 }' "$WORK/histogram-$1.txt"
}
# Rows: the live heap with the statistics held against the same application before it held them, per case fact,
# and the classes that grew most (the statistics' own and the JDK's they are made of).
heap_per_case_rows() { # live heap before (bytes), case facts
  local before="$1" cases="$2" after
  after=$(live_heap statistics-held)
  [ -n "$before" ] && [ -n "$after" ] || { row "| heap per case | | not measured (no jcmd) | | | |"; return; }
  row "| live heap after a full GC: before any statistics read / with the statistics held | | $(( before / 1048576 )) / $(( after / 1048576 )) MiB | | $(awk -v a="$after" -v b="$before" -v n="$cases" 'BEGIN { printf "%.0f bytes per case fact (%d cases)", (a - b) / n, n }') | |"
  # The classes that grew most between the two histograms (instances and bytes per case fact).
  awk -v n="$cases" 'FNR == NR && $1 ~ /^[0-9]+:$/ { b[$4] = $3; next }
       $1 ~ /^[0-9]+:$/ { d = $3 - b[$4]; if (d > 0) printf "%d %s %.0f\n", d, $4, d / n }' \
    "$WORK/histogram-ready.txt" "$WORK/histogram-statistics-held.txt" | sort -rn | awk 'NR <= 8' > "$WORK/heap-growth.txt"
  row "| what the statistics hold, bytes per case fact, largest first | | $(awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $3 }' "$WORK/heap-growth.txt") | | | |"
}

# ---------------------------------------------------------------- 4. N events: replay and statistics
if part replay; then
RDB=$(new_db replay)
fill_event_store "$RDB"
# The catch-up part (6) goes on from a copy of this store as filled, the statistics' tokens still behind.
if part catchup; then
  CATCH_UP_TEMPLATE=$(new_db catchup)
  psql_admin -qc "drop database $CATCH_UP_TEMPLATE" >/dev/null
  psql_admin -qc "create database $CATCH_UP_TEMPLATE template $RDB" >/dev/null
fi
# The copies arrive as if already processed, so the replay below is the statistics projection's only pass.
psql_db "$RDB" -qc "update tokenentry set token = convert_to('{\"index\":$head,\"gaps\":[]}', 'UTF8'), owner = null
                    where processorname = 'case-statistics'"
psql_db "$RDB" -qc "vacuum analyze" >/dev/null
say "$total events ($copies copies of $template_events case events) written in $fill_ms ms"
start_app "$RDB"
ready_row "restart over $total events"
HEAP_AT_READY=$(live_heap ready)
say "replay of case-statistics over $total events"
replay_start=$(date +%s%N)
api "$ADMIN" /api/v1/admin/projections/case-statistics/replay -X POST > /dev/null
last_report=0
REPLAY_DONE=1
while true; do
  status=$(stats_status)
  state=$(echo "$status" | jq -r '.replay.state // ""')
  [ "$state" = FAILED ] && { echo "$status" >&2; echo "the replay failed" >&2; exit 1; }
  # STARTED: the tokens were reset; done when no segment replays any more and none lags.
  if [ "$state" != RUNNING ] && [ "$(echo "$status" | jq -r '.replaying')" = false ] \
     && [ "$(echo "$status" | jq -r '.lag')" = 0 ]; then break; fi
  now=$(ms_since "$replay_start")
  if [ $(( now / 1000 )) -ge "$REPLAY_TIMEOUT" ]; then
    # Not a broken program, a slow one: report how far it got and how fast.
    REPLAY_DONE=0; replay_position=$(echo "$status" | jq -r '.position'); break
  fi
  if [ $(( now - last_report )) -ge 10000 ]; then
    echo "   $((now / 1000)) s: $(echo "$status" | jq -r '"\(.replayProgressPercent | floor) %, position \(.position) of \(.head)"')"
    last_report=$now
  fi
  sleep 0.2
done
replay_ms=$(ms_since "$replay_start")
if [ "$REPLAY_DONE" = 1 ]; then
  row "| full replay of the statistics projection | | $(per_second "$total" $(( replay_ms * 1000 ))) events/s | | $total events in $(awk -v m="$replay_ms" 'BEGIN{printf "%.1f", m/1000}') s | |"
else
  row "| replay of the statistics projection, NOT FINISHED after $REPLAY_TIMEOUT s | | $(per_second "$replay_position" $(( replay_ms * 1000 ))) events/s | | at $replay_position of $total events | |"
fi
row "| RSS after the replay | | $(rss_mib "$APP_PID") MiB | | | |"
facts=$(psql_db "$RDB" -Atc "select count(*) from case_fact" 2>/dev/null || echo "?")

if [ "$REPLAY_DONE" = 0 ]; then
  say "the statistics are not read: the replay did not finish, their facts are incomplete"
elif command -v wrk >/dev/null; then
  read_stats() { # name user path
    local threads=$(( READERS < CORES ? READERS : CORES ))
    api "$2" "$3" > /dev/null || { echo "GET $3 failed before the run" >&2; exit 1; }
    local round=$(( READ_SECONDS < 5 ? READ_SECONDS : 5 ))
    warm_up "$round" $(( WARMUP_MAX / 4 )) "$round" wrk -t"$threads" -c"$READERS" -d"${round}s" --timeout 60s \
      -s "$ROOT/deploy/benchmark/reads.lua" "http://127.0.0.1:$APP_PORT$3" -- "$2"
    READ_WARMUPS="${READ_WARMUPS:+$READ_WARMUPS, }$WARMED_S s (JIT ${JIT_SHARE} %)"
    out=$(wrk -t"$threads" -c"$READERS" -d"${READ_SECONDS}s" --timeout 60s -s "$ROOT/deploy/benchmark/reads.lua" \
          "http://127.0.0.1:$APP_PORT$3" -- "$2" 2>&1)
    result=$(echo "$out" | grep '^RESULT') || { echo "$out" >&2; exit 1; }
    [ "$(field refused "$result")" = 0 ] || { echo "$out" >&2; echo "statistics reads were refused" >&2; exit 1; }
    if [ "$(field requests "$result")" = 0 ]; then
      row "| $1 ($READERS readers, $total events, $facts case facts) | $READERS | no answer within the ${READ_SECONDS} s run | > ${READ_SECONDS} s | > ${READ_SECONDS} s | |"
      return
    fi
    row "| $1 ($READERS readers, $total events, $facts case facts) | $READERS | $(per_second "$(field requests "$result")" "$(field duration_us "$result")") | $(ms "$(field p50_us "$result")") ms | $(ms "$(field p99_us "$result")") ms | |"
  }
  say "statistics with $READERS concurrent readers"
  read_stats "city statistics by district, analyst" "$ANALYST" "/api/v1/stats/city?groupBy=district"
  read_stats "district statistics, hv-admin" "$HV" "/api/v1/stats/districts/hasselby-vallingby"
  read_stats "rollout effect, analyst" "$ANALYST" "/api/v1/stats/rollout-effect"
  row "| statistics warm-up per query before its run (city, district, rollout effect) | | $READ_WARMUPS | | | |"
  heap_per_case_rows "$HEAP_AT_READY" "$facts"
  row "| RSS with the statistics held | | $(rss_mib "$APP_PID") MiB | | | |"
fi
stop_app
fi

# ---------------------------------------------------------------- 5. cold reads: after a restart, after the facts move
# Over the replay part's event store: each statistics query read by the readers right after a restart (no
# warm-up of our own: the first reads of a fresh JVM), then while two clients write (the position moves all
# the time) and right after a burst of writes (the first reads after the facts moved, the statistics caught up).
# Per row: a fixed number of answers (the readers' first), p50, p99 and the slowest.
if ! part cold; then
  :
elif [ -z "${RDB:-}" ] || [ "${REPLAY_DONE:-0}" != 1 ] || ! command -v wrk >/dev/null; then
  say "cold reads not measured: they read the replay part's event store (--parts replay,cold) with wrk"
else
  COLD_QUERIES=("city statistics by district, analyst|$ANALYST|/api/v1/stats/city?groupBy=district"
                "district statistics, hv-admin|$HV|/api/v1/stats/districts/hasselby-vallingby"
                "rollout effect, analyst|$ANALYST|/api/v1/stats/rollout-effect")
  statistics_version() { psql_db "$RDB" -Atc "select version from statistics_position"; }
  # READERS readers (wrk's connections, reads.lua) read COLD_READS answers each on average: every answer until
  # that count is counted, the first ones after a restart too (wrk starts as soon as readiness answers, and each
  # of its threads stops at its share of the count rather than at a time, so no slow first answer is left
  # out). wrk runs for COLD_SECONDS whatever happens; answers missing at its end are named in the row.
  COLD_READS=10; COLD_SECONDS=$(( SMOKE == 1 ? 10 : 30 ))
  cold_read() { # label user path: one row
    local threads=$(( READERS < CORES ? READERS : CORES ))
    local wanted=$(( READERS * COLD_READS / threads * threads ))
    local out result missing refused
    out=$(wrk -t"$threads" -c"$READERS" -d"${COLD_SECONDS}s" --timeout "${COLD_SECONDS}s" \
          -s "$ROOT/deploy/benchmark/reads.lua" "http://127.0.0.1:$APP_PORT$3" -- "$2" $(( wanted / threads )) 2>&1)
    result=$(echo "$out" | grep '^RESULT') || { echo "$out" >&2; exit 1; }
    # A refusal here is a finding, not a broken program: 429 when one user's expensive computations pile up.
    refused=$(field refused "$result")
    missing=$(( wanted - $(field requests "$result") ))
    row "| $1 | $READERS × $COLD_READS | slowest $(ms "$(field max_us "$result")") ms | $(ms "$(field p50_us "$result")") ms | $(ms "$(field p99_us "$result")") ms | $([ "$refused" != 0 ] && echo "not 200: $refused ($(echo "$out" | sed -n 's/^FIRST_REFUSAL \([0-9]*\).*/first \1/p')) ")$([ "$missing" -gt 0 ] && echo "$missing not answered within ${COLD_SECONDS} s")|"
  }
  cold_writes() { # clients seconds tag: REST writes as in the REST part, in the background
    wrk -t1 -c"$1" -d"$2s" --timeout 30s -s "$ROOT/deploy/benchmark/writes.lua" "http://127.0.0.1:$APP_PORT" -- "$HV" "$STAMP-$3" \
      > "$WORK/cold-writes-$3.out" 2>&1
  }
  say "cold reads: $READERS readers right after a restart, while two clients write, right after a burst of writes"
  for entry in "${COLD_QUERIES[@]}"; do
    IFS='|' read -r name user path <<< "$entry"
    start_app "$RDB"
    cold_read "$name, the first reads right after a restart (ready in $(awk -v m="$READY_MS" 'BEGIN{printf "%.1f", m/1000}') s)" "$user" "$path"
    stop_app
  done
  start_app "$RDB"
  for entry in "${COLD_QUERIES[@]}"; do
    IFS='|' read -r name user path <<< "$entry"
    api "$user" "$path" > /dev/null || { echo "GET $path failed" >&2; exit 1; }
  done
  for entry in "${COLD_QUERIES[@]}"; do
    IFS='|' read -r name user path <<< "$entry"
    tag="cold-$(echo "$path" | md5sum | cut -c1-6)"
    before=$(statistics_version)
    cold_writes 2 $(( READ_SECONDS + 5 )) "$tag" &
    writer=$!
    sleep 1
    cold_read "$name, while 2 clients write" "$user" "$path"
    wait "$writer" || true
    row "| (the statistics position moved $(( $(statistics_version) - before )) times meanwhile; writes $(grep '^RESULT' "$WORK/cold-writes-$tag.out" | sed -E 's/.*ok=([0-9]+).*/\1/') ok) | | | | | |"
    cold_writes 4 2 "$tag-burst"
    until [ "$(stats_status | jq -r '.lag')" = 0 ]; do sleep 0.05; done
    cold_read "$name, the first reads after a burst of writes (caught up)" "$user" "$path"
  done
  stop_app
fi

# ---------------------------------------------------------------- 6. live catch-up
# The statistics behind by N events as after an outage, a new instance or an import: the store filled as in part 4
# but the statistics' tokens left where the demo city's events ended; the application started, and its processor
# (or whatever it catches up with) measured from the first claim of a segment until every segment stands at the
# head. Positions are read from the token store with psql, so the figure does not depend on the admin API.
catch_up_positions() { # database: "<ms since launch> <segments claimed> <lowest segment position>" every 0.2 s
  local db="$1" launched="$2"
  while true; do
    echo "$(ms_since "$launched") $(psql_db "$db" -Atc "select count(owner), coalesce(min(coalesce(
        (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint,
        (convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'index')::bigint)), -1)
      from tokenentry where processorname = 'case-statistics'" 2>/dev/null | tr '|' ' ')"
    sleep 0.2
  done
}
catch_up_run() { # template database, settings ("VAR=value ..." for the application, or empty for its defaults)
  local template="$1" settings="$2" db behind from launched poller first_claim caught_up lag_zero ms
  CATCH_UP_RUNS=$(( CATCH_UP_RUNS + 1 ))
  db="tidigt_bench_${STAMP}_catchup_$CATCH_UP_RUNS"
  psql_admin -qc "create database $db template $template" >/dev/null
  from=$(psql_db "$db" -Atc "select coalesce(min(coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint,
           (convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'index')::bigint)), -1)
         from tokenentry where processorname = 'case-statistics'")
  behind=$(psql_db "$db" -Atc "select count(*) from domainevententry where globalindex > $from")
  say "catch-up of case-statistics: $behind events behind (tokens at $from, head $head)${settings:+; $settings}"
  launched=$(date +%s%N)
  catch_up_positions "$db" "$launched" > "$WORK/catch-up-$db" &
  poller=$!
  # shellcheck disable=SC2086 # VAR=value words for the application
  start_app "$db" $settings
  ready_row "the statistics $behind events behind${settings:+, $settings}"
  until [ "$(stats_status | jq -r '.lag')" = 0 ]; do sleep 0.2; done
  lag_zero=$(ms_since "$launched")
  sleep 0.4
  kill "$poller"; wait "$poller" 2>/dev/null || true
  first_claim=$(awk '$2 > 0 { print $1; exit }' "$WORK/catch-up-$db")
  # Caught up: every stored token at the head, or the admin API's lag 0 (a processor's segment that has had no
  # event of its own since its last batch keeps its stored token there, while the processor stands at the head).
  caught_up=$(awk -v h="$head" -v z="$lag_zero" '$3 >= h { t = $1; exit } END { print (t != "" && t < z ? t : z) }' "$WORK/catch-up-$db")
  ms=$(( caught_up - first_claim ))
  row "| live catch-up of the statistics projection${settings:+ ($settings)} | | $(per_second "$behind" $(( ms * 1000 ))) events/s | | $behind events in $(awk -v m="$ms" 'BEGIN{printf "%.1f", m/1000}') s from the first claim; caught up $(awk -v m="$caught_up" 'BEGIN{printf "%.1f", m/1000}') s after the launch; load average $(cut -d' ' -f1-3 /proc/loadavg) | |"
  row "| RSS after the catch-up${settings:+ ($settings)} | | $(rss_mib "$APP_PID") MiB | | | |"
  api "$ANALYST" "/api/v1/stats/city?groupBy=district" > /dev/null
  row "| RSS after the catch-up and a first statistics answer (every case fact held)${settings:+ ($settings)} | | $(rss_mib "$APP_PID") MiB | | | |"
  stop_app
  [ "$KEEP" = 1 ] || psql_admin -qc "drop database $db" >/dev/null
}
# One store filled once; each setting of --catch-up-env (separated by ";") catches up on a copy of it.
catch_up_part() {
  local template settings
  if [ -n "$CATCH_UP_STORE" ]; then
    # A store kept from an earlier run (--keep): the statistics' tokens where that run left them.
    template=$CATCH_UP_STORE
    head=$(psql_db "$template" -Atc "select max(globalindex) from domainevententry")
  elif [ -n "${CATCH_UP_TEMPLATE:-}" ]; then
    template=$CATCH_UP_TEMPLATE
  else
    template=$(new_db catchup)
    fill_event_store "$template"
  fi
  psql_db "$template" -qc "vacuum analyze" >/dev/null
  CATCH_UP_RUNS=0
  IFS=';' read -r -a settings <<< "${CATCH_UP_ENV:-}"
  [ "${#settings[@]}" -gt 0 ] || settings=("")
  for s in "${settings[@]}"; do
    catch_up_run "$template" "$(echo "$s" | sed -E "s/^ +//; s/ +$//")"
  done
}
if part catchup; then
  catch_up_part
fi

# ---------------------------------------------------------------- the record
echo
say "results"
cat "$RESULTS"
if [ "$RECORD" = 1 ]; then
  {
    echo
    echo "### $(date -u +%Y-%m-%d\ %H:%M) UTC${LABEL:+, $LABEL}"
    echo
    echo "$(basename "$JAR") (the benchmark from $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')), $DB_WHERE, PostgreSQL $PG_VERSION," \
         "$CORES cores, load average before and after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg);" \
         "${SECONDS_EACH} s per run, a warm-up of ${WARMUP}-${WARMUP_MAX} s (until the JIT settles)${JAVA_OPTIONS:+; JVM options of the application: $JAVA_OPTIONS}."
    echo
    cat "$RESULTS"
  } > "$WORK/record.md"
  # Runs go above the marker at the end of this program's own section.
  awk -v rec="$WORK/record.md" '/<!-- benchmark runs above -->/ { while ((getline l < rec) > 0) print l; print "" } { print }' \
    "$ROOT/BENCHMARKS.md" > "$WORK/BENCHMARKS.md" && cp "$WORK/BENCHMARKS.md" "$ROOT/BENCHMARKS.md"
  say "recorded in BENCHMARKS.md"
fi
