#!/usr/bin/env bash
# CPU time per query of the processes behind a sysbench oltp_point_select run: where a proxy's cost goes.
# Start the topology and proxies first, e.g.
#   java -cp bench/target/benchmarks.jar io.shardline.bench.proxy.ProxySysbench --threads 8 --hold
# then, with the port it prints (warm the proxy for a minute first: C2 is slow on two busy cores):
#   bench/scripts/cpu-per-query.sh PORT USER PASSWORD DATABASE [SECONDS] [THREADS]
# Prints the TPS, then user and system CPU in microseconds per transaction for the JVM and every mariadbd.
set -euo pipefail
port=$1 user=$2 password=$3 db=$4 seconds=${5:-10} threads=${6:-8}
pids="$(pgrep -f 'ProxySysbench' | head -1) $(pgrep -x mariadbd | tr '\n' ' ')"
declare -A before
for p in $pids; do before[$p]="$(awk '{print $14, $15}' /proc/$p/stat)"; done
out=$(sysbench oltp_point_select --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$port" \
  --mysql-user="$user" --mysql-password="$password" --mysql-db="$db" --tables=1 --table-size=100000 \
  --threads="$threads" --time="$seconds" --report-interval=0 --percentile=95 run)
tx=$(echo "$out" | awk '/transactions:/ {print $2}')
echo "$out" | grep -E 'transactions:|95th'
tick=$(getconf CLK_TCK)
for p in $pids; do
  read -r u0 s0 <<<"${before[$p]}"
  read -r u1 s1 <<<"$(awk '{print $14, $15}' /proc/$p/stat)"
  awk -v n="$(ps -o comm= -p "$p")" -v p="$p" -v u=$((u1 - u0)) -v s=$((s1 - s0)) -v t="$tx" -v hz="$tick" \
    'BEGIN { if (u + s > 0) printf "%-10s pid %-7s user %6.1f us/tx  system %6.1f us/tx\n", n, p, u / hz * 1e6 / t, s / hz * 1e6 / t }'
done
