#!/usr/bin/env bash
# The distributed topology on this machine, for development and CI: PostgreSQL (a database per module), RabbitMQ,
# one process per service and the gateway, all on 127.0.0.1, each started and stopped by its PID.
# Sourced by ./trackstack (cluster up|down|status|start|stop|restart|kill); everything lives under $CLUSTER_DIR.
#
# Services: one per module, except Metrics, Dashboards and Reports, which read each other in-process (ADR 26) and
# therefore run together as "insights".

CLUSTER_DIR="${TRACKSTACK_CLUSTER_DIR:-$ROOT/.cluster}"
CLUSTER_PORT="${TRACKSTACK_CLUSTER_PORT:-8480}"
CLUSTER_PG_PORT="${TRACKSTACK_CLUSTER_PG_PORT:-55450}"
CLUSTER_RMQ_PORT="${TRACKSTACK_CLUSTER_RMQ_PORT:-56730}"
CLUSTER_EPMD_PORT=4371
CLUSTER_RMQ_DIST_PORT=25674
# name:modules:port:management port
CLUSTER_SERVICES=(
  "identity:identity:5101:9501"
  "households:households:5102:9502"
  "expenses:expenses:5103:9503"
  "heating:heating:5104:9504"
  "nutrition:nutrition:5105:9505"
  "training:training:5106:9506"
  "insights:metrics,dashboards,reports:5107:9507"
)
CLUSTER_GATEWAY_METRICS_PORT=9500
export TRACKSTACK_CLUSTER_OF="$CLUSTER_DIR" # in every part's environment, so c_alive knows our processes

c_log() { echo "cluster: $*" >&2; }
c_pidfile() { echo "$CLUSTER_DIR/run/$1.pid"; }
# Alive, and ours: a PID file left by a reboot may name someone else's process now, which must never be signalled.
# Every part is started with the cluster folder in its command line or environment.
c_alive() {
  local f pid; f=$(c_pidfile "$1"); [ -f "$f" ] || return 1
  pid=$(cat "$f"); kill -0 "$pid" 2>/dev/null || return 1
  cat "/proc/$pid/cmdline" "/proc/$pid/environ" 2>/dev/null | tr '\0' '\n' | grep -qF "$CLUSTER_DIR"
}
c_field() { local IFS=:; read -r -a parts <<<"$1"; echo "${parts[$2]}"; }
c_service_line() { local s; for s in "${CLUSTER_SERVICES[@]}"; do [ "$(c_field "$s" 0)" = "$1" ] && { echo "$s"; return 0; }; done; return 1; }

c_pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  die "PostgreSQL server binaries (initdb, pg_ctl) are needed for the cluster (apt-get install postgresql)"
}

# PostgreSQL refuses to run as root, so as root it runs as the postgres user.
c_as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

c_pg_start() {
  local bin; bin=$(c_pg_bin)
  local dir="$CLUSTER_DIR/pg"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    c_as_pg "test -w '$dir'" || die "the postgres user cannot reach $dir; put the cluster where it can, e.g. TRACKSTACK_CLUSTER_DIR=/tmp/trackstack-cluster"
    c_as_pg "$bin/initdb -D $dir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null || die "initdb failed"
  fi
  c_alive postgres && return 0
  c_as_pg "$bin/pg_ctl -D $dir/data -l $dir/log -w -t 60 -o '-p $CLUSTER_PG_PORT -c listen_addresses=127.0.0.1 -k $dir -c max_connections=300' start" >/dev/null \
    || die "PostgreSQL did not start (see $dir/log)"
  head -1 "$dir/data/postmaster.pid" > "$(c_pidfile postgres)"
  local db m
  for m in identity households expenses heating nutrition training metrics dashboards reports; do
    db="trackstack_$m"
    psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
      || psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -qc "CREATE DATABASE $db" >/dev/null
  done
}

c_pg_stop() {
  c_alive postgres || return 0
  c_as_pg "$(c_pg_bin)/pg_ctl -D $CLUSTER_DIR/pg/data -m fast -w stop" >/dev/null || true
  rm -f "$(c_pidfile postgres)"
}

# c_rmq_env [--exec] command...: runs it with the broker's environment (--exec: in place of this shell, so a
# backgrounded ( c_rmq_env --exec ... ) & has the command's own PID).
c_rmq_env() {
  local home="$CLUSTER_DIR/rabbitmq" run=()
  [ "$1" = --exec ] && { run=(exec); shift; }
  "${run[@]}" env HOME="$home" RABBITMQ_NODENAME=cluster@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$CLUSTER_RMQ_PORT \
    RABBITMQ_DIST_PORT=$CLUSTER_RMQ_DIST_PORT ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$CLUSTER_EPMD_PORT \
    RABBITMQ_CONFIG_FILE="$home/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$home/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$home/mnesia" RABBITMQ_LOG_BASE="$home/log" RABBITMQ_PID_FILE="$home/rabbit.pid" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" PATH="/usr/lib/rabbitmq/bin:$PATH" "$@"
}

c_rmq_start() {
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null 2>&1 \
    || die "RabbitMQ is needed for the cluster (apt-get install rabbitmq-server)"
  c_alive rabbitmq && return 0
  local home="$CLUSTER_DIR/rabbitmq"
  mkdir -p "$home"
  printf 'listeners.tcp.1 = 127.0.0.1:%s\nloopback_users = none\n' "$CLUSTER_RMQ_PORT" > "$home/rabbitmq.conf"
  echo '[].' > "$home/enabled_plugins"
  # Our own epmd, so it has a PID to stop (the one a node starts outlives the node).
  if ! c_alive epmd; then
    setsid epmd -port $CLUSTER_EPMD_PORT -address 127.0.0.1 >/dev/null 2>&1 < /dev/null &
    echo $! > "$(c_pidfile epmd)"
  fi
  (c_rmq_env --exec setsid rabbitmq-server) > "$home/server.out" 2>&1 < /dev/null &
  echo $! > "$(c_pidfile rabbitmq)"
  c_rmq_env rabbitmqctl -q wait --timeout 90 "$home/rabbit.pid" >/dev/null 2>&1 || die "RabbitMQ did not start (see $home/server.out)"
}

c_rmq_stop() {
  c_alive rabbitmq || return 0
  local pid; pid=$(cat "$(c_pidfile rabbitmq)")
  # TERM to the Erlang VM (its PID file) stops the broker cleanly; the start script's own TERM handler does not reach it.
  kill -TERM "$(cat "$CLUSTER_DIR/rabbitmq/rabbit.pid" 2>/dev/null)" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  c_wait_gone "$pid" 30
  rm -f "$(c_pidfile rabbitmq)"
}

c_wait_gone() { local i; for i in $(seq 1 $(($2 * 5))); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done; kill -KILL "$1" 2>/dev/null || true; }

c_signing_key() {
  local f="$CLUSTER_DIR/signing.key"
  [ -s "$f" ] || (umask 077; head -c 48 /dev/urandom | base64 -w0 > "$f")
  cat "$f"
}

# The environment every service and the gateway share.
c_common_env() {
  echo "TrackStack__Services__HouseholdsUrl=http://127.0.0.1:$(c_field "$(c_service_line households)" 2)"
  echo "TrackStack__Services__IdentityUrl=http://127.0.0.1:$(c_field "$(c_service_line identity)" 2)"
  echo "TrackStack__PublicBaseUrl=${TrackStack__PublicBaseUrl:-http://127.0.0.1:$CLUSTER_PORT}"
}

c_service_start() {
  local line name modules port mport m
  line=$(c_service_line "$1") || die "unknown service '$1' (services: $(c_names))"
  name=$(c_field "$line" 0); modules=$(c_field "$line" 1); port=$(c_field "$line" 2); mport=$(c_field "$line" 3)
  c_alive "$name" && return 0
  local data="$CLUSTER_DIR/services/$name"; mkdir -p "$data"
  local envs=()
  while IFS= read -r e; do envs+=("$e"); done < <(c_common_env)
  envs+=("TrackStack__Auth__SigningKey=$(c_signing_key)" "TrackStack__Database__Provider=Postgres" "TrackStack__Messaging__Transport=RabbitMq"
    "TrackStack__Messaging__RabbitMq__ConnectionString=amqp://guest:guest@127.0.0.1:$CLUSTER_RMQ_PORT/")
  for m in ${modules//,/ }; do
    envs+=("TrackStack__Database__ModuleConnectionStrings__$m=Host=127.0.0.1;Port=$CLUSTER_PG_PORT;Username=postgres;Database=trackstack_$m;Include Error Detail=false")
  done
  envs+=("TrackStack__DataDir=$data" "TrackStack__Monitoring__MetricsPort=$mport")
  [ -f "$CLUSTER_DIR/extra.env" ] && while IFS= read -r e; do [ -n "$e" ] && envs+=("$e"); done < "$CLUSTER_DIR/extra.env"
  # exec: the recorded PID is the server's own (setsid keeps a Ctrl-C in this terminal away from it).
  (cd "$data" && exec env "${envs[@]}" setsid dotnet "$ROOT/$HOST_DLL" serve --urls "http://127.0.0.1:$port" --modules "$modules") \
    >> "$CLUSTER_DIR/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$(c_pidfile "$name")"
}

c_gateway_start() {
  c_alive gateway && return 0
  local envs=() s
  while IFS= read -r e; do envs+=("$e"); done < <(c_common_env)
  for s in "${CLUSTER_SERVICES[@]}"; do
    for m in $(c_field "$s" 1 | tr ',' ' '); do envs+=("TrackStack__Gateway__Modules__$m=http://127.0.0.1:$(c_field "$s" 2)"); done
  done
  envs+=("TrackStack__DataDir=$CLUSTER_DIR/services/gateway" "TrackStack__Monitoring__MetricsPort=$CLUSTER_GATEWAY_METRICS_PORT")
  [ -n "${TrackStack__WebRoot:-}" ] && envs+=("TrackStack__WebRoot=$TrackStack__WebRoot")
  [ -f "$CLUSTER_DIR/extra.env" ] && while IFS= read -r e; do [ -n "$e" ] && envs+=("$e"); done < "$CLUSTER_DIR/extra.env"
  mkdir -p "$CLUSTER_DIR/services/gateway"
  (cd "$CLUSTER_DIR/services/gateway" && exec env "${envs[@]}" setsid dotnet "$ROOT/$HOST_DLL" gateway --urls "http://127.0.0.1:$CLUSTER_PORT") \
    >> "$CLUSTER_DIR/logs/gateway.log" 2>&1 < /dev/null &
  echo $! > "$(c_pidfile gateway)"
}

c_process_stop() {
  c_alive "$1" || { rm -f "$(c_pidfile "$1")"; return 0; }
  local pid; pid=$(cat "$(c_pidfile "$1")")
  kill -TERM "$pid" 2>/dev/null || true
  c_wait_gone "$pid" 20
  rm -f "$(c_pidfile "$1")"
}

c_url() {
  case "$1" in
    gateway) echo "http://127.0.0.1:$CLUSTER_PORT" ;;
    *) echo "http://127.0.0.1:$(c_field "$(c_service_line "$1")" 2)" ;;
  esac
}

c_wait_ready() {
  local name="$1" url deadline=$((SECONDS + ${2:-120}))
  url="$(c_url "$name")/health/ready"
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && c_alive "$name"; do
    c_alive "$name" || { tail -n 30 "$CLUSTER_DIR/logs/$name.log" >&2; die "$name exited during start-up (log: $CLUSTER_DIR/logs/$name.log)"; }
    [ $SECONDS -lt "$deadline" ] || { tail -n 30 "$CLUSTER_DIR/logs/$name.log" >&2; die "$name is not ready at $url after ${2:-120} s"; }
    sleep 0.5
  done
}

c_names() { local s; for s in "${CLUSTER_SERVICES[@]}"; do printf '%s ' "$(c_field "$s" 0)"; done; echo gateway; }

# Prometheus file-based discovery: one target per service, job="trackstack" as deploy/observability expects.
c_prometheus_targets() {
  local s first=1
  {
    echo '[{"labels":{"job":"trackstack","topology":"cluster"},"targets":['
    for s in "${CLUSTER_SERVICES[@]}"; do
      [ $first = 1 ] || echo ','; first=0
      printf '"127.0.0.1:%s"' "$(c_field "$s" 3)"
    done
    printf ',"127.0.0.1:%s"\n]}]\n' "$CLUSTER_GATEWAY_METRICS_PORT"
  } > "$CLUSTER_DIR/prometheus-targets.json"
}

cluster_up() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --env-file) [ -f "${2:-}" ] || die "cluster up: --env-file ${2:-} is not a file"; mkdir -p "$CLUSTER_DIR"; grep -v '^\s*#' "${2:?--env-file needs a file}" > "$CLUSTER_DIR/extra.env" || true; shift 2 ;;
      *) die "cluster up: unknown option $1" ;;
    esac
  done
  command -v curl >/dev/null 2>&1 || die "curl is needed by the cluster commands"
  mkdir -p "$CLUSTER_DIR/run" "$CLUSTER_DIR/logs" "$CLUSTER_DIR/services"
  [ -f "$ROOT/$HOST_DLL" ] && [ "${TRACKSTACK_CLUSTER_NO_BUILD:-0}" = 1 ] || build_host
  if [ -z "${TrackStack__WebRoot:-}" ] && web_node_ok 2>/dev/null; then
    web_deps; web_build || die "the web app did not build"
    export TrackStack__WebRoot="$ROOT/web/shell/dist"
  fi
  # A part that does not start stops the ones that did, so nothing is left holding the ports.
  trap 'c_log "start-up failed; stopping what was started"; cluster_down >/dev/null 2>&1' EXIT
  c_log "PostgreSQL on 127.0.0.1:$CLUSTER_PG_PORT"; c_pg_start
  c_log "RabbitMQ on 127.0.0.1:$CLUSTER_RMQ_PORT"; c_rmq_start
  local s
  # Identity and Households first: the others ask them about sessions and members.
  for s in identity households; do c_service_start "$s"; done
  for s in identity households; do c_wait_ready "$s"; done
  for s in "${CLUSTER_SERVICES[@]}"; do c_service_start "$(c_field "$s" 0)"; done
  for s in "${CLUSTER_SERVICES[@]}"; do c_wait_ready "$(c_field "$s" 0)"; done
  c_gateway_start; c_wait_ready gateway
  c_prometheus_targets
  trap - EXIT
  c_log "up: $(c_names)"
  echo "http://127.0.0.1:$CLUSTER_PORT"
}

cluster_down() {
  local s wipe=0
  [ "${1:-}" = "--wipe" ] && wipe=1
  c_process_stop gateway
  for s in "${CLUSTER_SERVICES[@]}"; do c_process_stop "$(c_field "$s" 0)"; done
  c_rmq_stop
  c_process_stop epmd
  c_pg_stop
  if [ $wipe = 1 ]; then rm -rf "$CLUSTER_DIR"; c_log "stopped; $CLUSTER_DIR removed"; else c_log "stopped (data kept in $CLUSTER_DIR; --wipe removes it)"; fi
}

cluster_status() {
  local n state health rc=0
  for n in postgres rabbitmq $(c_names); do
    if c_alive "$n"; then
      state="running (pid $(cat "$(c_pidfile "$n")"))"
      case "$n" in
        postgres) health=$(psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -tAc 'select 1' >/dev/null 2>&1 && echo ready || echo "not ready") ;;
        rabbitmq) health=$(c_rmq_env rabbitmqctl -q status >/dev/null 2>&1 && echo ready || echo "not ready") ;;
        *) health=$(curl -fsS -o /dev/null --max-time 3 "$(c_url "$n")/health/ready" 2>/dev/null && echo "ready at $(c_url "$n")" || echo "not ready at $(c_url "$n")") ;;
      esac
    else
      state="stopped"; health=""; rc=1
    fi
    printf '%-11s %-24s %s\n' "$n" "$state" "$health"
  done
  return $rc
}

# The fault drill (tests/TrackStack.Benchmarks/FaultDrill.cs) against the running cluster.
cluster_drill() {
  c_alive gateway || die "the cluster is not up (./trackstack cluster up)"
  dotnet build "$ROOT/tests/TrackStack.Benchmarks" -c Release -nologo -v quiet -clp:ErrorsOnly >&2 || die "build failed"
  TRACKSTACK_CLUSTER_NO_BUILD=1 dotnet "$ROOT/tests/TrackStack.Benchmarks/bin/Release/net10.0/TrackStack.Benchmarks.dll" \
    --faults "http://127.0.0.1:$CLUSTER_PORT" --control "$ROOT/trackstack" "$@"
}

# One component, for fault drills: start|stop|restart|kill <name>.
cluster_component() {
  local action="$1" name="${2:?which one? $(c_names) postgres rabbitmq}"
  case "$name" in
    postgres) case "$action" in
        start) c_pg_start ;; stop) c_pg_stop ;; restart) c_pg_stop; c_pg_start ;;
        kill) c_alive postgres && kill -KILL "$(cat "$(c_pidfile postgres)")"; rm -f "$(c_pidfile postgres)" ;; # a crash: recovery on start
      esac ;;
    rabbitmq) case "$action" in
        start) c_rmq_start ;; stop) c_rmq_stop ;; restart) c_rmq_stop; c_rmq_start ;;
        kill) kill -KILL "$(cat "$CLUSTER_DIR/rabbitmq/rabbit.pid" 2>/dev/null)" 2>/dev/null || true; c_rmq_stop ;;
      esac ;;
    *)
      [ "$name" = gateway ] || c_service_line "$name" >/dev/null || die "unknown component '$name' ($(c_names) postgres rabbitmq)"
      local start=c_service_start; [ "$name" = gateway ] && start=c_gateway_start
      case "$action" in
        start) $start "$name"; c_wait_ready "$name" ;;
        stop) c_process_stop "$name" ;;
        kill) c_alive "$name" && kill -KILL "$(cat "$(c_pidfile "$name")")"; sleep 0.2; rm -f "$(c_pidfile "$name")" ;;
        restart) c_process_stop "$name"; $start "$name"; c_wait_ready "$name" ;;
      esac ;;
  esac
}

cmd_cluster() {
  case "${1:-status}" in
    up) shift; cluster_up "$@" ;;
    down) shift; cluster_down "$@" ;;
    status) cluster_status ;;
    url) echo "http://127.0.0.1:$CLUSTER_PORT" ;;
    drill) shift; cluster_drill "$@" ;;
    start|stop|restart|kill) cluster_component "$@" ;;
    *) die "cluster: unknown command '$1' (up | down [--wipe] | status | url | start|stop|restart|kill <component>)" ;;
  esac
}
