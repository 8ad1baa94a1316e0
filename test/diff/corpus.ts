/**
 * The corpus of the differential test against hadolint and of the hadolint benchmark: the benchmark's generated
 * ML-service Dockerfiles, plus files written to reach the edge cases of hadolint's DL rules (pinning syntaxes of
 * every package manager, flag spellings, stages and aliases, instruction forms, pragmas), plus seeded mixes of
 * those snippets on the base images they belong to, so that rules meet each other (consecutive RUNs, wget and curl
 * in one file, a pipe after a SHELL with pipefail, an ignore pragma over one of several findings).
 *
 * Everything is deterministic: the same build always produces byte-identical files with the same names.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_CORPUS_SEED, BENCH_CORPUS_SIZE, SeededRandom, generateCorpus } from '../bench/corpus';

export interface DiffCorpusFile {
  /** Unique in the corpus and safe as a file name: `case-017-dl3013-pip-range.Dockerfile`. */
  name: string;
  text: string;
  /** `bench`: from the benchmark's generator; `case`: one written edge case; `mix`: seeded snippets combined. */
  origin: 'bench' | 'case' | 'mix';
  /** The rules the file was written to exercise (empty for the benchmark's files). */
  targets: string[];
}

export const DIFF_CORPUS_SEED = 0xd1ff;
export const MIX_COUNT = 120;
export const DIFF_CORPUS_DIR = join(tmpdir(), 'mlops-deploy-hadolint-corpus');

/** The package manager a snippet needs, which decides the base images it can follow. */
type Family = 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'any';

interface Snippet {
  id: string;
  family: Family;
  targets: string[];
  /**
   * Instructions (and comments) that go after a FROM. A snippet that starts with its own FROM or with a pragma is
   * about the file's layout and only stands alone; the others are also mixed.
   */
  lines: string[];
}

const BASES: Record<Exclude<Family, 'any'>, readonly string[]> = {
  apt: [
    'debian:12-slim',
    'debian:bookworm-20240612',
    'ubuntu:22.04',
    'python:3.11-slim-bookworm',
    'nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04',
    'nvidia/cuda:11.8.0-cudnn8-devel-ubuntu22.04',
    'continuumio/miniconda3:24.1.2-0',
    'node:20.14-bookworm-slim',
    'ruby:3.3-slim-bookworm',
    'golang:1.22-bookworm',
  ],
  apk: ['alpine:3.20', 'python:3.12-alpine3.20', 'node:20-alpine3.19', 'golang:1.22-alpine'],
  yum: ['centos:7', 'amazonlinux:2', 'rockylinux:8.9'],
  dnf: ['fedora:40', 'registry.access.redhat.com/ubi9/ubi:9.4', 'rockylinux:9.3', 'nvidia/cuda:12.4.1-runtime-ubi9'],
  microdnf: ['registry.access.redhat.com/ubi9/ubi-minimal:9.4', 'registry.access.redhat.com/ubi8/ubi-minimal:8.10'],
  zypper: ['opensuse/leap:15.6', 'registry.suse.com/bci/bci-base:15.6', 'opensuse/tumbleweed:latest'],
};

const snippet = (id: string, family: Family, targets: string[], ...lines: string[]): Snippet => ({ id, family, targets, lines });

/**
 * Snippets by rule. Each has the finding and its near misses side by side: the spelling that should be reported and
 * the spellings (a pinned version, the flag's long form, a flag bundle) that should not.
 */
const SNIPPETS: readonly Snippet[] = [
  // apt-get: pinning, -y, --no-install-recommends, the lists, and apt itself.
  snippet('apt-unpinned', 'apt', ['DL3008', 'DL3009', 'DL3015'], 'RUN apt-get update && apt-get install -y curl ca-certificates'),
  snippet('apt-pinned-clean', 'apt', ['DL3008', 'DL3009', 'DL3015'], 'RUN apt-get update \\', '    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 ca-certificates=20230311 \\', '    && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-version-glob', 'apt', ['DL3008'], 'RUN apt-get update && apt-get install -y --no-install-recommends python3=3.11.* \\', '    && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-release-pin', 'apt', ['DL3008'], 'RUN apt-get update && apt-get install -y --no-install-recommends -t bookworm-backports golang-go/bookworm-backports \\', '    && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-local-deb', 'apt', ['DL3008'], 'COPY vendor/libcustom_1.2.3_amd64.deb /tmp/', 'RUN apt-get install -y --no-install-recommends /tmp/libcustom_1.2.3_amd64.deb'),
  snippet('apt-no-y', 'apt', ['DL3014'], 'RUN apt-get update && apt-get install --no-install-recommends git=1:2.39.2-1.1 && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-yes-long', 'apt', ['DL3014'], 'RUN apt-get update && apt-get install --yes --no-install-recommends git=1:2.39.2-1.1 && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-assume-yes', 'apt', ['DL3014'], 'RUN apt-get update && apt-get --assume-yes install --no-install-recommends git=1:2.39.2-1.1 && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-qq', 'apt', ['DL3014'], 'RUN apt-get update -qq && apt-get install -qq --no-install-recommends git=1:2.39.2-1.1 && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-qy-bundle', 'apt', ['DL3014'], 'RUN apt-get update && apt-get -qy install --no-install-recommends git=1:2.39.2-1.1 && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-recommends-option', 'apt', ['DL3015'], 'RUN apt-get update && apt-get install -y -o APT::Install-Recommends=false libgomp1=12.2.0-14 && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-cache-mount', 'apt', ['DL3009'], 'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked \\', '    apt-get update && apt-get install -y --no-install-recommends tini=0.19.0-1'),
  snippet('apt-clean-only', 'apt', ['DL3009'], 'RUN apt-get update && apt-get install -y --no-install-recommends jq=1.6-2.1 && apt-get clean'),
  snippet('apt-upgrade', 'apt', ['DL3008', 'DL3009'], 'RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-end-user', 'apt', ['DL3027'], 'RUN apt update && apt install -y --no-install-recommends curl=7.88.1-10+deb12u5'),
  snippet('apt-cache-policy', 'apt', ['DL3027'], 'RUN apt-cache policy curl && apt-get update && apt-get install -y --no-install-recommends apt-utils=2.6.1 && rm -rf /var/lib/apt/lists/*'),
  snippet('apt-multiline-packages', 'apt', ['DL3008', 'DL3015'], 'RUN apt-get update \\', '    && apt-get install -y \\', '        build-essential=12.9 \\', '        libssl-dev \\', '        zlib1g-dev=1:1.2.13.dfsg-1 \\', '    && rm -rf /var/lib/apt/lists/*'),
  // apk: pinning, --no-cache, --virtual names that are not packages.
  snippet('apk-unpinned', 'apk', ['DL3018', 'DL3019'], 'RUN apk add curl bash'),
  snippet('apk-pinned-no-cache', 'apk', ['DL3018', 'DL3019'], 'RUN apk add --no-cache curl=8.9.0-r0 bash=5.2.26-r0'),
  snippet('apk-tilde-pin', 'apk', ['DL3018'], 'RUN apk add --no-cache "python3~=3.12" libstdc++~12'),
  snippet('apk-virtual', 'apk', ['DL3018'], 'RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 musl-dev=1.2.5-r0 \\', '    && pip install --no-cache-dir numpy==1.26.4 \\', '    && apk del .build-deps'),
  snippet('apk-virtual-short', 'apk', ['DL3018'], 'RUN apk add --no-cache -t .deps make=4.4.1-r2 && apk del .deps'),
  snippet('apk-update-then-add', 'apk', ['DL3019'], 'RUN apk update && apk add --update tini=0.19.0-r3 && rm -rf /var/cache/apk/*'),
  snippet('apk-cache-mount', 'apk', ['DL3019'], 'RUN --mount=type=cache,target=/var/cache/apk apk add tini=0.19.0-r3'),
  // yum, dnf, microdnf, zypper: -y, clean, versions.
  snippet('yum-bare', 'yum', ['DL3030', 'DL3032', 'DL3033'], 'RUN yum install httpd'),
  snippet('yum-good', 'yum', ['DL3030', 'DL3032', 'DL3033'], 'RUN yum install -y httpd-2.4.6-99.el7.centos.1 && yum clean all && rm -rf /var/cache/yum'),
  snippet('yum-y-first', 'yum', ['DL3030', 'DL3033'], 'RUN yum -y install gcc-4.8.5 python3 && yum clean all'),
  snippet('yum-assumeyes', 'yum', ['DL3030'], 'RUN yum --assumeyes install tar-1.26 && yum clean all'),
  snippet('yum-groupinstall', 'yum', ['DL3030', 'DL3033'], 'RUN yum groupinstall -y "Development Tools" && yum clean all'),
  snippet('yum-module', 'yum', ['DL3033'], 'RUN yum module install -y nodejs:18 && yum clean all'),
  snippet('yum-update', 'yum', ['DL3030', 'DL3032'], 'RUN yum update -y'),
  snippet('dnf-bare', 'dnf', ['DL3038', 'DL3040', 'DL3041'], 'RUN dnf install python3'),
  snippet('dnf-good', 'dnf', ['DL3038', 'DL3040', 'DL3041'], 'RUN dnf install -y python3-3.11.9 && dnf clean all'),
  snippet('dnf-y-first', 'dnf', ['DL3038', 'DL3041'], 'RUN dnf -y install gcc-c++-13.3.1 make && dnf clean all'),
  snippet('dnf-module', 'dnf', ['DL3041'], 'RUN dnf module enable -y nodejs:20 && dnf module install -y nodejs:20 && dnf clean all'),
  snippet('dnf-cache-rm', 'dnf', ['DL3040'], 'RUN dnf install -y --setopt=install_weak_deps=False git-2.43.5 && rm -rf /var/cache/dnf'),
  snippet('microdnf-bare', 'microdnf', ['DL3038', 'DL3040', 'DL3041'], 'RUN microdnf install shadow-utils'),
  snippet('microdnf-good', 'microdnf', ['DL3038', 'DL3040', 'DL3041'], 'RUN microdnf install -y shadow-utils-4.9 && microdnf clean all'),
  snippet('zypper-bare', 'zypper', ['DL3034', 'DL3036', 'DL3037'], 'RUN zypper install curl'),
  snippet('zypper-good', 'zypper', ['DL3034', 'DL3036', 'DL3037'], 'RUN zypper install -y curl=8.0.1 && zypper clean'),
  snippet('zypper-non-interactive', 'zypper', ['DL3034', 'DL3037'], 'RUN zypper --non-interactive install python311=3.11.9 && zypper clean -a'),
  snippet('zypper-n-in', 'zypper', ['DL3034', 'DL3036', 'DL3037'], 'RUN zypper -n in "git>=2.43" && zypper cc'),
  snippet('zypper-dash-version', 'zypper', ['DL3037'], 'RUN zypper install -y gcc-13 && zypper clean'),
  snippet('zypper-dup', 'zypper', ['DL3035'], 'RUN zypper dist-upgrade -y && zypper clean'),
  snippet('zypper-dup-short', 'zypper', ['DL3035'], 'RUN zypper -n dup && zypper clean'),
  // pip: pinning syntaxes, requirement files, local paths, the cache.
  snippet('pip-unpinned', 'any', ['DL3013', 'DL3042'], 'RUN pip install flask'),
  snippet('pip-pinned', 'any', ['DL3013', 'DL3042'], 'RUN pip install --no-cache-dir flask==3.0.3 gunicorn==22.0.0'),
  snippet('pip-range', 'any', ['DL3013'], 'RUN pip install --no-cache-dir "numpy>=1.26,<2" \'pandas~=2.2\''),
  snippet('pip-requirements', 'any', ['DL3013', 'DL3042'], 'COPY requirements.txt .', 'RUN pip install -r requirements.txt'),
  snippet('pip-requirement-long', 'any', ['DL3013'], 'COPY requirements.txt constraints.txt ./', 'RUN pip install --no-cache-dir --requirement requirements.txt --constraint constraints.txt'),
  snippet('pip-local', 'any', ['DL3013'], 'COPY . /src', 'RUN pip install --no-cache-dir /src && pip install --no-cache-dir -e /src/plugins'),
  snippet('pip-wheel-file', 'any', ['DL3013'], 'COPY dist/ /tmp/dist/', 'RUN pip install --no-cache-dir /tmp/dist/model_server-1.4.0-py3-none-any.whl'),
  snippet('pip-vcs', 'any', ['DL3013'], 'RUN pip install --no-cache-dir "git+https://github.com/example/tokenizers-extra.git@v0.3.1#egg=tokenizers-extra"'),
  snippet('pip-upgrade-pip', 'any', ['DL3013'], 'RUN pip install --no-cache-dir --upgrade pip setuptools wheel'),
  snippet('pip3-python-m', 'any', ['DL3013', 'DL3042'], 'RUN python3 -m pip install torch==2.3.1 --index-url https://download.pytorch.org/whl/cpu'),
  snippet('pip-extras', 'any', ['DL3013'], 'RUN pip3 install --no-cache-dir "uvicorn[standard]==0.30.1" tritonclient[http]'),
  snippet('pip-env-no-cache', 'any', ['DL3042'], 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask==3.0.3'),
  snippet('pip-cache-mount', 'any', ['DL3042'], 'RUN --mount=type=cache,target=/root/.cache/pip pip install transformers==4.41.2'),
  snippet('pip-user', 'any', ['DL3013', 'DL3042'], 'RUN pip install --user --no-cache-dir scikit-learn==1.5.0 && pip install --user joblib'),
  // npm and yarn.
  snippet('npm-unpinned', 'any', ['DL3016'], 'RUN npm install express'),
  snippet('npm-pinned', 'any', ['DL3016'], 'RUN npm install express@4.19.2 lodash@4.17.21'),
  snippet('npm-global', 'any', ['DL3016'], 'RUN npm install -g pm2 && npm i -g yarn@1.22.22'),
  snippet('npm-scoped', 'any', ['DL3016'], 'RUN npm install @tensorflow/tfjs-node @types/node@20.14.2'),
  snippet('npm-package-json', 'any', ['DL3016'], 'COPY package.json package-lock.json ./', 'RUN npm ci --omit=dev && npm install'),
  snippet('npm-git-and-path', 'any', ['DL3016'], 'RUN npm install git+https://github.com/example/widget.git#v1.2.0 ./vendor/local-pkg'),
  snippet('npm-tag', 'any', ['DL3016'], 'RUN npm install typescript@latest'),
  snippet('yarn-no-clean', 'any', ['DL3060'], 'COPY package.json yarn.lock ./', 'RUN yarn install --frozen-lockfile'),
  snippet('yarn-clean', 'any', ['DL3060'], 'COPY package.json yarn.lock ./', 'RUN yarn install --frozen-lockfile && yarn cache clean'),
  // gem and go.
  snippet('gem-unpinned', 'any', ['DL3028'], 'RUN gem install bundler'),
  snippet('gem-colon', 'any', ['DL3028'], 'RUN gem install bundler:2.5.6 rake:13.2.1'),
  snippet('gem-v-flag', 'any', ['DL3028'], 'RUN gem install bundler -v 2.5.6 && gem install rails --version "~> 7.1"'),
  snippet('gem-no-doc', 'any', ['DL3028'], 'RUN gem install --no-document nokogiri'),
  snippet('go-unpinned', 'any', ['DL3062'], 'RUN go install github.com/go-delve/delve/cmd/dlv'),
  snippet('go-pinned', 'any', ['DL3062'], 'RUN go install golang.org/x/tools/gopls@v0.15.3'),
  snippet('go-latest', 'any', ['DL3062'], 'RUN go install github.com/air-verse/air@latest'),
  snippet('go-local', 'any', ['DL3062'], 'COPY . /src', 'WORKDIR /src', 'RUN go install ./... && go build -o /bin/server ./cmd/server'),
  snippet('go-get', 'any', ['DL3062'], 'RUN go get github.com/stretchr/testify'),
  // sudo, cd, commands that make no sense in a container, SHELL replacements.
  snippet('sudo', 'apt', ['DL3004'], 'RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends vim=2:9.0.1378-2'),
  snippet('sudo-as-package', 'apt', ['DL3004'], 'RUN apt-get update && apt-get install -y --no-install-recommends sudo=1.9.13p3-1+deb12u1 && rm -rf /var/lib/apt/lists/*'),
  snippet('sudo-in-string', 'any', ['DL3004'], 'RUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app'),
  snippet('cd-and', 'any', ['DL3003'], 'RUN cd /opt/app && make install'),
  snippet('cd-alone', 'any', ['DL3003'], 'RUN cd /tmp'),
  snippet('cd-subshell', 'any', ['DL3003'], 'RUN (cd /opt/src && ./configure) && make -C /opt/src'),
  snippet('pointless-commands', 'any', ['DL3001'], 'RUN service nginx start && ps aux | grep nginx'),
  snippet('pointless-kill', 'any', ['DL3001'], 'RUN top -bn1 > /tmp/top.txt; kill -HUP 1 || true'),
  snippet('ssh-keyscan', 'any', ['DL3001'], 'RUN mkdir -p /root/.ssh && ssh-keyscan github.com >> /root/.ssh/known_hosts'),
  snippet('ln-sh', 'any', ['DL4005'], 'RUN ln -sf /bin/bash /bin/sh'),
  snippet('ln-sh-long', 'any', ['DL4005'], 'RUN ln --symbolic --force /bin/bash /bin/sh'),
  // wget, curl, pipes.
  snippet('wget-bare', 'any', ['DL3047'], 'RUN wget https://example.com/models/resnet18.onnx -O /models/resnet18.onnx'),
  snippet('wget-quiet', 'any', ['DL3047'], 'RUN wget -q https://example.com/models/vocab.txt -O /models/vocab.txt'),
  snippet('wget-progress', 'any', ['DL3047'], 'RUN wget --progress=dot:giga https://example.com/models/bert.bin -O /models/bert.bin'),
  snippet('wget-no-verbose', 'any', ['DL3047'], 'RUN wget -nv https://example.com/a.tgz && wget --no-verbose https://example.com/b.tgz'),
  snippet('curl-download', 'any', ['DL4001'], 'RUN curl -fsSL https://example.com/models/labels.json -o /models/labels.json'),
  snippet('pipe-no-pipefail', 'any', ['DL4006'], 'RUN curl -fsSL https://example.com/install.sh | sh'),
  snippet('pipe-set-o', 'any', ['DL4006'], 'RUN set -o pipefail && curl -fsSL https://example.com/install.sh | bash'),
  snippet('pipe-set-eo', 'any', ['DL4006'], 'RUN set -eo pipefail; wget -qO- https://example.com/key.asc | gpg --dearmor > /usr/share/keyrings/example.gpg'),
  snippet('pipe-in-quotes', 'any', ['DL4006'], 'RUN echo "a|b|c" > /tmp/sep && grep -c "|" /tmp/sep'),
  snippet('or-not-pipe', 'any', ['DL4006'], 'RUN test -f /etc/os-release || echo missing'),
  snippet('shell-pipefail', 'any', ['DL4006'], 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN curl -fsSL https://example.com/install.sh | bash'),
  snippet('shell-ash-pipefail', 'apk', ['DL4006'], 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', 'RUN wget -qO- https://example.com/install.sh | sh'),
  snippet('shell-no-pipefail', 'any', ['DL4006'], 'SHELL ["/bin/bash", "-c"]', 'RUN cat /etc/os-release | head -n 2'),
  // ADD and COPY.
  snippet('add-local', 'any', ['DL3020'], 'ADD app.py /app/'),
  snippet('add-local-dir-chown', 'any', ['DL3020'], 'ADD --chown=1000:1000 src/ /app/src/'),
  snippet('add-url', 'any', ['DL3020'], 'ADD https://example.com/models/resnet18.pt /models/'),
  snippet('add-archive', 'any', ['DL3020'], 'ADD model-bundle.tar.gz /opt/models/'),
  snippet('add-archive-variants', 'any', ['DL3020'], 'ADD weights.tar.xz /opt/w/', 'ADD data.tgz /opt/d/', 'ADD tools.tar.bz2 /opt/t/'),
  snippet('add-zip', 'any', ['DL3020'], 'ADD embeddings.zip /opt/embeddings/'),
  snippet('add-git', 'any', ['DL3020'], 'ADD https://github.com/example/tokenizer.git#v1.0.0 /src/tokenizer'),
  snippet('add-json-form', 'any', ['DL3020'], 'ADD ["config.yaml", "/etc/app/config.yaml"]'),
  snippet('copy-archive-extract', 'any', ['DL3010'], 'COPY model-bundle.tar.gz /tmp/', 'RUN tar -xzf /tmp/model-bundle.tar.gz -C /opt/models && rm /tmp/model-bundle.tar.gz'),
  snippet('copy-many-no-slash', 'any', ['DL3021'], 'COPY app.py wsgi.py /app'),
  snippet('copy-many-slash', 'any', ['DL3021'], 'COPY app.py wsgi.py /app/'),
  snippet('copy-many-json', 'any', ['DL3021'], 'COPY ["app.py", "wsgi.py", "/app"]'),
  snippet('copy-glob-two-args', 'any', ['DL3021'], 'COPY *.py /app'),
  snippet('copy-relative-no-workdir', 'any', ['DL3045'], 'COPY app.py app/'),
  snippet('copy-dot-no-workdir', 'any', ['DL3045'], 'COPY requirements.txt .'),
  snippet('copy-relative-after-workdir', 'any', ['DL3045'], 'WORKDIR /srv', 'COPY app.py app/'),
  snippet('copy-home-var', 'any', ['DL3045'], 'COPY settings.toml $HOME/.config/'),
  snippet('copy-heredoc', 'any', ['DL3021', 'DL3045'], 'COPY <<EOF /etc/app/config.yaml', 'port: 8000', 'workers: 2', 'EOF', ''),
  // WORKDIR, USER, EXPOSE, ENV, LABEL, instruction forms.
  snippet('workdir-relative', 'any', ['DL3000'], 'WORKDIR app'),
  snippet('workdir-dot', 'any', ['DL3000'], 'WORKDIR ./srv'),
  snippet('workdir-quoted', 'any', ['DL3000'], 'WORKDIR "/opt/model server"'),
  snippet('workdir-variable', 'any', ['DL3000'], 'ARG APP_HOME=/app', 'WORKDIR $APP_HOME', 'WORKDIR ${APP_HOME}/bin'),
  snippet('workdir-windows', 'any', ['DL3000'], 'WORKDIR C:\\\\app'),
  snippet('user-root', 'any', ['DL3002'], 'USER root'),
  snippet('user-zero', 'any', ['DL3002'], 'USER 0:0'),
  snippet('user-root-group', 'any', ['DL3002', 'DL3066'], 'USER root:app'),
  snippet('user-name', 'any', ['DL3066'], 'USER appuser'),
  snippet('user-numeric', 'any', ['DL3066'], 'USER 10001:10001'),
  snippet('user-variable', 'any', ['DL3066'], 'ARG APP_UID=10001', 'USER $APP_UID'),
  snippet('useradd-high-uid', 'any', ['DL3046'], 'RUN useradd -u 100000 -m appuser'),
  snippet('useradd-high-uid-l', 'any', ['DL3046'], 'RUN useradd -l -u 100000 -m appuser'),
  snippet('useradd-low-uid', 'any', ['DL3046'], 'RUN useradd -u 10001 -m appuser'),
  snippet('useradd-long-uid', 'any', ['DL3046'], 'RUN useradd --uid 2000000 --no-log-init --create-home appuser'),
  snippet('useradd-bundle', 'any', ['DL3046'], 'RUN groupadd -g 123456 app && useradd -lu 123456 -g app app'),
  snippet('expose-fine', 'any', ['DL3011'], 'EXPOSE 8000 8001/tcp 8002/udp'),
  snippet('expose-too-high', 'any', ['DL3011'], 'EXPOSE 80000'),
  snippet('expose-range', 'any', ['DL3011'], 'EXPOSE 8000-8010'),
  snippet('expose-range-too-high', 'any', ['DL3011'], 'EXPOSE 65530-65540/tcp'),
  snippet('expose-variable', 'any', ['DL3011'], 'ARG PORT=8080', 'EXPOSE $PORT ${METRICS_PORT}/tcp'),
  snippet('expose-max', 'any', ['DL3011'], 'EXPOSE 65535 0'),
  snippet('env-self-reference', 'any', ['DL3044'], 'ENV APP_HOME=/app APP_BIN=$APP_HOME/bin'),
  snippet('env-braces', 'any', ['DL3044'], 'ENV MODEL_DIR=/models MODEL_PATH=${MODEL_DIR}/model.onnx'),
  snippet('env-path-append', 'any', ['DL3044'], 'ENV PATH=/opt/venv/bin:$PATH'),
  snippet('env-separate', 'any', ['DL3044'], 'ENV APP_HOME=/app', 'ENV APP_BIN=$APP_HOME/bin'),
  snippet('env-legacy-form', 'any', ['DL3044'], 'ENV LANG C.UTF-8'),
  snippet('env-sensitive', 'any', ['DL3064'], 'ARG DB_PASSWORD', 'ENV API_KEY=changeme AWS_SECRET_ACCESS_KEY=""'),
  snippet('env-sensitive-near-miss', 'any', ['DL3064'], 'ENV TOKENIZERS_PARALLELISM=false PASSWORD_FILE=/run/secrets/db_password'),
  snippet('arg-token', 'any', ['DL3064'], 'ARG GITHUB_TOKEN', 'ARG HF_TOKEN=""'),
  snippet('label-valid', 'any', ['DL3048'], 'LABEL org.opencontainers.image.title="churn-model" \\', '      org.opencontainers.image.version="1.4.0" \\', '      maintainer="ml-platform@example.com"'),
  snippet('label-invalid-keys', 'any', ['DL3048'], 'LABEL -invalid="x" org..example="y" Trailing.="z"'),
  snippet('label-reserved', 'any', ['DL3048'], 'LABEL com.docker.compose.project="x" io.docker.thing="y" org.dockerproject.z="w"'),
  snippet('label-legacy', 'any', ['DL3048'], 'LABEL version 1.0'),
  snippet('label-upper', 'any', ['DL3048'], 'LABEL Model_Name="churn" MODEL.VERSION="3"'),
  snippet('onbuild-nested', 'any', ['DL3043'], 'ONBUILD ONBUILD RUN echo nested'),
  snippet('onbuild-from', 'any', ['DL3043'], 'ONBUILD FROM python:3.11-slim'),
  snippet('onbuild-maintainer', 'any', ['DL3043', 'DL4000'], 'ONBUILD MAINTAINER someone@example.com'),
  snippet('onbuild-ok', 'any', ['DL3043'], 'ONBUILD COPY . /app/', 'ONBUILD RUN pip install --no-cache-dir -r /app/requirements.txt'),
  snippet('maintainer', 'any', ['DL4000'], 'MAINTAINER ml-platform@example.com'),
  snippet('cmd-shell', 'any', ['DL3025'], 'CMD python3 -m app.server'),
  snippet('entrypoint-shell', 'any', ['DL3025'], 'ENTRYPOINT /usr/local/bin/entrypoint.sh'),
  snippet('cmd-single-quotes', 'any', ['DL3025'], "CMD ['python3', '-m', 'app.server']"),
  snippet('cmd-json-spaces', 'any', ['DL3025'], 'CMD [ "python3", "-m", "app.server" ]'),
  snippet('entrypoint-json-cmd-shell', 'any', ['DL3025'], 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD uvicorn app.main:app --host 0.0.0.0'),
  snippet('two-cmds', 'any', ['DL4003'], 'CMD ["python3", "-m", "app.warmup"]', 'CMD ["python3", "-m", "app.server"]'),
  snippet('two-entrypoints', 'any', ['DL4004'], 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'ENTRYPOINT ["/usr/local/bin/serve"]'),
  snippet('two-healthchecks', 'any', ['DL3012'], 'HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1', 'HEALTHCHECK --interval=30s CMD ["python3", "-c", "print(1)"]'),
  snippet('healthcheck-none-then-cmd', 'any', ['DL3012'], 'HEALTHCHECK NONE', 'HEALTHCHECK CMD ["/bin/healthcheck"]'),
  snippet('consecutive-runs', 'any', ['DL3059'], 'RUN mkdir -p /models', 'RUN chmod 0755 /models'),
  snippet('consecutive-runs-comment', 'any', ['DL3059'], 'RUN mkdir -p /data', '# Keep the cache out of the image layer.', 'RUN rm -rf /root/.cache'),
  snippet('consecutive-runs-mounts', 'any', ['DL3059'], 'RUN --mount=type=secret,id=netrc cp /run/secrets/netrc /root/.netrc', 'RUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir mlflow==2.14.1'),
  snippet('heredoc-run', 'any', ['DL3003', 'DL4006'], 'RUN <<EOF', 'set -eux', 'cd /opt', 'curl -fsSL https://example.com/x | tar -xz', 'EOF', ''),
  snippet('heredoc-run-bash', 'any', ['DL4006'], 'RUN <<EOF bash', 'set -euo pipefail', 'cat /etc/os-release | head -n 1', 'EOF', ''),
  snippet('platform-flag', 'any', ['DL3029'], 'FROM --platform=linux/amd64 python:3.11-slim AS cpu'),
  snippet('platform-target', 'any', ['DL3029', 'DL3065'], 'FROM --platform=$TARGETPLATFORM python:3.11-slim AS target'),
  snippet('platform-build', 'any', ['DL3029', 'DL3065'], 'FROM --platform=${BUILDPLATFORM} golang:1.22 AS cross'),
  // Pragmas: the next instruction, a list, a reason, the whole file, a stage, and spellings hadolint does not read.
  snippet('pragma-next', 'apt', ['DL3008'], '# hadolint ignore=DL3008', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'),
  snippet('pragma-list-reason', 'apt', ['DL3008', 'DL3015'], '# hadolint ignore=DL3008,DL3015 # the base image pins its own mirror', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'),
  snippet('pragma-list-spaces', 'apt', ['DL3008', 'DL3015'], '# hadolint ignore=DL3008, DL3015', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'),
  snippet('pragma-gap', 'any', ['DL3013'], '# hadolint ignore=DL3013', '', 'RUN pip install --no-cache-dir flask'),
  snippet('pragma-comment-between', 'any', ['DL3013'], '# hadolint ignore=DL3013', '# Flask is pinned by the constraints file.', 'RUN pip install --no-cache-dir flask'),
  snippet('pragma-lowercase', 'any', ['DL3013'], '# hadolint ignore=dl3013', 'RUN pip install --no-cache-dir flask'),
  snippet('pragma-wrong-rule', 'any', ['DL3013'], '# hadolint ignore=DL3008', 'RUN pip install --no-cache-dir flask'),
];

/** Whole files, for what needs the file's shape: stages and aliases, instruction order, the last USER, pragmas. */
const CASES: ReadonlyArray<{ id: string; targets: string[]; lines: string[] }> = [
  { id: 'untagged', targets: ['DL3006'], lines: ['FROM ubuntu', 'RUN echo hi'] },
  { id: 'latest', targets: ['DL3007'], lines: ['FROM python:latest', 'RUN echo hi'] },
  { id: 'latest-digest', targets: ['DL3006', 'DL3007'], lines: ['FROM python:latest@sha256:0f6c0dcb5cb6b33fbbf2d5a1bdf2ed5c0f8b0d07e4c7c1bdbc5e3e1a2b7f4c55', 'RUN echo hi'] },
  { id: 'digest-only', targets: ['DL3006'], lines: ['FROM python@sha256:0f6c0dcb5cb6b33fbbf2d5a1bdf2ed5c0f8b0d07e4c7c1bdbc5e3e1a2b7f4c55', 'RUN echo hi'] },
  { id: 'registry-port', targets: ['DL3006', 'DL3007'], lines: ['FROM registry.example.com:5000/ml/base', 'FROM registry.example.com:5000/ml/base:latest AS two', 'RUN echo hi'] },
  { id: 'scratch', targets: ['DL3006'], lines: ['FROM golang:1.22 AS build', 'RUN CGO_ENABLED=0 go build -o /server ./cmd/server', 'FROM scratch', 'COPY --from=build /server /server', 'ENTRYPOINT ["/server"]'] },
  { id: 'variable-base', targets: ['DL3006'], lines: ['ARG BASE=python:3.11-slim', 'FROM $BASE', 'ARG CUDA=12.4.1', 'FROM nvidia/cuda:${CUDA}-runtime-ubuntu22.04 AS gpu', 'RUN echo hi'] },
  { id: 'stage-reference', targets: ['DL3006'], lines: ['FROM python:3.11-slim AS base', 'RUN pip install --no-cache-dir flask==3.0.3', 'FROM base', 'COPY . /app/'] },
  { id: 'stage-reference-case', targets: ['DL3006', 'DL3022'], lines: ['FROM python:3.11-slim AS Base', 'RUN echo hi', 'FROM base AS app', 'COPY --from=BASE /usr/local /usr/local'] },
  { id: 'copy-from-later', targets: ['DL3022'], lines: ['FROM python:3.11-slim AS app', 'COPY --from=builder /wheels /wheels', 'FROM python:3.11 AS builder', 'RUN pip wheel --no-cache-dir -w /wheels flask==3.0.3'] },
  { id: 'copy-from-image', targets: ['DL3022'], lines: ['FROM python:3.11-slim', 'COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/', 'COPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /bin/uv'] },
  { id: 'copy-from-index', targets: ['DL3022'], lines: ['FROM python:3.11 AS build', 'RUN pip wheel --no-cache-dir -w /wheels numpy==1.26.4', 'FROM python:3.11-slim', 'COPY --from=0 /wheels /wheels', 'COPY --from=1 /etc/hosts /tmp/hosts'] },
  { id: 'copy-from-unknown', targets: ['DL3022'], lines: ['FROM python:3.11-slim', 'COPY --from=assets /static /app/static'] },
  { id: 'copy-from-self', targets: ['DL3023'], lines: ['FROM python:3.11-slim AS app', 'RUN mkdir -p /cache', 'COPY --from=app /cache /cache2'] },
  { id: 'copy-from-self-case', targets: ['DL3023'], lines: ['FROM python:3.11-slim AS App', 'COPY --from=app /etc/hosts /tmp/'] },
  { id: 'duplicate-alias', targets: ['DL3024'], lines: ['FROM python:3.11 AS build', 'RUN echo one', 'FROM python:3.11 AS build', 'RUN echo two'] },
  { id: 'duplicate-alias-case', targets: ['DL3024'], lines: ['FROM python:3.11 AS Build', 'RUN echo one', 'FROM python:3.11 AS build', 'RUN echo two'] },
  { id: 'reserved-stage', targets: ['DL3063'], lines: ['FROM python:3.11 AS scratch', 'RUN echo one', 'FROM python:3.11 AS context', 'RUN echo two'] },
  { id: 'copy-whole-fs', targets: ['DL3067'], lines: ['FROM debian:12 AS rootfs', 'RUN echo hi > /etc/motd', 'FROM scratch', 'COPY --from=rootfs / /'] },
  { id: 'copy-whole-fs-subdir', targets: ['DL3067'], lines: ['FROM debian:12 AS rootfs', 'FROM alpine:3.20', 'COPY --from=rootfs / /rootfs/', 'COPY --from=rootfs /etc /etc-debian'] },
  { id: 'order-label-first', targets: ['DL3061'], lines: ['LABEL org.opencontainers.image.title="x"', 'FROM python:3.11-slim', 'RUN echo hi'] },
  { id: 'order-env-first', targets: ['DL3061'], lines: ['# A comment may come first.', 'ENV A=1', 'FROM python:3.11-slim'] },
  { id: 'order-arg-first', targets: ['DL3061'], lines: ['# syntax=docker/dockerfile:1.7', 'ARG PYTHON=3.11', 'FROM python:${PYTHON}-slim', 'RUN echo hi'] },
  { id: 'last-user-root-builder', targets: ['DL3002'], lines: ['FROM python:3.11 AS build', 'USER root', 'RUN pip wheel --no-cache-dir -w /w flask==3.0.3', 'FROM python:3.11-slim', 'USER 10001'] },
  { id: 'last-user-root-final', targets: ['DL3002'], lines: ['FROM python:3.11 AS build', 'USER 10001', 'FROM python:3.11-slim', 'USER 10001', 'RUN echo hi', 'USER root'] },
  { id: 'root-then-user', targets: ['DL3002'], lines: ['FROM python:3.11-slim', 'USER root', 'RUN apt-get update && apt-get install -y --no-install-recommends tini=0.19.0-1 && rm -rf /var/lib/apt/lists/*', 'USER 10001'] },
  { id: 'cmds-in-two-stages', targets: ['DL4003', 'DL4004'], lines: ['FROM python:3.11 AS test', 'ENTRYPOINT ["pytest"]', 'CMD ["-q"]', 'FROM python:3.11-slim', 'ENTRYPOINT ["python3"]', 'CMD ["-m", "app"]'] },
  { id: 'healthchecks-in-two-stages', targets: ['DL3012'], lines: ['FROM python:3.11 AS base', 'HEALTHCHECK CMD ["true"]', 'FROM base', 'HEALTHCHECK CMD ["/bin/healthcheck"]'] },
  { id: 'wget-and-curl', targets: ['DL4001', 'DL3047'], lines: ['FROM debian:12-slim', 'RUN wget -q https://example.com/a -O /a', 'RUN curl -fsSL https://example.com/b -o /b'] },
  { id: 'wget-and-curl-two-stages', targets: ['DL4001'], lines: ['FROM debian:12-slim AS fetch', 'RUN wget -q https://example.com/a -O /a', 'FROM debian:12-slim', 'COPY --from=fetch /a /a', 'RUN curl -fsSL https://example.com/b -o /b'] },
  { id: 'apt-lists-in-builder', targets: ['DL3009'], lines: ['FROM debian:12 AS build', 'RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3', 'FROM debian:12-slim', 'COPY --from=build /usr/bin/gcc /usr/bin/gcc'] },
  { id: 'copy-relative-inherited-workdir', targets: ['DL3045'], lines: ['FROM python:3.11-slim AS base', 'WORKDIR /app', 'FROM base', 'COPY app.py ./'] },
  { id: 'copy-relative-per-stage', targets: ['DL3045'], lines: ['FROM python:3.11-slim AS base', 'WORKDIR /app', 'FROM python:3.11-slim', 'COPY app.py ./'] },
  { id: 'escape-backtick', targets: ['DL3020', 'DL3000'], lines: ['# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'WORKDIR C:\\app', 'ADD app.ps1 C:\\app\\', 'RUN powershell -Command `', '    Write-Host hi'] },
  { id: 'shell-powershell', targets: ['DL4006', 'DL3003'], lines: ['FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'SHELL ["powershell", "-Command"]', 'RUN cd C:\\; Get-ChildItem | Select-Object -First 1'] },
  { id: 'pragma-shell-powershell', targets: ['DL4006', 'DL3003'], lines: ['# hadolint shell=powershell', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN cd C:\\; Get-ChildItem | Select-Object -First 1'] },
  { id: 'pragma-global', targets: ['DL3059', 'DL3008'], lines: ['# hadolint global ignore=DL3059,DL3008', 'FROM debian:12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*', 'RUN mkdir /x', 'RUN mkdir /y'] },
  { id: 'pragma-global-late', targets: ['DL3059'], lines: ['FROM debian:12-slim', 'RUN mkdir /x', 'RUN mkdir /y', '# hadolint global ignore=DL3059'] },
  { id: 'pragma-stage', targets: ['DL3003', 'DL3007'], lines: ['FROM ubuntu:22.04 AS one', 'RUN cd /tmp && ls', '# hadolint stage ignore=DL3003,DL3007', 'FROM ubuntu:latest AS two', 'RUN cd /tmp && ls', 'FROM ubuntu:22.04', 'RUN cd /tmp && ls'] },
  { id: 'pragma-ignore-on-from', targets: ['DL3007', 'DL3006'], lines: ['# hadolint ignore=DL3007', 'FROM ubuntu:latest', '# hadolint ignore=DL3006', 'FROM debian AS two'] },
  { id: 'pragma-multiline-run', targets: ['DL3008', 'DL3015'], lines: ['FROM debian:12-slim', '# hadolint ignore=DL3008', 'RUN apt-get update \\', '    && apt-get install -y \\', '       curl \\', '    && rm -rf /var/lib/apt/lists/*'] },
  // hadolint 2.15.1 cannot parse these three (DL1000): they stay to show that the report lists such files.
  { id: 'expose-default-value', targets: [], lines: ['FROM python:3.11-slim', 'EXPOSE ${PORT:-8000}'] },
  { id: 'heredoc-then-instruction', targets: [], lines: ['FROM alpine:3.20', 'RUN <<EOF', 'apk add --no-cache curl', 'EOF', 'USER 10001'] },
  { id: 'heredoc-dash', targets: [], lines: ['FROM alpine:3.20', 'RUN <<-EOF', '\tapk add --no-cache curl', '\tEOF', '', 'USER 10001'] },
  { id: 'lowercase-keywords', targets: ['DL3006', 'DL3025', 'DL3020'], lines: ['from ubuntu', 'add app.py /app/', 'run apt-get install curl', 'cmd python3 /app/app.py'] },
  { id: 'continuation-comments', targets: ['DL3008', 'DL3015', 'DL3014'], lines: ['FROM debian:12-slim', 'RUN apt-get update \\', '# a comment inside the continuation', '    && apt-get install \\', '        curl \\', '', '        jq \\', '    && rm -rf /var/lib/apt/lists/*'] },
  { id: 'crlf', targets: ['DL3007', 'DL3013'], lines: ['FROM python:latest\r', 'RUN pip install flask\r', 'CMD python app.py\r'] },
  { id: 'empty-file', targets: [], lines: [''] },
  { id: 'comments-only', targets: [], lines: ['# Nothing to build yet.', '# hadolint ignore=DL3006'] },
];

/** One line of the final stage: a user and a start command, in the forms people write them. */
const TAILS: readonly string[][] = [
  ['USER 10001', 'CMD ["python3", "-m", "app.server"]'],
  ['USER appuser', 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]'],
  ['CMD gunicorn --bind 0.0.0.0:8000 wsgi:app'],
  ['USER root', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/srv/run.sh"]'],
  ['USER 10001:10001', 'HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health || exit 1', 'CMD ["python3", "serve.py"]'],
  [],
];

/** The corpus: the benchmark's files, then the written cases, then the seeded mixes. */
export function generateDiffCorpus(): DiffCorpusFile[] {
  const files: DiffCorpusFile[] = generateCorpus(BENCH_CORPUS_SIZE, BENCH_CORPUS_SEED).map((file) => ({
    name: `bench-${file.name}`,
    text: separateHeredocs(file.text),
    origin: 'bench',
    targets: [],
  }));
  const rng = new SeededRandom(DIFF_CORPUS_SEED);
  let caseIndex = 0;
  const addCase = (id: string, targets: string[], lines: string[]): void => {
    const rule = targets.length > 0 ? `${targets[0].toLowerCase()}-` : '';
    const name = `case-${String(caseIndex++).padStart(3, '0')}-${rule}${id}.Dockerfile`;
    files.push({ name, text: lines.join('\n') + '\n', origin: 'case', targets });
  };
  for (const s of SNIPPETS) {
    // The first snippet line decides whether the snippet brings its own FROM (the --platform cases).
    const from = s.lines[0].startsWith('FROM ') ? [] : [`FROM ${rng.pick(basesFor(s.family))}`];
    addCase(s.id, s.targets, [...from, ...s.lines]);
  }
  for (const c of CASES) addCase(c.id, c.targets, c.lines);
  for (let index = 0; index < MIX_COUNT; index++) files.push(mix(rng, index));
  return files;
}

function basesFor(family: Family): readonly string[] {
  return family === 'any' ? Object.values(BASES).flat() : BASES[family];
}

/**
 * A file of 2 to 6 snippets that suit one base image, sometimes split over a builder and a final stage, sometimes
 * under a SHELL with pipefail, sometimes with a hadolint ignore pragma over one snippet, ending in one of the usual
 * tails.
 */
function mix(rng: SeededRandom, index: number): DiffCorpusFile {
  const family = rng.pick(Object.keys(BASES) as Array<Exclude<Family, 'any'>>);
  const base = rng.pick(BASES[family]);
  // Only snippets that start with an instruction other than FROM are mixed (see Snippet.lines).
  const pool = SNIPPETS.filter((s) => (s.family === family || s.family === 'any') && /^[A-Z]/.test(s.lines[0]) && !s.lines[0].startsWith('FROM '));
  const chosen = rng.sample(pool, rng.int(2, 6));
  const lines: string[] = [];
  const targets = new Set<string>();
  const emit = (s: Snippet): void => {
    if (rng.chance(0.15)) lines.push(`# hadolint ignore=${rng.pick(s.targets)}`);
    lines.push(...s.lines);
    s.targets.forEach((t) => targets.add(t));
  };
  const multiStage = chosen.length >= 3 && rng.chance(0.35);
  if (multiStage) {
    lines.push(`FROM ${base} AS build`);
    chosen.splice(0, rng.int(1, chosen.length - 2)).forEach(emit);
    lines.push(`FROM ${base}`, 'COPY --from=build /usr/local /usr/local');
  } else {
    lines.push(`FROM ${base}`);
  }
  if (rng.chance(0.25)) lines.push(family === 'apk' ? 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]' : 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]');
  if (rng.chance(0.6)) lines.push(rng.pick(['WORKDIR /app', 'WORKDIR /srv/model', 'WORKDIR app']));
  chosen.forEach(emit);
  lines.push(...rng.pick(TAILS));
  const name = `mix-${String(index).padStart(3, '0')}-${family}-${multiStage ? 'multi' : 'single'}.Dockerfile`;
  return { name, text: lines.join('\n') + '\n', origin: 'mix', targets: [...targets].sort() };
}

/**
 * Inserts an empty line after a heredoc's terminator when an instruction follows it at once. hadolint up to 2.15.1
 * cannot parse that layout (it reports DL1000 and nothing else for the whole file; hadolint/hadolint#960), although
 * BuildKit accepts it, so without the empty line every benchmark file with a heredoc would drop out of the
 * comparison. One written case keeps the unparseable layout on purpose.
 */
export function separateHeredocs(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  const pending: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    out.push(line);
    if (pending.length === 0) {
      if (!line.trimStart().startsWith('#')) {
        for (const match of line.matchAll(/<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)) pending.push(match[2]);
      }
      continue;
    }
    if (line.trim() !== pending[0]) continue;
    pending.shift();
    if (pending.length === 0 && i + 1 < lines.length && lines[i + 1].trim() !== '') out.push('');
  }
  return out.join('\n');
}

/** Writes the corpus to `dir` (emptied first) with a manifest, so that hadolint and people can read the files. */
export function writeDiffCorpus(corpus: DiffCorpusFile[], dir: string = DIFF_CORPUS_DIR): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of corpus) writeFileSync(join(dir, file.name), file.text);
  const manifest = corpus.map(({ name, origin, targets }) => ({ name, origin, targets }));
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ seed: DIFF_CORPUS_SEED, files: manifest }, null, 2) + '\n');
  return dir;
}

// Run on its own, the module writes the corpus, for running hadolint or the CLI over it by hand.
if (require.main === module) {
  const corpus = generateDiffCorpus();
  console.log(`${corpus.length} files written to ${writeDiffCorpus(corpus)}`);
}
