# syntax=docker/dockerfile:1
# The operator image: one Native AOT executable on Ubuntu Chiseled runtime-deps (no shell, no package manager, no
# .NET runtime), running as UID 65532. docs/image.md has the measurements behind this choice.
#   make docker-build                                   # kong-identity-operator:dev
#   docker buildx build --platform linux/arm64 -t ... . # arm64: the build stage runs as arm64 too (emulated)

# Base images are pinned by digest, so a rebuild uses the bytes that were reviewed, not whatever the tag points to
# today. To move to a newer patch release, replace both digests with those of the current tags:
#   docker buildx imagetools inspect mcr.microsoft.com/dotnet/sdk:10.0-noble
#   docker buildx imagetools inspect mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
# (a test checks that every FROM carries a digest).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble@sha256:e70cdb7f80b0348f5cb85f19a8f670fca061f033d57eed12fa003d58b0e06317
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled@sha256:b857c8cb8d929183cfe4c6dd9994abba92a2639dd2dbaf06005379f815991604

# Native AOT compiles for the machine it runs on, so the build stage runs on the target platform (no
# --platform=$BUILDPLATFORM): cross-compiling would need the target's clang sysroot.
FROM ${SDK_IMAGE} AS build
# The release version (from the tag in .github/workflows/release.yml): the assembly version `--version` prints.
ARG VERSION=0.0.0-dev
WORKDIR /src

# The native toolchain ILCompiler links with.
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*

# PublishAot selects KubernetesClient.Aot (src/KubernetesClientPackage.props) and the packages.aot.lock.json lock
# files (both architectures), which the restore must match exactly; restore and publish must see it alike.
ENV PUBLISH_PROPERTIES="-p:PublishAot=true -p:TrimmerSingleWarn=false"

# Restore first, from the project files only, so that source edits reuse the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/KubernetesClientPackage.props src/
COPY src/KongIdentityOperator/KongIdentityOperator.csproj src/KongIdentityOperator/packages.aot.lock.json src/KongIdentityOperator/
COPY src/KongIdentityOperator.Konnect/KongIdentityOperator.Konnect.csproj src/KongIdentityOperator.Konnect/packages.aot.lock.json src/KongIdentityOperator.Konnect/
COPY src/KongIdentityOperator.Runtime/KongIdentityOperator.Runtime.csproj src/KongIdentityOperator.Runtime/packages.aot.lock.json src/KongIdentityOperator.Runtime/
# No -r here: the restore covers both architectures, as the lock files do (a single -r would not match them).
RUN case "$(uname -m)" in x86_64) echo linux-x64 ;; aarch64) echo linux-arm64 ;; *) echo "unsupported arch $(uname -m)" >&2; exit 1 ;; esac > /tmp/rid \
 && dotnet restore src/KongIdentityOperator $PUBLISH_PROPERTIES -p:RestoreLockedMode=true

COPY src/KongIdentityOperator/ src/KongIdentityOperator/
COPY src/KongIdentityOperator.Konnect/ src/KongIdentityOperator.Konnect/
COPY src/KongIdentityOperator.Runtime/ src/KongIdentityOperator.Runtime/

# Every warning is an error, the trim and AOT analysis warnings included: the build has none.
RUN dotnet publish src/KongIdentityOperator --no-restore -c Release -r "$(cat /tmp/rid)" $PUBLISH_PROPERTIES \
      -p:Version=$VERSION -p:DebugType=none -p:PublishDocumentationFiles=false \
      -o /app

FROM ${RUNTIME_IMAGE}
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.title="kong-identity-operator" \
      org.opencontainers.image.description="Kubernetes operator for Kong Identity (Konnect auth servers, scopes, claims, clients, upstream-oauth)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}"
WORKDIR /app
# Owned by root and read-only for the runtime user: the process cannot modify its own binaries.
COPY --from=build /app ./
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/app/KongIdentityOperator"]
