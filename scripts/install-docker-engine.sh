#!/usr/bin/env bash
# Installs what the Docker tests (test/docker/) need and no image registry can give this machine: Debian's Docker
# Engine, the `python:3.11-slim` base image the generated Dockerfiles start from, made from Debian with debootstrap,
# and `hey`, the load generator of the benchmark (test/bench/fastapi-load.ts). The base image is a tarball in a
# cache folder outside the repo, keyed by BASE_IMAGE_VERSION, so a second run on the same machine skips debootstrap
# (about 0.1 s); the tests start their own dockerd and `docker import` it. Prints `base-image=TARBALL` and
# `hey=PATH`, one a line.
#
# The image is Debian 12's Python 3.11 made to behave like python:3.11-slim where the generated files rely on it:
# `python`, `python3` and `pip` on the PATH, pip allowed to install into the system (no EXTERNALLY-MANAGED marker,
# as the official image has none), `useradd` (passwd), CA certificates, and UTF-8 as the locale.
set -euo pipefail
# Raise on purpose when the package list or the changes to the root file system below change.
BASE_IMAGE_VERSION="${BASE_IMAGE_VERSION:-bookworm-python3.11-1}"
HEY_VERSION="${HEY_VERSION:-v0.1.4}"
CACHE="${MLOPS_DEPLOY_CACHE:-$HOME/.cache/mlops-deploy}"
TARBALL="$CACHE/docker-base-$BASE_IMAGE_VERSION.tar"
HEY="$CACHE/hey-$HEY_VERSION/hey"
INCLUDE=python3,python3-venv,python3-pip,ca-certificates,passwd

missing=()
for pkg in docker.io debootstrap; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "apt-get install ${missing[*]}" >&2
  # Installing docker.io would start a system-wide daemon; the tests run their own, so none is started here
  # (policy-rc.d exit 101 tells the package scripts not to start services). An existing policy is left alone.
  policy_added=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d && policy_added=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [ -n "$policy_added" ]; then rm -f /usr/sbin/policy-rc.d; fi
fi

if [ ! -s "$TARBALL" ]; then
  echo "debootstrap bookworm ($INCLUDE) into $TARBALL" >&2
  mkdir -p "$CACHE"
  work="$(mktemp -d "$CACHE/docker-base.XXXXXX")"
  # A failed debootstrap (no network, a package renamed) leaves nothing half-built behind.
  trap 'rm -rf "$work"' EXIT
  debootstrap --variant=minbase --include="$INCLUDE" bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  root="$work/rootfs"
  ln -sf /usr/bin/python3 "$root/usr/local/bin/python"
  ln -sf /usr/bin/python3 "$root/usr/local/bin/python3"
  ln -sf /usr/bin/pip3 "$root/usr/local/bin/pip"
  rm -f "$root"/usr/lib/python3.*/EXTERNALLY-MANAGED
  # Smaller and reproducible: no package downloads or indexes, no logs of the bootstrap itself.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/var/log/* "$root/debootstrap"
  tar -C "$root" --numeric-owner -cf "$work/base.tar" .
  mv "$work/base.tar" "$TARBALL"
fi

if [ ! -x "$HEY" ]; then
  echo "go install github.com/rakyll/hey@$HEY_VERSION" >&2
  GOBIN="$(dirname "$HEY")" go install "github.com/rakyll/hey@$HEY_VERSION"
fi
echo "base-image=$TARBALL"
echo "hey=$HEY"
