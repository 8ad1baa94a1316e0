#!/usr/bin/env bash
# Installs actionlint, which checks the GitHub Actions workflows the scaffolder writes, into a cache folder outside
# the repo, keyed by version, and prints the binary's path. A second run on the same machine only checks the
# version (a few milliseconds).
#
# actionlint (MIT) is built from the Go module proxy with `go install`; the tests run it as a separate process.
# ACTIONLINT_VERSION picks another release.
set -euo pipefail
ACTIONLINT_VERSION="${ACTIONLINT_VERSION:-1.7.12}"
CACHE="${MLOPS_DEPLOY_CACHE:-$HOME/.cache/mlops-deploy}"
DIR="$CACHE/actionlint-$ACTIONLINT_VERSION"
BIN="$DIR/bin/actionlint"

# The version check also catches a binary that exists but cannot run (a half-written file, another architecture).
installed() {
  [ -x "$BIN" ] && "$BIN" -version 2>/dev/null | head -n 1 | grep -qx "v\?$ACTIONLINT_VERSION"
}

if ! installed; then
  if ! command -v go >/dev/null 2>&1; then
    echo "installing actionlint needs Go (https://go.dev/dl/); none is on PATH" >&2
    exit 1
  fi
  echo "installing actionlint $ACTIONLINT_VERSION (go install) into $DIR" >&2
  mkdir -p "$CACHE"
  rm -rf "$DIR.tmp"
  # GOBIN puts the binary into the cache folder; the module cache and build cache stay Go's own, so a second version
  # builds from what the first one downloaded.
  GOBIN="$DIR.tmp/bin" GOFLAGS=-mod=mod CGO_ENABLED=0 go install "github.com/rhysd/actionlint/cmd/actionlint@v$ACTIONLINT_VERSION" >&2
  rm -rf "$DIR" && mv "$DIR.tmp" "$DIR"
  if ! installed; then
    echo "actionlint $ACTIONLINT_VERSION was installed into $DIR but '$BIN -version' does not report it" >&2
    exit 1
  fi
fi
echo "$BIN"
