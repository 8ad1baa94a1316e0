#!/usr/bin/env bash
# Installs the reference that the Triton config parser is checked against: Triton's ModelConfig message from the
# tritonclient wheel (tritonclient.grpc.model_config_pb2) and protobuf's Python text_format, which parses
# config.pbtxt as Triton does. It goes into a virtual environment in a cache folder outside the repo, keyed by both
# versions, and the script prints the environment's python. A second run on the same machine only checks that the
# reference imports (about 0.2 s).
#
# TRITONCLIENT_VERSION and PROTOBUF_VERSION pick other releases; the pair must be one that pip can install together
# on the Python found as python3 (3.11 on this project's machines): tritonclient[grpc] 2.73.0 asks for protobuf
# >=6.30,<7. The tests look for this folder with the default versions, so change both places together.
set -euo pipefail
TRITONCLIENT_VERSION="${TRITONCLIENT_VERSION:-2.73.0}"
PROTOBUF_VERSION="${PROTOBUF_VERSION:-6.33.6}"
CACHE="${MLOPS_DEPLOY_CACHE:-$HOME/.cache/mlops-deploy}"
DIR="$CACHE/triton-reference-$TRITONCLIENT_VERSION-protobuf-$PROTOBUF_VERSION"
PY="$DIR/bin/python"

# Importing both modules and comparing versions also catches a half-built environment.
installed() {
  [ -x "$PY" ] && [ "$("$PY" -c 'import google.protobuf, tritonclient.grpc.model_config_pb2 as m; from importlib.metadata import version; print(version("tritonclient"), google.protobuf.__version__)' 2>/dev/null)" = "$TRITONCLIENT_VERSION $PROTOBUF_VERSION" ]
}

if ! installed; then
  echo "installing tritonclient[grpc] $TRITONCLIENT_VERSION and protobuf $PROTOBUF_VERSION into $DIR" >&2
  mkdir -p "$CACHE"
  rm -rf "$DIR.tmp"
  # A failed install (a version pair pip cannot resolve, no network) leaves nothing half-built behind.
  trap 'rm -rf "$DIR.tmp"' EXIT
  # The environment is built under a temporary name and moved into place only when complete. A venv records its
  # own path in bin/ scripts, so python is always called as "$DIR/bin/python" and not through those scripts.
  python3 -m venv "$DIR.tmp"
  "$DIR.tmp/bin/python" -m pip install --quiet --no-input --disable-pip-version-check \
    "tritonclient[grpc]==$TRITONCLIENT_VERSION" "protobuf==$PROTOBUF_VERSION" >&2
  rm -rf "$DIR" && mv "$DIR.tmp" "$DIR"
  if ! installed; then
    echo "the reference was installed into $DIR but does not import with the expected versions" >&2
    exit 1
  fi
fi
echo "$PY"
