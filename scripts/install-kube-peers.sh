#!/usr/bin/env bash
# Installs the Kubernetes peer linters for the differential test and the benchmark into a cache folder outside the
# repo, keyed by version, and prints one line per peer: `<name> <path of the binary>`, or `<name> unavailable
# <reason>` when the Go module proxy (or PyPI, for Checkov) does not serve it. A second run on the same machine only
# checks the versions.
#
# Both are built with `go install <module>/cmd/<name>@<version>` from the Go module proxy (GOPROXY is pinned to it:
# a `direct` fallback would try the module's own host, which these machines cannot reach).
#
#  - kube-score (github.com/zegl/kube-score, MIT): served; v1.20.0 is the newest version the proxy lists.
#  - kube-linter (golang.stackrox.io/kube-linter, Apache-2.0): refused. On 2026-11-27 the proxy answered
#    403 "Go module host not permitted: Go module fetches are limited to the module-host allowlist" for
#    golang.stackrox.io/kube-linter/@v/list, and 403 "This module version is not available" for its v0.7.6, v0.7.1
#    and v0.6.8, and for the same versions and the list under the repository's path github.com/stackrox/kube-linter
#    (whose go.mod declares golang.stackrox.io/kube-linter, so it could not be built under that path anyway).
#    The script still tries it, so that a machine whose proxy serves it gets it without a change here.
#
# The benchmark also runs yaml-language-server with the Kubernetes schema. yaml-language-server does not ship that
# schema: it downloads yannh/kubernetes-json-schema's all.json when it starts. The schemas come instead from PyPI's
# kubernetes-validate (Apache-2.0), whose wheel carries the schemas of many Kubernetes versions as
# `vX.Y.0-local-strict` folders (all.json and _definitions.json); the benchmark serves them to the language service
# from this folder. It is printed as `kubernetes-schemas <folder>`.
#
# Checkov (bridgecrewio/checkov, Apache-2.0) comes from PyPI into a virtual environment of its own in the cache
# folder, since it pulls in about a hundred packages (boto3, networkx, …) that must not meet anyone else's. It is
# printed as `checkov <path of its checkov script>`. A virtual environment's scripts name its Python by absolute path,
# so it is created where it stays, and removed again when the install or the version check fails.
#
# KUBE_SCORE_VERSION, KUBE_LINTER_VERSION, CHECKOV_VERSION and KUBERNETES_VALIDATE_VERSION pick other releases.
set -uo pipefail
KUBE_SCORE_VERSION="${KUBE_SCORE_VERSION:-v1.20.0}"
CHECKOV_VERSION="${CHECKOV_VERSION:-3.3.30}"
KUBE_LINTER_VERSION="${KUBE_LINTER_VERSION:-v0.7.6}"
KUBERNETES_VALIDATE_VERSION="${KUBERNETES_VALIDATE_VERSION:-1.37.0}"
CACHE="${MLOPS_DEPLOY_CACHE:-$HOME/.cache/mlops-deploy}"
export GOPROXY=https://proxy.golang.org GOTOOLCHAIN=local

# install NAME MODULE VERSION EXPECTED-VERSION-OUTPUT ARGS-FOR-VERSION...
# The version check also catches a binary that exists but cannot run (a half-written file, another architecture).
install() {
  local name="$1" module="$2" version="$3" expected="$4"
  shift 4
  local dir="$CACHE/$name-$version"
  local bin="$dir/bin/$name"
  installed() { [ -x "$bin" ] && "$bin" "$@" 2>/dev/null | grep -qF -- "$expected"; }
  if ! installed "$@"; then
    echo "installing $name $version ($module) into $dir" >&2
    mkdir -p "$CACHE"
    rm -rf "$dir.tmp"
    # GOBIN puts the binary in the cache folder; the build cache and the module cache stay Go's own, so a second
    # peer (or a rebuild after the cache folder was removed) reuses the downloaded modules.
    local log
    if ! log="$(GOBIN="$dir.tmp/bin" go install -ldflags "-s -w -X main.version=${version#v}" "$module/cmd/$name@$version" 2>&1)"; then
      echo "$log" >&2
      rm -rf "$dir.tmp"
      local reason
      reason="$(echo "$log" | grep -m1 -oE '(403 Forbidden|404 Not Found|not permitted[^;]*|not available[^;]*)' || echo 'go install failed')"
      echo "$name unavailable $module@$version: $reason"
      return 0
    fi
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
    if ! installed "$@"; then
      echo "$name $version was installed into $dir but '$bin $*' does not report '$expected'" >&2
      echo "$name unavailable $module@$version: the built binary does not report its version"
      return 0
    fi
  fi
  echo "$name $bin"
}

# kube-score's release builds set main.version through -ldflags; the -X above does the same, so `kube-score version`
# reports the version it was built from, and the check below can tell a stale binary.
install kube-score github.com/zegl/kube-score "$KUBE_SCORE_VERSION" "kube-score version: ${KUBE_SCORE_VERSION#v}" version
install kube-linter golang.stackrox.io/kube-linter "$KUBE_LINTER_VERSION" "${KUBE_LINTER_VERSION#v}" version

CHECKOV_DIR="$CACHE/checkov-$CHECKOV_VERSION"
CHECKOV="$CHECKOV_DIR/bin/checkov"
# The version is read from the package rather than from `checkov --version`, which loads every check (seconds) on
# each run of this script; importing it also catches a half-written environment.
checkov_installed() {
  [ -x "$CHECKOV" ] && [ "$("$CHECKOV_DIR/bin/python" -c 'from checkov.version import version; print(version)' 2>/dev/null)" = "$CHECKOV_VERSION" ]
}
if ! checkov_installed; then
  echo "installing checkov $CHECKOV_VERSION (PyPI) into a virtual environment in $CHECKOV_DIR" >&2
  rm -rf "$CHECKOV_DIR"
  mkdir -p "$CACHE"
  if ! log="$(python3 -m venv "$CHECKOV_DIR" 2>&1 &&
    "$CHECKOV_DIR/bin/python" -m pip install --quiet --no-input --disable-pip-version-check \
      "checkov==$CHECKOV_VERSION" 2>&1)"; then
    echo "$log" >&2
    rm -rf "$CHECKOV_DIR"
    echo "checkov unavailable checkov==$CHECKOV_VERSION: $(echo "$log" | grep -m1 -E '^ERROR' || echo 'pip install failed')"
  elif ! checkov_installed; then
    rm -rf "$CHECKOV_DIR"
    echo "checkov unavailable checkov==$CHECKOV_VERSION: installed, but its package does not report version $CHECKOV_VERSION"
  fi
fi
checkov_installed && echo "checkov $CHECKOV"

SCHEMAS_DIR="$CACHE/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION"
SCHEMAS="$SCHEMAS_DIR/kubernetes_validate/kubernetes-json-schema"
if [ ! -f "$SCHEMAS/v1.34.0-local-strict/_definitions.json" ]; then
  echo "installing kubernetes-validate $KUBERNETES_VALIDATE_VERSION (PyPI, for its schemas) into $SCHEMAS_DIR" >&2
  rm -rf "$SCHEMAS_DIR.tmp"
  # --target installs into a plain folder, as for hadolint in install-hadolint.sh.
  if python3 -m pip install --quiet --no-deps --no-compile --no-input --disable-pip-version-check \
    --root-user-action=ignore --target "$SCHEMAS_DIR.tmp" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" >&2; then
    rm -rf "$SCHEMAS_DIR" && mv "$SCHEMAS_DIR.tmp" "$SCHEMAS_DIR"
  fi
fi
if [ -f "$SCHEMAS/v1.34.0-local-strict/_definitions.json" ]; then
  echo "kubernetes-schemas $SCHEMAS"
else
  echo "kubernetes-schemas unavailable kubernetes-validate==$KUBERNETES_VALIDATE_VERSION: pip install failed"
fi
