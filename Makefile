# Kong Identity Operator — developer entry points. `make help` lists them.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Debug
SLN := KongIdentityOperator.sln
RESULTS := artifacts/test-results

.PHONY: help build test prereqs format format-check manifests demo run bench publish-aot test-aot e2e-binary

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

build: ## Build the whole solution (warnings are errors)
	$(DOTNET) build $(SLN) -c $(CONFIG) -nologo

prereqs: ## Check what the tests need (dotnet, lua5.1, kubectl); says in one line what is missing
	@scripts/check-prereqs.sh

test: prereqs ## Run every test, write TRX files and print "N passed, N failed, N skipped"
	rm -rf $(RESULTS)
	$(DOTNET) test --solution $(SLN) -c $(CONFIG) --results-directory $(abspath $(RESULTS)) --report-xunit-trx --no-progress; \
	  status=$$?; scripts/test-summary.sh $(RESULTS) && exit $$status

format: ## Apply dotnet format to the solution
	$(DOTNET) format $(SLN)

format-check: ## Fail when dotnet format would change something
	$(DOTNET) format $(SLN) --verify-no-changes

manifests: ## Generate config/crds from the C# entity types
	$(DOTNET) run --project tools/KongIdentityOperator.Manifests -c $(CONFIG) -- config/crds

# The operator that demo, bench, the chaos suite and e2e-binary run: OPERATOR_BINARY=artifacts/aot/KongIdentityOperator
# (after `make publish-aot`) runs the Native AOT executable instead of the framework-dependent build.
OPERATOR_BINARY ?=
RID ?= $(if $(filter aarch64 arm64,$(shell uname -m)),linux-arm64,linux-x64)
AOT_OUTPUT := artifacts/aot

demo: ## The tutorial end to end against the sandbox: samples applied with kubectl, a token fetched (KEEP=1 keeps it running; OPERATOR_BINARY=... another build)
	$(if $(OPERATOR_BINARY),,$(DOTNET) build src/KongIdentityOperator -c $(CONFIG) -nologo -v quiet)
	$(DOTNET) run --project tools/KongIdentityOperator.Demo -c $(CONFIG) -- $(or $(OPERATOR_BINARY),src/KongIdentityOperator/bin/$(CONFIG)/net10.0/KongIdentityOperator.dll) $(if $(KEEP),--keep-running)

e2e-binary: ## The end-to-end scenarios on the sandbox (and the live suite on the sandbox) with OPERATOR_BINARY=... as a child process; logs in artifacts/e2e-binary
	@test -n "$(OPERATOR_BINARY)" || { echo "e2e-binary: set OPERATOR_BINARY to the operator executable, e.g. OPERATOR_BINARY=artifacts/aot/KongIdentityOperator after make publish-aot" >&2; exit 2; }
	@test -f "$(OPERATOR_BINARY)" || { echo "e2e-binary: OPERATOR_BINARY names no file: $(OPERATOR_BINARY)" >&2; exit 2; }
	rm -rf artifacts/e2e-binary
	OPERATOR_BINARY=$(abspath $(OPERATOR_BINARY)) E2E_ARTIFACTS=$(abspath artifacts/e2e-binary) $(DOTNET) test --project tests/KongIdentityOperator.Tests -c $(CONFIG) --no-progress \
	  $(if $(E2E_RESULTS),--results-directory $(abspath $(E2E_RESULTS)) --report-xunit-trx) \
	  -- --filter-class "*.SandboxScenarios" --filter-class "*.LiveSuiteOnSandboxTests"

AOT_BINARY := $(abspath $(AOT_OUTPUT)/KongIdentityOperator)

test-aot: ## Build the Native AOT executable and run the demo, the chaos suite's fast profile and the end-to-end scenarios against it (TRX in artifacts/test-results/aot)
	$(MAKE) publish-aot
	$(MAKE) demo OPERATOR_BINARY=$(AOT_BINARY)
	rm -rf $(RESULTS)/aot
	CHAOS_PROFILE=fast OPERATOR_BINARY=$(AOT_BINARY) $(DOTNET) test --project tests/KongIdentityOperator.Chaos -c $(CONFIG) \
	  --results-directory $(abspath $(RESULTS)/aot/chaos) --report-xunit-trx --no-progress; \
	  chaos=$$?; \
	$(MAKE) e2e-binary OPERATOR_BINARY=$(AOT_BINARY) E2E_RESULTS=$(RESULTS)/aot/e2e; \
	  e2e=$$?; scripts/test-summary.sh $(RESULTS)/aot && [ $$chaos -eq 0 ] && [ $$e2e -eq 0 ]

publish-aot: ## Publish the operator as a Native AOT executable to artifacts/aot (needs clang and zlib1g-dev; trim/AOT warnings fail it)
	$(DOTNET) restore src/KongIdentityOperator -p:PublishAot=true -p:TrimmerSingleWarn=false
	$(DOTNET) publish src/KongIdentityOperator --no-restore -c Release -r $(RID) -p:PublishAot=true -p:TrimmerSingleWarn=false \
	  -p:DebugType=none -p:PublishDocumentationFiles=false -nologo -o $(AOT_OUTPUT)

run: ## Run the operator with the current kubeconfig (flags: ARGS="--namespaces a,b ...")
	$(DOTNET) run --project src/KongIdentityOperator -c $(CONFIG) -- $(ARGS)

.PHONY: docker-build
IMAGE ?= kong-identity-operator:dev
docker-build: ## Build the operator image (needs a Docker engine; see docs/image.md)
	docker build --build-arg VERSION=$(VERSION) -t $(IMAGE) .

# Releases (docs/install.md, .github/workflows/release.yml). OWNER is a placeholder until the repository has one; the
# release workflow passes the real (lowercased) GitHub owner.
OWNER ?= example-org
IMAGE_REPO ?= ghcr.io/$(OWNER)/kong-identity-operator
VERSION ?= $(shell sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
DIGEST ?=
RELEASE_DIR := artifacts/release

.PHONY: version set-version install-yaml lint-workflows e2e-live
version: ## Print the version config/default and the assembly carry
	@echo $(VERSION)

set-version: ## Set the release version everywhere it lives: make set-version VERSION=0.1.0 [IMAGE_REPO=...] [DIGEST=sha256:...]
	scripts/set-version "$(VERSION)" "$(IMAGE_REPO)" "$(DIGEST)"

install-yaml: ## Render config/default into $(RELEASE_DIR)/install.yaml (what a release attaches)
	@mkdir -p $(RELEASE_DIR)
	{ echo "# Kong Identity Operator $(VERSION): kubectl apply -f install.yaml (docs/install.md)"; kubectl kustomize config/default; } > $(RELEASE_DIR)/install.yaml
	@grep -m1 'image:' $(RELEASE_DIR)/install.yaml

lint-workflows: ## Validate .github/workflows with action-validator (installed by .ci/run into .tools/)
	@validator=$$(command -v action-validator || echo .tools/npm/node_modules/.bin/action-validator); \
	  for f in .github/workflows/*.yml; do $$validator $$f || exit 1; echo "$$f: valid"; done

e2e-live: ## End-to-end scenarios against a real Konnect org and cluster (KONNECT_TOKEN, KONNECT_REGION|KONNECT_SERVER_URL, KUBECONFIG; ARGS=--cleanup-only)
	CONFIG=$(CONFIG) scripts/e2e-live $(ARGS)

bench: ## Performance scenarios against the sandbox (~12 min): prints a table, writes artifacts/bench/results.json (ARGS="--scenarios convergence,latency")
	$(DOTNET) build bench/KongIdentityOperator.Bench -c Release -nologo -v quiet
	$(DOTNET) bench/KongIdentityOperator.Bench/bin/Release/net10.0/KongIdentityOperator.Bench.dll --operator $(or $(OPERATOR_BINARY),src/KongIdentityOperator/bin/Release/net10.0/KongIdentityOperator.dll) --output artifacts/bench/results.json $(ARGS)

.PHONY: chaos
chaos: ## The full fault suite (5 AuthServers, 200 Clients, 20 SIGKILLs, leader kill, bad input): prints a summary, writes artifacts/chaos/ (CHAOS_SEED=n replays a run)
	rm -rf artifacts/chaos
	CHAOS_PROFILE=full CHAOS_ARTIFACTS=$(abspath artifacts/chaos) $(if $(OPERATOR_BINARY),OPERATOR_BINARY=$(abspath $(OPERATOR_BINARY))) $(DOTNET) test --project tests/KongIdentityOperator.Chaos -c $(CONFIG) --no-progress; \
	  status=$$?; cat artifacts/chaos/summary.txt 2>/dev/null; exit $$status
