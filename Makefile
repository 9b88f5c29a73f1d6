# Easel: `make run` builds and opens the workbench; `make test` runs every test.
# Both install system packages and CLIP's vocabulary first when they are missing.
SWIFT ?= swift
export PATH := /opt/swift/usr/bin:$(PATH)
# Release builds target this machine's CPU, so the engine's SIMD kernels use AVX2/AVX-512.
NATIVE ?= -Xswiftc -target-cpu -Xswiftc native

.PHONY: run test setup build bench fuzz fuzz-short clean
# `make fuzz`: every fuzz target for FUZZ_SECONDS each (release build, FUZZING.md).
FUZZ_SECONDS ?= 60
FUZZ_SEED ?= 1

run: setup build
	.build/release/easel $(ARGS)

test: setup
	$(SWIFT) test
	bash tests/tui/run.sh .build/debug/easel
	$(MAKE) fuzz-short

# A short, fixed fuzz pass of every target (debug build, a few seconds per target), so CI always runs
# them; a debug build is slower, hence the looser per-input time limit.
fuzz-short:
	$(SWIFT) build --product easel-fuzz
	.build/debug/easel-fuzz --all --runs 1000 --seed 1 --time-limit 10

fuzz:
	$(SWIFT) build -c release --product easel-fuzz $(NATIVE)
	.build/release/easel-fuzz --all --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)

setup:
	@bash tools/setup.sh

build:
	$(SWIFT) build -c release --product easel $(NATIVE)

bench: setup
	$(SWIFT) build -c release --product easel-bench $(NATIVE)
	.build/release/easel-bench $(ARGS)

clean:
	rm -rf .build
