#!/usr/bin/env bash
# Start-up to first answered request, with an EXISTING database (the common case: a restart or a deploy).
#
#   bash bench/startup.sh            # 5 runs on port 5181
#   RUNS=10 PORT=5190 bash bench/startup.sh
#   SKIP_BUILD=1 DLL=/elsewhere/CucThongKe.Web.dll bash bench/startup.sh   # another build (before / after a change)
#
# 1. builds CucThongKe.Web in Release once;
# 2. starts the site once on an empty temp data folder (migrations + setup recipe), waits for /health, stops it;
# 3. RUNS times: starts the built DLL on that folder and times, with `date +%s%N`, from just before the process is
#    started until curl first gets HTTP 200 from /health; then stops it. Prints each time and the median.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-5181}"
RUNS="${RUNS:-5}"
URL="http://127.0.0.1:${PORT}"
DLL="${DLL:-$ROOT/CucThongKe.Web/bin/Release/net10.0/CucThongKe.Web.dll}"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/cucthongke-startup.XXXXXX")"
LOG="$DATA.log"
PID=""

cleanup() {
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  rm -rf "$DATA" "$LOG"
}
trap cleanup EXIT

if curl -s -o /dev/null --max-time 1 "$URL/health"; then
  echo "Port $PORT already answers; choose another with PORT=..." >&2
  exit 1
fi

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "Building CucThongKe.Web (Release)..."
  dotnet build "$ROOT/CucThongKe.Web/CucThongKe.Web.csproj" -c Release -nologo -v quiet >/dev/null
fi

# Starts the site in the background on $DATA, with a fresh log; sets PID.
start_site() {
  : >"$LOG"
  Cms__DataPath="$DATA" \
  Cms__Setup__AdminPassword='Bench@2026!x' \
  ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$DLL" --urls "$URL" >>"$LOG" 2>&1 &
  PID=$!
}

stop_site() {
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""
}

# Polls /health every 10 ms until HTTP 200; fails after $1 seconds or if the site exits.
# Also notes in LISTENING_NS when Kestrel logged "Now listening on" (the host is up; what follows is the first request).
wait_healthy() {
  local deadline=$(( $(date +%s) + $1 ))
  LISTENING_NS=""
  while true; do
    if [[ -z "$LISTENING_NS" ]] && grep -q "Now listening on" "$LOG" 2>/dev/null; then
      LISTENING_NS=$(date +%s%N)
    fi
    local code
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/health" || true)"
    [[ "$code" == "200" ]] && return 0
    if ! kill -0 "$PID" 2>/dev/null; then
      echo "The site exited before answering; its log:" >&2
      cat "$LOG" >&2
      return 1
    fi
    if (( $(date +%s) >= deadline )); then
      echo "No HTTP 200 from $URL/health after $1 s (last: $code); log in $LOG:" >&2
      tail -n 30 "$LOG" >&2
      return 1
    fi
    sleep 0.01
  done
}

echo "Creating the database in $DATA (first start: migrations and setup recipe)..."
t0=$(date +%s%N)
start_site
wait_healthy 120
t1=$(date +%s%N)
stop_site
echo "  first start (empty folder): $(( (t1 - t0) / 1000000 )) ms (not counted)"

times=()
for i in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  start_site
  wait_healthy 60
  t1=$(date +%s%N)
  stop_site
  ms=$(( (t1 - t0) / 1000000 ))
  times+=("$ms")
  if [[ -n "$LISTENING_NS" ]]; then
    echo "  run $i: $ms ms (\"Now listening\" seen after $(( (LISTENING_NS - t0) / 1000000 )) ms)"
  else
    echo "  run $i: $ms ms"
  fi
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }')
echo "Start-up to first HTTP 200 on /health, existing database, $RUNS runs: median $median ms (target: under 2000 ms)"
