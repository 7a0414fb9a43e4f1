#!/usr/bin/env bash
# Feeds the local run (deploy/local/up.sh) a stream of realistic posts through the ingest API.
# Options: --count N (default: every demo post once), --rate POSTS_PER_SECOND (default 2).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cp="$here/target/classes:$(cat "$here/target/classes/dev/modpipe/infra/broker.classpath")"
exec java -cp "$cp" dev.modpipe.infra.DemoMain --ingest "http://localhost:${INGEST_PORT:-8081}" --key "${DEMO_API_KEY:-demo-key}" "$@"
