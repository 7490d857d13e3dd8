#!/bin/sh
# A training run: starts the tracker with the given JVM flags on a database made for the purpose,
# reads each kind of page once, anonymous and signed in, and stops it, so that the JVM writes what
# it learned (a class-data archive with -XX:ArchiveClassesAtExit, an AOT cache with
# -XX:AOTCacheOutput). The Docker image and the benchmarks train this way.
#
# Usage: TRACKER_DATA_DIR=/tmp/training docker/train.sh JAR [JVM flags...]   (needs curl)
#   TRAIN_PORT=18181   the loopback port of the training server
set -eu
jar="$1"
shift
port="${TRAIN_PORT:-18181}"
base="http://127.0.0.1:$port"
export TRACKER_ADMIN_PASSWORD="${TRACKER_ADMIN_PASSWORD:-a training run, thrown away after}"
mkdir -p "$TRACKER_DATA_DIR"
java "$@" -jar "$jar" --server.port="$port" --tracker.links.refresh-every=0 > "$TRACKER_DATA_DIR/training.log" 2>&1 &
pid=$!
tries=0
until curl -fs -o /dev/null "$base/"; do
  tries=$((tries + 1))
  if [ "$tries" -gt 1800 ] || ! kill -0 "$pid" 2> /dev/null; then
    cat "$TRACKER_DATA_DIR/training.log" >&2
    kill "$pid" 2> /dev/null || true
    exit 1
  fi
  sleep 0.1
done
for path in / /cycles /cycles/mitaka /commitments/1 /commitments/1/history /people /people/1 /goals /teams \
  /cycles/mitaka/report /cycles/mitaka/report.md /cycles/mitaka/commitments.csv /feed.atom \
  /api/v1/cycles/mitaka/commitments /login /no-such-page; do
  curl -s -o /dev/null "$base$path"
done
cookies="$TRACKER_DATA_DIR/training.cookies"
token=$(curl -s -c "$cookies" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "$cookies" -c "$cookies" -o /dev/null --data-urlencode "username=admin" \
  --data-urlencode "password=$TRACKER_ADMIN_PASSWORD" --data-urlencode "_csrf=$token" "$base/login"
for path in / /cycles/mitaka /commitments/1 /commitments/1/edit /cycles/mitaka/check-in /goals /account; do
  curl -s -o /dev/null -b "$cookies" "$base$path"
done
kill -TERM "$pid"
wait "$pid" || true
