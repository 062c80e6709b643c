#!/usr/bin/env bash
# Per-item dedupe cost with 10k, 100k and 1M stories in the window (JMH, index in RocksDB on disk, heap capped).
# Usage: enrich-stream/dedupe/bench.sh [window sizes...]   e.g. bench.sh 10000 1000000
# The first run fills the windows under enrich-stream/dedupe/bench-data/ (about 1 GB for 1M; git-ignored).
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
cd "$module/../.."
mvn -B -o -q -pl enrich-stream/dedupe -Dwire.build.dir=target-dedupe test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target-dedupe/test-classpath.txt
cd "$module"
exec java -Xmx256m -cp "target-dedupe/test-classes:target-dedupe/classes:$(cat target-dedupe/test-classpath.txt)" \
    io.wirestream.enrich.dedupe.bench.DedupeBenchmarkMain "$@"
