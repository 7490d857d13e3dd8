#!/usr/bin/env bash
# The benchmark: builds the jar, loads Mitaka plus generated history, starts the server with the
# JVM flags the README recommends, and measures it on loopback with wrk. Prints one table.
#
# Usage: bench/run.sh [seconds per measurement, default 10]
#   BENCH_JVM_FLAGS="..."  other JVM flags, on one line, separated by spaces (no quoted values)
#   BENCH_SKIP_BUILD=1     measure target/tc-tracker.jar as it is instead of building it afresh
#   BENCH_PORT=18080       the loopback port the server listens on
#   BENCH_WARMUP=60        seconds of load before each measured row: a shorter warm-up measures the
#                          interpreter rather than the compiled code, and reads several times too high
#   BENCH_BEFORE=file      a table an earlier run saved (BENCH_SAVE), printed beside this run's figures
#   BENCH_SAVE=file        where this run saves its table (default target/bench-rows.tsv)
# Needs: Java 17, python3, curl; installs wrk from Debian if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
port="${BENCH_PORT:-18080}"
warmup="${BENCH_WARMUP:-60}"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if ! command -v wrk > /dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk > /dev/null
fi
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -B -q -DskipTests clean package

# The flags the README recommends for one server of a committee's size: the context the build
# prepared ahead of time (Spring AOT), a small heap with the serial collector, and only the quick
# JIT compiler (C1), which halves the CPU spent starting and leaves out the C2 compiler's memory.
# BENCH_JVM_FLAGS replaces them, for instance to measure with C2 as well.
read -r -a JVM_FLAGS <<< "${BENCH_JVM_FLAGS:--Dspring.aot.enabled=true -XX:TieredStopAtLevel=1 -Xms16m -Xmx64m -Xmn8m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=48m -Xss512k}"
export MALLOC_ARENA_MAX=2   # fewer glibc arenas: less resident memory for the same work
export TRACKER_ADMIN_PASSWORD="bench on loopback, twelve rows"
java -Djarmode=tools -jar target/tc-tracker.jar extract --destination "$work/app" > /dev/null
app="$work/app/tc-tracker.jar"

load() { # data-dir cycles commitments weeks
  mkdir -p "$1"
  TRACKER_DATA_DIR="$1" java -jar "$app" export > "$work/mitaka.json"
  python3 bench/dataset.py "$work/mitaka.json" "$2" "$3" "$4" > "$work/dataset.json"
  TRACKER_DATA_DIR="$1" java -jar "$app" import "$work/dataset.json" --replace --max-size 64 > /dev/null
}

start() { # data-dir [extra JVM flags...]; sets $server and $startup_ms
  local t0 t1 dir="$1"
  shift
  data="$dir"
  t0=$(date +%s%N)
  TRACKER_DATA_DIR="$dir" java "${JVM_FLAGS[@]}" "$@" -jar "$app" --server.port="$port" \
    > "$work/server.log" 2>&1 &
  server=$!
  until curl -fs -o /dev/null "$base/"; do
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  startup_ms=$(( (t1 - t0) / 1000000 ))
}

stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

session_cookie() { # signs in as admin and prints "SESSION=..."
  local jar="$work/cookies" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=admin" \
    --data-urlencode "password=$TRACKER_ADMIN_PASSWORD" --data-urlencode "_csrf=$token" "$base/login"
  awk '$6 == "SESSION" { print "SESSION=" $7 }' "$jar"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
saved="${BENCH_SAVE:-target/bench-rows.tsv}"
: > "$saved"
h2() { # SQL on the server's database, through H2's AUTO_SERVER port; prints the result rows
  java -cp "$(ls "$work"/app/lib/h2-*.jar)" org.h2.tools.Shell -url "jdbc:h2:file:$data/tracker;AUTO_SERVER=TRUE" \
    -user sa -password "$(cat "$data/database-password")" -sql "$1" 2> /dev/null
}
# SQL statements per request: H2 counts each statement it runs while QUERY_STATISTICS is on (only
# while counting, so it costs nothing in the timed part); the shell's own statements are left out.
sql_per_request() { # path [cookie]
  local n=20 total
  h2 "SET QUERY_STATISTICS_MAX_ENTRIES 10000; SET QUERY_STATISTICS FALSE; SET QUERY_STATISTICS TRUE" > /dev/null
  for _ in $(seq $n); do
    if [ -n "${2:-}" ]; then curl -s -o /dev/null -H "Cookie: $2" "$base$1"; else curl -s -o /dev/null "$base$1"; fi
  done
  total=$(h2 "select 'total=' || coalesce(sum(execution_count), 0) from information_schema.query_statistics
    where sql_statement not like '%query_statistics%' and sql_statement not like 'SET %'
    and sql_statement <> 'CALL DATABASE()' and sql_statement not like 'SELECT SETTING_NAME%'" | grep -o 'total=[0-9]*' | cut -d= -f2)
  h2 "SET QUERY_STATISTICS FALSE" > /dev/null
  awk -v t="$total" -v n=$n 'BEGIN { printf "%.1f", t / n }'
}
measure() { # label path [cookie]
  local label="$1" path="$2" cookie="${3:-}" args=(-t2 -c16 -d"${seconds}s" --latency) before after out
  local warm=(-t2 -c16 -d"${warmup}s")
  if [ -n "$cookie" ]; then args+=(-H "Cookie: $cookie"); warm+=(-H "Cookie: $cookie"); fi
  wrk "${warm[@]}" "$base$path" > /dev/null   # warm-up
  before=$(cpu_ticks)
  out=$(wrk "${args[@]}" "$base$path")
  after=$(cpu_ticks)
  local requests rps p50 p99 non2xx
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%d", $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  non2xx=$(echo "$out" | awk '/Non-2xx/ { print $5 }')
  local cpu_ms sql
  cpu_ms=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.2f", t * 1000 / hz / n }')
  sql=$(sql_per_request "$path" "$cookie")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$cpu_ms" "$rps" "$p50" "$p99" "$sql" "${non2xx:-0}" >> "$saved"
}

# Class-data sharing: a training run reads each kind of page once, anonymous and signed in,
# and the classes it loaded are archived when it stops; later starts map them ready-made.
TRACKER_DATA_DIR="$work/training" TRAIN_PORT="$port" docker/train.sh "$app" "${JVM_FLAGS[@]}" \
  -XX:ArchiveClassesAtExit="$work/app.jsa"
[ -f "$work/app.jsa" ] || { echo "no class-data archive was written" >&2; exit 1; }
CDS=(-XX:SharedArchiveFile="$work/app.jsa")

# --- Mitaka alone, then Mitaka with 100,000 check-ins of other cycles' history ---------------
mkdir -p "$work/mitaka"
TRACKER_DATA_DIR="$work/mitaka" java -jar "$app" export > /dev/null
start "$work/mitaka" "${CDS[@]}"
cookie=$(session_cookie)
measure "dashboard /, Mitaka alone, anonymous" "/"
measure "dashboard /, Mitaka alone, signed in" "/" "$cookie"
mkdir -p "$work/static"
curl -s -o "$work/static/index.html" "$base/"   # the kept page's bytes, for nginx below
stop

# --- nginx serving the same bytes from a file: the ceiling for a kept page on this machine ------
if ! command -v nginx > /dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq nginx-light > /dev/null
fi
cat > "$work/nginx.conf" <<CONF
worker_processes $(nproc);
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server { listen 127.0.0.1:$((port + 1)); root $work/static; location = / { try_files /index.html =404; } }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 1
nginx_rps=$(wrk -t2 -c16 -d"${seconds}s" "http://127.0.0.1:$((port + 1))/" | awk '/Requests\/sec/ { printf "%d", $2 }')
kill "$nginx_pid" 2> /dev/null || true; wait "$nginx_pid" 2> /dev/null || true

load "$work/history" 130 30 26
start "$work/history" "${CDS[@]}"
cookie=$(session_cookie)
measure "dashboard /, +101,400 check-ins, anonymous" "/"
measure "dashboard /, +101,400 check-ins, signed in" "/" "$cookie"
stop

# --- 20 cycles x 30 commitments x 26 weekly check-ins, with links -----------------------------
load "$work/large" 20 30 26
start "$work/large" "${CDS[@]}"
startup="$startup_ms"
cookie=$(session_cookie)
first=$(curl -s "$base/api/v1/cycles/bench/commitments" | python3 -c 'import json,sys; print(json.load(sys.stdin)["commitments"][0]["id"])')
measure "cycle dashboard (30 x 26 weeks), anonymous" "/cycles/bench"
measure "cycle dashboard (30 x 26 weeks), signed in" "/cycles/bench" "$cookie"
measure "commitment page, anonymous" "/commitments/$first"
measure "commitment page, signed in" "/commitments/$first" "$cookie"
measure "weekly check-in form, signed in" "/cycles/bench/check-in" "$cookie"
measure "goal page (60 teams), anonymous" "/goals/$first"
measure "goal page (60 teams), signed in" "/goals/$first" "$cookie"
measure "weekly digest (Markdown)" "/cycles/bench/report.md"
measure "API: a cycle's commitments" "/api/v1/cycles/bench/commitments"
rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$server/status")
stop

check_times=()
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N)
  TRACKER_DATA_DIR="$work/large" java "${JVM_FLAGS[@]}" "${CDS[@]}" -jar "$app" check > /dev/null 2>&1 || true
  t1=$(date +%s%N)
  check_times+=($(( (t1 - t0) / 1000000 )))
done
check_median=$(printf '%s\n' "${check_times[@]}" | sort -n | sed -n 3p)
plain_times=()
for _ in 1 2 3 4 5; do   # as the README's cron line runs it: the jar as built, no settings
  t0=$(date +%s%N)
  TRACKER_DATA_DIR="$work/large" java -jar target/tc-tracker.jar check > /dev/null 2>&1 || true
  t1=$(date +%s%N)
  plain_times+=($(( (t1 - t0) / 1000000 )))
done
plain_median=$(printf '%s\n' "${plain_times[@]}" | sort -n | sed -n 3p)

echo
echo "TC Tracker benchmark: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "$(java -version 2>&1 | head -1), wrk 16 connections, ${warmup} s warm-up and ${seconds} s per row," \
  "load average before the run: ${load_before}"
echo "JVM flags: ${JVM_FLAGS[*]} (and the class-data archive)"
# One table: CPU per request first (it holds up on a busy machine, where requests per second do
# not), then an earlier run's CPU figure beside it when BENCH_BEFORE names one.
before_file="${BENCH_BEFORE:-/dev/null}"
awk -F'\t' -v before="$before_file" '
  BEGIN { while ((getline line < before) > 0) { split(line, f, "\t"); was[f[1]] = f[2] }
          printf "%-44s %11s %11s %8s %9s %9s %7s %6s\n", "page", "CPU ms/req", "before", "req/s", "p50", "p99", "SQL/req", "non2xx" }
  { printf "%-44s %11s %11s %8s %9s %9s %7s %6s\n", $1, $2, ($1 in was) ? was[$1] : "-", $3, $4, $5, $6, $7 }' "$saved"
kept=$(awk -F'\t' '$1 == "dashboard /, Mitaka alone, anonymous" { print $3 }' "$saved")
echo
echo "nginx serving the anonymous dashboard's bytes from a file: ${nginx_rps} req/s; the kept page: ${kept} req/s" \
  "($(awk -v a="$kept" -v b="$nginx_rps" 'BEGIN { printf "%.0f", 100 * a / b }')% of nginx)"
echo "first 200 after launch (large data set): ${startup} ms"
echo "RSS after load: $(( rss_kb / 1024 )) MB"
echo "command-line check, median of 5: ${check_median} ms with the settings above, ${plain_median} ms as plain java -jar"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
