#!/usr/bin/env bash
#
# District figures (issues 13 and 16.2): statistics page, monthly digest, the cases behind a figure, the
# overdue list and a 100,000-row export at a district holding 1,000,000 generated cases, each beside its
# anchor (the same figures counted from the whole cases, as before the per-case facts); then the daily work
# (inbox first page and search, case page, registration, the deadline list, the overdue scan, a child's push)
# with median and 95th percentile beside a target. Prints, never asserts. Each run adds a few thousand cases.
#
#   distribution/bench/district-figures.sh [--cases N] [--runs R] [--daily]        (Derby, default 1,000,000)
#   distribution/bench/district-figures.sh --pg jdbc:postgresql://127.0.0.1/db --pg-user U --pg-password P
#
# The register is generated once (minutes) into target/bench-district and reused by later runs.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
CP=""
for b in petition-api lifecycle-api sync-api store-jdbc node lifecycle digest petition rest-support rest sync; do
  jar="$ROOT/bundles/xinfang-$b/target/xinfang-$b-$VERSION.jar"
  [ -f "$jar" ] || { echo "build first: mvn -B install -DskipTests (missing $jar)" >&2; exit 1; }
  CP="$CP:$jar"
done
for a in org/apache/derby/derby/10.14.2.0/derby-10.14.2.0.jar \
         org/postgresql/postgresql/42.7.3/postgresql-42.7.3.jar \
         com/fasterxml/jackson/core/jackson-databind/2.21.0/jackson-databind-2.21.0.jar \
         com/fasterxml/jackson/core/jackson-core/2.21.0/jackson-core-2.21.0.jar \
         com/fasterxml/jackson/core/jackson-annotations/2.21/jackson-annotations-2.21.jar \
         com/fasterxml/jackson/datatype/jackson-datatype-jsr310/2.21.0/jackson-datatype-jsr310-2.21.0.jar \
         org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar \
         org/osgi/osgi.core/8.0.0/osgi.core-8.0.0.jar \
         javax/ws/rs/javax.ws.rs-api/2.1.1/javax.ws.rs-api-2.1.1.jar \
         com/zaxxer/HikariCP/4.0.3/HikariCP-4.0.3.jar; do
  [ -f "$M2/$a" ] && CP="$CP:$M2/$a"
done
JAVA="java"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && JAVA="$JAVA_HOME/bin/java"
cd "$ROOT"
# the register is generated in a JVM of its own, quickly (no fsync, a larger page cache); the figures are
# measured in another with Derby as a node runs it (its defaults)
"$JAVA" -Xmx1g -Dderby.system.durability=test -Dderby.storage.pageCacheSize=40000 -cp "${CP#:}" \
  "$ROOT/distribution/bench/DistrictBench.java" --root "$ROOT" --generate-only "$@" | grep -v "^register reused"
exec "$JAVA" -Xmx1g -cp "${CP#:}" "$ROOT/distribution/bench/DistrictBench.java" --root "$ROOT" "$@"
