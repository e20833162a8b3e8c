"""The notices on questions as people type them: is an emergency told to call 113, is a request to get,
dose or choose drugs told we never help with that, and is nobody asking for help or for facts refused?

The questions were written blind in session 8 by a helper who saw neither the notices' phrase lists nor
any result (bench/notices_tune.yaml, every other question of that set, to tune on; the rest is the report
set, bench/blind/notices.yaml, whose misses are never printed); bench/notices_tune2.yaml, by a second
helper, is a tune set too (40 emergencies, 40 requests, 20 help). Each question is one of:

- emergency: someone is in danger now; right when the emergency notice is shown;
- out_of_scope: asks to get, dose, use or choose drugs; right when the out-of-scope notice is shown;
- help: asks where to get help or someone to talk to; right when there is no out-of-scope notice, the
  question is covered, and a passage on help or treatment is among the first three;
- info: asks for facts; right when there is no out-of-scope notice.

    .venv/bin/python bench/notice_quality.py [--show-misses]

Prints figures; asserts nothing.
"""

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from search_quality import setup  # noqa: E402


def right(answer, expect):
    kind = (answer["notice"] or {}).get("kind")
    if expect in ("emergency", "out_of_scope"):
        return kind == expect
    if expect == "help":
        helped = any(r["id"].startswith(("hjelp-", "behandling-")) for r in answer["results"][:3])
        return kind != "out_of_scope" and answer["covered"] and helped
    return kind != "out_of_scope"


def report(name, questions, ask, show):
    counts = defaultdict(lambda: [0, 0])
    for item in questions:
        answer = ask(item["q"], 3, item["lang"])
        ok = right(answer, item["expect"])
        for key in (item["expect"], f"{item['expect']} ({item['lang']})", "all"):
            counts[key][0] += ok
            counts[key][1] += 1
        if show and not ok:
            kind = (answer["notice"] or {}).get("kind")
            print(
                f"MISS {item['expect']:12s} {item['lang']} {item['q']!r}: notice {kind}, covered "
                f"{answer['covered']}, {[r['id'] for r in answer['results']]}"
            )
    for key in sorted(counts, key=lambda k: (k != "all", k)):
        done, total = counts[key]
        print(f"{name:6s} {key:20s} {done:4d} / {total:4d}  {done / total:6.1%}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--show-misses", action="store_true", help="the tune set's misses (never the report set's)"
    )
    args = parser.parse_args()
    setup()
    from rusfakta.search.service import ask

    for name, file in (("tune", "notices_tune.yaml"), ("tune2", "notices_tune2.yaml")):
        tune = yaml.safe_load((ROOT / "bench" / file).read_text(encoding="utf-8"))
        report(name, tune, ask, args.show_misses)
    blind = ROOT / "bench" / "blind" / "notices.yaml"
    if blind.exists():
        report("blind", yaml.safe_load(blind.read_text(encoding="utf-8")), ask, False)


if __name__ == "__main__":
    main()
