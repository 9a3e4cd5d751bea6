#!/usr/bin/env bash
# Local stand-ins for the official base images of deploy/container/Containerfile, for a machine that reaches no
# container registry (only Debian's mirror, NuGet and npm). Prints the --build-arg flags that select them.
#
#   deploy/container/bootstrap-bases.sh [--cache DIR] [--runtime chiseled|aspnet|slim|all]
# (only chiseled, the default, is selected by the printed flags; aspnet and slim are the bases measure.sh compares)
#
# Prints one build flag a line (--build-arg NAME=..., -v HOST:CONTAINER:ro) for `podman build`.
# Run it with the podman environment the images should land in (CONTAINERS_CONF, CONTAINERS_STORAGE_CONF; see
# podman-env.sh). It builds, tagged under localhost/trackstack-base/ (never under the official names, so nobody
# mistakes them for the real thing):
#   debian:bookworm-minbase   debootstrap --variant=minbase from deb.debian.org, plus ICU, OpenSSL, tzdata, CA bundle
#   sdk:10.0                  that + this machine's own .NET SDK (dirname of `dotnet`, mounted read-only by the build:
#                             pass the printed -v flags too), like mcr.microsoft.com/dotnet/sdk:10.0
#   node:20                   that + this machine's node and npm (mounted the same way), like node:20-bookworm-slim
#   runtime-deps:chiseled-extra  no shell, no apt: only the files of libc6, libgcc-s1, libstdc++6, libssl3, zlib1g,
#                             libicu72, tzdata and the CA bundle, an `app` user 1654 and /tmp, like
#                             mcr.../dotnet/runtime-deps:10.0-noble-chiseled-extra (which is Ubuntu, this is Debian)
#   aspnet:chiseled-extra     that + this machine's .NET and ASP.NET Core shared runtimes (framework-dependent variant)
#   runtime-deps:bookworm-slim  the minbase with the libraries (a shell and apt still in it), like runtime-deps:10.0
#
# The build stages get this machine's CA bundle (the egress to NuGet and npm here goes through a TLS proxy with its
# own CA) and NUGET_CERT_REVOCATION_MODE=offline (no revocation server is reachable); neither is a secret, and both
# stay in the build stages: the runtime images carry Debian's CA bundle only.
set -euo pipefail

cache=""
runtimes="chiseled"
while [ $# -gt 0 ]; do
  case "$1" in
    --cache) cache="${2:?--cache needs a folder}"; shift 2 ;;
    --runtime) runtimes="${2:?--runtime needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "bootstrap-bases.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ "$runtimes" = all ] && runtimes="chiseled aspnet slim"

: "${CONTAINERS_STORAGE_CONF:?set up podman first (. deploy/container/podman-env.sh; ts_podman_env DIR), or podman would create /var/lib/containers}"
for tool in podman debootstrap; do
  command -v "$tool" >/dev/null || { echo "bootstrap-bases.sh: $tool is missing (apt-get install -y podman debootstrap)" >&2; exit 3; }
done

PREFIX=localhost/trackstack-base
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
LIBS="libc6 libgcc-s1 libstdc++6 libssl3 zlib1g libicu72 tzdata ca-certificates"
APP_UID=1654
# Left out of the runtime: programs, docs, translations, glibc's iconv modules (.NET converts text itself) and the
# ICU tools' libraries; what stays is what `ldd` of the runtime and the app's native libraries needs, plus data.
SKIP='^/usr/share/(doc|man|lintian|locale|bug|gcc|gdb)|^/usr/s?bin|^/s?bin|/gconv(/|$)|/libicu(tu|test|io)\.|^/usr/lib/x86_64-linux-gnu/(audit|libmemusage|libpcprofile)|^/usr/libexec|^/etc/(ld\.so\.conf|bindresvport|gai\.conf)'

work=$(mktemp -d "${TMPDIR:-/tmp}/ts-bases.XXXXXX")
trap 'rm -rf "$work"' EXIT
log() { echo "bootstrap-bases: $*" >&2; }
have() { podman image exists "$1"; }

# The Debian rootfs, once per cache folder (debootstrap takes about 30 s).
rootfs_tar="${cache:+$cache/debian-$SUITE-minbase.tar}"
if [ -n "$cache" ] && [ -s "$rootfs_tar" ]; then
  log "Debian rootfs from $rootfs_tar"
else
  log "debootstrap $SUITE minbase from $MIRROR"
  debootstrap --variant=minbase --include="${LIBS// /,}" "$SUITE" "$work/rootfs" "$MIRROR" > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work/rootfs/var/cache/apt/"*.bin "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"* \
    "$work/rootfs/usr/share/doc" "$work/rootfs/usr/share/man" "$work/rootfs/usr/share/locale"
  [ -n "$cache" ] && mkdir -p "$cache" || true
  rootfs_tar="${rootfs_tar:-$work/rootfs.tar}"
  tar -C "$work/rootfs" --numeric-owner -cf "$rootfs_tar" .
fi
if [ ! -d "$work/rootfs" ]; then
  mkdir -p "$work/rootfs" && tar -C "$work/rootfs" --numeric-owner -xf "$rootfs_tar"
fi

minbase="$PREFIX/debian:$SUITE-minbase"
if ! have "$minbase"; then
  podman import --quiet "$rootfs_tar" "$minbase" >/dev/null
  log "built $minbase"
fi

# ---- build stages: this machine's SDK and node on the minbase -------------------------------------------------
# Not copied in (a 600 MB SDK layer costs a minute per bootstrap): the stand-ins only link to /usr/share/dotnet and
# /usr/local/lib/node_modules/npm, and the build mounts this machine's SDK, node and npm there read-only (the -v
# flags printed at the end).
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
node_bin=$(readlink -f "$(command -v node)")
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
sdk="$PREFIX/sdk:10.0"
if ! have "$sdk"; then
  mkdir -p "$work/sdk"
  cp /etc/ssl/certs/ca-certificates.crt "$work/sdk/ca-certificates.crt"
  cat > "$work/sdk/Containerfile" <<EOF
FROM $minbase
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
RUN mkdir -p /usr/share/dotnet && ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \\
    DOTNET_GENERATE_ASPNET_CERTIFICATE=false DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=true \\
    NUGET_CERT_REVOCATION_MODE=offline SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
EOF
  podman build --quiet -t "$sdk" "$work/sdk" >/dev/null
  log "built $sdk (mounts the SDK $("$dotnet_root/dotnet" --version) of $dotnet_root)"
fi

node="$PREFIX/node:20"
if ! have "$node"; then
  mkdir -p "$work/node"
  cp /etc/ssl/certs/ca-certificates.crt "$work/node/ca-certificates.crt"
  cat > "$work/node/Containerfile" <<EOF
FROM $minbase
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
RUN mkdir -p /usr/local/lib/node_modules/npm \\
 && ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -sf ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
EOF
  podman build --quiet -t "$node" "$work/node" >/dev/null
  log "built $node (mounts node $("$node_bin" --version) of $node_bin)"
fi

# ---- runtime: a distroless rootfs from the package file lists of the rootfs ------------------------------------
runtime_rootfs() { # DEST: the files of $LIBS, an app user, /tmp; no shell, no dpkg, no apt
  local dest=$1 pkg list
  mkdir -p "$dest/usr/lib" "$dest/usr/lib64" "$dest/usr/bin" "$dest/usr/sbin" "$dest/etc"
  # The merged /usr of bookworm: /lib64 and /lib are links into /usr (the dynamic loader is /lib64/ld-linux-x86-64.so.2).
  for link in lib lib64 bin sbin; do if [ -L "$work/rootfs/$link" ]; then cp -a "$work/rootfs/$link" "$dest/$link"; fi; done
  for pkg in $LIBS; do
    list=$(ls "$work/rootfs/var/lib/dpkg/info/$pkg".list "$work/rootfs/var/lib/dpkg/info/$pkg":*.list 2>/dev/null | head -1 || true)
    [ -n "$list" ] || { echo "bootstrap-bases.sh: $pkg is not in the rootfs" >&2; exit 1; }
    grep -v -E "$SKIP" "$list" \
      | while read -r path; do
          [ -e "$work/rootfs$path" ] || [ -L "$work/rootfs$path" ] || continue
          if [ -d "$dest$path" ]; then continue; fi
          if [ -d "$work/rootfs$path" ] && [ ! -L "$work/rootfs$path" ]; then mkdir -p "$dest$path"; continue; fi
          mkdir -p "$dest$(dirname "$path")" && cp -a "$work/rootfs$path" "$dest$path"
        done
  done
  cp -a "$work/rootfs/etc/ssl/certs/ca-certificates.crt" "$dest/etc/ssl/certs/ca-certificates.crt" 2>/dev/null \
    || { mkdir -p "$dest/etc/ssl/certs"; cp -L "$work/rootfs/etc/ssl/certs/ca-certificates.crt" "$dest/etc/ssl/certs/"; }
  cp -L "$work/rootfs/etc/os-release" "$dest/etc/os-release"
  ln -sf /usr/share/zoneinfo/Etc/UTC "$dest/etc/localtime"
  printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:%s:%s::/home/app:/sbin/nologin\n' $APP_UID $APP_UID > "$dest/etc/passwd"
  printf 'root:x:0:\napp:x:%s:\n' $APP_UID > "$dest/etc/group"
  printf 'hosts: files dns\n' > "$dest/etc/nsswitch.conf"
  mkdir -p "$dest/tmp" "$dest/home/app" "$dest/root"
  chmod 1777 "$dest/tmp"; chown $APP_UID:$APP_UID "$dest/home/app"
}

import_rootfs() { # DIR TAG: a scratch image from DIR with the official images' environment
  tar -C "$1" --numeric-owner -c . | podman import --quiet \
    --change "ENV APP_UID=$APP_UID" --change "ENV DOTNET_RUNNING_IN_CONTAINER=true" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" - "$2" >/dev/null
  log "built $2 ($(du -sm "$1" | cut -f1) MB)"
}

args=(--build-arg "NODE_IMAGE=$node" --build-arg "SDK_IMAGE=$sdk"
  -v "$dotnet_root:/usr/share/dotnet:ro" -v "$node_bin:/usr/local/bin/node:ro" -v "$npm_dir:/usr/local/lib/node_modules/npm:ro")
for runtime in $runtimes; do
  case "$runtime" in
    chiseled)
      tag="$PREFIX/runtime-deps:chiseled-extra"
      have "$tag" || { runtime_rootfs "$work/chiseled"; import_rootfs "$work/chiseled" "$tag"; }
      args+=(--build-arg "RUNTIME_IMAGE=$tag") ;;
    aspnet)
      tag="$PREFIX/aspnet:chiseled-extra"
      if ! have "$tag"; then
        [ -d "$work/chiseled" ] || runtime_rootfs "$work/chiseled"
        cp -a "$work/chiseled" "$work/aspnet"
        mkdir -p "$work/aspnet/usr/share/dotnet/shared" "$work/aspnet/usr/bin"
        cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/LICENSE.txt" "$work/aspnet/usr/share/dotnet/"
        cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$work/aspnet/usr/share/dotnet/shared/"
        ln -sf /usr/share/dotnet/dotnet "$work/aspnet/usr/bin/dotnet"
        import_rootfs "$work/aspnet" "$tag"
      fi
      ;;
    slim)
      tag="$PREFIX/runtime-deps:bookworm-slim"
      if ! have "$tag"; then
        printf 'FROM %s\nRUN groupadd -g %s app && useradd -u %s -g %s -m -s /usr/sbin/nologin app\nENV APP_UID=%s DOTNET_RUNNING_IN_CONTAINER=true\n' \
          "$minbase" $APP_UID $APP_UID $APP_UID $APP_UID > "$work/Containerfile.slim"
        podman build --quiet -t "$tag" -f "$work/Containerfile.slim" "$work" >/dev/null
        log "built $tag"
      fi ;;
    *) echo "bootstrap-bases.sh: unknown runtime $runtime (chiseled, aspnet, slim or all)" >&2; exit 2 ;;
  esac
done
printf '%s\n' "${args[@]}"
