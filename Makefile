# Easel: `make run` builds and opens the workbench; `make test` runs every test.
# Both install system packages and CLIP's vocabulary first when they are missing.
SWIFT ?= swift
export PATH := /opt/swift/usr/bin:$(PATH)
# Release builds target this machine's CPU, so the engine's SIMD kernels use AVX2/AVX-512.
NATIVE ?= -Xswiftc -target-cpu -Xswiftc native

.PHONY: run test setup build bench clean

run: setup build
	.build/release/easel $(ARGS)

test: setup
	$(SWIFT) test
	bash tests/tui/run.sh .build/debug/easel
	bash tests/remote/workbench.sh .build/debug/easel

setup:
	@bash tools/setup.sh

build:
	$(SWIFT) build -c release --product easel $(NATIVE)

bench: setup
	$(SWIFT) build -c release --product easel-bench $(NATIVE)
	.build/release/easel-bench $(ARGS)

clean:
	rm -rf .build
