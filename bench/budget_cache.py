"""What the search budget costs per question in each cache backend Django offers on one machine.

One `SearchBudget.allow()` per question (a read and a write: the rate is set so high that none
is refused, as in bench/load.py), with a fresh store each run: Django's file cache as it is (which lists its folder before every write), the file cache we
use (`serving/budgetcache.py`: it lists the folder at most every few seconds), and the database
cache on SQLite in WAL mode, as the site's own database is. With RUSFAKTA_CACHE_URL set, Redis too.
Each is run by 1 process and by 2 at once (the workers of a 2-core machine), with few and with many
clients. Prints figures; asserts nothing. Every loop is bounded.

    .venv/bin/python bench/budget_cache.py [--questions 2000]
"""

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Made once, by the main process; the processes it spawns inherit it.
DATA = os.environ.setdefault("RUSFAKTA_DATA_DIR", tempfile.mkdtemp(prefix="rusfakta-budget-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rusfakta.settings")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

BACKENDS = {
    "file cache (Django's)": ("django.core.cache.backends.filebased.FileBasedCache", "files-django"),
    "file cache (ours)": ("rusfakta.serving.budgetcache.BudgetFileCache", "files-ours"),
    "database cache (SQLite)": ("django.core.cache.backends.db.DatabaseCache", "budget_cache"),
}


def setup_django(extra):
    import django
    from django.conf import settings

    django.setup()
    settings.CACHES.update(extra)
    from django.core.cache import caches

    caches._settings = caches.settings = settings.CACHES
    return caches


def cache_config(name, run):
    if name == "redis":
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["RUSFAKTA_CACHE_URL"],
        }
    backend, location = BACKENDS[name]
    if backend.endswith("DatabaseCache"):
        return {"BACKEND": backend, "LOCATION": f"{location}_{run}", "OPTIONS": {"MAX_ENTRIES": 20_000}}
    return {
        "BACKEND": backend,
        "LOCATION": os.path.join(DATA, f"{location}-{run}"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }


def spend(args):
    name, run, clients, questions, offset = args
    alias = f"bench-{run}"
    caches = setup_django({alias: cache_config(name, run)})
    from rusfakta.serving.searchfront import SearchBudget

    budget = SearchBudget(
        rate=100_000, burst=100_000, cache=alias
    )  # as bench/load.py: every question is let through and written
    timings = []
    for i in range(questions):
        start = time.perf_counter()
        budget.allow(f"10.{offset}.{(i % clients) // 250}.{(i % clients) % 250}")
        timings.append((time.perf_counter() - start) * 1000)
    caches[alias].close()
    return timings


def prepare(name, run):
    alias = f"bench-{run}"  # a fresh alias: Django keeps a cache object per alias
    caches = setup_django({alias: cache_config(name, run)})
    if name.startswith("database"):
        from django.core.management.commands.createcachetable import Command

        command = Command()
        command.verbosity = 0
        command.create_table("default", caches[alias]._table, False)
    elif name == "redis":
        caches[alias].clear()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=2000)
    args = parser.parse_args()
    setup_django({})
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    names = list(BACKENDS) + (["redis"] if os.environ.get("RUSFAKTA_CACHE_URL") else [])
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.questions} questions per process"
    )
    run = 0
    context = multiprocessing.get_context("spawn")
    for clients in (1, 10, 2000):
        for processes in (1, 2):
            for name in names:
                run += 1
                prepare(name, run)
                with context.Pool(processes) as pool:
                    results = pool.map(
                        spend, [(name, run, clients, args.questions, p) for p in range(processes)]
                    )
                timings = sorted(t for result in results for t in result)
                p50, p99 = statistics.median(timings), timings[int(len(timings) * 0.99)]
                print(
                    f"{name:24s} {clients:5d} clients, {processes} process{'es' if processes > 1 else '  '}: "
                    f"p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  mean {statistics.fmean(timings):6.2f} ms"
                )


if __name__ == "__main__":
    main()
