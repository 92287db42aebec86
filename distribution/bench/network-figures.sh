#!/usr/bin/env bash
#
# A district network: one real district with 30 departments, 20 townships and 300 villages (15 a
# township) simulated below it, as the sync benchmark simulates villages, through a busy day compressed
# into minutes (by default some 3,000 registrations, acceptances of the townships' and departments'
# own cases, and assignments down to departments that are received and accepted there). Prints the
# nodes by kind, the entries pushed, median and p99 visibility at the district, the district JVM's CPU,
# the entries refused (0 expected) and the wall time. Prints, never asserts.
#
#   distribution/bench/network-figures.sh [options]     (see --help; about 8 minutes)
#
# A fresh copy of the district distribution is unpacked into target/bench-network, moved to free
# loopback ports, given the simulated units in etc/xinfang-units.csv, and stopped at the end (also
# when the run fails or exceeds --budget-s). The simulated nodes keep the shipped sync schedule
# (etc/org.xinfang.sync.cfg).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="0.1.0-SNAPSHOT"

[ -f "$ROOT/distribution/district/target/xinfang-district-$VERSION.tar.gz" ] || {
  echo "build first: mvn -B install -DskipTests" >&2; exit 1; }

JAVA="java"
JAVAC="javac"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && JAVA="$JAVA_HOME/bin/java"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && JAVAC="$JAVA_HOME/bin/javac"
cd "$ROOT"
# the benchmark (bench/network) with what it shares with the other network benchmark (bench/shared: the real
# nodes, signed calls, journal entries, JSON, petitions), compiled afresh
CLASSES="$ROOT/target/bench-classes/network"
rm -rf "$CLASSES"
"$JAVAC" -encoding UTF-8 -d "$CLASSES" "$ROOT"/distribution/bench/shared/*.java "$ROOT"/distribution/bench/network/*.java
exec "$JAVA" -cp "$CLASSES" network.NetworkBench --root "$ROOT" --work "$ROOT/target/bench-network" "$@"
