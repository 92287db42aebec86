#!/usr/bin/env bash
#
# Import figures (issue 13.5): a fresh district imports 100,000 generated historic rows from one CSV file
# through POST /api/v1/imports; prints the dry run's rate, the import's rows/s (with the job's progress)
# and the rate of the same file again (nothing new). Prints, never asserts.
#
#   distribution/bench/import-figures.sh [--rows N]     (default 100000)
#
# The district is unpacked into target/bench-import, moved to free loopback ports and stopped at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
[ -f "$ROOT/distribution/district/target/xinfang-district-$VERSION.tar.gz" ] || {
  echo "build first: mvn -B install -DskipTests" >&2; exit 1; }

JAVA="java"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && JAVA="$JAVA_HOME/bin/java"
cd "$ROOT"
exec "$JAVA" "$ROOT/distribution/bench/ImportBench.java" --root "$ROOT" "$@"
