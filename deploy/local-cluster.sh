#!/usr/bin/env bash
# A local cluster: several Tidigt instances on loopback against ONE PostgreSQL database, started at the
# same moment, as a city runs them behind a load balancer. Stops them all on Ctrl-C (or SIGTERM).
#
#   deploy/local-cluster.sh [JDBC_URL]
#
# JDBC_URL defaults to jdbc:postgresql://127.0.0.1:5432/tidigt_cluster (created with psql when missing).
# Settings (environment): INSTANCES (3), BASE_PORT (8081: instances on 8081, 8082, ...), LOG_DIR
# (./tidigt-cluster), SPRING_DATASOURCE_USERNAME (postgres), SPRING_DATASOURCE_PASSWORD, TIDIGT_PSEUDONYM_KEY
# and TIDIGT_KEY_ENCRYPTION_KEY (generated once into $LOG_DIR/keys when unset; keep them with the database),
# TIDIGT_DEMO_USERS (true: HTTP Basic demo users, loopback only), TIDIGT_DEMO_DATA (false; true lets one
# instance write the synthetic city), SKIP_BUILD=1 to use the jar already built.
set -euo pipefail
cd "$(dirname "$0")/.."

URL="${1:-jdbc:postgresql://127.0.0.1:5432/tidigt_cluster}"
INSTANCES="${INSTANCES:-3}"
BASE_PORT="${BASE_PORT:-8081}"
LOG_DIR="${LOG_DIR:-./tidigt-cluster}"
export SPRING_DATASOURCE_URL="$URL"
export SPRING_DATASOURCE_USERNAME="${SPRING_DATASOURCE_USERNAME:-postgres}"
export SPRING_DATASOURCE_PASSWORD="${SPRING_DATASOURCE_PASSWORD:-}"
export TIDIGT_DEMO_USERS="${TIDIGT_DEMO_USERS:-true}"
export TIDIGT_DEMO_DATA="${TIDIGT_DEMO_DATA:-false}"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
mkdir -p "$LOG_DIR/keys"

# The secrets must be the same on every instance (and across restarts): one pair per cluster folder.
key() {
  local file="$LOG_DIR/keys/$1"
  [ -s "$file" ] || (umask 077 && head -c 32 /dev/urandom | base64 > "$file")
  cat "$file"
}
export TIDIGT_PSEUDONYM_KEY="${TIDIGT_PSEUDONYM_KEY:-$(key pseudonym.key)}"
export TIDIGT_KEY_ENCRYPTION_KEY="${TIDIGT_KEY_ENCRYPTION_KEY:-$(key key-encryption.key)}"

# The default database on the local server: created when psql can reach it and it is missing.
if [ $# -eq 0 ] && command -v psql >/dev/null; then
  if ! psql -h 127.0.0.1 -U "$SPRING_DATASOURCE_USERNAME" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'tidigt_cluster'" | grep -q 1; then
    psql -h 127.0.0.1 -U "$SPRING_DATASOURCE_USERNAME" -d postgres -qc "CREATE DATABASE tidigt_cluster"
  fi
fi

JAR=$(ls api-gateway/target/api-gateway-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "${SKIP_BUILD:-}" ] || [ -z "$JAR" ]; then
  echo "== building the application jar =="
  ./mvnw -B -ntp -q -pl api-gateway -am package -DskipTests
  JAR=$(ls api-gateway/target/api-gateway-*.jar | grep -v plain | head -1)
fi

PIDS=()
stop_all() {
  echo
  echo "== stopping ${#PIDS[@]} instances =="
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  exit 0
}
trap stop_all INT TERM

echo "== starting $INSTANCES instances against $URL (logs in $LOG_DIR) =="
for i in $(seq 1 "$INSTANCES"); do
  port=$((BASE_PORT + i - 1))
  java -Daxoniq.update-checker.disabled=true -jar "$JAR" --server.port="$port" > "$LOG_DIR/instance-$i.log" 2>&1 &
  PIDS+=("$!")
done

for i in $(seq 1 "$INSTANCES"); do
  port=$((BASE_PORT + i - 1))
  pid="${PIDS[$((i - 1))]}"
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "instance $i (pid $pid) ended; see $LOG_DIR/instance-$i.log"; tail -20 "$LOG_DIR/instance-$i.log"; stop_all
    fi
    sleep 1
  done
  echo "instance $i: http://127.0.0.1:$port/  (pid $pid, token-store owner $pid@$(hostname), log $LOG_DIR/instance-$i.log)"
done
echo "Segments and their owners: curl -u admin:demo http://127.0.0.1:$BASE_PORT/api/v1/admin/projections"
echo "Kill one (kill -9 <pid>) and watch the others take its segments within about 12 s. Ctrl-C stops all."
wait
