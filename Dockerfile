# syntax=docker/dockerfile:1
# The operator image: a Native AOT executable on Ubuntu Chiseled runtime-deps (no shell, no package manager), running
# as UID 65532. docs/image.md has the measurements behind this choice and the earlier, partially trimmed build.
#   make docker-build                                        # kong-identity-operator:dev
#   docker buildx build --platform linux/arm64 -t ... .      # arm64: the build stage runs as arm64 too (emulated)

ARG DOTNET_VERSION=10.0

# Native AOT compiles for the machine it runs on, so the build stage runs on the target platform (no
# --platform=$BUILDPLATFORM): cross-compiling would need the target's clang sysroot.
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
WORKDIR /src

# The native toolchain ILCompiler links with.
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*

# PublishAot selects KubernetesClient.Aot (src/KubernetesClientPackage.props); restore and publish must see it alike.
ENV PUBLISH_PROPERTIES="-p:PublishAot=true -p:TrimmerSingleWarn=false"

# Restore first, from the project files only, so that source edits reuse the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/KubernetesClientPackage.props src/
COPY src/KongIdentityOperator/KongIdentityOperator.csproj src/KongIdentityOperator/
COPY src/KongIdentityOperator.Konnect/KongIdentityOperator.Konnect.csproj src/KongIdentityOperator.Konnect/
COPY src/KongIdentityOperator.Runtime/KongIdentityOperator.Runtime.csproj src/KongIdentityOperator.Runtime/
RUN case "$(uname -m)" in x86_64) echo linux-x64 ;; aarch64) echo linux-arm64 ;; *) echo "unsupported arch $(uname -m)" >&2; exit 1 ;; esac > /tmp/rid \
 && dotnet restore src/KongIdentityOperator -r "$(cat /tmp/rid)" $PUBLISH_PROPERTIES

COPY src/KongIdentityOperator/ src/KongIdentityOperator/
COPY src/KongIdentityOperator.Konnect/ src/KongIdentityOperator.Konnect/
COPY src/KongIdentityOperator.Runtime/ src/KongIdentityOperator.Runtime/

# Every warning is an error, the trim and AOT analysis warnings included: the build has none.
RUN dotnet publish src/KongIdentityOperator --no-restore -c Release -r "$(cat /tmp/rid)" $PUBLISH_PROPERTIES \
      -p:DebugType=none -p:PublishDocumentationFiles=false \
      -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION}-noble-chiseled
LABEL org.opencontainers.image.title="kong-identity-operator" \
      org.opencontainers.image.description="Kubernetes operator for Kong Identity (Konnect auth servers, scopes, claims, clients, upstream-oauth)"
WORKDIR /app
# Owned by root and read-only for the runtime user: the process cannot modify its own binaries.
COPY --from=build /app ./
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/app/KongIdentityOperator"]
