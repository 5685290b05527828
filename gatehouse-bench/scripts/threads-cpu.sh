#!/bin/bash
# threads-cpu.sh WAIT
# After WAIT seconds, the CPU each group of the hub's threads used over 10 s and how long it waited for a core
# (/proc/<tid>/schedstat), and the load driver's; groups are thread names cut to 15 characters
# (gatehouse-store, gatehouse-decis, vert.x-eventloo, ...).
sleep "$1"
hub=$(pgrep -f "serve --bind" | head -1)
driver=$(pgrep -f "LoadDriver" | head -1)
declare -A cpu wait
for t in /proc/$hub/task/*; do read -r cpu[${t##*/}] wait[${t##*/}] _ < "$t/schedstat"; done
driver0=$(cat /proc/$driver/task/*/schedstat | awk '{c += $1; w += $2} END {print c, w}')
sleep 10
for t in /proc/$hub/task/*; do
  id=${t##*/}; name=$(tr ' ' '_' < "$t/comm" 2>/dev/null); read -r c w _ < "$t/schedstat"
  echo "$name $(( (c - ${cpu[$id]:-0}) / 1000000 )) $(( (w - ${wait[$id]:-0}) / 1000000 ))"
done | awk '{c[$1] += $2; w[$1] += $3} END {for (k in c) printf "%-16s cpu %6d ms  waited %6d ms\n", k, c[k], w[k]}' \
  | sort -k3 -n -r | head -12
driver1=$(cat /proc/$driver/task/*/schedstat | awk '{c += $1; w += $2} END {print c, w}')
echo "$driver0 $driver1" | awk '{printf "driver           cpu %6d ms  waited %6d ms\n", ($3 - $1) / 1e6, ($4 - $2) / 1e6}'
