#!/usr/bin/env bash
# Builds a Python virtual environment holding what generated projects' tests need, from their pinned requirement
# files, in a cache folder outside the repo keyed by the files' content, and prints the environment's python.
# A second run with the same requirements only checks that the environment is complete (about 0.1 s).
#
# Usage: scripts/install-scaffold-python.sh DIR...   (each DIR holds a requirements-dev.txt, which may -r others)
# The union of all DIRs' requirements goes into one environment, so their pins must agree (the scaffold's do).
set -euo pipefail
CACHE="${MLOPS_DEPLOY_CACHE:-$HOME/.cache/mlops-deploy}"
args=()
for dir in "$@"; do args+=(-r "$dir/requirements-dev.txt"); done
# The key covers every line of every file (-r included), after sorting, so the same pins give the same environment.
key=$(for dir in "$@"; do cat "$dir"/requirements*.txt; done | grep -v '^\s*\(#\|-r\|$\)' | sort -u | sha256sum | cut -c1-16)
DIR="$CACHE/scaffold-python-$key"
PY="$DIR/bin/python"

if [ ! -f "$DIR/.complete" ]; then
  echo "installing the generated projects' requirements into $DIR" >&2
  mkdir -p "$CACHE"
  rm -rf "$DIR.tmp"
  python3 -m venv "$DIR.tmp"
  "$DIR.tmp/bin/python" -m pip install --quiet --no-input --disable-pip-version-check "${args[@]}" >&2
  # A venv records its own path in its scripts; python itself is called by path, so the move is safe.
  rm -rf "$DIR" && mv "$DIR.tmp" "$DIR"
  touch "$DIR/.complete"
fi
echo "$PY"
