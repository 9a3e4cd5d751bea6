#!/usr/bin/env bash
# Measures what the resource requests and limits of deploy/kubernetes are sized from: the resident memory (VmRSS,
# its anonymous part RssAnon, the peak VmHWM) and the CPU time of running TrackStack processes, idle and while wrk
# sends signed-in reads through the front door. Figures in docs/deployment/kubernetes.md.
#
#   TRACKSTACK_CLUSTER_DIR=/tmp/kube-cluster ./trackstack cluster up
#   deploy/kubernetes/measure.sh http://127.0.0.1:8480 /tmp/kube-cluster/run         # every service + the gateway
#   ./trackstack run --port 8091 --data-dir /tmp/kube-mono &
#   deploy/kubernetes/measure.sh http://127.0.0.1:8091 monolith=<pid>
#
# Arguments: the base URL, then a run/ folder of NAME.pid files or NAME=PID pairs. Loopback only; wrk runs a bounded
# time (MEASURE_SECONDS, default 60) with MEASURE_CONNECTIONS (default 16) connections, and stops by itself.
set -euo pipefail
URL="${1:?base URL}"; shift
SECONDS_PER_PHASE="${MEASURE_SECONDS:-60}"
CONNECTIONS="${MEASURE_CONNECTIONS:-16}"
case "$URL" in http://127.*|http://localhost*|http://\[::1\]*) ;; *) echo "measure.sh: loopback URLs only" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "measure.sh: wrk is needed (apt-get install wrk)" >&2; exit 2; }

declare -a NAMES=() PIDS=()
for a in "$@"; do
  if [ -d "$a" ]; then
    for f in "$a"/*.pid; do
      n=$(basename "$f" .pid); case "$n" in postgres|rabbitmq|epmd) continue ;; esac
      NAMES+=("$n"); PIDS+=("$(cat "$f")")
    done
  else NAMES+=("${a%%=*}"); PIDS+=("${a#*=}"); fi
done
[ ${#PIDS[@]} -gt 0 ] || { echo "measure.sh: no processes given" >&2; exit 2; }

TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
status_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }

# A user and a household with a little data, then a wrk script that cycles through reads of every module.
EMAIL="measure-$(date +%s)@example.org" PASSWORD="correct horse battery 42"
curl -fsS -o /dev/null "$URL/api/auth/register" -H 'content-type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"displayName\":\"Measure\"}"
TOKEN=$(curl -fsS "$URL/api/auth/token" -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken)
HH=$(curl -fsS "$URL/api/households" -H "Authorization: Bearer $TOKEN" | jq -r '.[0].id')
MONTH=$(date -u +%Y-%m)
for i in $(seq 1 20); do
  curl -fsS -o /dev/null "$URL/api/households/$HH/expenses/entries" -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d "{\"date\":\"$(date -u +%Y-%m-%d)\",\"amountCents\":$((i * 137)),\"title\":\"measure $i\"}"
done
LUA=$(mktemp /tmp/measure.XXXXXX.lua)
trap 'rm -f "$LUA"' EXIT
cat > "$LUA" <<EOF
local paths = {
  "/api/me",
  "/api/households/$HH",
  "/api/households/$HH/expenses/months/$MONTH",
  "/api/households/$HH/expenses/entries?month=$MONTH",
  "/api/households/$HH/heating/summary",
  "/api/households/$HH/nutrition/foods?q=apple",
  "/api/households/$HH/nutrition/summary",
  "/api/households/$HH/training/summary",
  "/api/households/$HH/training/exercises",
  "/api/households/$HH/dashboards",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Authorization"] = "Bearer $TOKEN" })
end
EOF
# Each path answers 200 before the load starts, so the load is real work, not errors.
for p in $(grep -o '"/api[^"]*"' "$LUA" | tr -d '"'); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$URL$p" -H "Authorization: Bearer $TOKEN")
  [ "$code" = 200 ] || echo "measure.sh: warning: $p answers $code" >&2
done

phase() { # phase NAME: CPU over the phase, RSS sampled every 2 s (max)
  local label=$1 i; local -a t0=() maxrss=()
  for i in "${!PIDS[@]}"; do t0[$i]=$(cpu_ticks "${PIDS[$i]}"); maxrss[$i]=0; done
  local end=$((SECONDS + SECONDS_PER_PHASE))
  while [ $SECONDS -lt $end ]; do
    for i in "${!PIDS[@]}"; do
      local r; r=$(status_kb "${PIDS[$i]}" VmRSS); [ "$r" -gt "${maxrss[$i]}" ] && maxrss[$i]=$r
    done
    sleep 2
  done
  for i in "${!PIDS[@]}"; do
    local p=${PIDS[$i]} t1; t1=$(cpu_ticks "$p")
    printf '%-8s %-11s cpu %5d m  rss max %4d MiB  rss now %4d MiB  anon %4d MiB  hwm %4d MiB\n' "$label" "${NAMES[$i]}" \
      $(( (t1 - t0[$i]) * 1000 / TICKS / SECONDS_PER_PHASE )) $((maxrss[$i] / 1024)) $(($(status_kb "$p" VmRSS) / 1024)) \
      $(($(status_kb "$p" RssAnon) / 1024)) $(($(status_kb "$p" VmHWM) / 1024))
  done
}

phase idle
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PHASE}s" --latency -s "$LUA" "$URL" > "$LUA.wrk" 2>&1 &
WRK=$!
phase load
wait "$WRK" || true
grep -E "Requests/sec|Non-2xx|Latency |  99%" "$LUA.wrk" || true
rm -f "$LUA.wrk"
phase after
