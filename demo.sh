#!/usr/bin/env bash
#
# Xinfang demo network on loopback: district + department + township + village, each a real
# tier distribution with embedded Derby, started in the background with sample petitions.
#
#   ./demo.sh start    build what is missing, start the four nodes (idempotent), print URLs and credentials
#   ./demo.sh stop     stop them
#   ./demo.sh status   show which are running
#
# Quiet on success: the build's output goes to target/demo/build.log and is shown only if it fails; the
# nodes keep none of the caller's output open, so `./demo.sh start | tee start.log` returns.
# XINFANG_DEMO_PORT moves the network (default 8281): HTTP on it and the next three ports, SSH 80 below each,
# e.g. for a second checkout on the same machine. It applies when a node is first unpacked.
#
# The same facts go to target/demo/nodes.json for scripts:
#   [{"tier", "unit", "url", "user", "password", "home", "web", "portal", "staff": [{"user", "password", "roles"}]}, ...]
# "url" (and "web") opens the node's staff application; "portal" the district's public portal.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
DEMO="$ROOT/target/demo"
VERSION="0.1.0-SNAPSHOT"
BASE_PORT="${XINFANG_DEMO_PORT:-8281}"
case "$BASE_PORT" in ''|*[!0-9]*) echo "demo.sh: XINFANG_DEMO_PORT must be a port number" >&2; exit 2 ;; esac
# tier  http-port  unit-code (SSH listens 80 below the HTTP port)
NODES=(
  "district   $((BASE_PORT)) 510199"
  "department $((BASE_PORT + 1)) 510199D01"
  "township   $((BASE_PORT + 2)) 510199101"
  "village    $((BASE_PORT + 3)) 510199101201"
)

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "demo.sh: '$1' is required but not installed" >&2; exit 1; }
}

archive() { echo "$ROOT/distribution/$1/target/xinfang-$1-$VERSION.tar.gz"; }

build_if_missing() {
  local missing=0
  for n in "${NODES[@]}"; do
    set -- $n
    [ -f "$(archive "$1")" ] || missing=1
  done
  if [ "$missing" = 1 ]; then
    echo "Building the tier distributions (first time only; log in target/demo/build.log)..."
    mkdir -p "$DEMO"
    local log="$DEMO/build.log"
    # offline when the local repository already has everything, online otherwise; Maven reports its errors on
    # stdout, so both attempts write to the log, and only a failed online build shows it
    if ! (cd "$ROOT" && mvn -q -o -B install -DskipTests) >"$log" 2>&1; then
      if ! (cd "$ROOT" && mvn -q -B install -DskipTests) >"$log" 2>&1; then
        tail -n 60 "$log" >&2
        echo "demo.sh: the build failed; the whole log is in $log" >&2
        exit 1
      fi
    fi
  fi
}

running() { # home -> 0 if that Karaf answers
  local home=$1
  [ -f "$home/data/port" ] || return 1
  [ -n "$(pgrep -f "karaf.base=$home" 2>/dev/null || true)" ]
}

api() { # method url password [body]
  if [ $# -ge 4 ]; then
    curl -s -u "admin:$3" -X "$1" -H 'Content-Type: application/json' --data-binary "$4" "$2"
  else
    curl -s -u "admin:$3" -X "$1" "$2"
  fi
}

wait_ready() { # url password tier
  local i body
  for i in $(seq 1 240); do
    body=$(curl -s -u "admin:$2" "$1/api/v1/node" 2>/dev/null || true)
    case "$body" in *'"tier"'*) return 0 ;; esac
    sleep 0.5
  done
  echo "demo.sh: the $3 node did not come up; see its log under target/demo/$3/data/log/" >&2
  return 1
}

petition() { # kind channel subject content category headcount petitioners-json received-days-ago
  local received
  received=$(date -d "-$8 days" +%F 2>/dev/null || date +%F)
  printf '{"kind":"%s","channel":"%s","subject":"%s","content":"%s","category":"%s","location":"510199","receivedAt":"%s","headcount":%s,"petitioners":%s}' \
    "$1" "$2" "$3" "$4" "$5" "$received" "$6" "$7"
}

load_samples() { # tier url password
  local total
  total=$(api GET "$2/api/v1/petitions?limit=1" "$3" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  [ "${total:-0}" = 0 ] || return 0
  case "$1" in
    village)
      api POST "$2/api/v1/petitions" "$3" "$(petition CLAIM WALK_IN '土地承包经营权纠纷' '王某反映其家庭承包的2.3亩耕地被邻组村民占用，经村民小组调解未果，请求村委会依法确认承包经营权。' '农村土地' 1 '[{"name":"王建国","idNumber":"510199196503120413","phone":"13881234567","address":"青溪区清河镇柳树村3组"}]' 3)" >/dev/null
      # a 检举控告 against the village committee itself (R2022 Art. 30, 46(5)): sealed at the village whatever the
      # role, read at the district only by its discipline officer (jiwei), after asking
      api POST "$2/api/v1/petitions" "$3" "$(petition ACCUSATION LETTER '举报村委会截留低保金' '村民来信举报柳树村村委会截留部分低保户的低保金，附有发放名册复印件。' '纪检监察' 1 '[{"name":"陈秀兰","idNumber":"510199196207150028","phone":"13508081234","address":"青溪区清河镇柳树村2组"}]' 2 | sed 's/}$/,"accusedUnit":"510199101201"}/')" >/dev/null
      api POST "$2/api/v1/petitions" "$3" "$(petition SUGGESTION LETTER '建议修缮村道路灯' '村民来信建议修缮柳树村主干道路灯，夜间出行存在安全隐患。' '城乡建设' 1 '[{"name":"刘秀英","phone":"13990001234","address":"青溪区清河镇柳树村5组"}]' 1)" >/dev/null
      ;;
    township)
      api POST "$2/api/v1/petitions" "$3" "$(petition CLAIM WALK_IN '拖欠农民工工资' '某建筑工地30余名农民工反映被拖欠2026年8月至10月工资共计约46万元，推选3名代表来访，请求协调解决。' '劳动社保' 32 '[{"name":"陈大勇","idNumber":"510199197805211235","phone":"13712345678","address":"青溪区清河镇"},{"name":"李明","idNumber":"510199198811032019","phone":"13612345678"},{"name":"赵强","phone":"13512345678"}]' 2)" | first_id > "$DEMO/township-visit.id"
      ;;
    department)
      api POST "$2/api/v1/petitions" "$3" "$(petition CLAIM ONLINE '养老保险待遇核定异议' '信访人对其基本养老保险待遇核定中视同缴费年限的认定有异议，请求复核。' '劳动社保' 1 '[{"name":"张桂兰","idNumber":"510199195908170828","phone":"13808001234","address":"青溪区白沙街道"}]' 5)" >/dev/null
      ;;
    district)
      api POST "$2/api/v1/petitions" "$3" "$(petition ACCUSATION LETTER '反映某单位工作人员违规收费' '来信反映某单位工作人员在办理不动产登记时违规收取费用，附有收据复印件。' '纪检监察' 1 '[{"name":"匿名","phone":"13300001111"}]' 4)" >/dev/null
      api POST "$2/api/v1/petitions" "$3" "$(petition SUGGESTION ONLINE '关于增设公交线路的建议' '建议增设从白沙街道至区人民医院的公交线路，方便老年人就医。' '交通运输' 1 '[{"name":"周敏","idNumber":"51019919910709048X","phone":"18912345678","address":"青溪区白沙街道"}]' 0)" >/dev/null
      ;;
  esac
}

as_staff() { # login tier method path [body]: as a staff account of the node (named in its staff list)
  local url="http://127.0.0.1:$(port_of "$2")" pw
  pw=$(staff_password "$DEMO/$2" "$1")
  if [ $# -ge 5 ]; then
    curl -s -u "$1:$pw" -X "$3" -H 'Content-Type: application/json' --data-binary "$5" "$url$4"
  else
    curl -s -u "$1:$pw" -X "$3" "$url$4"
  fi
}

staff_password() { # home login -> that account's generated password
  sed -n "s/^$2 \\(.*\\)\$/\\1/p" "$1/etc/staff.password" 2>/dev/null | head -1
}

as_head() { as_staff head "$@"; } # the unit head: also a leader and a supervisor

first_id() { { grep -o '"id":"[^"]*"' || true; } | head -1 | cut -d'"' -f4; }

await_text() { # tier path text: until the node's answer contains it (sync takes a moment)
  local i
  for i in $(seq 1 120); do
    case "$(as_head "$1" GET "$2")" in *"$3"*) return 0 ;; esac
    sleep 0.5
  done
  echo "demo.sh: waited in vain for $3 at the $1 node ($2)" >&2
  return 1
}

# A month of the district's own work, once, after the nodes are linked: a case assigned to the township
# and accepted there, which a district leader owns (包案) and the district supervises (listed, 挂牌督办);
# the township's mass visit of unpaid workers, flagged as major and acknowledged at the district, accepted
# at the township, owned by its leader, with a hearing scheduled.
seed_month() {
  [ -f "$DEMO/.seeded" ] && return 0
  local in20 in10 in7 id visit
  in20=$(date -d '+20 days' +%F); in10=$(date -d '+10 days' +%F); in7=$(date -d '+7 days' +%F)
  id=$(as_staff clerk district POST /api/v1/petitions "$(petition CLAIM WALK_IN '小区物业违规收费' '某小区业主反映物业公司擅自提高停车费并停水催缴，请求依法查处。' '城乡建设' 3 '[{"name":"黄丽","idNumber":"510199198207150027","phone":"13688880000","address":"青溪区清河镇"}]' 6)" | first_id)
  [ -n "$id" ] || return 1
  as_staff clerk district POST "/api/v1/petitions/$id/assignments" '{"unit":"510199101","note":"请依法办理并反馈"}' >/dev/null
  await_text township "/api/v1/petitions/$id" '"accept"'
  as_head township POST "/api/v1/petitions/$id/actions/accept" '{}' >/dev/null
  await_text district "/api/v1/petitions/$id" '"status":"ACCEPTED"'
  as_head district POST "/api/v1/petitions/$id/actions/take-case" "{\"measures\":\"每周听取一次办理进展，协调住建部门约谈物业公司\",\"targetDate\":\"$in20\",\"responsibleUnit\":\"510199101\"}" >/dev/null
  as_head district POST /api/v1/supervision "{\"case\":\"$id\",\"instructions\":\"请于期限内书面报告约谈及整改情况\",\"answerBy\":\"$in10\",\"listed\":true}" >/dev/null
  visit=$(cat "$DEMO/township-visit.id" 2>/dev/null || true)
  if [ -n "$visit" ]; then
    as_head township POST "/api/v1/petitions/$visit/actions/flag-major" '{"reason":"30余名农民工集体来访，涉及欠薪约46万元，情绪激动"}' >/dev/null
    await_text district /api/v1/alerts "$visit"
    as_head district POST "/api/v1/petitions/$visit/actions/acknowledge-major" '{}' >/dev/null
    as_head township POST "/api/v1/petitions/$visit/actions/accept" '{}' >/dev/null
    as_head township POST "/api/v1/petitions/$visit/actions/take-case" "{\"measures\":\"约谈建设单位和总包企业，督促限期支付\",\"targetDate\":\"$in20\",\"responsibleUnit\":\"510199101\"}" >/dev/null
    as_head township POST "/api/v1/petitions/$visit/actions/schedule-hearing" "{\"hearingOn\":\"$in7\",\"place\":\"清河镇人民政府三楼会议室\",\"chair\":\"王芳\",\"panel\":\"区人大代表李某、律师赵某、村民代表陈某\",\"openness\":\"PUBLIC\",\"petitionerSide\":\"陈大勇等3名代表\",\"unitSide\":\"镇劳动保障所、总包企业负责人\"}" >/dev/null
  else
    echo "demo.sh: the township's sample case was not found; the month is seeded without it" >&2
  fi
  # 矛盾纠纷排查: the township files last month's screening report (the department has not: it shows as late);
  # the district drafts last month's digest (信访摘报) for the office to write its highlights and a leader to sign
  local last
  last=$(TZ=Asia/Shanghai date -d "$(date +%Y-%m-01) -1 day" +%Y-%m)
  as_head township PUT "/api/v1/screening/510199101/$last" '{"version":0,"nothingToReport":false,"items":[{"kind":"HIDDEN_CONFLICT","summary":"某建筑工地拖欠农民工工资，工人多次聚集讨薪","place":"清河镇工业园区","peopleCount":32,"peopleDescription":"外地务工人员，推选代表3名","risk":"HIGH","measures":"镇劳动保障所约谈总包企业，督促限期支付；派出所做好现场秩序维护","responsibleName":"何平","responsibleTitle":"清河镇党委书记"},{"kind":"HOT_ISSUE","summary":"柳树村村道路灯损坏，村民多次反映夜间出行不便","place":"柳树村主干道","peopleCount":12,"peopleDescription":"柳树村5组村民","risk":"LOW","measures":"村委会已报修，纳入本月民生实事","responsibleName":"王芳","responsibleTitle":"清河镇信访办主任"}]}' >/dev/null
  as_head township POST "/api/v1/screening/510199101/$last/file" '{"version":1}' >/dev/null
  as_staff clerk district POST /api/v1/digests "{\"month\":\"$last\"}" >/dev/null
  touch "$DEMO/.seeded"
}

reception_day() { # days-ahead start end leader place topics (a later day on a weekend moves to the Monday)
  local day
  day=$(TZ=Asia/Shanghai date -d "+$1 days" +%F)
  while [ "$1" -gt 0 ] && [ "$(date -d "$day" +%u)" -gt 5 ]; do day=$(date -d "$day +1 day" +%F); done
  printf '{"date":"%s","start":"%s","end":"%s","leader":"%s","place":"%s","topics":"%s"}' "$day" "$2" "$3" "$4" "$5" "$6"
}

# A month of leader reception days (领导接访日) at the district, the department and the township, published
# on the district's portal once they have synced; the township's first one is today, so that a walk-in can
# be registered in it. Seeded once: a node that already has a rota keeps it.
load_reception() { # tier url password
  local from to
  from=$(TZ=Asia/Shanghai date +%F); to=$(TZ=Asia/Shanghai date -d '+40 days' +%F)
  case "$(api GET "$2/api/v1/reception-days?from=$from&to=$to" "$3")" in *'"items":[]'*) ;; *) return 0 ;; esac
  local d
  case "$1" in
    district)
      for d in "2 09:00 12:00 leader" "9 09:00 12:00 head" "16 09:00 12:00 leader" "23 14:30 17:30 head"; do
        set -- "$1" "$2" "$3" $d
        api POST "$2/api/v1/reception-days" "$3" "$(reception_day "$4" "$5" "$6" "$7" '青溪区信访局一楼群众来访接待大厅' '征地拆迁、城乡建设、涉法涉诉以外的各类诉求')" >/dev/null
      done ;;
    department)
      for d in "4 14:30 17:00 leader" "18 14:30 17:00 head"; do
        set -- "$1" "$2" "$3" $d
        api POST "$2/api/v1/reception-days" "$3" "$(reception_day "$4" "$5" "$6" "$7" '区人社局三楼信访接待室' '劳动报酬、社会保险待遇、工伤认定')" >/dev/null
      done ;;
    township)
      for d in "0 09:00 11:30 leader" "7 09:00 11:30 head" "14 09:00 11:30 leader" "21 09:00 11:30 head" "28 09:00 11:30 leader"; do
        set -- "$1" "$2" "$3" $d
        api POST "$2/api/v1/reception-days" "$3" "$(reception_day "$4" "$5" "$6" "$7" '清河镇便民服务中心二楼接访室' '征地拆迁补偿、农民工工资、邻里纠纷')" >/dev/null
      done ;;
  esac
}

move_ports() { # home tier http-port: the distribution's ports (and its parent's) as this network has them
  local parent
  parent=$(parent_of "$2")
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $3/" "$1/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $(($3 - 80))/" "$1/etc/org.apache.karaf.shell.cfg"
  if [ -n "$parent" ]; then
    sed -i "s|^parent.url *=.*|parent.url = http://127.0.0.1:$(port_of "$parent")|" "$1/etc/org.xinfang.node.cfg"
  fi
}

port_of() { # tier -> its HTTP port
  local wanted=$1 m
  for m in "${NODES[@]}"; do
    set -- $m
    if [ "$1" = "$wanted" ]; then echo "$2"; fi
  done
  return 0
}

# parent tier of each child tier
parent_of() {
  case "$1" in department|township) echo district ;; village) echo township ;; *) echo "" ;; esac
}

link_child() { # child-tier child-unit parent-url parent-password
  local cfg="$DEMO/$1/etc/org.xinfang.sync.cfg" secret answer
  secret=$(sed -n 's/^secret *= *\(.*\)$/\1/p' "$cfg" 2>/dev/null | head -1)
  if [ -z "$secret" ]; then
    secret=$(set +o pipefail; LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 43)
  fi
  local i
  # a parent just linked itself reloads its sync service for a moment: ask again until it answers
  for i in $(seq 1 60); do
    answer=$(api POST "$3/api/v1/sync/children" "$4" "{\"node\":\"$2\",\"secret\":\"$secret\"}")
    case "$answer" in *'"secret"'*) break ;; esac
    sleep 0.5
  done
  case "$answer" in *'"secret"'*) ;; *) echo "demo.sh: registering $1 at its parent failed: $answer" >&2; return 1 ;; esac
  if ! grep -q "^secret = $secret\$" "$cfg"; then
    # the node picks the change up without a restart
    sed -i "s/^secret *=.*/secret = $secret/" "$cfg"
  fi
}

# Two staff accounts per node for the web application, as an operator would add them to
# etc/users.properties: a clerk (登记员) and a unit head (负责人, who also handles and supervises).
# The staff list also names each unit's leader (领导) who receives visitors on reception days; a leader
# need not log in to be on the rota.
# Each account its own generated password, kept in etc/staff.password (owner only, one "login password"
# a line; the node stores only salted hashes). Who they are (name and title, recorded on every step and
# sign-off) goes to etc/xinfang-staff.csv beside it.
add_staff() { # home tier
  local clerk head
  clerk=$(set +o pipefail; LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 16)
  head=$(set +o pipefail; LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 16)
  (umask 077 && printf 'clerk %s\nhead %s\n' "$clerk" "$head" > "$1/etc/staff.password")
  printf 'clerk = %s,clerk\nhead = %s,head,handler,supervisor,leader\n' "$clerk" "$head" >> "$1/etc/users.properties"
  if [ "$2" = district ]; then
    # the district's discipline officer (纪检监察), who alone reads 检举控告 material there (accusation.roles)
    local jiwei
    jiwei=$(set +o pipefail; LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 16)
    printf 'jiwei %s\n' "$jiwei" >> "$1/etc/staff.password"
    printf 'jiwei = %s,discipline\n' "$jiwei" >> "$1/etc/users.properties"
    printf 'jiwei,孙纪,区纪委监委信访室主任\n' >> "$1/etc/xinfang-staff.csv"
  fi
  case "$2" in
    district)   printf 'clerk,刘洋,青溪区信访局登记员\nhead,陈静,青溪区信访局局长\nleader,黄志强,青溪区人民政府副区长\n' ;;
    department) printf 'clerk,孙丽,区人社局信访科科员\nhead,吴刚,区人社局信访科科长\nleader,郑伟,区人力资源和社会保障局局长\n' ;;
    township)   printf 'clerk,李娜,清河镇信访办登记员\nhead,王芳,清河镇信访办主任\nleader,何平,清河镇党委书记\n' ;;
    village)    printf 'clerk,张敏,柳树村村委会文书\nhead,赵建国,柳树村党支部书记\n' ;;
  esac >> "$1/etc/xinfang-staff.csv"
}

start() {
  need java; need mvn; need curl; need tar
  build_if_missing
  mkdir -p "$DEMO"
  local n tier port unit home
  for n in "${NODES[@]}"; do
    set -- $n; tier=$1; port=$2; home="$DEMO/$tier"
    if running "$home"; then
      continue
    fi
    if [ ! -d "$home" ]; then
      mkdir -p "$home"
      tar xzf "$(archive "$tier")" -C "$home" --strip-components=1
      move_ports "$home" "$tier" "$port"
      add_staff "$home" "$tier"
    fi
    # each node generates its own admin password at first start (etc/admin.password); it holds none of the
    # caller's descriptors (stdin included), so a pipe such as `./demo.sh start | tee start.log` ends
    (cd "$home" && env -u XINFANG_ADMIN_PASSWORD nohup bin/karaf server </dev/null >"$home/console.log" 2>&1 &) \
      </dev/null >/dev/null 2>&1
  done
  local json="[" sep=""
  printf '\n%-11s %-13s %-26s %-22s %-18s %-18s\n' "层级 tier" "单位 unit" "地址 url" "admin 密码 password" "clerk 密码" "head 密码"
  for n in "${NODES[@]}"; do
    set -- $n; tier=$1; port=$2; unit=$3; home="$DEMO/$tier"
    local url="http://127.0.0.1:$port" pw
    for _ in $(seq 1 120); do [ -s "$home/etc/admin.password" ] && break; sleep 0.5; done
    pw=$(cat "$home/etc/admin.password")
    wait_ready "$url" "$pw" "$tier"
    load_samples "$tier" "$url" "$pw"
    load_reception "$tier" "$url" "$pw"
    local clerk head portal=null
    clerk=$(staff_password "$home" clerk)
    head=$(staff_password "$home" head)
    [ "$tier" = district ] && portal="\"$url/portal/\""
    printf '%-11s %-13s %-26s %-22s %-18s %-18s\n' "$tier" "$unit" "$url" "$pw" "$clerk" "$head"
    json+="$sep{\"tier\":\"$tier\",\"unit\":\"$unit\",\"url\":\"$url\",\"user\":\"admin\",\"password\":\"$pw\",\"home\":\"$home\","
    json+="\"web\":\"$url/\",\"portal\":$portal,\"staff\":[{\"user\":\"clerk\",\"password\":\"$clerk\",\"roles\":[\"clerk\"]},"
    json+="{\"user\":\"head\",\"password\":\"$head\",\"roles\":[\"head\",\"handler\",\"supervisor\",\"leader\"]}"
    if [ "$tier" = district ]; then
      jiwei_pw=$(staff_password "$home" jiwei)
      json+=",{\"user\":\"jiwei\",\"password\":\"$jiwei_pw\",\"roles\":[\"discipline\"]}"
    fi
    json+="]}"
    sep=","
  done
  json+="]"
  # each child gets a sync credential from its parent: villages -> township -> district <- department
  for n in "${NODES[@]}"; do
    set -- $n; tier=$1; unit=$3
    local parent; parent=$(parent_of "$tier")
    [ -n "$parent" ] || continue
    local pport; pport=$(port_of "$parent")
    link_child "$tier" "$unit" "http://127.0.0.1:$pport" "$(cat "$DEMO/$parent/etc/admin.password")"
  done
  printf '%s\n' "$json" > "$DEMO/nodes.json"
  seed_month || echo "demo.sh: the month's sample work (包案, hearing, major matter, supervision) was not all seeded" >&2
  chmod 600 "$DEMO/nodes.json"
  cat <<EOT

Xinfang demo network is running on loopback (节点已启动).
  Staff app:  open <url>/ in a browser; log in as clerk (登记员) or head (负责人) with the password above
  纪检监察:   at the district, jiwei (discipline) / ${jiwei_pw:-see target/demo/district/etc/staff.password}: reads 检举控告 material
  Portal:     http://127.0.0.1:$BASE_PORT/portal/   (public: online petitions, progress, rating, leader reception days; no login)
  Rota:       <url>/#/reception — 接访日 at the district, department and township; <district>/api/v1/portal/reception-days (no login)
  API:        <url>/api/v1/node, <url>/api/v1/petitions   (HTTP Basic, user admin)
  Public:     <url>/api/v1/public/petitions/<trackingCode>?code=<verificationCode>  (no login)
  Sync:       <url>/api/v1/sync/status — villages report to the township, townships and departments to the district
  Shell:      target/demo/<tier>/bin/client -u admin   (SSH on 127.0.0.1 only)
  Scripts:    target/demo/nodes.json
  Stop:       ./demo.sh stop
EOT
}

stop() {
  local n home
  for n in "${NODES[@]}"; do
    set -- $n; home="$DEMO/$1"
    [ -d "$home" ] || continue
    if running "$home"; then
      (cd "$home" && bin/stop >/dev/null 2>&1 || true)
    fi
  done
  for n in "${NODES[@]}"; do
    set -- $n; home="$DEMO/$1"
    for _ in $(seq 1 60); do
      [ -z "$(pgrep -f "karaf.base=$home" 2>/dev/null || true)" ] && break
      sleep 0.5
    done
    pkill -9 -f "karaf.base=$home" 2>/dev/null || true
  done
  echo "Xinfang demo network stopped (data kept in target/demo; delete it for a fresh start)."
}

status() {
  local n home
  for n in "${NODES[@]}"; do
    set -- $n; home="$DEMO/$1"
    if running "$home"; then echo "$1: running on http://127.0.0.1:$2"; else echo "$1: stopped"; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
