#!/usr/bin/env bash
# Runs every test project. Installs (Debian packages) and starts on loopback what the tests need when it is
# missing: a throw-away PostgreSQL server in a temporary folder, a throw-away Redis server, and Chromium for the browser tests.
# Stops what it started. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "${CMS_TEST_POSTGRES:-}" ] && [ -z "$pg_bin" ]; then
    echo "== Installing PostgreSQL (Debian package) for the PostgreSQL test suite"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi

# Chromium and its headless shell (what the browser tests run: about 40 % less CPU than the full browser in headless mode).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromium-headless-shell ]; then
    echo "== Installing Chromium and its headless shell (Debian packages) for the browser tests"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell >/dev/null \
        || echo "Chromium could not be installed: the browser tests will fail with a message saying so."
fi

# The throw-away PostgreSQL cluster and the tests' temporary folders (every test site's data folder, the search indexes,
# the browser's profiles) live in memory (/dev/shm, a tmpfs) when it has 4 GB free, else in /tmp. A test run creates
# and drops hundreds of databases and site folders: on ext4, finding a free inode among so many just deleted took a
# tenth of the run's CPU, most of it in the PostgreSQL server (bench/README.md, "Twelfth round").
scratch=/tmp
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt $((4 * 1024 * 1024)) ]; then
    scratch=/dev/shm
fi

pg_dir=""
stop_postgres() {
    if [ -n "$pg_dir" ]; then
        as_root su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
        as_root rm -rf "$pg_dir"
    fi
}
trap stop_postgres EXIT

if [ -z "${CMS_TEST_POSTGRES:-}" ]; then
    if [ -z "$pg_bin" ]; then
        echo "PostgreSQL could not be installed: the PostgreSQL tests will fail with a message saying so."
    else
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
        pg_dir=$(mktemp -d "$scratch/cucthongke-pg.XXXXXX")
        chmod 755 "$pg_dir"
        as_root chown postgres "$pg_dir" 2>/dev/null || true
        echo "== Starting a throw-away PostgreSQL on 127.0.0.1:$port"
        as_root su postgres -s /bin/sh -c "$pg_bin/initdb -D '$pg_dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$pg_dir/initdb.log' 2>&1" \
            || { cat "$pg_dir/initdb.log"; exit 1; }
        as_root su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$pg_dir/data' -l '$pg_dir/server.log' -w -o \"-h 127.0.0.1 -p $port -k '$pg_dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null" \
            || { cat "$pg_dir/server.log"; exit 1; }
        export CMS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
    fi
fi

# Redis for the tests of several nodes: a throw-away redis-server on a free loopback port (or the one named by CMS_TEST_REDIS).
redis_pid=""
stop_redis() { if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi; }
tests_tmp=$(mktemp -d "$scratch/cucthongke-tests.XXXXXX")
trap 'stop_postgres; stop_redis; rm -rf "$tests_tmp"' EXIT
if [ -z "${CMS_TEST_REDIS:-}" ]; then
    if [ ! -x /usr/bin/redis-server ]; then
        echo "== Installing Redis (Debian package) for the tests of several nodes"
        as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null \
            || echo "Redis could not be installed: the tests of several nodes will fail with a message saying so."
    fi
    if [ -x /usr/bin/redis-server ]; then
        redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
        echo "== Starting a throw-away Redis on 127.0.0.1:$redis_port"
        /usr/bin/redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir /tmp --loglevel warning >/dev/null 2>&1 &
        redis_pid=$!
        for _ in $(seq 50); do /usr/bin/redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
        export CMS_TEST_REDIS="127.0.0.1:$redis_port"
    fi
fi

results="$root/artifacts/test-results"
rm -rf "$results"
# The build and the tests overlap. The build mostly waits on its chain of projects (Core, Contents, the modules, the
# site) and keeps about one core of two busy, so the integration project (the longest lane) starts as soon as it and
# what it references are built, and the rest of the solution builds beside it (bench/README.md, "Build time").
build_failed() {
    echo "The build failed."
    echo "0 passed, 1 failed"
    exit 1
}
# Stops a process and everything it started (the test command, its runner, its test host).
stop_tree() {
    local child
    for child in $(pgrep -P "$1"); do stop_tree "$child"; done
    kill "$1" 2>/dev/null || true
}
test_project() {
    TMPDIR="$tests_tmp" dotnet test "tests/$1/$1.csproj" -c Release --no-build --logger "trx;LogFileName=$1.trx" --logger "console;verbosity=minimal" --results-directory "$results"
}

echo "== Building the site and the integration tests"
dotnet build tests/CucThongKe.IntegrationTests/CucThongKe.IntegrationTests.csproj -c Release -nologo -v quiet || build_failed

echo "== Testing, and building the rest of the solution"
test_project CucThongKe.IntegrationTests & integration=$!
# The rest is the solution without the integration project, as a solution filter made here from the solution's own
# list (a project added to the solution is built with no change here). Building the integration project again would
# rewrite files its running tests read (Mvc.Testing's manifest is written at every build).
mkdir -p artifacts
python3 - <<'PY'
import json, xml.etree.ElementTree as ET
projects = [p.get("Path") for p in ET.parse("CucThongKe.slnx").getroot().iter("Project")]
rest = [p for p in projects if not p.endswith("CucThongKe.IntegrationTests.csproj")]
json.dump({"solution": {"path": "../CucThongKe.slnx", "projects": rest}}, open("artifacts/rest-of-solution.slnf", "w"), indent=2)
PY
if ! dotnet build artifacts/rest-of-solution.slnf -c Release -nologo -v quiet; then
    stop_tree "$integration"
    wait "$integration" 2>/dev/null
    build_failed
fi

# The browser project beside the integration project, the architecture and unit projects one after the other in a
# third lane (bench/README.md, "fourth round").
test_project CucThongKe.BrowserTests & browser=$!
status=0
test_project CucThongKe.ArchitectureTests || status=1
test_project CucThongKe.UnitTests || status=1
wait "$browser" || status=1
wait "$integration" || status=1

read -r passed failed < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(passed, failed)
PY
)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
