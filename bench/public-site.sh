#!/usr/bin/env bash
# The public site under wrk, on loopback, against a bare ASP.NET Core endpoint serving a page of the same size.
#
#   bash bench/public-site.sh                    # ports 5201 (site) and 5202 (bare endpoint), 10 s per measurement
#   DURATION=5s PORT=5301 BARE_PORT=5302 bash bench/public-site.sh
#   REGENERATE=1 bash bench/public-site.sh       # seed the database again
#   SETTLE=0 bash bench/public-site.sh           # no pause between the warm-up and the measurement (default 5 s)
#   ONLY=crawler bash bench/public-site.sh        # the bare endpoint and the crawler only
#   SKIP_BUILD=1 bash bench/public-site.sh       # measure the build that is there
#   SKIP_BUILD=1 DLL=/tmp/pub/CucThongKe.Web.dll bash bench/public-site.sh   # measure the published site (dotnet publish)
#   NEWS=100000 DATA=/tmp/ctk-100k bash bench/public-site.sh   # seed another size (news items; documents and reports as default)
#
# 1. builds CucThongKe.Web, bench/CucThongKe.Benchmarks (the seeder) and bench/CucThongKe.BareEndpoint in Release;
# 2. seeds $DATA once (50,000 news, 5,000 legal documents, 500 reports; see PublicSiteSeeder.cs) and reuses it after;
# 3. starts the site (Production, output cache on) and the bare endpoint (serving the bytes of the site's article page);
#    wrk: cached article and bare endpoint with 32 connections (back to back, twice, alternating), then 1 connection;
#    the listing page (cached);
# 4. restarts the site with Cms__PublicSite__OutputCache=false: uncached article and listing, 32 and 1 connections;
# 5. the crawler: a fresh site process (Production, page cache on, as deployed) asked for every address of sitemap.xml
#    (following its index) in a random order, each once (first visits: no page, item or listing is in any cache yet),
#    32 connections, until the list is done or CRAWL_DURATION; req/s, p50 and the process's peak RSS;
# 6. prints every figure, the ratios and each site process's peak RSS (VmHWM) during its run.
# For each site figure it also prints the site process's CPU time per request (utime + stime from /proc/PID/stat over
# the measured run, divided by the requests wrk counted): on a shared machine that moves much less than req/s.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-5201}"
BARE_PORT="${BARE_PORT:-5202}"
DURATION="${DURATION:-10s}"
SETTLE="${SETTLE:-5}"
DATA="${DATA:-${TMPDIR:-/tmp}/cucthongke-public-bench}"
NEWS="${NEWS:-50000}"
ONLY="${ONLY:-all}"
CRAWL_DURATION="${CRAWL_DURATION:-120s}"
SITE="http://127.0.0.1:${PORT}"
BARE="http://127.0.0.1:${BARE_PORT}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cucthongke-wrk.XXXXXX")"
SITE_PID=""
BARE_PID=""

cleanup() {
  for pid in "$SITE_PID" "$BARE_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

for url in "$SITE" "$BARE"; do
  if curl -s -o /dev/null --max-time 1 "$url/"; then
    echo "$url already answers; choose other ports with PORT=... BARE_PORT=..." >&2
    exit 1
  fi
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
echo "Building in Release..."
for project in CucThongKe.Web/CucThongKe.Web.csproj bench/CucThongKe.Benchmarks/CucThongKe.Benchmarks.csproj bench/CucThongKe.BareEndpoint/CucThongKe.BareEndpoint.csproj; do
  dotnet build "$ROOT/$project" -c Release -nologo -v quiet >/dev/null
done
fi
# DLL=... measures another build of the site, e.g. the published one (ReadyToRun, as deployed): dotnet publish
# CucThongKe.Web -c Release -o /tmp/pub, then SKIP_BUILD=1 DLL=/tmp/pub/CucThongKe.Web.dll.
SITE_DLL="${DLL:-$ROOT/CucThongKe.Web/bin/Release/net10.0/CucThongKe.Web.dll}"
BARE_DLL="$ROOT/bench/CucThongKe.BareEndpoint/bin/Release/net10.0/CucThongKe.BareEndpoint.dll"

if [[ "${REGENERATE:-0}" == "1" || ! -f "$DATA/article.txt" ]]; then
  rm -rf "$DATA"
  echo "Seeding $DATA..."
  dotnet "$ROOT/bench/CucThongKe.Benchmarks/bin/Release/net10.0/CucThongKe.Benchmarks.dll" seed-public "$DATA" "$NEWS" | tee "$WORK/seed.log"
  grep '^article: ' "$WORK/seed.log" | sed 's/^article: //' >"$DATA/article.tmp"
  mv "$DATA/article.tmp" "$DATA/article.txt"
fi
ARTICLE="/$(cat "$DATA/article.txt")"
LISTING="/tin-tuc"

# Starts the site on $DATA with the output cache on ($1 = true) or off; sets SITE_PID.
start_site() {
  Cms__DataPath="$DATA" \
  Cms__Setup__AdminPassword='Bench@2026!x' \
  Cms__PublicSite__OutputCache="$1" \
  ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
    dotnet "$SITE_DLL" --urls "$SITE" >>"$WORK/site.log" 2>&1 &
  SITE_PID=$!
  wait_ok "$SITE/health" "$SITE_PID"
}

stop_site() {
  kill "$SITE_PID" 2>/dev/null || true
  wait "$SITE_PID" 2>/dev/null || true
  SITE_PID=""
}

wait_ok() {
  local deadline=$(( $(date +%s) + 120 ))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true)" == "200" ]]; do
    if ! kill -0 "$2" 2>/dev/null || (( $(date +%s) >= deadline )); then
      echo "No HTTP 200 from $1; log:" >&2
      tail -n 40 "$WORK/site.log" >&2
      exit 1
    fi
    sleep 0.1
  done
}

peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# CPU time (user + system) the process $1 has used, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# wrk URL CONNECTIONS [PID] -> "req/s p50_ms cpu_ms_per_request" (the last "-" without a PID); a short unmeasured
# warm-up first. Fails on any non-2xx answer.
measure() {
  local url="$1" connections="$2" pid="${3:-}" threads=2 before="" after=""
  (( connections == 1 )) && threads=1
  wrk -t"$threads" -c"$connections" -d2s "$url" >/dev/null
  # The JIT moves hot methods to optimised code in the background, and postpones that while new methods keep being
  # compiled: under unbroken load the uncached page stayed at about 1,000 req/s, after a pause ~1,750 (bench/README).
  # A real site has such pauses; SETTLE=0 measures without one.
  sleep "$SETTLE"
  [[ -n "$pid" ]] && before="$(cpu_ticks "$pid")"
  wrk -t"$threads" -c"$connections" -d"$DURATION" --latency "$url" >"$WORK/wrk.txt"
  [[ -n "$pid" ]] && after="$(cpu_ticks "$pid")"
  if grep -q "Non-2xx" "$WORK/wrk.txt"; then
    echo "wrk got non-2xx answers from $url:" >&2
    cat "$WORK/wrk.txt" >&2
    exit 1
  fi
  local rps p50
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk.txt")"
  p50="$(awk '$1 == "50%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.3f", v }' "$WORK/wrk.txt")"
  local requests cpu="-"
  requests="$(awk '/ requests in / { print $1 }' "$WORK/wrk.txt")"
  if [[ -n "$pid" ]]; then
    cpu="$(awk -v a="$before" -v b="$after" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')"
  fi
  echo "$rps $p50 $cpu"
}

declare -A R
run() { # key url connections [pid: the site process, for its CPU time per request]
  local out
  out="$(measure "$2" "$3" "${4:-}")"
  R[$1]="$out"
  printf '  %-34s %10s req/s   p50 %7s ms   CPU %6s ms/request\n' "$1" ${out}
}

start_bare() {
  dotnet "$BARE_DLL" --urls "$BARE" --page "$WORK/article.html" >>"$WORK/bare.log" 2>&1 &
  BARE_PID=$!
  wait_ok "$BARE/bare" "$BARE_PID"
  curl -s -o /dev/null -w '  bare endpoint: HTTP %{http_code}, %{size_download} bytes\n' "$BARE/bare"
}

CACHED_RSS="-"
UNCACHED_RSS="-"
if [[ "$ONLY" != "crawler" ]]; then
echo "Site with the output cache (article $ARTICLE)..."
start_site true
curl -s -o "$WORK/article.html" -w '  article page: HTTP %{http_code}, %{size_download} bytes\n' "$SITE$ARTICLE"
curl -s -o /dev/null -w '  listing page: HTTP %{http_code}, %{size_download} bytes\n' "$SITE$LISTING"
start_bare

run "bare, 32 conn (1)" "$BARE/bare" 32 "$BARE_PID"
run "cached article, 32 conn (1)" "$SITE$ARTICLE" 32 "$SITE_PID"
run "bare, 32 conn (2)" "$BARE/bare" 32 "$BARE_PID"
run "cached article, 32 conn (2)" "$SITE$ARTICLE" 32 "$SITE_PID"
run "bare, 1 conn" "$BARE/bare" 1 "$BARE_PID"
run "cached article, 1 conn" "$SITE$ARTICLE" 1 "$SITE_PID"
run "cached listing, 32 conn" "$SITE$LISTING" 32 "$SITE_PID"
CACHED_RSS="$(peak_rss_mb "$SITE_PID")"
stop_site

echo "Site without the output cache (Cms:PublicSite:OutputCache=false)..."
start_site false
run "uncached article, 32 conn" "$SITE$ARTICLE" 32 "$SITE_PID"
run "uncached article, 1 conn" "$SITE$ARTICLE" 1 "$SITE_PID"
run "uncached listing, 32 conn" "$SITE$LISTING" 32 "$SITE_PID"
run "uncached listing, 1 conn" "$SITE$LISTING" 1 "$SITE_PID"
UNCACHED_RSS="$(peak_rss_mb "$SITE_PID")"
stop_site

fi

# The crawler's addresses: every <loc> of sitemap.xml, or of each file its index names, as paths on this site, shuffled.
sitemap_paths() {
  curl -s "$SITE/sitemap.xml" >"$WORK/sitemap.xml"
  if grep -q "<sitemapindex" "$WORK/sitemap.xml"; then
    grep -o '<loc>[^<]*</loc>' "$WORK/sitemap.xml" | sed -E 's#<loc>[a-z]+://[^/]+##; s#</loc>##' | while read -r file; do
      curl -s "$SITE$file"
    done >"$WORK/sitemap-files.xml"
    mv "$WORK/sitemap-files.xml" "$WORK/sitemap.xml"
  fi
  grep -o '<loc>[^<]*</loc>' "$WORK/sitemap.xml" | sed -E 's#<loc>[a-z]+://[^/]+##; s#</loc>##; s#&amp;#\&#g' | shuf --random-source=<(yes)
}

# wrk's script: each thread walks its share of the list once (thread i takes addresses i, i + n, ...) and stops at its end.
cat >"$WORK/crawl.lua" <<'LUA'
-- wrk divides the requests by the whole -d duration even when every thread ran out of addresses and stopped early,
-- so each thread notes when it started and when it ran out (a wall clock read twice per thread, not per request), and
-- done() prints the crawl's own length; the script divides by that.
local paths, threads, counter = {}, {}, 0
for line in io.lines(os.getenv("CRAWL_LIST")) do paths[#paths + 1] = line end
local function now()
  local clock = io.popen("date +%s.%N")
  local t = tonumber(clock:read("*l"))
  clock:close()
  return t
end
function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end
function init(args)
  step = tonumber(os.getenv("CRAWL_THREADS"))
  i = index
  started = now()
end
function request()
  local path = paths[i]
  if path == nil then
    if finished == nil then finished = now() end
    wrk.thread:stop()
    path = paths[1]
  end
  i = i + step
  return wrk.format("GET", path)
end
function done(summary, latency, requests)
  local first, last = nil, nil
  for _, thread in ipairs(threads) do
    local s, f = thread:get("started"), thread:get("finished")
    if s == nil or f == nil then return end
    if first == nil or s < first then first = s end
    if last == nil or f > last then last = f end
  end
  io.write(string.format("crawl-seconds: %.3f\n", last - first))
end
LUA

echo "Crawler: a fresh site (page cache on), every address of sitemap.xml once, in a random order..."
start_site true
[[ -z "$BARE_PID" ]] && { curl -s -o "$WORK/article.html" "$SITE$ARTICLE"; start_bare; run "bare, 32 conn (2)" "$BARE/bare" 32 "$BARE_PID"; }
sitemap_paths >"$WORK/crawl.txt"
CRAWL_COUNT="$(wc -l <"$WORK/crawl.txt")"
echo "  $CRAWL_COUNT addresses in the sitemap"
before="$(cpu_ticks "$SITE_PID")"
CRAWL_LIST="$WORK/crawl.txt" CRAWL_THREADS=2 wrk -t2 -c32 -d"$CRAWL_DURATION" --latency -s "$WORK/crawl.lua" "$SITE" >"$WORK/crawl-wrk.txt"
after="$(cpu_ticks "$SITE_PID")"
if grep -q "Non-2xx" "$WORK/crawl-wrk.txt"; then
  echo "  the crawler got non-2xx answers:" && grep "Non-2xx" "$WORK/crawl-wrk.txt"
fi
CRAWL_RPS="$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/crawl-wrk.txt")"
CRAWL_SECONDS="$(awk '/^crawl-seconds:/ { print $2 }' "$WORK/crawl-wrk.txt")"
CRAWL_P50="$(awk '$1 == "50%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.3f", v }' "$WORK/crawl-wrk.txt")"
CRAWL_REQUESTS="$(awk '/ requests in / { print $1 }' "$WORK/crawl-wrk.txt")"
# Every address was asked for before the duration ended: the rate is the requests over the crawl's own length.
if [[ -n "$CRAWL_SECONDS" ]]; then
  CRAWL_RPS="$(awk -v n="$CRAWL_REQUESTS" -v s="$CRAWL_SECONDS" 'BEGIN { printf "%.2f", n / s }')"
  echo "  every address asked for in $CRAWL_SECONDS s (of $CRAWL_DURATION)"
fi
CRAWL_CPU="$(awk -v a="$before" -v b="$after" -v hz="$(getconf CLK_TCK)" -v n="$CRAWL_REQUESTS" 'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')"
CRAWL_RSS="$(peak_rss_mb "$SITE_PID")"
# What the resident memory is made of at the end (anonymous: heaps, stacks, JIT; file: mapped assemblies), and the threads.
echo "  at the end: $(awk '/^(VmRSS|RssAnon|RssFile|Threads):/ { printf "%s %s %s  ", $1, $2, $3 }' "/proc/$SITE_PID/status")"
printf '  %-34s %10s req/s   p50 %7s ms   CPU %6s ms/request   %s requests\n' "crawler, 32 conn" "$CRAWL_RPS" "$CRAWL_P50" "$CRAWL_CPU" "$CRAWL_REQUESTS"
stop_site

rps() { echo "${R[$1]}" | cut -d' ' -f1; }
p50() { echo "${R[$1]}" | cut -d' ' -f2; }
cpu() { echo "${R[$1]}" | cut -d' ' -f3; }
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { printf "%." d "f", a / b }'; }
echo
echo "Results ($(nproc) cores, wrk $DURATION per figure, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "  crawler, 32 conn:                          $CRAWL_RPS req/s, p50 $CRAWL_P50 ms, $CRAWL_REQUESTS of $CRAWL_COUNT addresses; / bare endpoint: $(ratio "$CRAWL_RPS" "$(rps 'bare, 32 conn (2)')" 4); peak RSS $CRAWL_RSS MB (target < 250)"
[[ "$ONLY" == "crawler" ]] && exit 0
echo "  cached article / bare endpoint, 32 conn:  $(ratio "$(rps 'cached article, 32 conn (1)')" "$(rps 'bare, 32 conn (1)')") and $(ratio "$(rps 'cached article, 32 conn (2)')" "$(rps 'bare, 32 conn (2)')")  (target >= 0.90)"
echo "  uncached article, 32 conn:                 $(rps 'uncached article, 32 conn') req/s  (target >= 3500), $(cpu 'uncached article, 32 conn') ms CPU per request (<= 0.5 allows 3,500 req/s on 2 cores)"
echo "  uncached article, 1 conn, p50:             $(p50 'uncached article, 1 conn') ms  (target < 2)"
echo "  uncached article / bare endpoint, 32 conn: $(ratio "$(rps 'uncached article, 32 conn')" "$(rps 'bare, 32 conn (2)')" 4)"
echo "  peak RSS of the site: cached run $CACHED_RSS MB, uncached run $UNCACHED_RSS MB  (target < 250)"
