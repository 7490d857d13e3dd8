#!/usr/bin/env bash
# Start and memory, runtime against runtime: the tracker and a minimal application of the same
# stack (bench/minimal), each on Java 17 with a class-data archive and on Java 25 with an AOT cache
# (with and without compact object headers), started in turns so that every setting sees the same
# machine. For each start: the time to the first 200 of "/", then the resident memory after 10 s of
# load on "/" (and, for the tracker, 10 s of a signed-in dashboard).
#
# Usage: bench/start.sh [rounds, default 5]
#   JAVA25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64   the Java 25 to measure (skipped when missing)
#   BENCH_SKIP_BUILD=1                              measure target/tc-tracker.jar as it is
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
port=18090
java17="${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/java"
java25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk > /dev/null; }
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -B -q -DskipTests clean package
./mvnw -B -q -f bench/minimal/pom.xml -DskipTests package

export MALLOC_ARENA_MAX=2
export TRACKER_ADMIN_PASSWORD="bench on loopback, twelve rows"
# The README's recommended settings, for both applications and every runtime.
read -r -a FLAGS <<< "-Dspring.aot.enabled=true -XX:TieredStopAtLevel=1 -Xms16m -Xmx64m -Xmn8m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=48m -Xss512k"
java -Djarmode=tools -jar target/tc-tracker.jar extract --destination "$work/tracker" > /dev/null
mv "$work/tracker/tc-tracker.jar" "$work/tracker/tracker.jar"
java -Djarmode=tools -jar bench/minimal/target/minimal.jar extract --destination "$work/minimal" > /dev/null
base="http://127.0.0.1:$port"

launch() { # app java [flags...]: starts the app on its own data; sets $server and $ms (to the first 200)
  local app="$1" jvm="$2" t0 t1
  shift 2
  t0=$(date +%s%N)
  TRACKER_DATA_DIR="$work/data-$app" "$jvm" "${FLAGS[@]}" "$@" -Ddata-dir="$work/data-$app" \
    -jar "$work/$app/$app.jar" --server.port=$port --tracker.links.refresh-every=0 > "$work/log" 2>&1 &
  server=$!
  until curl -fs -o /dev/null "$base/"; do
    kill -0 "$server" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
}
halt() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
cookie() {
  local jar="$work/cookies" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=admin" \
    --data-urlencode "password=$TRACKER_ADMIN_PASSWORD" --data-urlencode "_csrf=$token" "$base/login"
  awk '$6 == "SESSION" { print "SESSION=" $7 }' "$jar"
}
train() { # app java [flags...]: a training run, which writes the archive or cache as it stops
  local app="$1" jvm="$2"
  shift 2
  if [ "$app" = tracker ]; then
    # docker/train.sh runs "java" from the PATH: put the runtime being trained first on it.
    PATH="$(dirname "$jvm"):$PATH" TRACKER_DATA_DIR="$work/training-$RANDOM" TRAIN_PORT=$port \
      docker/train.sh "$work/tracker/tracker.jar" "${FLAGS[@]}" "$@" > /dev/null
  else
    launch "$app" "$jvm" "$@"
    curl -s -o /dev/null "$base/"
    halt
  fi
}
load() { # app: 10 s of readers, and for the tracker 10 s of a signed-in dashboard
  wrk -t2 -c16 -d10s "$base/" > /dev/null
  [ "$1" = tracker ] && wrk -t2 -c16 -d10s -H "Cookie: $(cookie)" "$base/" > /dev/null
  awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$server/status"
}

# The settings measured; each names its runtime and the flags that load its archive or cache.
settings=("17-cds" "25-aot")
have25=""
[ -x "$java25" ] && have25=1 && settings+=("25-aot-coh")
[ -n "$have25" ] || { echo "no Java 25 at $java25: measuring Java 17 only" >&2; settings=("17-cds"); }
flags_for() { # setting app -> the JVM and its flags, one per line
  case "$1" in
    17-cds) echo "$java17"; echo "-XX:SharedArchiveFile=$work/$2.jsa" ;;
    25-aot) echo "$java25"; echo "-XX:AOTCache=$work/$2.aot" ;;
    25-aot-coh) echo "$java25"; echo "-XX:AOTCache=$work/$2-coh.aot"; echo "-XX:+UseCompactObjectHeaders" ;;
  esac
}

# Training: one start of each app per setting reads every kind of page, and the archive or cache
# is written as it stops. The first start also makes the app's database.
for app in tracker minimal; do
  mkdir -p "$work/data-$app"
  launch "$app" "$java17"; halt   # makes the app's database, which the measured starts open
  train "$app" "$java17" -XX:ArchiveClassesAtExit="$work/$app.jsa"
  if [ -n "$have25" ]; then
    train "$app" "$java25" -XX:AOTCacheOutput="$work/$app.aot"
    train "$app" "$java25" -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput="$work/$app-coh.aot"
  fi
  for f in "$work/$app.jsa" ${have25:+"$work/$app.aot" "$work/$app-coh.aot"}; do
    [ -s "$f" ] || { echo "training wrote no $f" >&2; exit 1; }
  done
done

declare -A starts rss
for round in $(seq "$rounds"); do
  for setting in "${settings[@]}"; do
    for app in tracker minimal; do
      mapfile -t spec < <(flags_for "$setting" "$app")
      launch "$app" "${spec[@]}"
      starts[$setting/$app]+="$ms "
      rss[$setting/$app]+="$(load "$app") "
      halt
    done
  done
  echo "round $round of $rounds done" >&2
done

median() { printf '%s\n' $1 | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo
echo "Start and memory: $(nproc) cores, ${rounds} rounds, settings in turns, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Both applications: ${FLAGS[*]}"
printf '%-12s %16s %16s %7s %14s %14s %7s\n' "setting" "tracker start" "minimal start" "ratio" "tracker RSS" "minimal RSS" "ratio"
for setting in "${settings[@]}"; do
  ts=$(median "${starts[$setting/tracker]}"); ms_=$(median "${starts[$setting/minimal]}")
  tr=$(median "${rss[$setting/tracker]}"); mr=$(median "${rss[$setting/minimal]}")
  printf '%-12s %13s ms %13s ms %7s %11s MB %11s MB %7s\n' "$setting" "$ts" "$ms_" \
    "$(awk -v a="$ts" -v b="$ms_" 'BEGIN { printf "%.2f", a / b }')" "$tr" "$mr" \
    "$(awk -v a="$tr" -v b="$mr" 'BEGIN { printf "%.2f", a / b }')"
done
echo "(medians; each start's figures: $(for s in "${settings[@]}"; do printf '%s tracker [%s] ' "$s" "${starts[$s/tracker]% }"; done))"
