"""SDXL side-by-side driver: Easel (`easel-bench --serve`) against PyTorch (`torch_worker.py
--family sdxl`) on the SDXL-shaped checkpoint of make_sdxl_checkpoint.py, in one run.

SDXL's networks are too big for compare.py's way (four workers of a network alive at once: an
fp32 SDXL UNet alone holds 10 GB), so here **one worker is alive at a time**: per network and
precision, Easel's worker loads, warms up, runs `--runs` times and quits, then PyTorch's does the
same. Before each worker starts, MemAvailable must cover that worker's expected peak plus a
margin (it waits, then gives up on that worker). Because the two sides do not run at the same
moment, each run's CPU seconds (user + system of the worker, all threads, from /proc) are
reported beside its wall time, with the 1-minute load average: on a shared machine the CPU
seconds are the fairer ratio.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

import numpy as np

from compare import Worker, loadavg, relative_error

HERE = os.path.dirname(os.path.abspath(__file__))
GROUPS = [("text", ["clip2"]), ("vae", ["vae1024"]), ("unet", ["unet96", "unet128"])]
LABELS = {
    "clip2": "CLIP-L + bigG text encoders, batch 2 × 77",
    "unet128": "UNet, batch 2, 128×128 latent (1024 px)",
    "unet96": "UNet, batch 2, 96×96 latent (768 px)",
    "vae1024": "VAE decode, 1024 px",
}
# Expected peak of one worker (GiB), for the free-memory check: weights as each side holds them
# (Easel: fp32 or bf16 panels; PyTorch: fp32 weights, also under autocast) plus activations.
NEED_GIB = {("text", "easel", "fp32"): 3.5, ("text", "easel", "bf16"): 2.5, ("text", "torch", "fp32"): 4.5,
            ("text", "torch", "bf16"): 4.5, ("vae", "easel", "fp32"): 4.0, ("vae", "torch", "fp32"): 5.0,
            ("unet", "easel", "fp32"): 11.5, ("unet", "easel", "bf16"): 6.5, ("unet", "torch", "fp32"): 12.5,
            ("unet", "torch", "bf16"): 13.0}
# Which precisions each network is compared in (the table; the VAE always decodes in fp32).
PRECISIONS = {"text": ["bf16", "fp32"], "vae": ["fp32"], "unet": ["bf16", "fp32"]}


def mem_available_gib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 2**20
    return 0.0


def wait_for_memory(need, margin, patience):
    """True once MemAvailable ≥ need + margin, waiting up to `patience` seconds."""
    deadline = time.time() + patience
    while True:
        free = mem_available_gib()
        if free >= need + margin:
            return True
        if time.time() > deadline:
            print(f"    not started: {free:.1f} GiB available, {need + margin:.1f} GiB wanted", flush=True)
            return False
        time.sleep(15)


def cpu_has_bf16():
    """AVX512_BF16, which Easel's fast (bf16) kernels need; without it Easel's fast mode runs fp32."""
    with open("/proc/cpuinfo") as f:
        return "avx512_bf16" in f.read()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--easel-bench", required=True)
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--python", default=sys.executable)
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--no-warmup", action="store_true",
                   help="no warm-up call (for rows whose one call takes minutes on a loaded machine)")
    p.add_argument("--warm-first-only", action="store_true",
                   help="warm up only a worker's first row (the UNet rows at 96² then 128²: the weights are "
                        "packed and the libraries' code paths warm after one call; saves a minutes-long call)")
    p.add_argument("--only", default="clip2,vae1024,unet96,unet128")
    p.add_argument("--precisions", default="bf16,fp32")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--margin-gib", type=float, default=2.0, help="free memory kept beside a worker's expected peak")
    p.add_argument("--patience", type=float, default=600, help="seconds to wait for memory before skipping a worker")
    args = p.parse_args()
    torch_env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE")   # as compare.py (see BENCHMARKS.md §1)
    rows_wanted = args.only.split(",")
    precisions_wanted = args.precisions.split(",")
    results = {}   # (row, side, precision) → dict(wall, cpu, loads, rss, output)
    # On a CPU without AVX512_BF16, Easel's fast mode is its fp32 path (`Precision.resolve`), so
    # its fast-mode rows are the fp32 worker's numbers (measured once, in the fp32 pass).
    easel_fast_is_fp32 = not cpu_has_bf16()
    order = {"bf16": 1, "fp32": 0} if easel_fast_is_fp32 else {"bf16": 0, "fp32": 1}
    warm = ("no warm-up" if args.no_warmup else
            "1 warm-up of each worker's first row" if args.warm_first_only else "1 warm-up each")
    print(f"SDXL side-by-side: one worker at a time, {args.runs} runs after {warm}; load average at start "
          f"{loadavg()}; MemAvailable {mem_available_gib():.1f} GiB; PyTorch OMP_WAIT_POLICY=PASSIVE; "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        for component, rows in GROUPS:
            rows = [r for r in rows if r in rows_wanted]
            wanted = [q for q in PRECISIONS[component] if q in precisions_wanted]
            if easel_fast_is_fp32 and "bf16" in wanted and "fp32" not in wanted and component != "vae":
                wanted.append("fp32")   # the Easel worker of the fast rows
            for precision in sorted(wanted, key=order.get):
                for side in ["easel", "torch"]:
                    if not rows:
                        continue
                    if side == "easel" and precision == "bf16" and easel_fast_is_fp32:
                        for row in rows:
                            if (row, "easel", "fp32") in results:
                                results[(row, "easel", "bf16")] = results[(row, "easel", "fp32")]
                        print(f"  {component} easel-bf16: no AVX512_BF16 on this CPU, so Easel's fast mode is fp32: "
                              "its fast-mode numbers are easel-fp32's", flush=True)
                        continue
                    name = f"{side}-{precision}"
                    if not wait_for_memory(NEED_GIB[(component, side, precision)], args.margin_gib, args.patience):
                        continue
                    if side == "easel":
                        command = [args.easel_bench, "--serve", "--checkpoint", args.checkpoint, "--inputs", args.inputs,
                                   "--component", component, "--precision", precision]
                        env = None
                    else:
                        command = [args.python, os.path.join(HERE, "torch_worker.py"), "--family", "sdxl",
                                   "--checkpoint", args.checkpoint, "--inputs", args.inputs, "--component", component,
                                   "--precision", precision, "--threads", str(args.threads)]
                        env = torch_env
                    start = time.perf_counter()
                    w = Worker(name, command, env=env)
                    print(f"  {component} {name}: {w.banner} (started in {time.perf_counter() - start:.1f} s)", flush=True)
                    for index, row in enumerate(rows):
                        if not args.no_warmup and (index == 0 or not args.warm_first_only):
                            w.run(row)   # warm-up
                        wall, cpu, loads = [], [], []
                        for _ in range(args.runs):
                            wall.append(w.run(row))
                            cpu.append(w.last_cpu)
                            loads.append(loadavg().split()[0])
                        path = os.path.join(scratch, f"{name}-{row}.f32")
                        w.ask(f"dump {row} {path}")
                        results[(row, side, precision)] = dict(wall=wall, cpu=cpu, loads=loads,
                                                               output=np.fromfile(path, dtype="<f4"))
                        print(f"    {row} {name}: wall " + " ".join(f"{t:.2f}" for t in wall) + " s, CPU "
                              + " ".join(f"{t:.2f}" for t in cpu) + f" s (1-min load {' '.join(loads)})", flush=True)
                    rss = w.rss()
                    for row in rows:
                        results[(row, side, precision)]["rss"] = rss
                    w.close()
                    print(f"    {name} peak RSS {rss / 2**30:.2f} GiB", flush=True)

    def med(row, side, precision, kind):
        r = results.get((row, side, precision))
        return statistics.median(r[kind]) if r else None

    print()
    print("| work | mode | Easel wall | PyTorch wall | wall ratio | Easel CPU | PyTorch CPU | CPU ratio | load (Easel / PyTorch) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows_wanted:
        for precision in ["bf16", "fp32"]:
            e, t = results.get((row, "easel", precision)), results.get((row, "torch", precision))
            if not (e or t):
                continue
            mode = ("fast (bf16) vs PyTorch bf16 autocast" if precision == "bf16" else "precise (fp32) vs PyTorch fp32")
            if precision == "bf16" and easel_fast_is_fp32:
                mode = "fast (= fp32 on this CPU) vs PyTorch bf16 autocast"

            def cell(kind, r):
                return f"{statistics.median(r[kind]):.2f} s" if r else "—"

            def ratio(kind):
                return f"**{statistics.median(e[kind]) / statistics.median(t[kind]):.2f}×**" if e and t else "—"
            loads = " / ".join(",".join(r["loads"]) if r else "—" for r in (e, t))
            print(f"| {LABELS[row]} | {mode} | {cell('wall', e)} | {cell('wall', t)} | {ratio('wall')} | "
                  f"{cell('cpu', e)} | {cell('cpu', t)} | {ratio('cpu')} | {loads} |")
    print()
    print("peak RSS of each worker (that network's weights, its activations, the process):")
    for (row, side, precision), r in results.items():
        if side == "easel" and precision == "bf16" and easel_fast_is_fp32:
            continue
        print(f"  {row} {side}-{precision}: {r['rss'] / 2**30:.2f} GiB")
    print("max relative error against PyTorch fp32 (max |a − b| / max |b|):")
    for row in rows_wanted:
        ref = results.get((row, "torch", "fp32"))
        if not ref:
            continue
        errs = [f"{s}-{q} {relative_error(r['output'], ref['output']):.2e}" for (rw, s, q), r in results.items()
                if rw == row and (s, q) != ("torch", "fp32") and not (s == "easel" and q == "bf16" and easel_fast_is_fp32)]
        print(f"  {row}: " + ", ".join(errs))
    print(f"load average at end {loadavg()}")


if __name__ == "__main__":
    main()
