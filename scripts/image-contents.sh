#!/usr/bin/env bash
# Lists what each service image holds, without Docker: for every stage of the Dockerfile that has an ENTRYPOINT,
# every file its COPY lines put in the image (taken from the build folders on this machine), the jar it runs and its
# main class, and any problem: a broker or Scala jar, the wire CLI, a test jar, another service, a jar off the
# service's class path, no logging provider. Exits 1 when an image has a problem. The same check runs in the build as
# each service module's ServiceImageIT.
#
#   scripts/image-contents.sh            # builds the four services (offline, tests skipped) first when needed
#   scripts/image-contents.sh --no-build # lists what the build folders hold now
#
# With a Docker engine, the images themselves: docker run --rm --entrypoint ls wirestream/ingest-service -lR /app
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  mvn -B -q -o -DskipTests package -pl ingest-service,enrich-stream/service,publish-service,ops -am >&2
fi
CLASSES="$ROOT/runtime/target/test-classes"
if [ ! -f "$CLASSES/io/wirestream/runtime/image/ServiceImage.class" ]; then
  echo "image-contents: $CLASSES has no ServiceImage; run without --no-build" >&2
  exit 2
fi
LIB="$(ls -d "$ROOT"/ingest-service/target/lib)"
exec java -cp "$CLASSES:$LIB/*" io.wirestream.runtime.image.ServiceImage "$ROOT" target
