"""Run every notebook's tests, two at a time, each notebook in its own process.

`nbdev_test --n_workers 2` runs the notebooks inside a process pool: when one of them crashes the interpreter
(a segfault in a native library, the out-of-memory killer), the pool reports only `BrokenProcessPool`, without
the notebook's name. Here each notebook is its own `nbdev_test --path` process, so a crash names the notebook and
the signal, and `PYTHONFAULTHANDLER` prints the Python stack of the thread that crashed. A crashed notebook is run
once more (a failed assertion is not): the log keeps the crash either way, and a crash that repeats fails the run.

The longest notebooks start first, by the seconds each took in a recorded run (`nbtest_durations.json` beside this
script, committed, as pytest-split keeps its durations; `--store-durations` rewrites it after a run that passed).
Ordered by file size instead, the small but slow `12a_distributed` started last and ran alone for its 149 s.

    python scripts/nbtest.py [--jobs 2] [--flags slow] [--store-durations] [NOTEBOOK ...]
"""
import argparse, json, os, signal, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from nbdev.doclinks import nbglob

NBDEV_TEST = Path(sys.executable).with_name("nbdev_test")
DURATIONS = Path(__file__).with_name("nbtest_durations.json")

def longest_first(notebooks: list[Path], durations: dict) -> list[Path]:
    "Notebooks with no recorded time first (by file size: they may be slow), then the rest by recorded seconds."
    return sorted(notebooks, key=lambda p: (p.name in durations, -durations.get(p.name, p.stat().st_size)))

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
    ap.add_argument("--store-durations", action="store_true", help=f"after a run that passed, record each notebook's "
                                                                   f"seconds in {DURATIONS.name}")
    args = ap.parse_args()
    durations = json.loads(DURATIONS.read_text()) if DURATIONS.exists() else {}
    notebooks = longest_first(list(args.notebooks or map(Path, nbglob())), durations)
    failed, seconds_taken, start = [], {}, time.time()
    with ThreadPoolExecutor(args.jobs) as pool:
        jobs = {pool.submit(run, nb, args.flags): nb for nb in notebooks}
        for done in as_completed(jobs):
            nb, (code, seconds, output, crash) = jobs[done], done.result()
            if crash: print(f"{nb.name}: first run {crash}\n{nb.name}: run again once", flush=True)
            seconds_taken[nb.name] = round(seconds)
            if code == 0: print(f"{nb.name}: passed in {seconds:.0f}s", flush=True)
            else:
                failed.append(nb.name)
                print(f"{nb.name}: {verdict(code)} after {seconds:.0f}s; its output:\n{output}", flush=True)
    if failed: sys.exit(f"{len(failed)} of {len(notebooks)} notebooks failed: {', '.join(failed)}")
    print(f"all {len(notebooks)} notebooks passed in {time.time() - start:.0f}s")
    if args.store_durations:
        DURATIONS.write_text(json.dumps(dict(sorted((durations | seconds_taken).items())), indent=1) + "\n")
        print(f"recorded their seconds in {DURATIONS}")

if __name__ == "__main__": main()
