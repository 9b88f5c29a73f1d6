"""Side-by-side driver: Easel (`easel-bench --serve`) against PyTorch (`torch_worker.py`) on the
same checkpoint and inputs, timed alternately in one run so that load from other jobs hits both
sides alike.

For each network it starts one worker per side and precision (Easel fp32 and bf16, PyTorch fp32
and bf16 autocast, and with `--baseline-bench` a second Easel build, e.g. from an earlier commit,
so that a change is compared with what came before under the same load), warms each row up once, then repeats `--runs` rounds of
Easel-fp32, PyTorch-fp32, Easel-bf16, PyTorch-bf16 and reports medians, the ratio Easel/PyTorch
per precision, each worker's peak RSS, and the largest relative error of each output against
PyTorch fp32 (max |a − b| / max |b|).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GROUPS = [("text", ["clip"]), ("unet", ["unet64", "unet32"]), ("vae", ["vae"])]
LABELS = {
    "clip": "CLIP-L text encoder, batch 2 × 77",
    "unet64": "UNet, batch 2, 64×64 latent (512 px)",
    "unet32": "UNet, batch 2, 32×32 latent (256 px)",
    "vae": "VAE decode, 512 px",
}


class Worker:
    def __init__(self, name, command, env=None):
        self.name = name
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     env=env, bufsize=1)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("ready"):
            raise SystemExit(f"{name} failed to start: {line!r}")
        self.banner = line

    def ask(self, command):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline().strip()
        if not line or line.startswith("error"):
            raise SystemExit(f"{self.name}: {command!r} failed: {line!r}")
        return line

    def run(self, row):
        return float(self.ask(f"run {row}").split()[1])

    def rss(self):
        return int(self.ask("rss").split()[1])

    def close(self):
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        self.proc.wait(timeout=60)


def relative_error(a, b):
    return float(np.max(np.abs(a - b)) / max(np.max(np.abs(b)), 1e-30))


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--easel-bench", required=True)
    p.add_argument("--baseline-bench", default=None,
                   help="a second easel-bench (e.g. built from an earlier commit), timed in the same rounds")
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--python", default=sys.executable)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--only", default="clip,unet64,unet32,vae")
    p.add_argument("--precisions", default="fp32,bf16")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--torch-omp-default", action="store_true",
                   help="leave PyTorch's OpenMP threads spin-waiting (its default) instead of OMP_WAIT_POLICY=PASSIVE")
    args = p.parse_args()
    # On a machine whose cores are shared with other jobs, OpenMP's default spin-waiting made
    # PyTorch 3-4× slower (its worker threads burn the time slices they wait in); a passive wait
    # policy is what a careful user would set there, so PyTorch gets it unless told otherwise.
    torch_env = dict(os.environ)
    if not args.torch_omp_default:
        torch_env["OMP_WAIT_POLICY"] = "PASSIVE"
    rows_wanted = args.only.split(",")
    precisions = args.precisions.split(",")
    results = {}
    print(f"side-by-side: {args.runs} alternating rounds after 1 warm-up; load average at start {loadavg()}; "
          f"PyTorch OMP_WAIT_POLICY={'default' if args.torch_omp_default else 'PASSIVE'}; "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")
    with tempfile.TemporaryDirectory() as scratch:
        for component, rows in GROUPS:
            rows = [r for r in rows if r in rows_wanted]
            if not rows:
                continue
            workers = []
            for precision in precisions:
                easel = Worker(f"easel-{precision}", [args.easel_bench, "--serve", "--checkpoint", args.checkpoint,
                                                      "--inputs", args.inputs, "--component", component,
                                                      "--precision", precision])
                torch = Worker(f"torch-{precision}", [args.python, os.path.join(HERE, "torch_worker.py"),
                                                      "--checkpoint", args.checkpoint, "--inputs", args.inputs,
                                                      "--component", component, "--precision", precision,
                                                      "--threads", str(args.threads)], env=torch_env)
                if args.baseline_bench:
                    workers.append(Worker(f"base-{precision}", [args.baseline_bench, "--serve", "--checkpoint",
                                                                args.checkpoint, "--inputs", args.inputs,
                                                                "--component", component, "--precision", precision]))
                workers += [easel, torch]
            for w in workers:
                print(f"  {w.name}: {w.banner}")
            for row in rows:
                times = {w.name: [] for w in workers}
                for w in workers:
                    w.run(row)    # warm-up
                loads = []
                for _ in range(args.runs):
                    for w in workers:
                        times[w.name].append(w.run(row))
                    loads.append(loadavg().split()[0])
                outputs = {}
                for w in workers:
                    path = os.path.join(scratch, f"{w.name}-{row}.f32")
                    w.ask(f"dump {row} {path}")
                    outputs[w.name] = np.fromfile(path, dtype="<f4")
                reference = outputs["torch-fp32"]
                errors = {name: relative_error(out, reference) for name, out in outputs.items() if name != "torch-fp32"}
                results[row] = dict(times=times, errors=errors, loads=loads)
                print(f"  {row}: " + ", ".join(f"{n} {statistics.median(t):.3f} s" for n, t in times.items())
                      + f"  (1-min load during rounds: {' '.join(loads)})", flush=True)
            for w in workers:
                for row in rows:
                    results[row].setdefault("rss", {})[w.name] = w.rss()
                w.close()

    print()
    print("| work | Easel fp32 | PyTorch fp32 | ratio | Easel bf16 | PyTorch bf16 autocast | ratio |")
    print("|---|---|---|---|---|---|---|")
    for row in rows_wanted:
        if row not in results:
            continue
        med = {n: statistics.median(t) for n, t in results[row]["times"].items()}
        cells = []
        for precision in ["fp32", "bf16"]:
            if precision in precisions:
                e, t = med[f"easel-{precision}"], med[f"torch-{precision}"]
                cells += [f"{e:.3f} s", f"{t:.3f} s", f"**{e / t:.2f}×**"]
            else:
                cells += ["—", "—", "—"]
        print(f"| {LABELS[row]} | " + " | ".join(cells) + " |")
    if args.baseline_bench:
        print()
        print("| work | " + " | ".join(f"Easel {p} this build | Easel {p} baseline | ratio" for p in precisions) + " |")
        print("|---|" + "---|---|---|" * len(precisions))
        for row in rows_wanted:
            if row not in results:
                continue
            med = {n: statistics.median(t) for n, t in results[row]["times"].items()}
            cells = []
            for precision in precisions:
                e, b = med[f"easel-{precision}"], med[f"base-{precision}"]
                cells += [f"{e:.3f} s", f"{b:.3f} s", f"**{e / b:.2f}×**"]
            print(f"| {LABELS[row]} | " + " | ".join(cells) + " |")
    print()
    print("| work | " + " | ".join(f"peak RSS {n}" for n in results[rows_wanted[0]]["rss"]) + " |")
    print("|---|" + "---|" * len(results[rows_wanted[0]]["rss"]))
    for row in rows_wanted:
        if row in results:
            print(f"| {LABELS[row]} | " + " | ".join(f"{v / 2**30:.2f} GiB" for v in results[row]["rss"].values()) + " |")
    print()
    print("max relative error against PyTorch fp32 (max |a − b| / max |b|):")
    for row in rows_wanted:
        if row in results:
            print(f"  {row}: " + ", ".join(f"{n} {e:.2e}" for n, e in results[row]["errors"].items()))
    print(f"load average at end {loadavg()}")


if __name__ == "__main__":
    main()
