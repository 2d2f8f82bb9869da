"""Run every notebook's tests, two at a time, each notebook in its own process.

`nbdev_test --n_workers 2` runs the notebooks inside a process pool: when one of them crashes the interpreter
(a segfault in a native library, the out-of-memory killer), the pool reports only `BrokenProcessPool`, without
the notebook's name. Here each notebook is its own `nbdev_test --path` process, so a crash names the notebook and
the signal, and `PYTHONFAULTHANDLER` prints the Python stack of the thread that crashed. A crashed notebook is run
once more (a failed assertion is not): the log keeps the crash either way, and a crash that repeats fails the run.

    python scripts/nbtest.py [--jobs 2] [--flags slow] [NOTEBOOK ...]
"""
import argparse, os, signal, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from nbdev.doclinks import nbglob

NBDEV_TEST = Path(sys.executable).with_name("nbdev_test")

def run(nb: Path, flags: str) -> tuple[int, float, str, str]:
    "Test one notebook: (exit status, seconds, output, what a first run that crashed printed, or '')."
    start, crash = time.time(), ""
    cmd = [str(NBDEV_TEST), "--path", str(nb), "--n_workers", "0", *(["--flags", flags] if flags else [])]
    for attempt in (1, 2):
        out = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, PYTHONFAULTHANDLER="1"))
        if out.returncode >= 0 or attempt == 2: break
        crash = f"{verdict(out.returncode)}; its output:\n{(out.stdout + out.stderr)[-20000:]}"
    return out.returncode, time.time() - start, (out.stdout + out.stderr)[-20000:], crash

def verdict(code: int) -> str:
    if code >= 0: return f"failed (exit status {code})"
    name = signal.Signals(-code).name
    return f"crashed: killed by {name}" + (" (the out-of-memory killer sends this)" if name == "SIGKILL" else "")

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="default: the notebooks nbdev_test would test")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--flags", default="", help="test flags to run that are skipped by default, e.g. slow")
    args = ap.parse_args()
    # Largest first: the long notebooks start at once and the short ones fill in around them.
    notebooks = sorted(args.notebooks or map(Path, nbglob()), key=lambda p: -p.stat().st_size)
    failed = []
    with ThreadPoolExecutor(args.jobs) as pool:
        jobs = {pool.submit(run, nb, args.flags): nb for nb in notebooks}
        for done in as_completed(jobs):
            nb, (code, seconds, output, crash) = jobs[done], done.result()
            if crash: print(f"{nb.name}: first run {crash}\n{nb.name}: run again once", flush=True)
            if code == 0: print(f"{nb.name}: passed in {seconds:.0f}s", flush=True)
            else:
                failed.append(nb.name)
                print(f"{nb.name}: {verdict(code)} after {seconds:.0f}s; its output:\n{output}", flush=True)
    if failed: sys.exit(f"{len(failed)} of {len(notebooks)} notebooks failed: {', '.join(failed)}")
    print(f"all {len(notebooks)} notebooks passed")

if __name__ == "__main__": main()
