#!/usr/bin/env bash
# Compares every public page of two running sites (issue 17: "the public pages' HTML for the demo content is the same
# byte for byte, or the differences are listed and explained").
#
#   bash bench/html-compare.sh serve TREE PORT [DATA]   # start the Release build of the work tree TREE on PORT with a
#                                                       # fresh data folder, the setup + demo recipes and a fixed clock
#   bash bench/html-compare.sh compare URL_A URL_B [OUT] # fetch both sites, normalise, compare; report in OUT
#   bash bench/html-compare.sh report URL_A URL_B OUT    # compare again what compare fetched into OUT
#
# serve: runs TREE/CucThongKe.Web/bin/Release/net10.0/CucThongKe.Web.dll (build it first:
# `dotnet build TREE/CucThongKe.Web -c Release`) in Production, with the output cache as configured by default, a new
# data folder (DATA, default /tmp/html-compare-PORT, deleted first), the setup recipe and
# Cms:Setup:AdditionalRecipes:0=Recipes/demo-content.recipe.json. The clock is frozen at FAKETIME (default
# "2026-12-07 02:00:00" UTC) with libfaketime (apt-get install faketime) and TZ=UTC, so what the import stamps with
# "now" (versions without a PublishedUtc, sitemap lastmod, the demo questions) is the same on both sites; without
# libfaketime it runs on the real clock and says so. It stays in the foreground: start it with `&`.
#
# compare: crawls each site from a fixed list of addresses (below) plus every address of its sitemap.xml, following
# every same-site href/src/action, <loc>/<link> of XML and url() of CSS (not /admin), and every option of every select of
# a GET form (the filters); each side also fetches what only the other side found. It posts the question and feedback
# forms once, empty (the validation page). Status, content type, Location and the body of every address are
# normalised (normalise_script() below: nothing else is changed) and compared; OUT/report.txt lists every address with
# "same", "DIFFERS" (with a diff in OUT/diffs/), "ONLY-IN-A/B-LINKS" (linked on one side only).
# Exit code: 0 when every page is the same, 1 otherwise.
set -euo pipefail

MAX_PAGES="${MAX_PAGES:-1500}"

usage() { sed -n '2,23p' "$0" >&2; exit 2; }

serve() {
  local tree port data dll
  tree="$(cd "$1" && pwd)"; port="$2"; data="${3:-${TMPDIR:-/tmp}/html-compare-$port}"
  dll="$tree/CucThongKe.Web/bin/Release/net10.0/CucThongKe.Web.dll"
  [[ -f "$dll" ]] || { echo "$dll is missing: dotnet build $tree/CucThongKe.Web -c Release" >&2; exit 1; }
  rm -rf "$data"; mkdir -p "$data"
  local faketime_lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
  if [[ -f "$faketime_lib" ]]; then
    # Frozen wall clock; the monotonic clock (timers, timeouts) keeps running.
    export LD_PRELOAD="$faketime_lib" FAKETIME="${FAKETIME:-2026-12-07 02:00:00}" FAKETIME_DONT_FAKE_MONOTONIC=1
  else
    echo "libfaketime not found: the site runs on the real clock; import times will differ between sites" >&2
  fi
  cd "$tree/CucThongKe.Web"
  TZ=UTC ASPNETCORE_ENVIRONMENT=Production \
  Cms__DataPath="$data" \
  Cms__Setup__AdminPassword='HtmlCompare@2026!x' \
  Cms__Setup__AdditionalRecipes__0=Recipes/demo-content.recipe.json \
    exec dotnet "$dll" --urls "http://127.0.0.1:$port"
}

# The rules applied to every text answer of either site before comparing. One rule per line; each says why.
normalise_script() { # $1 = the site's base URL; prints the sed program
  local origin="${1%/}"
  local encoded_origin="${origin//:/%3A}"; encoded_origin="${encoded_origin//\//%2F}"
  local rules=(
    "s#${origin//./\\.}#ORIGIN#g"                                    # the two sites listen on different ports: absolute links, canonical, sitemap
    "s#${encoded_origin//./\\.}#ORIGIN#g"                            # the same, URL-encoded (share links)
    's#(name="__RequestVerificationToken" type="hidden" value=")[^"]*#\1ANTIFORGERY#g' # a new antiforgery token per answer
    's#(name="Input\.Token" value=")[^"]*#\1FORM-TOKEN#g'              # the citizen forms' time-stamped anti-spam token, new per answer
    's#nonce="[^"]*"#nonce="NONCE"#g'                                  # the CSP nonce, new per request
    's#\?v=[A-Za-z0-9_-]{43}#?v=ASSET-HASH#g'                          # asp-append-version hashes; the assets themselves are fetched and compared as addresses
    's#"id":"[0-9a-f]{32}"#"id":"ITEM-ID"#g'                           # /api/search: item ids are made by the import (the demo recipe gives none); the url beside it names the item
  )
  printf '%s\n' "${rules[@]}"
}

encode() { jq -rn --arg v "$1" '$v|@uri'; }

# Addresses every site is asked for, beside its sitemap and what its pages link to.
seeds() {
  local q
  printf '%s\n' / /sitemap.xml /robots.txt /favicon.ico /rss /kenh-rss /en /so-do-trang /lien-he /danh-ba /lich-cong-bo \
    /loi '/loi?code=404' '/loi?code=500' /khong-co-trang-nay /tin-tuc/khong-co-bai-nay /tin-tuc/chuyen-muc/khong-co \
    /rss/khong-co /rss/tin-tuc/khong-co /hoi-dap/gui-cau-hoi /hoi-dap/tra-cuu '/hoi-dap/tra-cuu?ma=HD0000000000' \
    '/hoi-dap/tra-cuu?ma=abc' /gop-y /gop-y/tra-cuu '/gop-y/tra-cuu?ma=GY0000000000' '/gop-y/tra-cuu?ma=xyz' \
    /dang-nhap /quen-mat-khau '/co-chu/lon?quayLai=%2Ftin-tuc' /tim-kiem '/tim-kiem?q=' '/van-ban?nam=abc' \
    '/van-ban?trang=abc' '/tep/khong-co.pdf' '/anh/320/khong-co.png'
  for list in /tin-tuc /gioi-thieu /van-ban /tinh-hinh-kinh-te-xa-hoi /an-pham /hoi-dap; do
    printf '%s\n' "$list?trang=2" "$list?trang=0" "$list?trang=999" "$list?trang=abc"
  done
  # Search and the document lookup: with and without diacritics, decomposed (NFD) input, a number, markup to escape.
  for q in 'dân số' 'dan so' 'thống kê' 'thong ke' 'Thái Nguyên' 'thai nguyen' 'giá tiêu dùng' 'gia tieu dung' \
    'lao động việc làm' 'điều tra' 'dieu tra' $'the\u0302\u0301' 'hoà' 'hòa' '181/QĐ-CTK' '181/qd-ctk' '181 QĐ CTK' \
    '<b>dân số</b>' '"kinh tế"' 'không-có-từ-này'; do
    printf '%s\n' "/tim-kiem?q=$(encode "$q")" "/tim-kiem?q=$(encode "$q")&sort=date" "/api/search?q=$(encode "$q")" \
      "/van-ban?q=$(encode "$q")"
  done
  printf '%s\n' "/tim-kiem?q=$(encode 'thống kê')&trang=2" "/van-ban?so=$(encode '181/QĐ-CTK')" \
    "/van-ban?so=$(encode '312/CTK-TKKT')" "/van-ban?co-quan=$(encode 'Quốc hội')" "/van-ban?co-quan=$(encode 'quoc hoi')"
}

# fetch BASE OUT PATH: stores OUT/pages/<sha1>.{head,body} and a line "PATH<TAB>sha1" in OUT/index.tsv; fails when
# PATH was fetched already (its links were followed then).
fetch() {
  local base="$1" out="$2" path="$3" id
  id="$(printf '%s' "$path" | sha1sum | cut -c1-40)"
  [[ ! -f "$out/pages/$id.head" ]] || return 1
  curl -s -g --max-time 60 -H 'Accept-Language: vi' -D "$out/pages/$id.raw" -o "$out/pages/$id.body" "$base$path" || true
  summarize_head "$out/pages/$id.raw" >"$out/pages/$id.head"
  printf '%s\t%s\n' "$path" "$id" >>"$out/index.tsv"
}

# The parts of an answer's head that are compared: status, content type, redirect target.
summarize_head() {
  tr -d '\r' <"$1" | awk 'NR==1{print "status " $2} tolower($1)=="content-type:"||tolower($1)=="location:"{print tolower($1) " " $2 " " $3}'
}

# links BASE FILE HEAD: the same-site addresses a body links to, one per line.
links() {
  local base="$1" body="$2" head="$3"
  grep -q -E 'content-type: (text/|application/(xml|rss|atom|xhtml))' "$head" || return 0
  {
    grep -oE '(href|src|action)="[^"]*"' "$body" | sed -E 's/^[a-z]+="//; s/"$//'
    grep -oE '<(loc|link)>[^<]*</(loc|link)>' "$body" | sed -E 's/<[^>]*>//g'
    grep -oE 'url\([^)]*\)' "$body" | sed -E "s/^url\(['\"]?//; s/['\"]?\)$//"
    # Each option of a select in a GET form, as a filter of that form's action.
    grep -oE '<form[^>]*>|</form>|<select[^>]*>|<option value="[^"]*"' "$body" | awk '
      /^<form/ { action = ""; if ($0 ~ /method="get"/ && match($0, /action="[^"]*"/)) action = substr($0, RSTART + 8, RLENGTH - 9); next }
      /^<\/form/ { action = ""; next }
      /^<select/ { name = ""; if (match($0, /name="[^"]*"/)) name = substr($0, RSTART + 6, RLENGTH - 7); next }
      /^<option/ { v = substr($0, 16, length($0) - 16); if (action != "" && name != "" && v != "") print action "?" name "=" v }'
  } | sed -E 's/&amp;/\&/g; s/#.*$//' | sed -E "s#^${base//./\\.}##" | grep -E '^/[^/]' | grep -vE '^/(admin|co-chu/)' \
    | grep -vE '^/tim-kiem\?([^&]*&){2}' `# search facets and pages, one at a time: their combinations are too many` | sort -u || true
}

# crawl BASE OUT [SEEDFILE]: fetches the seeds, the sitemap's addresses and everything they link to.
crawl() {
  local base="$1" out="$2" extra="${3:-}" queue next count=0 path
  mkdir -p "$out/pages"; touch "$out/index.tsv" "$out/linked.txt"
  queue="$(mktemp)"; next="$(mktemp)"
  { seeds; if [[ -n "$extra" ]]; then cat "$extra"; fi; } | sort -u >"$queue"
  while [[ -s "$queue" ]]; do
    : >"$next"
    while IFS= read -r path; do
      count=$((count + 1)); ((count <= MAX_PAGES)) || { echo "more than $MAX_PAGES addresses; stopped" >&2; break 2; }
      fetch "$base" "$out" "$path" || continue
      local id; id="$(printf '%s' "$path" | sha1sum | cut -c1-40)"
      links "$base" "$out/pages/$id.body" "$out/pages/$id.head" | tee -a "$out/linked.txt" >>"$next"
    done <"$queue"
    comm -23 <(sort -u "$next") <(cut -f1 "$out/index.tsv" | sort -u) >"$queue"
  done
  sort -u -o "$out/linked.txt" "$out/linked.txt"
  rm -f "$queue" "$next"
}

# post_empty BASE OUT PATH: the form at PATH posted with its tokens and nothing else (the validation answer).
post_empty() {
  local base="$1" out="$2" path="$3" jar page id token form_token
  jar="$(mktemp)"; page="$(mktemp)"
  curl -s -g -c "$jar" -o "$page" "$base$path"
  token="$(grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$page" | head -1 | sed -E 's/.*value="//; s/"$//')"
  form_token="$(grep -oE 'name="Input\.Token" value="[^"]*"' "$page" | head -1 | sed -E 's/.*value="//; s/"$//')"
  id="$(printf '%s' "POST $path" | sha1sum | cut -c1-40)"
  curl -s -g -b "$jar" -D "$out/pages/$id.raw" -o "$out/pages/$id.body" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Token=$form_token" "$base$path" || true
  summarize_head "$out/pages/$id.raw" >"$out/pages/$id.head"
  printf '%s\t%s\n' "POST $path" "$id" >>"$out/index.tsv"
  rm -f "$jar" "$page"
}

wait_ready() { # the site answers, and its search index holds the demo content (built in the background at start)
  local base="$1" i
  for i in $(seq 1 180); do
    if curl -s --max-time 5 "$base/api/search?q=th%E1%BB%91ng%20k%C3%AA" | grep -qE '"total":[1-9]'; then return 0; fi
    sleep 1
  done
  echo "$base did not answer with a search index in 3 minutes" >&2; exit 1
}

compare() {
  local a="${1%/}" b="${2%/}" out="${3:-${TMPDIR:-/tmp}/html-compare}"
  rm -rf "$out"; mkdir -p "$out/a" "$out/b" "$out/diffs"
  wait_ready "$a"; wait_ready "$b"
  crawl "$a" "$out/a"
  crawl "$b" "$out/b" <(cut -f1 "$out/a/index.tsv")
  crawl "$a" "$out/a" <(cut -f1 "$out/b/index.tsv")
  sort -u <(cut -f1 "$out/a/index.tsv") <(cut -f1 "$out/b/index.tsv") >"$out/addresses.txt"
  while IFS= read -r path; do fetch "$a" "$out/a" "$path" || true; fetch "$b" "$out/b" "$path" || true; done <"$out/addresses.txt"
  for form in /hoi-dap/gui-cau-hoi /gop-y; do post_empty "$a" "$out/a" "$form"; post_empty "$b" "$out/b" "$form"; done
  report "$a" "$b" "$out"
}

# report URL_A URL_B OUT: compares what compare fetched into OUT (again, e.g. after changing a rule).
report() {
  local a="${1%/}" b="${2%/}" out="$3"
  rm -rf "$out/a/norm" "$out/b/norm" "$out/diffs"; mkdir -p "$out/diffs"

  # Normalised copies: head and body of each address (a binary body by its SHA-256), one sed over all files per side.
  local side base
  for side in a b; do
    base="$a"; [[ "$side" == b ]] && base="$b"
    mkdir -p "$out/$side/norm"
    cp "$out/$side/pages/"*.head "$out/$side/pages/"*.body "$out/$side/norm/"
    (cd "$out/$side/norm" && grep -LE 'content-type: (text/|application/(xml|rss|atom|json|javascript|problem|xhtml)|image/svg)' -- *.head \
      | while IFS= read -r head; do sha256sum <"${head%.head}.body" >"${head%.head}.body"; done)
    find "$out/$side/norm" -type f -print0 | xargs -0 sed -E -i "$(normalise_script "$base")"
  done

  local path id what differ=0 total=0
  sort -u "$out/a/index.tsv" "$out/b/index.tsv" | sort -u -t$'\t' -k1,1 >"$out/all.tsv"
  diff -rq "$out/a/norm" "$out/b/norm" | grep -oE '[0-9a-f]{40}\.(head|body)' | cut -c1-40 | sort -u >"$out/differing.txt" || true
  comm -23 "$out/a/linked.txt" "$out/b/linked.txt" >"$out/only-a-links.txt"
  comm -13 "$out/a/linked.txt" "$out/b/linked.txt" >"$out/only-b-links.txt"
  : >"$out/report.txt"
  while IFS=$'\t' read -r path id; do
    total=$((total + 1)); what="same"
    if grep -qxF "$id" "$out/differing.txt"; then
      differ=$((differ + 1)); what="DIFFERS diffs/$id.diff"
      diff -u --label "A $path" --label "B $path" <(cat "$out/a/norm/$id.head" "$out/a/norm/$id.body") \
        <(cat "$out/b/norm/$id.head" "$out/b/norm/$id.body") >"$out/diffs/$id.diff" || true
    fi
    if grep -qxF "$path" "$out/only-a-links.txt"; then what="$what ONLY-IN-A-LINKS"; fi
    if grep -qxF "$path" "$out/only-b-links.txt"; then what="$what ONLY-IN-B-LINKS"; fi
    printf '%s\t%s\n' "$path" "$what" >>"$out/report.txt"
  done <"$out/all.tsv"
  grep -v $'\tsame$' "$out/report.txt" || true
  echo "$total addresses compared: $((total - differ)) same, $differ differ (report: $out/report.txt)"
  ((differ == 0))
}

case "${1:-}" in
  serve) [[ $# -ge 3 ]] || usage; serve "$2" "$3" "${4:-}" ;;
  compare) [[ $# -ge 3 ]] || usage; compare "$2" "$3" "${4:-}" ;;
  report) [[ $# -ge 4 ]] || usage; report "$2" "$3" "$4" ;;
  *) usage ;;
esac
