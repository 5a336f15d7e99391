#!/usr/bin/env bash
# Times one-shot kv commands against a running PostgreSQL, beside psql doing one query on the same
# server in the same run: `./kv get` of one key, `./kv --version` (start-up alone), and
# `psql -c 'select 1'`. Uses hyperfine when it is installed, else times a loop itself.
#
#   kv-cli/bench/one-shot.sh [kv:postgresql://host:port/db?user=U&password=P] [RUNS]
#
# The URL defaults to KV_URL. The first ./kv run after a build writes the class-data archive,
# so the script runs ./kv once before timing.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
url="${1:-${KV_URL:-}}"
runs="${2:-20}"
if [[ ! "$url" =~ ^kv:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+)(\?(.*))?$ ]]; then
  echo "usage: $0 kv:postgresql://host[:port]/database[?user=...&password=...] [RUNS]" >&2
  exit 2
fi
host="${BASH_REMATCH[1]}"
port="${BASH_REMATCH[3]:-5432}"
database="${BASH_REMATCH[4]}"
query="${BASH_REMATCH[6]}"
option() {
  local pair
  IFS='&' read -ra pairs <<< "$query"
  for pair in "${pairs[@]}"; do
    if [[ "$pair" == "$1="* ]]; then
      printf '%s' "${pair#*=}"
      return
    fi
  done
}
user="$(option user)"
export PGPASSWORD="${PGPASSWORD:-$(option password)}"
psql=(psql -X -q -At -h "$host" -p "$port" -d "$database" ${user:+-U "$user"} -c 'select 1')
kv="$root/kv"

export KV_URL="$url"
"$kv" set --function bench key '{"a":1}'
"${psql[@]}" > /dev/null

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
if command -v hyperfine > /dev/null; then
  table="$(mktemp)"
  trap 'rm -f "$table"' EXIT
  hyperfine -N --style basic --warmup 3 --runs "$runs" --export-markdown "$table" \
    -n "psql -c 'select 1'" "${psql[*]}" \
    -n "./kv get" "$kv get --function bench key" \
    -n "./kv --version" "$kv --version" >&2
  cat "$table"
  exit
fi
time_of() {
  local start end total=0 best=""
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    total=$((total + end - start))
    if [[ -z "$best" || $((end - start)) -lt $best ]]; then best=$((end - start)); fi
  done
  printf '%.0f ms (min %.0f ms)' "$(bc -l <<< "$total / $runs / 1000000")" \
    "$(bc -l <<< "$best / 1000000")"
}
echo "| command | mean (min) of $runs runs |"
echo "|---|---|"
echo "| psql -c 'select 1' | $(time_of "${psql[@]}") |"
echo "| ./kv get | $(time_of "$kv" get --function bench key) |"
echo "| ./kv --version | $(time_of "$kv" --version) |"
