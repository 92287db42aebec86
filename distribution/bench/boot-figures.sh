#!/usr/bin/env bash
#
# Boot figures for every tier, beside a stock Apache Karaf 4.4.10 measured in the same run.
# Prints, never asserts: time from process start to readiness, resident memory after boot and after
# 1,000 registrations, size on disk and bundle count.
#
#   distribution/bench/boot-figures.sh [registrations]     (default 1000)
#
# Readiness: stock Karaf = its SSH port answers with an SSH banner; a Xinfang node = the first 200
# with a body from /api/v1/node. Nodes run one at a time, on their default ports, from fresh copies.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
KARAF_VERSION="4.4.10"
COUNT="${1:-1000}"
WORK="$ROOT/target/bench"
rm -rf "$WORK" && mkdir -p "$WORK"

for t in district department township village; do
  [ -f "$ROOT/distribution/$t/target/xinfang-$t-$VERSION.tar.gz" ] || {
    echo "build first: mvn -B install -DskipTests" >&2; exit 1; }
done
STOCK="$HOME/.m2/repository/org/apache/karaf/apache-karaf/$KARAF_VERSION/apache-karaf-$KARAF_VERSION.tar.gz"
[ -f "$STOCK" ] || mvn -q -B dependency:get -Dartifact="org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz" -Dtransitive=false

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rss_mb() { # pid -> MiB
  awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"
}
java_pid() { pgrep -f "karaf.base=$1" | head -1; }
bundles() { find "$1/data/cache" -maxdepth 1 -type d -name 'bundle*' | wc -l; }
size_mb() { du -sm "$1" | cut -f1; }
stop_karaf() { # home
  (cd "$1" && bin/stop >/dev/null 2>&1 || true)
  for _ in $(seq 1 60); do [ -z "$(java_pid "$1")" ] && return; sleep 0.5; done
  pkill -9 -f "karaf.base=$1" || true
}

declare -a ROWS

# --- stock Karaf -------------------------------------------------------------------------------
home="$WORK/stock"
mkdir -p "$home" && tar xzf "$STOCK" -C "$home" --strip-components=1
size=$(size_mb "$home")
t0=$(now)
(cd "$home" && JAVA_HOME="${JAVA_HOME:-}" bin/start)
ready=""
for _ in $(seq 1 1200); do
  if banner=$(timeout 1 bash -c 'exec 3<>/dev/tcp/127.0.0.1/8101 && head -c 7 <&3' 2>/dev/null) \
      && [ "$banner" = "SSH-2.0" ]; then
    ready=$(elapsed "$t0" "$(now)"); break
  fi
  sleep 0.05
done
sleep 3
pid=$(java_pid "$home")
STOCK_READY=$ready
ROWS+=("stock Karaf $KARAF_VERSION|${ready}s (SSH)|1.00|$(rss_mb "$pid")|-|$size|$(bundles "$home")")
stop_karaf "$home"

# --- each tier -----------------------------------------------------------------------------------
for spec in "village 8284" "township 8283" "department 8282" "district 8281"; do
  set -- $spec; tier=$1; port=$2; home="$WORK/$tier"
  mkdir -p "$home" && tar xzf "$ROOT/distribution/$tier/target/xinfang-$tier-$VERSION.tar.gz" -C "$home" --strip-components=1
  size=$(size_mb "$home")
  pw="bench-$RANDOM$RANDOM"
  t0=$(now)
  (cd "$home" && XINFANG_ADMIN_PASSWORD="$pw" nohup bin/karaf server >"$home/console.log" 2>&1 &)
  ready=""
  for _ in $(seq 1 2400); do
    if curl -s -f -u "admin:$pw" "http://127.0.0.1:$port/api/v1/node" 2>/dev/null | grep -q '"tier"'; then
      ready=$(elapsed "$t0" "$(now)"); break
    fi
    sleep 0.05
  done
  sleep 3
  pid=$(java_pid "$home")
  rss_boot=$(rss_mb "$pid")
  t1=$(now)
  # realistic data: every petitioner a different person with a valid GB 11643 number
  mkdir -p "$home/bodies"
  awk -v n="$COUNT" -v dir="$home/bodies" 'BEGIN {
    split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); check = "10X98765432"
    for (i = 1; i <= n; i++) {
      id = sprintf("510199%04d%02d%02d%03d", 1950 + i % 50, 1 + i % 12, 1 + i % 28, i % 1000)
      sum = 0; for (k = 1; k <= 17; k++) sum += substr(id, k, 1) * w[k]
      id = id substr(check, sum % 11 + 1, 1)
      printf "{\"kind\":\"CLAIM\",\"channel\":\"WALK_IN\",\"subject\":\"基准测试%d\",\"content\":\"基准测试登记\",\"category\":\"测试\",\"petitioners\":[{\"name\":\"张三\",\"idNumber\":\"%s\",\"phone\":\"13812345678\"}]}", i, id > (dir "/" i ".json")
      close(dir "/" i ".json")
    }
  }'
  for i in $(seq 1 "$COUNT"); do
    [ "$i" = 1 ] || echo "next"
    printf 'url = "http://127.0.0.1:%s/api/v1/petitions"\nuser = "admin:%s"\nheader = "Content-Type: application/json"\ndata-binary = "@%s"\noutput = /dev/null\n' \
      "$port" "$pw" "$home/bodies/$i.json"
  done > "$home/curl.cfg"
  # one curl process, one kept-alive connection, $COUNT sequential registrations
  curl -s -K "$home/curl.cfg"
  regs=$(elapsed "$t1" "$(now)")
  stored=$(curl -s -u "admin:$pw" "http://127.0.0.1:$port/api/v1/petitions?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  rss_after=$(rss_mb "$pid")
  ratio=$(awk -v a="$ready" -v b="$STOCK_READY" 'BEGIN { printf "%.2f", a / b }')
  ROWS+=("xinfang $tier|${ready}s (API)|$ratio|$rss_boot|$rss_after ($stored in ${regs}s)|$size|$(bundles "$home")")
  stop_karaf "$home"
done

echo
echo "Boot figures, $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-22s | %-12s | %-8s | %-12s | %-30s | %-8s | %s\n' "node" "ready" "x stock" "RSS boot MiB" "RSS after $COUNT regs MiB" "disk MB" "bundles"
printf '%s\n' "-----------------------------------------------------------------------------------------------------------------"
for row in "${ROWS[@]}"; do
  IFS='|' read -r a b c d e f g <<<"$row"
  printf '%-22s | %-12s | %-8s | %-12s | %-30s | %-8s | %s\n' "$a" "$b" "$c" "$d" "$e" "$f" "$g"
done
echo
echo "Goal (issue 2): village ready within 2x stock Karaf's SSH-ready time, RSS under 200 MB, fewer bundles than the district."
