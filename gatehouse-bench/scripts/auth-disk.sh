#!/bin/bash
# auth-disk.sh TAG [LoadDriver options...]
# One remote-authorization run at 800 and 1,600 requests/s against a fresh hub, with the disk's counters
# (/proc/diskstats) sampled every second. Prints the driver's table, the hub's own timers (answer, decision-log
# commit, checkpoint, store commit) and the disk's busy share, MB written and flushes per second.
# Environment: OUT (default /tmp/gatehouse-runs), DISK (default vda), DRIVER_JVM (options for the driver's JVM,
# e.g. -Djava.io.tmpdir=/dev/shm to put the hub's data directory on tmpfs), run from the repository's root after
# ./mvnw -pl gatehouse-bench -am package -DskipTests. Needs python3.
set -eu
tag=$1; shift
out=${OUT:-/tmp/gatehouse-runs}; disk=${DISK:-vda}; mkdir -p "$out"
rm -f "$out/$tag.out"
java ${DRIVER_JVM:-} -cp gatehouse-bench/target/gatehouse-bench.jar io.gatehouse.bench.load.LoadDriver hub --scenarios auth \
  --auth-rates 800,1600 --auth-duration 30 --warmup 5 --no-ceiling --keep-going "$@" \
  --out "$out/$tag.json" > "$out/$tag.out" 2>&1 &
driver=$!
while kill -0 $driver 2>/dev/null; do echo "$(date +%s.%N) $(grep " $disk " /proc/diskstats)"; sleep 1; done > "$out/$tag.disk"
rm -rf /tmp/gatehouse-load-hub* /dev/shm/gatehouse-load-hub*
grep -E "^ +[0-9]+ +[0-9]" "$out/$tag.out" || tail -5 "$out/$tag.out"
python3 - "$out" "$tag" <<'PY'
import json, sys
out, tag = sys.argv[1], sys.argv[2]
timers = {}
for line in json.load(open(f'{out}/{tag}.json'))['hub']['hubTimers']:
    key, value = line.rsplit(' ', 1)
    timers[key] = float(value)
def ms(key):
    return round(1000 * timers.get(key, 0), 2)
q = lambda name, quantile, extra='': ms(f'{name}{{{extra}quantile="{quantile}"}}')
print('hub answer p99', q('gatehouse_ingest_auth_answer_seconds', '0.99'),
      '| decision-log commit p50/p99', q('gatehouse_access_decision_log_commit_seconds', '0.5'),
      q('gatehouse_access_decision_log_commit_seconds', '0.99'),
      '| events checkpoint p50/p99', q('gatehouse_db_checkpoint_seconds', '0.5', 'database="events",'),
      q('gatehouse_db_checkpoint_seconds', '0.99', 'database="events",'),
      '| store commit p50/p99', q('gatehouse_store_commit_seconds', '0.5'), q('gatehouse_store_commit_seconds', '0.99'))
rows = [l.split() for l in open(f'{out}/{tag}.disk')]
first, last = rows[0], rows[-1]
# fields after the timestamp: major minor name, then /proc/diskstats' counters (sectors written at 10, io ms at 13)
seconds = float(last[0]) - float(first[0])
print(f'disk: {(int(last[10]) - int(first[10])) * 512 / 1e9:.1f} GB written, busy {(int(last[13]) - int(first[13])) / 1000:.0f} s'
      f' of {seconds:.0f} s' + (f', {int(last[19]) - int(first[19])} flushes' if len(last) > 19 else ''))
PY
