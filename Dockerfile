# syntax=docker/dockerfile:1
# The operator image: a self-contained, partially trimmed build on Ubuntu Chiseled runtime-deps (no shell, no
# package manager), running as UID 65532. docs/image.md has the measurements behind these choices.
#   make docker-build                                   # kong-identity-operator:dev
#   docker build --build-arg READY_TO_RUN=true -t ... . # precompiled: starts about twice as fast, image ~40 MB larger

# Base images are pinned by digest, so a rebuild uses the bytes that were reviewed, not whatever the tag points to
# today. To move to a newer patch release, replace both digests with those of the current tags:
#   docker buildx imagetools inspect mcr.microsoft.com/dotnet/sdk:10.0-noble
#   docker buildx imagetools inspect mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
# (a test checks that every FROM carries a digest).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble@sha256:e70cdb7f80b0348f5cb85f19a8f670fca061f033d57eed12fa003d58b0e06317
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled@sha256:b857c8cb8d929183cfe4c6dd9994abba92a2639dd2dbaf06005379f815991604

FROM --platform=$BUILDPLATFORM ${SDK_IMAGE} AS build
ARG TARGETARCH
ARG READY_TO_RUN=false
# The release version (from the tag in .github/workflows/release.yml): the assembly version `--version` prints.
ARG VERSION=0.0.0-dev
WORKDIR /src

# TrimMode=partial trims only the assemblies that declare themselves trim-safe (the framework and most
# Microsoft.Extensions packages) and keeps KubernetesClient, YamlDotNet and the operator whole: they rely on
# reflection (kubeconfig YAML, JSON of the Kubernetes models and of the custom resources), which a full trim
# breaks. Restore and publish must see the same properties (the trimmer and runtime packs are restored).
ENV PUBLISH_PROPERTIES="-p:SelfContained=true -p:PublishTrimmed=true -p:TrimMode=partial"

# Restore first, from the project files only, so that source edits reuse the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/KubernetesClientPackage.props src/
COPY src/KongIdentityOperator/KongIdentityOperator.csproj src/KongIdentityOperator/
COPY src/KongIdentityOperator.Konnect/KongIdentityOperator.Konnect.csproj src/KongIdentityOperator.Konnect/
COPY src/KongIdentityOperator.Runtime/KongIdentityOperator.Runtime.csproj src/KongIdentityOperator.Runtime/
RUN case "$TARGETARCH" in amd64|"") echo linux-x64 ;; arm64) echo linux-arm64 ;; *) echo "unsupported arch $TARGETARCH" >&2; exit 1 ;; esac > /tmp/rid \
 && dotnet restore src/KongIdentityOperator -r "$(cat /tmp/rid)" $PUBLISH_PROPERTIES -p:PublishReadyToRun=$READY_TO_RUN

COPY src/KongIdentityOperator/ src/KongIdentityOperator/
COPY src/KongIdentityOperator.Konnect/ src/KongIdentityOperator.Konnect/
COPY src/KongIdentityOperator.Runtime/ src/KongIdentityOperator.Runtime/

# The trim analysis warnings (IL2026, IL2091, IL2104) are reviewed in docs/image.md; every other warning stays an error.
# The Native AOT build (make publish-aot) is not the image's default yet: docs/image.md says why.
RUN dotnet publish src/KongIdentityOperator --no-restore -c Release -r "$(cat /tmp/rid)" $PUBLISH_PROPERTIES \
      -p:PublishReadyToRun=$READY_TO_RUN -p:Version=$VERSION -p:DebugType=none -p:PublishDocumentationFiles=false \
      '-p:WarningsNotAsErrors="NU1603;IL2026;IL2091;IL2104"' \
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
