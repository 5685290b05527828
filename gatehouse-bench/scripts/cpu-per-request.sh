#!/bin/bash
# cpu-per-request.sh RATE[,RATE...] [LoadDriver hub options...]
# What one remote-authorization request costs in CPU: the hub, the bare ceiling and the load driver, each sampled
# over 10 s inside every step of one `LoadDriver hub` run (a prime of PRIME seconds at the first rate, default 60,
# so both JVMs have compiled their hot paths; steps of 5 s warm-up and 30 s measured; 10 s pause between the hub and
# the ceiling). CPU is the sum of /proc/<pid>/task/*/schedstat; µs per request = CPU over the 10 s / (rate × 10 s).
# Start with a rate the hub takes easily (800): a first step at 1,600/s right after a prime at 1,600/s had a p99 of
# 0.4-2.9 s here. Run from the repository's root after ./mvnw -pl gatehouse-bench -am package -DskipTests.
# Output in $OUT (default /tmp/gatehouse-runs)/cpu-per-request.*
set -eu
rates=$1; shift
prime=${PRIME:-60}
out=${OUT:-/tmp/gatehouse-runs}; mkdir -p "$out"; log=$out/cpu-per-request.out; rm -f "$log"
cpu() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{c += $1} END {printf "%.0f", c / 1e3}'; }
# sample WHO PID DRIVER RATE: µs of CPU per request of PID and of the driver over the next 10 s
sample() {
  local p0 d0 p1 d1
  p0=$(cpu "$2"); d0=$(cpu "$3"); sleep 10; p1=$(cpu "$2"); d1=$(cpu "$3")
  awk -v who="$1" -v r="$4" -v p="$((p1 - p0))" -v d="$((d1 - d0))" 'BEGIN {
    printf "%-8s at %5d/s: %6.1f µs/request (%.2f cores), driver %6.1f µs/request (%.2f cores)\n",
      who, r, p / (r * 10), p / 1e7, d / (r * 10), d / 1e7 }'
}
# steps WHO PID DRIVER: one sample 15 s into the measured part of every step
steps() {
  sleep $((prime + 20))
  for rate in ${rates//,/ }; do sample "$1" "$2" "$3" "$rate"; sleep 25; done
}
java -cp gatehouse-bench/target/gatehouse-bench.jar io.gatehouse.bench.load.LoadDriver hub --scenarios auth \
  --auth-rates "$rates" --auth-duration 30 --warmup 5 --prime "$prime" --pause 10 --keep-going "$@" \
  --out "$out/cpu-per-request.json" > "$log" 2>&1 &
driver=$!
until grep -q "hub idle" "$log" 2>/dev/null; do sleep 1; done
steps hub "$(pgrep -f "serve --bind" | head -1)" "$driver"
until grep -q "^ceiling: pid" "$log" 2>/dev/null; do sleep 1; done
steps ceiling "$(grep "^ceiling: pid" "$log" | awk '{print $3}' | tr -d ,)" "$driver"
wait "$driver" || true
rm -rf /tmp/gatehouse-load-hub* /dev/shm/gatehouse-load-hub*
grep -E "^ +[0-9]+ +[0-9]" "$log" || tail -5 "$log"
