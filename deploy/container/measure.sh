#!/usr/bin/env bash
# Measures the image variants of docs/deployment/container.md: for each, builds deploy/container/Containerfile with
# other publish options and runtime base, then reports the image size, the cold start from `podman run` to the first
# 200 on /health/ready (median of N runs, each on a fresh volume, so migrations create the databases, and on the
# volume of the run before) and the idle RSS of the server after one sign-in.
#
#   deploy/container/measure.sh [--runs 5] [--only NAME[,NAME]] [--out FILE.tsv] [--reuse]
#
# Uses podman storage under /tmp/trackstack-measure (kept between runs for its build cache; delete it when done) and
# the local stand-in bases when no registry is reachable, like test.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/deploy/container"
runs=5 only="" out="" reuse=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --reuse) reuse=1; shift ;;   # measure images of an earlier run again instead of rebuilding them
    *) echo "measure.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
. "$HERE/podman-env.sh"
ts_podman_env "${TRACKSTACK_MEASURE_DIR:-/tmp/trackstack-measure}"
mapfile -t bases < <("$HERE/bootstrap-bases.sh" --cache "${TRACKSTACK_MEASURE_DIR:-/tmp/trackstack-measure}/cache" --runtime all)
[ -d "$HOME/.nuget/packages" ] && bases+=(-v "$HOME/.nuget/packages:/host-nuget:ro" --build-arg NUGET_FALLBACK_PACKAGES=/host-nuget)
mkdir -p "$HOME/.npm"; bases+=(-v "$HOME/.npm:/host-npm" --build-arg npm_config_cache=/host-npm)

B=localhost/trackstack-base
SC="--self-contained true"
# name | runtime base | dotnet publish options
variants=(
  "fdd-aspnet-chiseled|$B/aspnet:chiseled-extra|--self-contained false"
  "fdd-r2r-aspnet-chiseled|$B/aspnet:chiseled-extra|--self-contained false -p:PublishReadyToRun=true"
  "sc-chiseled|$B/runtime-deps:chiseled-extra|$SC"
  "sc-r2r-chiseled|$B/runtime-deps:chiseled-extra|$SC -p:PublishReadyToRun=true"
  "sc-r2r-slim|$B/runtime-deps:bookworm-slim|$SC -p:PublishReadyToRun=true"
  "sc-r2r-singlefile-chiseled|$B/runtime-deps:chiseled-extra|$SC -p:PublishReadyToRun=true -p:PublishSingleFile=true"
  "sc-r2r-compressed-singlefile-chiseled|$B/runtime-deps:chiseled-extra|$SC -p:PublishReadyToRun=true -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true"
  "sc-r2r-invariant-chiseled|$B/runtime-deps:chiseled-extra|$SC -p:PublishReadyToRun=true -p:InvariantGlobalization=true"
  "sc-trimmed-chiseled|$B/runtime-deps:chiseled-extra|$SC -p:PublishTrimmed=true"
)
cid=""
trap '[ -z "$cid" ] || podman rm -f -t 2 "$cid" >/dev/null 2>&1; ts_podman_forget_cache' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
port=18950
[ -n "$out" ] && printf 'variant\tsize_MB\tgzip_MB\tfirst_start_ms\trestart_ms\tidle_rss_MB\tnote\n' > "$out"
# Build every variant first, so no build runs while another variant is timed.
built=()
for v in "${variants[@]}"; do
  IFS='|' read -r name base opts <<<"$v"
  [ -n "$only" ] && [[ ",$only," != *",$name,"* ]] && continue
  tag="localhost/trackstack-measure:$name"
  if [ "$reuse" = 1 ] && podman image exists "$tag"; then built+=("$v"); continue; fi
  echo "== build $name: $opts on $base" >&2
  if (cd "$ROOT" && podman build --format docker --network host -f deploy/container/Containerfile -t "$tag" "${bases[@]}" \
        --build-arg RUNTIME_IMAGE="$base" --build-arg PUBLISH_OPTIONS="$opts" .) > "/tmp/measure-$name.log" 2>&1; then
    built+=("$v")
  else
    note="build failed: $(grep -o -E '(error|warning) [A-Z]+[0-9]+' "/tmp/measure-$name.log" | sort | uniq -c | sort -rn | head -3 | tr -s ' \n' ' ')"
    echo "$name: $note" >&2
    [ -n "$out" ] && printf '%s\t-\t-\t-\t-\t-\t%s\n' "$name" "$note" >> "$out"
  fi
done
for v in "${built[@]}"; do
  IFS='|' read -r name base opts <<<"$v"
  tag="localhost/trackstack-measure:$name"
  size=$(( $(podman image inspect --format '{{.Size}}' "$tag") / 1000000 ))
  gz=$(( $(podman save --format docker-archive "$tag" | gzip -1 | wc -c) / 1000000 ))
  firsts=() restarts=() rss="" note=""
  for i in $(seq 1 "$runs"); do
    vol="measure-$name-$i"
    podman volume rm -f "$vol" >/dev/null 2>&1 || true
    for phase in first restart; do
      t0=$(ms)
      # A port still taken (by a container of an interrupted run) would time another server: refuse to go on.
      if curl -s -o /dev/null -m 1 "http://127.0.0.1:$port/"; then echo "measure.sh: port $port is in use" >&2; exit 1; fi
      cid=$(podman run -d --read-only --read-only-tmpfs=false --tmpfs /tmp -v "$vol:/data" -p "127.0.0.1:$port:8080" "$tag" 2>/dev/null) \
        || { echo "measure.sh: podman run $tag failed" >&2; exit 1; }
      ok=0
      for _ in $(seq 1 1200); do
        [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ] && { ok=1; break; }
        sleep 0.02
      done
      t=$(( $(ms) - t0 ))
      [ "$ok" = 1 ] || { note="never ready: $(podman logs --tail 2 "$cid" 2>&1 | tr '\n' ' ' | cut -c1-200)"; t=-1; }
      if [ "$phase" = first ]; then firsts+=("$t"); else restarts+=("$t"); fi
      if [ "$phase" = restart ] && [ "$i" = "$runs" ] && [ "$ok" = 1 ]; then
        e="m$$@example.org" pw="Measure-pw-$$-x" j='Content-Type: application/json'
        curl -s -o /dev/null -H "$j" -d "{\"email\":\"$e\",\"password\":\"$pw\",\"displayName\":\"M\"}" "http://127.0.0.1:$port/api/auth/register"
        tok=$(curl -s -H "$j" -d "{\"email\":\"$e\",\"password\":\"$pw\"}" "http://127.0.0.1:$port/api/auth/token" | jq -r '.accessToken // empty')
        # de-CH and Europe/Zurich need ICU and tzdata: the invariant-globalization variant answers 400 here.
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "$j" -H "Authorization: Bearer $tok" \
          -d '{"name":"M","locale":"de-CH","timeZone":"Europe/Zurich","currency":"CHF"}' "http://127.0.0.1:$port/api/households")
        [ "$code" = 201 ] || note="$note a de-CH household answered $code"
        sleep 5
        rss=$(( $(awk '/^VmRSS:/ {print $2}' "/proc/$(podman inspect --format '{{.State.Pid}}' "$cid")/status") / 1024 ))
      fi
      podman rm -f -t 5 "$cid" >/dev/null 2>&1
    done
    podman volume rm -f "$vol" >/dev/null
  done
  f=$(printf '%s\n' "${firsts[@]}" | median); r=$(printf '%s\n' "${restarts[@]}" | median)
  echo "$name: ${size} MB (${gz} MB gzipped), first start ${f} ms, restart ${r} ms (medians of $runs), idle RSS ${rss:-?} MB ${note}" >&2
  [ -n "$out" ] && printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$size" "$gz" "$f" "$r" "${rss:--}" "$note" >> "$out"
done
