#!/usr/bin/env bash
#
# Sync figures: petitions/s for one hop (a simulated village pushing signed batches to the township)
# and for village -> township -> district, and the median time from registration at a village to
# visibility at the district with 1, 10 and 100 simulated villages, beside the goals of the issue
# (>= 2,000 petitions/s per hop, median visibility under 2 s with the default schedule).
# Prints, never asserts.
#
#   distribution/bench/sync-figures.sh [options]     (see --help; defaults take a few minutes)
#
# Fresh copies of the district, township and village distributions are unpacked into
# target/bench-sync, moved to free loopback ports, linked (village -> township -> district) with the
# sync schedule left at its defaults, and stopped at the end. The steps run one after another and take
# about three minutes; the program gives up after nine (--budget-s). --warmup N pushes N entries
# through each one-hop step before measuring it (default one batch: nodes just booted); e.g.
# --warmup 10000 measures steady state, as a node that has been syncing for a while runs.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="0.1.0-SNAPSHOT"

for t in district township village; do
  [ -f "$ROOT/distribution/$t/target/xinfang-$t-$VERSION.tar.gz" ] || {
    echo "build first: mvn -B install -DskipTests" >&2; exit 1; }
done

JAVA="java"
JAVAC="javac"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && JAVA="$JAVA_HOME/bin/java"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && JAVAC="$JAVA_HOME/bin/javac"
cd "$ROOT"
# the benchmark (bench/sync) with what it shares with the other network benchmark (bench/shared: the real
# nodes, signed calls, journal entries, JSON, petitions), compiled afresh
CLASSES="$ROOT/target/bench-classes/sync"
rm -rf "$CLASSES"
"$JAVAC" -encoding UTF-8 -d "$CLASSES" "$ROOT"/distribution/bench/shared/*.java "$ROOT"/distribution/bench/sync/*.java
exec "$JAVA" -cp "$CLASSES" sync.SyncBench --root "$ROOT" --work "$ROOT/target/bench-sync" "$@"
