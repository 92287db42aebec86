#!/usr/bin/env bash
# The first command as a newcomer meets it (issue 14, point 6), on a scratch copy of demo.sh beside the tier
# archives that `mvn install` built:
#  1. a build that fails offline and succeeds online prints no Maven [ERROR] line (Maven reports them on
#     stdout); a build that fails both ways shows its errors and stops;
#  2. `./demo.sh start | tee start.log` returns once the network is up (the nodes hold none of the pipe)
#     and the log has no [ERROR] line; then `./demo.sh stop`.
# A stand-in `mvn` on PATH plays the build (offline: 43 [ERROR] lines and failure, as on a clean machine;
# online: the real archives copied into place), so the test costs one demo start, not a build.
# The network runs on XINFANG_DEMO_PORT (default 18281 here), away from a demo on the usual ports.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
TIERS=(district department township village)
export XINFANG_DEMO_PORT="${XINFANG_DEMO_PORT:-18281}"
for t in "${TIERS[@]}"; do
  [ -f "$ROOT/distribution/$t/target/xinfang-$t-$VERSION.tar.gz" ] || { echo "demo-test: build first (mvn install)" >&2; exit 2; }
done

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/xinfang-demo-test.XXXXXX")
fail() { echo "demo-test: FAILED: $*" >&2; exit 1; }
cleanup() {
  [ -d "$SCRATCH/copy/target/demo" ] && (cd "$SCRATCH/copy" && ./demo.sh stop >/dev/null 2>&1 || true)
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

mkdir -p "$SCRATCH/bin" "$SCRATCH/copy"
cp "$ROOT/demo.sh" "$SCRATCH/copy/"
cat > "$SCRATCH/bin/mvn" <<EOF
#!/usr/bin/env bash
# stand-in for Maven: offline it fails as on a clean machine, online it "builds" the archives
case " \$* " in
  *" -o "*) for i in \$(seq 1 43); do echo "[ERROR] Failed to execute goal (offline, artifact \$i missing)"; done; exit 1 ;;
esac
[ -n "\${DEMO_TEST_BUILD_FAILS:-}" ] && { echo "[ERROR] COMPILATION ERROR: the online build failed too"; exit 1; }
for t in ${TIERS[*]}; do
  mkdir -p "distribution/\$t/target"
  cp "$ROOT/distribution/\$t/target/xinfang-\$t-$VERSION.tar.gz" "distribution/\$t/target/"
done
EOF
chmod +x "$SCRATCH/bin/mvn"
export PATH="$SCRATCH/bin:$PATH"

# 1a. both builds fail: the errors are shown (on stderr) and the start stops before any node
set +e
(cd "$SCRATCH/copy" && DEMO_TEST_BUILD_FAILS=1 ./demo.sh start) >"$SCRATCH/fail.out" 2>"$SCRATCH/fail.err"
status=$?
set -e
[ "$status" -ne 0 ] || fail "a failed build did not stop demo.sh"
grep -q "COMPILATION ERROR" "$SCRATCH/fail.err" || fail "a failed build did not show its errors"
[ ! -d "$SCRATCH/copy/target/demo/district" ] || fail "a failed build went on to start nodes"

# 1b + 2. offline fails, online succeeds; the whole start through a pipe must return (timeout: it hangs)
start=$(date +%s)
set +e
(cd "$SCRATCH/copy" && timeout 900 bash -c './demo.sh start | tee start.log >/dev/null; exit ${PIPESTATUS[0]}')
status=$?
set -e
[ "$status" -ne 124 ] || fail "./demo.sh start | tee did not return within 900 s (a node holds the pipe?)"
[ "$status" -eq 0 ] || { cat "$SCRATCH/copy/start.log" >&2; fail "./demo.sh start exited with $status"; }
if grep -n '\[ERROR\]' "$SCRATCH/copy/start.log" >&2; then fail "the start printed [ERROR] lines"; fi
grep -q "节点已启动" "$SCRATCH/copy/start.log" || fail "the start did not report the network running"
grep -q "Building the tier distributions" "$SCRATCH/copy/start.log" || fail "the build step did not run"
grep -q "127.0.0.1:$XINFANG_DEMO_PORT" "$SCRATCH/copy/start.log" || fail "the district is not on port $XINFANG_DEMO_PORT"
echo "demo-test: ./demo.sh start | tee returned after $(( $(date +%s) - start )) s, quiet build, no [ERROR]"
(cd "$SCRATCH/copy" && ./demo.sh stop >/dev/null)
