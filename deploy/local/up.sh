#!/usr/bin/env bash
# Runs the whole pipeline locally: a real single-node KRaft Kafka broker and a real Redis (no
# Docker), then ingest-, classifier- and review-service with the dev credentials.
# Needs only Java 17+ and Maven. Idempotent: what already runs is found and left alone.
# deploy/local/down.sh stops exactly what this script started.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run="${MODPIPE_RUN_DIR:-$here/run}"
logs="$run/logs"
pids="$run/pids"
mkdir -p "$logs" "$pids"

KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}"
REDIS_URL="${REDIS_URL:-redis://localhost:6379}"
INGEST_PORT="${INGEST_PORT:-8081}"
CLASSIFIER_PORT="${CLASSIFIER_PORT:-8082}"
REVIEW_PORT="${REVIEW_PORT:-8083}"
ESCALATION_ACK_TIMEOUT="${ESCALATION_ACK_TIMEOUT:-5m}"
export KAFKA_BOOTSTRAP_SERVERS REDIS_URL INGEST_PORT CLASSIFIER_PORT REVIEW_PORT ESCALATION_ACK_TIMEOUT
[ -n "${ESCALATION_WEBHOOK_URL:-}" ] && export ESCALATION_WEBHOOK_URL

say() { printf '%s\n' "$*"; }

# host:port of the first bootstrap server and of the Redis URL
kafka_host="${KAFKA_BOOTSTRAP_SERVERS%%,*}"; kafka_port="${kafka_host##*:}"; kafka_host="${kafka_host%:*}"
redis_hostport="${REDIS_URL#redis://}"; redis_hostport="${redis_hostport##*@}"; redis_hostport="${redis_hostport%%/*}"
redis_host="${redis_hostport%:*}"; redis_port="${redis_hostport##*:}"

answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
running() { [ -f "$pids/$1.pid" ] && kill -0 "$(cat "$pids/$1.pid")" 2>/dev/null; }
is_local() { case "$1" in localhost|127.0.0.1|::1) return 0;; *) return 1;; esac; }

# 1. Build what is missing.
jars=("$root/ingest-service/target/ingest-service.jar" "$root/classifier-service/target/classifier-service.jar"
      "$root/review-service/target/review-service.jar" "$root/deploy/local/target/classes/dev/modpipe/infra/broker.classpath")
missing=0
for jar in "${jars[@]}"; do [ -f "$jar" ] || missing=1; done
if [ "$missing" = 1 ] || [ "${MODPIPE_REBUILD:-0}" = 1 ]; then
  say "building (first run takes a few minutes; log: $logs/build.log)"
  (cd "$root" && ./mvnw -B -q install -DskipTests) > "$logs/build.log" 2>&1 || { say "build failed, see $logs/build.log"; exit 1; }
fi
infra_cp="$root/deploy/local/target/classes:$(cat "$root/deploy/local/target/classes/dev/modpipe/infra/broker.classpath")"
local_main() { java -cp "$infra_cp" dev.modpipe.infra.LocalMain "$@"; }

# 2. Kafka: start a broker only when nothing answers at KAFKA_BOOTSTRAP_SERVERS.
if answers "$kafka_host" "$kafka_port"; then
  say "kafka:      $KAFKA_BOOTSTRAP_SERVERS (already running)"
elif is_local "$kafka_host"; then
  say "kafka:      starting a KRaft broker on port $kafka_port"
  nohup java -Xms256m -Xmx512m -Dlog4j.configuration=broker-log4j.properties -cp "$infra_cp" \
    dev.modpipe.infra.BrokerMain --port "$kafka_port" --controller-port "${KAFKA_CONTROLLER_PORT:-$((kafka_port + 1))}" \
    --partitions 6 --data-dir "$run/kafka" >> "$logs/kafka.log" 2>&1 < /dev/null &
  echo $! > "$pids/kafka.pid"
  for _ in $(seq 1 120); do answers "$kafka_host" "$kafka_port" && break; sleep 0.5; done
  answers "$kafka_host" "$kafka_port" || { say "kafka did not start, see $logs/kafka.log"; exit 1; }
else
  say "kafka:      nothing answers at $KAFKA_BOOTSTRAP_SERVERS and it is not local"; exit 1
fi
local_main create-topics "$KAFKA_BOOTSTRAP_SERVERS" > "$logs/topics.log" 2>&1 || { say "cannot create topics, see $logs/topics.log"; exit 1; }

# 3. Redis: likewise, with append-only persistence.
if answers "$redis_host" "$redis_port"; then
  say "redis:      $REDIS_URL (already running)"
elif is_local "$redis_host"; then
  redis_bin="$(local_main redis-executable "$run/bin")"
  say "redis:      starting $redis_bin on port $redis_port"
  mkdir -p "$run/redis"
  nohup "$redis_bin" --port "$redis_port" --bind 127.0.0.1 --dir "$run/redis" --appendonly yes \
    --appendfsync everysec --save "" --daemonize no >> "$logs/redis.log" 2>&1 < /dev/null &
  echo $! > "$pids/redis.pid"
  for _ in $(seq 1 60); do answers "$redis_host" "$redis_port" && break; sleep 0.25; done
  answers "$redis_host" "$redis_port" || { say "redis did not start, see $logs/redis.log"; exit 1; }
else
  say "redis:      nothing answers at $REDIS_URL and it is not local"; exit 1
fi

# 4. The services, in the dev profile (dev credentials are refused by any other profile).
start_service() { # name port jar health-path extra-env...
  local name="$1" port="$2" jar="$3" health="$4"; shift 4
  if running "$name"; then say "$name: already running (pid $(cat "$pids/$name.pid"))"; return; fi
  if answers localhost "$port"; then say "$name: port $port is taken by another process"; exit 1; fi
  env "$@" nohup java -Xms64m -Xmx512m -XX:+UseSerialGC -jar "$jar" >> "$logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$pids/$name.pid"
}
start_service ingest-service "$INGEST_PORT" "$root/ingest-service/target/ingest-service.jar" /health MICRONAUT_ENVIRONMENTS=dev
start_service classifier-service "$CLASSIFIER_PORT" "$root/classifier-service/target/classifier-service.jar" /actuator/health SPRING_PROFILES_ACTIVE=dev
start_service review-service "$REVIEW_PORT" "$root/review-service/target/review-service.jar" /health MICRONAUT_ENVIRONMENTS=dev

for check in "ingest-service http://localhost:$INGEST_PORT/health" \
             "classifier-service http://localhost:$CLASSIFIER_PORT/actuator/health" \
             "review-service http://localhost:$REVIEW_PORT/health"; do
  set -- $check
  if ! local_main wait-http "$2" 90; then say "$1 is not healthy, see $logs/$1.log"; exit 1; fi
done

cat <<EOT

modpipe is up (logs: $logs)
  ingest-service      http://localhost:$INGEST_PORT    (platform 'demo', API key 'demo-key')
  classifier-service  http://localhost:$CLASSIFIER_PORT/actuator/health
  review-service      http://localhost:$REVIEW_PORT    (tokens mod1-token, lead1-token, oncall1-token, admin1-token)
  kafka               $KAFKA_BOOTSTRAP_SERVERS
  redis               $REDIS_URL

Try it:
  curl -s -X POST http://localhost:$INGEST_PORT/v1/posts -H 'Authorization: Bearer demo-key' \\
       -H 'Content-Type: application/json' \\
       -d '{"postId":"p-1","revision":1,"authorId":"user-1","body":"I have the pills here and tonight is the night. goodbye everyone"}'
  curl -s http://localhost:$REVIEW_PORT/v1/queue -H 'Authorization: Bearer mod1-token'
  curl -s http://localhost:$REVIEW_PORT/v1/alerts -H 'Authorization: Bearer oncall1-token'
  deploy/local/demo.sh     # a stream of realistic posts
  deploy/local/down.sh     # stop what up.sh started
EOT
