#!/bin/bash
# perf-threads.sh TAG WAIT NAME_PATTERN [perf record options]
# Once the run TAG (started by auth-disk.sh) reports its hub idle, waits WAIT seconds (75: inside the 1,600/s
# step) and samples the hub's threads whose name matches NAME_PATTERN (e.g. 'gatehouse-store|gatehouse-decis')
# for 10 s. Read with: perf report -i $OUT/TAG.perf --no-children --sort dso,sym
set -eu
tag=$1; wait=$2; pattern=$3; shift 3
out=${OUT:-/tmp/gatehouse-runs}
until grep -q "hub idle" "$out/$tag.out" 2>/dev/null; do sleep 1; done
sleep "$wait"
hub=$(pgrep -f "serve --bind" | head -1)
tids=$(ps -L -o tid=,comm= -p "$hub" | awk -v p="$pattern" '$2 ~ p {print $1}' | paste -sd,)
perf record -F 999 "$@" -t "$tids" -o "$out/$tag.perf" -- sleep 10 > /dev/null 2>&1
