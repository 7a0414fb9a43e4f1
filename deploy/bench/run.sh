#!/usr/bin/env bash
# The pipeline benchmark in one command: builds what is missing, runs the whole system on this
# machine (real KRaft broker, Redis, the three services as their jars) next to a pass-through
# baseline, and writes docs/benchmarks/pipeline-benchmark.md, latency.png and results.json.
#
#   deploy/bench/run.sh                 # about 15 minutes
#   deploy/bench/run.sh --quick true    # a smoke run of 3-4 minutes
#   deploy/bench/run.sh --runs 5 --scale 2x3,3x6 ...   (options: deploy/bench/README.md)
#
# Measure on a quiet machine: the script prints the load average first and the report quotes it.
# MVN_OFFLINE="" lets Maven download what the local repository lacks (default: offline, -o).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
MVN=("./mvnw" ${MVN_OFFLINE--o} -q)

command -v java >/dev/null || { echo "run.sh: java (17+) is needed on the PATH" >&2; exit 1; }

# Shared modules the services build against (normally installed already).
if ! ls "$HOME/.m2/repository/dev/modpipe/shared-model/0.1.0-SNAPSHOT/"*.jar >/dev/null 2>&1 \
   || ! ls "$HOME/.m2/repository/dev/modpipe/local-infra/0.1.0-SNAPSHOT/"*.jar >/dev/null 2>&1; then
  echo "building shared-model and local-infra"
  "${MVN[@]}" -pl shared-model,deploy/local install -DskipTests
fi

# A service jar is built when it is missing or older than its sources.
for service in ingest-service classifier-service review-service; do
  jar="$service/target/$service.jar"
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$service/src/main" "$service/pom.xml" -newer "$jar" -type f -print -quit)" ]]; then
    echo "building $service"
    "${MVN[@]}" -pl "$service" package -DskipTests
  fi
done

echo "building the harness (deploy/e2e) and the benchmark (deploy/bench)"
"${MVN[@]}" -f deploy/e2e/pom.xml install -DskipTests
"${MVN[@]}" -f deploy/bench/pom.xml package -DskipTests
"${MVN[@]}" -f deploy/bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/bench.classpath

echo "machine: $(nproc) cores; load average now: $(cut -d' ' -f1-3 /proc/loadavg) (uptime: $(uptime))"
load1=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load1" -v c="$(nproc)" 'BEGIN { exit !(l > c) }'; then
  echo "warning: the load average is above the core count; other work will show in the figures" >&2
fi

exec java -Xms256m -Xmx1g -Djava.awt.headless=true \
  -cp "deploy/bench/target/classes:$(cat deploy/bench/target/bench.classpath)" \
  dev.modpipe.bench.PipelineBenchmark --root "$ROOT" "$@"
