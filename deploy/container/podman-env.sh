# Sourced by the scripts in deploy/container: a podman/buildah set-up of its own under one folder, so nothing lands in
# /var/lib/containers or /etc/containers and everything goes with `rm -rf` of that folder.
#   . deploy/container/podman-env.sh DIR
# On this kind of build machine (no systemd, hybrid cgroups, low hard rlimits) podman needs runc, cgroupfs and
# explicit ulimits; crun and podman's default ulimits fail (see docs/deployment/container.md, "Podman on a CI box").
ts_podman_env() {
  local dir=${1:?podman-env.sh needs a folder}
  mkdir -p "$dir/storage" "$dir/run" "$dir/tmp"
  local driver=${TRACKSTACK_PODMAN_DRIVER:-overlay}
  cat > "$dir/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$dir/events.log"
tmp_dir = "$dir/run/libpod-tmp"
volume_path = "$dir/storage/volumes"
[network]
network_config_dir = "$dir/networks"
CONF
  cat > "$dir/storage.conf" <<CONF
[storage]
driver = "$driver"
graphroot = "$dir/storage"
runroot = "$dir/run"
CONF
  # No registry is configured for short names: every image name in deploy/container is fully qualified.
  cat > "$dir/registries.conf" <<CONF
unqualified-search-registries = []
short-name-mode = "disabled"
CONF
  export CONTAINERS_CONF="$dir/containers.conf" CONTAINERS_STORAGE_CONF="$dir/storage.conf" \
    CONTAINERS_REGISTRIES_CONF="$dir/registries.conf" TMPDIR="$dir/tmp" BUILDAH_ISOLATION=chroot
}

# Podman 4.3 writes its blob-info cache (one small boltdb, no images) to /var/lib/containers/cache on every build,
# import or save, whatever the storage settings say. ts_podman_env notes whether /var/lib/containers existed;
# ts_podman_forget_cache removes it again when this run created it and it holds nothing but that cache.
TS_VAR_LIB_CONTAINERS_EXISTED=0
[ -e /var/lib/containers ] && TS_VAR_LIB_CONTAINERS_EXISTED=1
ts_podman_forget_cache() {
  [ "$TS_VAR_LIB_CONTAINERS_EXISTED" = 0 ] && [ -d /var/lib/containers ] || return 0
  if [ -z "$(ls -A /var/lib/containers | grep -v '^cache$')" ] \
     && [ -z "$(ls -A /var/lib/containers/cache 2>/dev/null | grep -v '^blob-info-cache-v1.boltdb$')" ]; then
    rm -rf /var/lib/containers
  fi
}
