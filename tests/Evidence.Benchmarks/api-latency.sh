#!/usr/bin/env bash
# The API's latency as issue 11 measures it: wrk -t2 -c16 -d10s --latency on each request shape
# in turn, against an API already running on a database (start it with TRIALEVIDENCE_Database__Path
# and TRIALEVIDENCE_Scheduler__Enabled=false). Prints, per request: the first answer's time (what
# one person meets before any cache holds it), then p50, p99 and requests/s under load, and the
# time of one Table 1 CSV of 5,000 rows.
#
#   tests/Evidence.Benchmarks/api-latency.sh http://127.0.0.1:5080 [seconds]
set -euo pipefail
base=${1:?usage: api-latency.sh BASE-URL [seconds]}
seconds=${2:-10}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

# Eight trials of the database, for Table 1 by ids: the first page's.
ids=$(curl -fsS "$base/api/trials?pageSize=8&field=nctId" | grep -o 'NCT[0-9]\{8\}' | sort -u | head -8 | paste -sd, -)
[ -n "$ids" ] || { echo "the database at $base holds no trials" >&2; exit 2; }

requests=(
  "/api/trials?pageSize=20"
  "/api/trials?status=RECRUITING"
  "/api/trials?phase=PHASE2"
  "/api/trials?country=China"
  "/api/trials?modality=any"
  "/api/trials?target=any"
  "/api/trials?endpoint=OS"
  "/api/trials?setting=metastatic"
  "/api/trials?q=cancer"
  "/api/trials?q=radiotherapy"
  "/api/trials?q=hepatocellular%20carcinoma"
  "/api/trials?status=RECRUITING&status=COMPLETED&phase=PHASE2&phase=PHASE3"
  "/api/trials?q=cancer&sort=title"
  "/api/trials?status=COMPLETED&phase=PHASE2&sort=-enrollment"
  "/api/table1?ids=$ids"
)

printf '%-72s %10s %9s %9s %9s\n' request "first(ms)" "p50(ms)" "p99(ms)" "req/s"
for path in "${requests[@]}"; do
  first=$(curl -fsS -o /dev/null -w '%{time_total}' "$base$path")
  out=$(wrk -t2 -c16 -d"${seconds}s" --latency "$base$path")
  ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.1f", v }' <<<"$out"; }
  rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  errors=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' <<<"$out" || true)
  printf '%-72s %10.1f %9s %9s %9s %s\n' "${path:0:72}" "$(awk -v t="$first" 'BEGIN { print t * 1000 }')" "$(ms 50%)" "$(ms 99%)" "$rps" "$errors"
done

csv=$(curl -fsS -o /tmp/api-latency-table1.csv -w '%{time_total}' "$base/api/table1?format=csv&limit=5000")
rows=$(($(wc -l < /tmp/api-latency-table1.csv) - 1))
printf 'Table 1 CSV, %d rows: %.0f ms\n' "$rows" "$(awk -v t="$csv" 'BEGIN { print t * 1000 }')"
rm -f /tmp/api-latency-table1.csv
