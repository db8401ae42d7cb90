# SPDX-License-Identifier: BSD-2-Clause
# The user's entry point. `make run` and `make test` are all a new Debian 12 machine needs.
# Each target installs what is missing first (scripts/install-deps), then configures and builds.

JOBS ?= 2
CMAKE ?= cmake
CTEST ?= ctest

.PHONY: all deps build run test test-asan coverage bench clean help

all: build

help:
	@echo "make run        install what is missing, build, run the regression suite, print the report"
	@echo "make test       install what is missing, build, run every test with CTest"
	@echo "make test-asan  the same tests built with ASan + UBSan (build-asan/)"
	@echo "make coverage   lcov/genhtml report of models, stubs, drivers per kernel, RTL; checks the floors"
	@echo "make bench      build and run the benchmarks"
	@echo "make build      install what is missing and build (CLI at build/pamusim);"
	@echo "                KERNEL_TREE=/path [KERNEL_NAME=name] adds a kernel variant built from that tree"

deps:
	@./scripts/install-deps --quiet

# KERNEL_TREE=/path [KERNEL_NAME=name]: build one more kernel variant from that tree (cmake/Kernels.cmake).
KERNEL_ARGS = $(if $(KERNEL_TREE),-DPAMUSIM_KERNEL_TREE=$(abspath $(KERNEL_TREE))) \
	      $(if $(KERNEL_NAME),-DPAMUSIM_KERNEL_NAME=$(KERNEL_NAME))

build: deps
	$(CMAKE) --preset default $(KERNEL_ARGS) >/dev/null
	$(CMAKE) --build --preset default -j $(JOBS)

# The default regression suite (scenarios/regression/), each scenario on the SoCs and kernels it names;
# prints the report (docs/cli.md) and exits with pamusim run's status.
run: build
	./build/pamusim run -j $(JOBS) scenarios/regression

test: build
	$(CTEST) --preset default

test-asan: deps
	$(CMAKE) --preset asan >/dev/null
	$(CMAKE) --build --preset asan -j $(JOBS)
	$(CTEST) --preset asan

# build-coverage/coverage/html: every test run on the gcov build; exits 1 below a floor (docs/coverage.md).
coverage: deps
	./coverage/run-coverage

bench: build
	$(CMAKE) --build --preset default -j $(JOBS) --target benchmarks
	@for b in build/bench/*_bench; do echo "== $$b"; "$$b" || exit 1; done

clean:
	rm -rf build build-asan build-coverage build-fuzz
