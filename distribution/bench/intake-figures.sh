#!/usr/bin/env bash
#
# Intake figures (issue 16, point 1): durable registrations a second at one node over HTTP, 16 clients at
# once for 30 s, with p50/p95 latency and the node's CPU milliseconds per registration, beside the disk's own
# rate of fsync'd small writes measured in the same run. Each run ends with kill -9 and a restart: every
# registration answered 201 must still be there. Prints, never asserts.
#
#   distribution/bench/intake-figures.sh [--tiers "village district"] [--clients 16] [--seconds 30] [--ready N]
#        [--pg jdbc:postgresql://127.0.0.1/DB --pg-user U --pg-password P]
#
# Rows per tier with codes made at registration (codes.ready = 0, the default), the whole case answered (full) or
# the minimal answer, with the compiler the tier ships (the district C1 and C2, the others C1); the district also on
# C1 only (XINFANG_JIT=c1) and with letters of 250-550 characters (matter "letter", IntakeBench's Letters) instead
# of one short sentence; the village also run as a server (C2, the district's heap and collector: "server"). Each node is warmed for 60 s first (--warmup): C2 compiles for about a minute under load.
# --ready N adds a row with N
# codes made ahead (the run waits until the stock is full). --pg adds a row for the district on that
# PostgreSQL database (every table the user owns there is dropped first: give it a database of its own).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
TIERS="village district"
CLIENTS=16
SECONDS_RUN=30
WARMUP=60
READY=0
PG_URL=""; PG_USER=""; PG_PASSWORD=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tiers) TIERS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --seconds) SECONDS_RUN="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --ready) READY="$2"; shift 2 ;;
    --pg) PG_URL="$2"; shift 2 ;;
    --pg-user) PG_USER="$2"; shift 2 ;;
    --pg-password) PG_PASSWORD="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
WORK="$ROOT/target/bench-intake"
rm -rf "$WORK" && mkdir -p "$WORK"
JAVA="java"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && JAVA="$JAVA_HOME/bin/java"
BENCH="$ROOT/distribution/bench/IntakeBench.java"

java_pid() { pgrep -f "karaf.base=$1" | head -1; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# the CPU of the local PostgreSQL server's processes (its backends do part of a registration's work): 0 if none
pg_ticks() {
  local sum=0 t
  for p in $(pgrep -u postgres 2>/dev/null); do
    t=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)
    sum=$((sum + ${t:-0}))
  done
  echo "$sum"
}
TICKS=$(getconf CLK_TCK)
# ports of their own (not the demo's 8281-8284 nor the boot benchmark's), so that no other client's wrong
# password locks the benchmark's address out
HTTP_PORT="${XINFANG_INTAKE_PORT:-18391}"
wait_ready() { # url password
  for _ in $(seq 1 1200); do
    curl -s -f -u "admin:$2" "$1/api/v1/node" 2>/dev/null | grep -q '"tier"' && return 0
    sleep 0.25
  done
  echo "node at $1 not ready" >&2; return 1
}
total() { # url password -> cases held
  curl -s -u "admin:$2" "$1/api/v1/petitions?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}

fsync_rate=$("$JAVA" "$BENCH" fsync "$WORK" 5 | awk '/^fsync/ { print $2 }')

# tier|codes made ahead|database|answer (full: the whole case, as the staff app reads it; minimal: Prefer:
# return=minimal, the codes and the repeats, as a desk registering many asks)
RUNS=()
for tier in $TIERS; do
  RUNS+=("$tier|0|derby|full" "$tier|0|derby|minimal")
  [ "$READY" != 0 ] && RUNS+=("$tier|$READY|derby|minimal")
  # the district ships the optimising compiler (C2); XINFANG_JIT=c1 is the other tiers' setting, for comparison; and
  # letters of some hundreds of characters (IntakeBench's Letters) instead of one short sentence: the word index's cost
  [ "$tier" = district ] && RUNS+=("district|0|derby|minimal|c1" "district|0|derby|minimal||letter")
  # a village run as a server ("server": XINFANG_JIT=tiered and the district's heap and collector, bin/setenv): what
  # its intake is at the cost of its footprint goal
  [ "$tier" = village ] && RUNS+=("village|0|derby|minimal|server")
done
[ -n "$PG_URL" ] && RUNS+=("district|0|postgresql|full" "district|0|postgresql|minimal" "district|0|postgresql|minimal|c1"
  "district|0|postgresql|minimal||letter")

declare -a ROWS
declare -a FLOORS
for run in "${RUNS[@]}"; do
    IFS='|' read -r tier ready db answer jit matter <<<"$run"
    # empty: the compiler the tier ships (bin/setenv: the district C1 and C2, the others C1 only)
    jit_label="${jit:-$([ "$tier" = district ] && echo tiered || echo c1)}"
    heap=""; gc=""
    if [ "$jit" = server ]; then
      jit=tiered; heap=512m; gc="-XX:+UseSerialGC -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70"
    fi
    matter="${matter:-short}"
    home="$WORK/$tier-$ready-$db-$answer-$jit_label-$matter"
    mkdir -p "$home"
    tar xzf "$ROOT/distribution/$tier/target/xinfang-$tier-$VERSION.tar.gz" -C "$home" --strip-components=1
    printf 'codes.ready = %s\n' "$ready" > "$home/etc/org.xinfang.petition.cfg"
    if [ "$db" = postgresql ]; then
      # docs/postgresql.md: the store feature on PostgreSQL, the data source on the server; an empty database
      PGPASSWORD="$PG_PASSWORD" psql -q -h "$(sed -E 's|jdbc:postgresql://([^/:]+).*|\1|' <<<"$PG_URL")" \
        -U "$PG_USER" "$(sed -E 's|.*/([^/?]+).*|\1|' <<<"$PG_URL")" -c 'DROP OWNED BY CURRENT_USER' >/dev/null
      sed -i 's/^featuresBoot *= *\\/featuresBoot = \\\n    xinfang-store-postgresql, \\/' "$home/etc/org.apache.karaf.features.cfg"
      printf '%s\n' "osgi.jdbc.driver.name = PostgreSQL JDBC Driver" "url = $PG_URL" "user = $PG_USER" \
        "password = $PG_PASSWORD" "dataSourceName = xinfang" "pool = hikari" "xa = false" \
        "hikari.maximumPoolSize = 10" > "$home/etc/org.ops4j.datasource-xinfang.cfg"
      chmod 600 "$home/etc/org.ops4j.datasource-xinfang.cfg"
    fi
    sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $HTTP_PORT/" "$home/etc/org.ops4j.pax.web.cfg"
    sed -i "s/^sshPort *=.*/sshPort = $((HTTP_PORT + 1))/" "$home/etc/org.apache.karaf.shell.cfg"
    pw="bench-$RANDOM$RANDOM"
    url="http://127.0.0.1:$HTTP_PORT"
    (cd "$home" && XINFANG_JIT="$jit" XINFANG_HEAP="$heap" XINFANG_GC="$gc" XINFANG_ADMIN_PASSWORD="$pw" \
      nohup bin/karaf server >"$home/console.log" 2>&1 &)
    wait_ready "$url" "$pw"
    if [ "$ready" != 0 ]; then
      echo "== $tier: waiting for $ready codes made ahead (tens of CPU-ms each) ==" >&2
      for _ in $(seq 1 7200); do
        grep -q "code stock full" "$home/data/log/karaf.log" 2>/dev/null && break
        sleep 1
      done
    fi
    pid=$(java_pid "$home")
    # warm the node first (the JIT, Derby's page cache): a node in the field has been running for a while
    "$JAVA" "$BENCH" load "$url" admin "$pw" "$CLIENTS" "$WARMUP" "$home/warm.txt" "$answer" "$matter" >/dev/null
    # the anchor: the same clients on the least the node answers with a login (GET /api/v1/me), and its CPU
    f0=$(cpu_ticks "$pid"); t0=$(date +%s%N)
    floor=$("$JAVA" "$BENCH" floor "$url" admin "$pw" "$CLIENTS" 10)
    f1=$(cpu_ticks "$pid"); t1=$(date +%s%N)
    floor_rate=$(awk '/^rate/ { print $2 }' <<<"$floor")
    floor_cpu=$(awk -v a="$f0" -v b="$f1" -v n="$(awk '/^answered/ { print $2 }' <<<"$floor")" -v t="$TICKS" \
      'BEGIN { printf "%.2f", (b - a) * 1000 / t / (n + 200) }')
    floor_cores=$(awk -v a="$f0" -v b="$f1" -v t="$TICKS" -v ns="$((t1 - t0))" 'BEGIN { printf "%.2f", (b - a) / t / (ns / 1e9) }')
    [ "$answer" = full ] && [ "$matter" = short ] && FLOORS+=("$tier|$db|$floor_rate|$(awk '/^p50/ { print $2 }' <<<"$floor")|$floor_cpu|$floor_cores|$(awk '/^clientcpu/ { print $2 }' <<<"$floor")")
    before=$(total "$url" "$pw")
    c0=$(cpu_ticks "$pid"); g0=$(pg_ticks)
    out=$("$JAVA" "$BENCH" load "$url" admin "$pw" "$CLIENTS" "$SECONDS_RUN" "$home/ids.txt" "$answer" "$matter")
    # the word index of the last cases is written after them (the store's indexer, a block a second or so): counted
    # with them, until the node is idle again (under a tenth of a core for a second; a minute at most)
    sleep 1
    for _ in $(seq 1 60); do
      s0=$(cpu_ticks "$pid"); sleep 1; s1=$(cpu_ticks "$pid")
      [ $((s1 - s0)) -lt $((TICKS / 10)) ] && break
    done
    c1=$(cpu_ticks "$pid"); g1=$(pg_ticks)
    rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
    created=$(awk '/^created/ { print $2 }' <<<"$out")
    kill -9 "$pid"
    sleep 1
    (cd "$home" && XINFANG_JIT="$jit" XINFANG_HEAP="$heap" XINFANG_GC="$gc" XINFANG_ADMIN_PASSWORD="$pw" \
      nohup bin/karaf server >"$home/console2.log" 2>&1 &)
    wait_ready "$url" "$pw"
    after=$(total "$url" "$pw")
    # the 20 warm-up registrations are not counted in "created"
    kept=$(( after - before ))
    cpu_ms=$(awk -v a="$c0" -v b="$c1" -v n="$created" -v t="$TICKS" 'BEGIN { printf "%.1f", (b - a) * 1000 / t / (n + 20) }')
    pg_ms="-"
    [ "$db" = postgresql ] && pg_ms=$(awk -v a="$g0" -v b="$g1" -v n="$created" -v t="$TICKS" 'BEGIN { printf "%.1f", (b - a) * 1000 / t / (n + 20) }')
    ROWS+=("$tier|$ready|$db|$answer $jit_label $matter|$pg_ms|$(awk '/^clientcpu/ { print $2 }' <<<"$out")|$(awk '/^rate/ { print $2 }' <<<"$out")|$(awk '/^p50/ { print $2 }' <<<"$out")|$(awk '/^p95/ { print $2 }' <<<"$out")|$cpu_ms|$created|$(awk '/^errors/ { print $2 }' <<<"$out")|$((created + 20 - kept))|$rss")
    (cd "$home" && bin/stop >/dev/null 2>&1 || true)
    for _ in $(seq 1 60); do [ -z "$(java_pid "$home")" ] && break; sleep 0.5; done
    pkill -9 -f "karaf.base=$home" 2>/dev/null || true
done

echo
echo "Intake: $CLIENTS clients for ${SECONDS_RUN}s over HTTP; this disk: $fsync_rate fsync'd 512-byte writes/s"
echo "(CPU ms/reg: the node's JVM; PostgreSQL's: its server's processes on this machine, per registration;"
echo " clients': the benchmark's own clients on the same cores; ceiling: what the node's and its database's CPU per"
echo " registration would allow if they had the $(nproc) cores to themselves, the clients elsewhere; RSS: the node's"
echo " resident memory after the run)"
printf '%-9s %-11s %-6s %-22s %-8s %-8s %-8s %-11s %-13s %-13s %-9s %-8s %-7s %-8s %s\n' tier database ready "answer, JIT, matter" "regs/s" "p50 ms" "p95 ms" "CPU ms/reg" "PostgreSQL's" "clients'" ceiling created errors "RSS MiB" "lost after kill -9"
for row in "${ROWS[@]}"; do
  IFS='|' read -r t r d a pgc ccpu rate p50 p95 cpu created errors diff rss <<<"$row"
  ceiling=$(awk -v c="$cpu" -v g="$pgc" -v n="$(nproc)" 'BEGIN { printf "%.0f/s", n * 1000 / (c + (g == "-" ? 0 : g)) }')
  printf '%-9s %-11s %-6s %-22s %-8s %-8s %-8s %-11s %-13s %-13s %-9s %-8s %-7s %-8s %s\n' "$t" "$d" "$r" "$a" "$rate" "$p50" "$p95" "$cpu" "$pgc" "$ccpu" "$ceiling" "$created" "$errors" "$rss" "$diff"
done
echo
echo "Anchor, same run, same clients: the least a node answers with a login (GET /api/v1/me, 10 s) — HTTP,"
echo "JAX-RS, the remembered login and the clients on these $(nproc) cores, no registration"
printf '%-9s %-11s %-10s %-9s %-12s %-18s %s\n' tier database "reqs/s" "p50 ms" "CPU ms/req" "node's cores busy" "clients' CPU ms/req"
for row in "${FLOORS[@]}"; do
  IFS='|' read -r t d rate p50 cpu cores ccpu <<<"$row"
  printf '%-9s %-11s %-10s %-9s %-12s %-18s %s\n' "$t" "$d" "$rate" "$p50" "$cpu" "$cores" "$ccpu"
done
