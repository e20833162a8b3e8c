"""Memory of `rusfakta serve`: the RSS of its main process and of each worker after a full warm-up.

The warm-up fetches every page reachable from `/` and `/en/` (and every chart and image they
link), both PDFs and the benchmark's search questions, several times over so that every worker
has served each of them. Prints figures; asserts nothing. Every loop is bounded.

    .venv/bin/python bench/memory.py [--workers 2] [--rounds 3]
"""

import argparse
import re
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import running_server  # noqa: E402
from load import question_paths  # noqa: E402

LINK = re.compile(r'(?:href|src)="([^"]+)"')
MAX_PAGES = 600


def crawl(base):
    seen, queue = set(), ["/", "/en/"]
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        try:
            with urllib.request.urlopen(base + path, timeout=60) as response:
                kind = response.headers.get("Content-Type", "")
                body = response.read()
        except OSError:
            continue
        if not kind.startswith("text/html"):
            continue
        for link in LINK.findall(body.decode(errors="replace")):
            target = urlparse(urljoin(base + path, urldefrag(link)[0]))
            if target.netloc == urlparse(base).netloc and not target.path.startswith("/admin"):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def process_tree(root):
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, stack = [], [root]
    while stack:
        pid = stack.pop()
        tree.append(pid)
        stack.extend(children.get(pid, []))
    return tree


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with running_server(args.workers, with_process=True) as (base, server):
        pages = set()
        for _ in range(args.rounds):
            pages |= crawl(base)
            for path in ("/hefte.pdf", "/en/hefte.pdf") + tuple(question_paths()[:100]):
                urllib.request.urlopen(base + path, timeout=120).read()
        print(f"warm-up: {len(pages)} addresses, both PDFs, 100 questions, {args.rounds} rounds")
        tree = process_tree(server.pid)
        total = 0.0
        for pid in tree:
            name = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:60]
            rss = rss_mb(pid)
            total += rss
            role = "main" if pid == server.pid else "worker"
            print(f"{role:7s} pid {pid:7d} {rss:7.1f} MB  {name}")
        print(f"total   {total:.1f} MB over {len(tree)} processes")


if __name__ == "__main__":
    main()
