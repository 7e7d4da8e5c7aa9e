#!/usr/bin/env bash
# Checks what `make test` needs besides the sources and prints, in one line, what is missing and how to install it.
# Exits non-zero when something is missing, so the test run stops before a suite fails for a reason unrelated to it.
set -uo pipefail
missing=()
command -v dotnet >/dev/null || missing+=("dotnet (the .NET 10 SDK: see global.json)")
# The Argo CD health check is tested under Lua 5.1, the dialect of Argo CD's gopher-lua.
command -v lua5.1 >/dev/null || missing+=("lua5.1 (apt-get install lua5.1)")
# The deploy and GitOps tests apply manifests with kubectl against the in-memory API server.
command -v kubectl >/dev/null || missing+=("kubectl (any recent release, on the PATH)")
if [ ${#missing[@]} -gt 0 ]; then
  line=$(printf '%s; ' "${missing[@]}")
  echo "make test: missing prerequisites: ${line%; }" >&2
  exit 1
fi
