#!/usr/bin/env bash
# How long `check` takes from launch to exit, as cron sees it: the median of several runs.
# Usage: bench/cli-check.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
[ -f target/tc-tracker.jar ] || ./mvnw -B -q -DskipTests package
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export TRACKER_DATA_DIR="$data"
java -jar target/tc-tracker.jar check > /dev/null || true   # first run creates and migrates the database
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  java -XX:TieredStopAtLevel=1 -Xshare:auto -jar target/tc-tracker.jar check > /dev/null || true
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "check: ${runs} runs on $(nproc) cores, median $(( sorted[runs / 2] )) ms (min ${sorted[0]}, max ${sorted[runs - 1]})"
