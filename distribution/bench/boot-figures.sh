#!/usr/bin/env bash
#
# Boot figures for every tier, beside a stock Apache Karaf 4.4.10 measured in the same run.
# Prints, never asserts: time from process start to readiness, resident memory after boot and after
# 1,000 registrations, size on disk and bundle count.
#
#   distribution/bench/boot-figures.sh [registrations]     (default 1000)
#
# Readiness: stock Karaf = its SSH port answers with an SSH banner; a Xinfang node = the first 200
# with a body from /api/v1/node. Nodes run one at a time from fresh copies, each moved to ports no
# other process listens on (another benchmark or test may hold the default ones).
# A second table says where each node's memory is at the end (after its registrations), from jcmd:
# heap committed and in use, class metadata (metaspace and class space, committed), compiled code,
# threads and classes loaded; the rest of the RSS is the JVM's own code and tables, symbols, thread
# stacks and malloc.
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
parts() { # pid -> "heap committed/used | metaspace | code | threads | classes" (MiB, from jcmd)
  local heap code cls thr
  heap=$(jcmd "$1" GC.heap_info 2>/dev/null | awk '
    /generation|space|heap/ && /total/ { for (i = 1; i <= NF; i++) { if ($i == "total") t += $(i + 1); if ($i == "used") u += $(i + 1) } }
    /Metaspace/ { for (i = 1; i <= NF; i++) if ($i == "committed") m = $(i + 1) }
    END { printf "%.0f/%.0f|%.0f", t / 1024, u / 1024, m / 1024 }' | tr -d K)
  code=$(jcmd "$1" Compiler.codecache 2>/dev/null | sed -n 's/.* used=\([0-9]*\)Kb.*/\1/p' | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')
  cls=$(jcmd "$1" PerfCounter.print 2>/dev/null | awk -F= '/^java.cls.loadedClasses=/ { l = $2 } /^java.cls.unloadedClasses=/ { u = $2 } END { print l - u }')
  thr=$(awk '/^Threads/ { print $2 }' "/proc/$1/status" 2>/dev/null)
  echo "$heap|$code|$thr|$cls"
}
size_mb() { du -sm "$1" | cut -f1; }
free_port() { # a port in 20000-29999 nothing listens on now
  local p
  while :; do
    p=$((20000 + RANDOM % 10000))
    ss -ltnH 2>/dev/null | awk '{ print $4 }' | grep -q ":$p\$" || { echo "$p"; return; }
  done
}
set_key() { # file key value: rewrites "key = ..." in a Karaf .cfg
  sed -i "s|^\($2[[:space:]]*=[[:space:]]*\).*|\1$3|" "$1"
}
stop_karaf() { # home
  (cd "$1" && bin/stop >/dev/null 2>&1 || true)
  for _ in $(seq 1 60); do [ -z "$(java_pid "$1")" ] && return; sleep 0.5; done
  pkill -9 -f "karaf.base=$1" || true
}

declare -a ROWS PARTS

# --- stock Karaf -------------------------------------------------------------------------------
home="$WORK/stock"
mkdir -p "$home" && tar xzf "$STOCK" -C "$home" --strip-components=1
size=$(size_mb "$home")
ssh=$(free_port)
set_key "$home/etc/org.apache.karaf.shell.cfg" sshPort "$ssh"
set_key "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$(free_port)"
set_key "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$(free_port)"
t0=$(now)
(cd "$home" && JAVA_HOME="${JAVA_HOME:-}" bin/start)
ready=""
for _ in $(seq 1 1200); do
  if banner=$(timeout 1 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'"$ssh"' && head -c 7 <&3' 2>/dev/null) \
      && [ "$banner" = "SSH-2.0" ]; then
    ready=$(elapsed "$t0" "$(now)"); break
  fi
  sleep 0.05
done
sleep 3
pid=$(java_pid "$home")
STOCK_READY=$ready
ROWS+=("stock Karaf $KARAF_VERSION|${ready}s (SSH)|1.00|$(rss_mb "$pid")|-|$size|$(bundles "$home")")
PARTS+=("stock Karaf $KARAF_VERSION (boot)|$(rss_mb "$pid")|$(parts "$pid")")
stop_karaf "$home"

# --- each tier -----------------------------------------------------------------------------------
for tier in village township department district; do
  home="$WORK/$tier"
  mkdir -p "$home" && tar xzf "$ROOT/distribution/$tier/target/xinfang-$tier-$VERSION.tar.gz" -C "$home" --strip-components=1
  port=$(free_port)
  set_key "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$port"
  set_key "$home/etc/org.apache.karaf.shell.cfg" sshPort "$(free_port)"
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
      printf "{\"kind\":\"CLAIM\",\"channel\":\"WALK_IN\",\"subject\":\"基准测试%d\",\"content\":\"基准测试登记\",\"category\":\"劳动社保\",\"petitioners\":[{\"name\":\"张三\",\"idNumber\":\"%s\",\"phone\":\"13812345678\"}]}", i, id > (dir "/" i ".json")
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
  PARTS+=("xinfang $tier|$rss_after|$(parts "$pid")")
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
printf '%-27s | %-8s | %-19s | %-14s | %-8s | %-7s | %s\n' "where the memory is (MiB)" "RSS" "heap committed/used" "class metadata" "JIT code" "threads" "classes"
printf '%s\n' "-----------------------------------------------------------------------------------------------------------------"
for row in "${PARTS[@]}"; do
  IFS='|' read -r a b c d e f g <<<"$row"
  printf '%-27s | %-8s | %-19s | %-14s | %-8s | %-7s | %s\n' "$a" "$b" "$c" "$d" "$e" "$f" "$g"
done
echo "(Xinfang nodes: after their registrations; the rest of the RSS is the JVM's code and tables, symbols, stacks, malloc)"
echo
echo "Goals: village ready within 2x stock Karaf's SSH-ready time, fewer bundles than the district (issue 2); village under 200 MiB RSS after boot and after $COUNT registrations (issue 16)."
