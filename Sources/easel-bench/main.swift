// easel-bench: engine benchmarks at SD 1.5 size (filled in by the engine-core work).
print("easel-bench: no benchmarks yet")
