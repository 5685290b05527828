#!/bin/bash
# interleave-auth.sh ROUNDS NAME=HUB_JAR NAME=HUB_JAR ... [-- LoadDriver options]
# A/B comparison on a machine whose speed drifts: auth-disk.sh with each hub jar in turn, ROUNDS times, with the
# threads' CPU sampled in the 800/s and the 1,600/s steps (CPU_AT_800 seconds after the hub is idle, then CPU_AT_1600
# seconds after that sample; the defaults, 40 and 25, fit --prime 30). Example (a jar saved from the build before):
#   gatehouse-bench/scripts/interleave-auth.sh 2 before=/tmp/before.jar after=gatehouse-app/target/gatehouse.jar -- --prime 30
set -eu
here=$(dirname "$0"); out=${OUT:-/tmp/gatehouse-runs}; mkdir -p "$out"
rounds=$1; shift
builds=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do builds+=("$1"); shift; done
[ $# -gt 0 ] && shift
for round in $(seq 1 "$rounds"); do
  for build in "${builds[@]}"; do
    name=${build%%=*}; jar=${build#*=}; tag=$name-$round
    echo "== $tag $(date -u +%H:%M:%S)"
    ( until grep -q "hub idle" "$out/$tag.out" 2>/dev/null; do sleep 1; done
      "$here/threads-cpu.sh" "${CPU_AT_800:-40}" > "$out/$tag.cpu800" 2>&1
      "$here/threads-cpu.sh" "${CPU_AT_1600:-25}" > "$out/$tag.cpu1600" 2>&1 ) &
    "$here/auth-disk.sh" "$tag" --hub-jar "$jar" "$@"
    wait
    for step in 800 1600; do echo "threads at $step/s:"; cat "$out/$tag.cpu$step"; done
  done
done
