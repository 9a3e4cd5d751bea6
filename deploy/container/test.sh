#!/usr/bin/env bash
# The container check: builds deploy/container/Containerfile with podman, runs the image the ways a self-hoster and the
# distributed topology do (monolith on a volume with a read-only root, one service + the gateway, compose.yaml with
# podman-compose) and signs up through each over HTTP.
#
#   deploy/container/test.sh [--result FILE] [--keep]
#
# Prints one line per check and the image's size, cold start and idle memory; writes
# {"passed":N,"failed":N,"skipped":N,"tests":[{"name":...,"ok":bool,"detail":...}]} to FILE. Without podman every check
# is skipped, unless TRACKSTACK_REQUIRE_CONTAINER=1 (then they fail). Uses podman storage of its own in a temporary
# folder (never /var/lib/containers) and removes it, with every container, pod and volume it started, on any exit.
# Where the official base images cannot be pulled (no registry reachable), it builds local stand-ins first
# (bootstrap-bases.sh); TRACKSTACK_CONTAINER_CACHE=DIR keeps the Debian rootfs between runs.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/deploy/container"
result=""
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --result) result="${2:?--result needs a file}"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

started=$(date +%s)
checks=()   # "name<TAB>ok|fail|skip<TAB>detail"
check() { # NAME true|false DETAIL
  local state=fail; [ "$2" = true ] && state=ok
  checks+=("$1"$'\t'"$state"$'\t'"${3:-}")
  printf '%-4s %s: %s\n' "$state" "$1" "${3:-}"
}
ALL_CHECKS=(image-builds image-size image-healthcheck-defined monolith-ready monolith-healthcheck monolith-web-app
  monolith-sign-up monolith-create-and-read monolith-non-root monolith-read-only-root monolith-data-survives-restart
  service-and-gateway-ready gateway-sign-up-and-read gateway-unrouted-module-503 compose-up-healthy compose-sign-up compose-down)
write_result() {
  [ -n "$result" ] || return 0
  mkdir -p "$(dirname "$result")"
  printf '%s\n' "${checks[@]}" | /usr/bin/python3 -c '
import json, sys
tests = []
for line in sys.stdin.read().splitlines():
    if not line: continue
    name, state, detail = (line.split("\t") + ["", ""])[:3]
    t = {"name": "container: " + name, "ok": state == "ok", "detail": detail}
    if state == "skip": t["skipped"] = True
    tests.append(t)
out = {"passed": sum(t["ok"] for t in tests), "failed": sum(not t["ok"] and not t.get("skipped") for t in tests),
       "skipped": sum(bool(t.get("skipped")) for t in tests), "tests": tests}
json.dump(out, open(sys.argv[1], "w"), indent=1)
' "$result"
}
summary() {
  local p=0 f=0 s=0 line state
  for line in "${checks[@]}"; do
    state=$(cut -f2 <<<"$line")
    case "$state" in ok) p=$((p+1)) ;; fail) f=$((f+1)) ;; skip) s=$((s+1)) ;; esac
  done
  echo "container check took $(( $(date +%s) - started )) s"
  echo "container: $p passed, $f failed, $s skipped"
  [ "$f" -eq 0 ]
}

# A CI whose jobs run inside a container cannot nest podman: it says so, and every check is skipped, not failed.
if [ "${TRACKSTACK_CONTAINER_CHECK:-run}" = skip ]; then
  for name in "${ALL_CHECKS[@]}"; do checks+=("$name"$'\t'"skip"$'\t'"not run: TRACKSTACK_CONTAINER_CHECK=skip"); done
  echo "container: every check skipped (TRACKSTACK_CONTAINER_CHECK=skip)"
  write_result; summary; exit $?
fi

missing=""
for tool in podman curl jq; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  state=skip; [ "${TRACKSTACK_REQUIRE_CONTAINER:-0}" = 1 ] && state=fail
  for name in "${ALL_CHECKS[@]}"; do checks+=("$name"$'\t'"$state"$'\t'"not run:$missing missing (apt-get install -y podman buildah runc podman-compose debootstrap curl jq)"); done
  echo "container: every check $state:$missing missing"
  write_result; summary; exit $?
fi

# ---- a podman of our own, cleaned up whatever happens ------------------------------------------------------------
TMP=$(mktemp -d /tmp/trackstack-container-test.XXXXXX)
. "$HERE/podman-env.sh"
ts_podman_env "$TMP/podman"
P=tsct$$   # prefix of everything this run creates
# (without systemd, podman logs an error for each healthcheck timer it cannot start; `podman healthcheck run` works,
# and those errors go to $TMP/podman.log instead of between the check lines)
cleanup() {
  local rc=$?
  if [ "$keep" = 0 ]; then
    (cd "$ROOT" && TRACKSTACK_IMAGE=x podman-compose -p "${P}c" -f compose.yaml down -v >/dev/null 2>&1)
    podman pod rm -f -t 2 "${P}-pod" >/dev/null 2>&1
    podman rm -f -t 2 $(podman ps -aq) >/dev/null 2>&1
    podman volume rm -f $(podman volume ls -q) >/dev/null 2>&1
    podman system reset -f >/dev/null 2>&1
    rm -rf "$TMP"
    ts_podman_forget_cache
  else
    echo "test.sh: kept $TMP (CONTAINERS_CONF=$CONTAINERS_CONF CONTAINERS_STORAGE_CONF=$CONTAINERS_STORAGE_CONF)"
  fi
  return $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

IMAGE=localhost/trackstack:test
BASE_PORT=$((18200 + $$ % 500))
MONO_PORT=$BASE_PORT GATEWAY_PORT=$((BASE_PORT + 1)) COMPOSE_PORT=$((BASE_PORT + 2))
EMAIL="container-$$@example.org"
PASSWORD="Container-test-$$-pw"
ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_200 URL SECONDS: 0 when URL answered 200 in time
wait_200() {
  local deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1")" = 200 ] && return 0
    sleep 0.05
  done
  return 1
}
# api METHOD URL [JSON] [TOKEN]: prints "STATUS BODY"
api() {
  local args=(-s -m 10 -X "$1" -w '\n%{http_code}' -H 'Content-Type: application/json')
  [ -n "${3:-}" ] && args+=(--data "$3")
  [ -n "${4:-}" ] && args+=(-H "Authorization: Bearer $4")
  local out; out=$(curl "${args[@]}" "$2")
  echo "$(tail -n1 <<<"$out") $(sed '$d' <<<"$out")"
}
# sign_up_and_create BASE NAME: registers (or signs in), creates a household with a Swiss locale and zone (needs ICU
# and tzdata in the image) and reads it back; sets TOKEN and HOUSEHOLD; prints a detail line
sign_up_and_create() {
  local base=$1 name=$2 r status
  r=$(api POST "$base/api/auth/register" "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"displayName\":\"Container test\"}")
  status=${r%% *}
  [[ "$status" =~ ^20[01]$ ]] || { echo "register answered $status: ${r#* }" | cut -c1-300; return 1; }
  r=$(api POST "$base/api/auth/token" "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}")
  TOKEN=$(jq -r '.accessToken // empty' <<<"${r#* }" 2>/dev/null)
  [ -n "$TOKEN" ] || { echo "token answered ${r%% *}"; return 1; }
  echo "registered $EMAIL, token issued"
}
create_and_read() {
  local base=$1 name=$2 r status
  r=$(api POST "$base/api/households" "{\"name\":\"$name\",\"timeZone\":\"Europe/Zurich\",\"currency\":\"CHF\",\"locale\":\"de-CH\"}" "$TOKEN")
  status=${r%% *}
  [ "$status" = 201 ] || { echo "POST /api/households answered $status: ${r#* }" | cut -c1-300; return 1; }
  HOUSEHOLD=$(jq -r '.id' <<<"${r#* }")
  read_back "$base" "$name"
}
read_back() {
  local base=$1 name=$2 r
  r=$(api GET "$base/api/households/$HOUSEHOLD" "" "$TOKEN")
  [ "${r%% *}" = 200 ] || { echo "GET /api/households/$HOUSEHOLD answered ${r%% *}"; return 1; }
  local got; got=$(jq -r '[.name, .locale, .timeZone] | join(" ")' <<<"${r#* }")
  [ "$got" = "$name de-CH Europe/Zurich" ] || { echo "read back '$got'"; return 1; }
  echo "household $HOUSEHOLD read back: $got"
}
proc_of() { podman inspect --format '{{.State.Pid}}' "$1"; }

# ---- image ---------------------------------------------------------------------------------------------------------
build_args=()
if [ -n "${TRACKSTACK_BASE_IMAGES_OFFICIAL:-}" ] || timeout 20 podman pull --quiet mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra >/dev/null 2>&1; then
  echo "official base images are pullable; building from them"
else
  echo "no registry reachable: bootstrapping local stand-ins of the base images (bootstrap-bases.sh)"
  t0=$(ms)
  if ! mapfile -t build_args < <("$HERE/bootstrap-bases.sh" ${TRACKSTACK_CONTAINER_CACHE:+--cache "$TRACKSTACK_CONTAINER_CACHE"} 2>"$TMP/bootstrap.log") \
     || [ "${#build_args[@]}" -eq 0 ]; then
    tail -5 "$TMP/bootstrap.log"
  fi
  echo "bases bootstrapped in $(( ($(ms) - t0) / 1000 )) s"
fi
# This machine's package caches, read-only for NuGet, as npm's cache for npm: only downloads get faster.
[ -d "$HOME/.nuget/packages" ] && build_args+=(-v "$HOME/.nuget/packages:/host-nuget:ro" --build-arg NUGET_FALLBACK_PACKAGES=/host-nuget)
mkdir -p "$HOME/.npm" && build_args+=(-v "$HOME/.npm:/host-npm" --build-arg npm_config_cache=/host-npm)
t0=$(ms)
if (cd "$ROOT" && podman build --format docker --network host -f deploy/container/Containerfile -t "$IMAGE" "${build_args[@]}" . ) > "$TMP/build.log" 2>&1; then
  check image-builds true "podman build in $(( ($(ms) - t0) / 1000 )) s"
else
  check image-builds false "podman build failed after $(( ($(ms) - t0) / 1000 )) s: $(grep -E 'error|Error' "$TMP/build.log" | tail -3 | tr '\n' ' ' | cut -c1-400)"
  tail -30 "$TMP/build.log"
  write_result; summary; exit 1
fi
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
compressed=$(podman save --format docker-archive "$IMAGE" 2>/dev/null | gzip -1 | wc -c)
size_mb=$(( size / 1000000 ))
check image-size "$( [ "$size_mb" -lt "${TRACKSTACK_IMAGE_MAX_MB:-300}" ] && echo true || echo false)" \
  "$size_mb MB unpacked, $(( compressed / 1000000 )) MB as a gzipped archive (limit ${TRACKSTACK_IMAGE_MAX_MB:-300} MB unpacked)"
hc=$(podman image inspect --format '{{json .Config.Healthcheck}}' "$IMAGE" 2>/dev/null)
user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
check image-healthcheck-defined "$(jq -e '.Test | index("/app/healthcheck")' <<<"$hc" >/dev/null 2>&1 && [[ "$user" =~ ^[1-9][0-9]*(:[0-9]+)?$ ]] && echo true || echo false)" \
  "HEALTHCHECK $(jq -c '.Test' <<<"$hc" 2>/dev/null), USER $user"

# ---- monolith: read-only root, data on a named volume --------------------------------------------------------------
run_mono() {
  podman run -d --name "$1" --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=64m,mode=1777 \
    -v "${P}-data:/data" -p "127.0.0.1:$MONO_PORT:8080" -e TrackStack__PublicBaseUrl="http://localhost:$MONO_PORT" "$IMAGE" >/dev/null 2>>"$TMP/podman.log"
}
t0=$(ms); run_mono "${P}-mono"
if wait_200 "http://127.0.0.1:$MONO_PORT/health/ready" 60; then
  first_start=$(( $(ms) - t0 ))
  check monolith-ready true "first 200 on /health/ready $first_start ms after podman run (empty volume: creates every module database)"
else
  check monolith-ready false "no 200 on /health/ready within 60 s: $(podman logs --tail 5 "${P}-mono" 2>&1 | tr '\n' ' ' | cut -c1-400)"
fi
if podman healthcheck run "${P}-mono" >/dev/null 2>&1; then
  check monolith-healthcheck true "podman healthcheck run (the image's HEALTHCHECK, /app/healthcheck): $(podman inspect --format '{{.State.Health.Status}}' "${P}-mono" 2>/dev/null || podman inspect --format '{{.State.Healthcheck.Status}}' "${P}-mono")"
else
  check monolith-healthcheck false "podman healthcheck run failed"
fi
page=$(curl -s -m 5 "http://127.0.0.1:$MONO_PORT/")
check monolith-web-app "$(grep -qi '<html' <<<"$page" && grep -q 'manifest' <<<"$page" && echo true || echo false)" "GET / serves the built web app ($(wc -c <<<"$page") bytes)"
# (the helpers set TOKEN and HOUSEHOLD, so they run in this shell and write their detail to a file)
D="$TMP/detail"
if sign_up_and_create "http://127.0.0.1:$MONO_PORT" mono > "$D"; then check monolith-sign-up true "$(cat "$D")"; else check monolith-sign-up false "$(cat "$D")"; fi
if create_and_read "http://127.0.0.1:$MONO_PORT" "Container home" > "$D"; then
  check monolith-create-and-read true "$(cat "$D")"
else check monolith-create-and-read false "$(cat "$D")"; fi
pid=$(proc_of "${P}-mono")
uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
check monolith-non-root "$( [ -n "$uid" ] && [ "$uid" != 0 ] && echo true || echo false)" "the server process runs as uid ${uid:-?}"
root_opts=$(awk '$5 == "/" {print $6}' "/proc/$pid/mountinfo" | tail -1)
data_opts=$(awk '$5 == "/data" {print $6}' "/proc/$pid/mountinfo" | tail -1)
check monolith-read-only-root "$( [[ ",$root_opts," == *,ro,* ]] && [[ ",$data_opts," == *,rw,* ]] && echo true || echo false)" \
  "mount options of / are $root_opts, of /data $data_opts"
sleep 3
rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
echo "idle RSS after sign-up: $(( ${rss_kb:-0} / 1024 )) MB"

# A new container on the same volume: the account and the household must still be there.
podman rm -f -t 10 "${P}-mono" >/dev/null 2>>"$TMP/podman.log"
t0=$(ms); run_mono "${P}-mono2"
if wait_200 "http://127.0.0.1:$MONO_PORT/health/ready" 60; then
  restart=$(( $(ms) - t0 ))
  r=$(api POST "http://127.0.0.1:$MONO_PORT/api/auth/token" "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}")
  TOKEN=$(jq -r '.accessToken // empty' <<<"${r#* }" 2>/dev/null)
  : > "$D"
  if [ -n "$TOKEN" ] && read_back "http://127.0.0.1:$MONO_PORT" "Container home" > "$D"; then
    check monolith-data-survives-restart true "new container on the volume ready in $restart ms; signed in again, $(cat "$D")"
  else
    check monolith-data-survives-restart false "after the restart: sign-in answered ${r%% *}; $(cat "$D")"
  fi
else
  check monolith-data-survives-restart false "the new container never became ready"
fi
pid=$(proc_of "${P}-mono2"); sleep 2
idle_rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
podman rm -f -t 10 "${P}-mono2" >/dev/null 2>>"$TMP/podman.log"

# ---- one service (identity + households) and the gateway in front of it, one pod ----------------------------------
podman pod create --name "${P}-pod" -p "127.0.0.1:$GATEWAY_PORT:8080" >/dev/null
podman run -d --pod "${P}-pod" --name "${P}-svc" --read-only --read-only-tmpfs=false --tmpfs /tmp -v "${P}-svc-data:/data" \
  -e ASPNETCORE_URLS=http://127.0.0.1:8081 -e TRACKSTACK_HEALTHCHECK_URL=http://127.0.0.1:8081/health/ready \
  -e TrackStack__Monitoring__MetricsPort=0 "$IMAGE" serve --modules identity,households >/dev/null 2>>"$TMP/podman.log"
podman run -d --pod "${P}-pod" --name "${P}-gw" --read-only --read-only-tmpfs=false --tmpfs /tmp \
  -e TrackStack__Gateway__Modules__identity=http://127.0.0.1:8081 -e TrackStack__Gateway__Modules__households=http://127.0.0.1:8081 \
  "$IMAGE" gateway >/dev/null 2>>"$TMP/podman.log"
if wait_200 "http://127.0.0.1:$GATEWAY_PORT/health/ready" 60; then
  check service-and-gateway-ready true "gateway /health/ready 200 (asks the identity,households service); same image, 'serve --modules identity,households' and 'gateway'"
else
  check service-and-gateway-ready false "gateway not ready in 60 s: $(podman logs --tail 3 "${P}-gw" 2>&1 | tr '\n' ' ' | cut -c1-300) / $(podman logs --tail 3 "${P}-svc" 2>&1 | tr '\n' ' ' | cut -c1-300)"
fi
EMAIL="gateway-$$@example.org"
if sign_up_and_create "http://127.0.0.1:$GATEWAY_PORT" gw > "$D" && create_and_read "http://127.0.0.1:$GATEWAY_PORT" "Gateway home" >> "$D"; then
  check gateway-sign-up-and-read true "through the gateway: $(tr '\n' ';' < "$D")"
else check gateway-sign-up-and-read false "$(tr '\n' ';' < "$D")"; fi
status=$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H "Authorization: Bearer ${TOKEN:-x}" "http://127.0.0.1:$GATEWAY_PORT/api/households/${HOUSEHOLD:-x}/heating/settings")
check gateway-unrouted-module-503 "$( [ "$status" = 503 ] && echo true || echo false)" "a module no service runs (heating) answers $status through the gateway"
podman pod rm -f -t 5 "${P}-pod" >/dev/null 2>>"$TMP/podman.log"

# ---- compose.yaml with podman-compose ------------------------------------------------------------------------------
if command -v podman-compose >/dev/null; then
  compose=(env TRACKSTACK_IMAGE="$IMAGE" TRACKSTACK_PORT="$COMPOSE_PORT" podman-compose -p "${P}c" -f "$ROOT/compose.yaml")
  t0=$(ms)
  if (cd "$ROOT" && "${compose[@]}" up -d --no-build) > "$TMP/compose.log" 2>&1 && wait_200 "http://127.0.0.1:$COMPOSE_PORT/health/ready" 60; then
    cid=$(podman ps -q --filter "label=io.podman.compose.project=${P}c" | head -1)
    ro=$(podman inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$cid" 2>/dev/null)
    hc_ok=false; podman healthcheck run "$cid" >/dev/null 2>&1 && hc_ok=true
    check compose-up-healthy "$( [ "$hc_ok" = true ] && [ "$ro" = true ] && echo true || echo false)" \
      "podman-compose up -d: ready in $(( $(ms) - t0 )) ms, healthcheck $hc_ok, read-only root $ro"
    EMAIL="compose-$$@example.org"
    if sign_up_and_create "http://127.0.0.1:$COMPOSE_PORT" compose > "$D" && create_and_read "http://127.0.0.1:$COMPOSE_PORT" "Compose home" >> "$D"; then
      check compose-sign-up true "$(tr '\n' ';' < "$D")"
    else check compose-sign-up false "$(tr '\n' ';' < "$D")"; fi
  else
    check compose-up-healthy false "podman-compose up failed or never ready: $(tail -3 "$TMP/compose.log" | tr '\n' ' ' | cut -c1-300)"
    check compose-sign-up false "not reached"
  fi
  (cd "$ROOT" && "${compose[@]}" down -v) >> "$TMP/compose.log" 2>&1
  left=$(podman ps -aq --filter "label=io.podman.compose.project=${P}c" | wc -l)
  vols=$(podman volume ls -q --filter "label=io.podman.compose.project=${P}c" | wc -l)
  check compose-down "$( [ "$left" = 0 ] && [ "$vols" = 0 ] && echo true || echo false)" "podman-compose down -v left $left containers, $vols volumes"
else
  state=skip; [ "${TRACKSTACK_REQUIRE_CONTAINER:-0}" = 1 ] && state=fail
  for name in compose-up-healthy compose-sign-up compose-down; do
    checks+=("$name"$'\t'"$state"$'\t'"podman-compose missing (apt-get install -y podman-compose)"); echo "$state $name: podman-compose missing"
  done
fi

echo "image: $size_mb MB unpacked, $(( compressed / 1000000 )) MB gzipped; cold start to the first 200: ${first_start:-?} ms on an empty volume, ${restart:-?} ms on an existing one; idle RSS $(( ${idle_rss_kb:-0} / 1024 )) MB"
write_result
summary
