"""`story-tui refresh` of many feeds from a local server: wall time, memory, a no-change refresh.

    .venv/bin/python benchmarks/refresh_bench.py                      # 50 feeds x 20 entries
    .venv/bin/python benchmarks/refresh_bench.py --feeds 10 --entries 5 --latency 0.05

Servers listen on loopback only (127.0.0.1 … 127.0.0.N, one per host, so that `at most two per
host` is measured as a reader with feeds from several sites would see it), each answering after
`--latency` seconds. The first refresh adds every entry (fetch + draft); the second finds every
feed unchanged (304). What to compare the first with: the server's latency times the requests,
divided by the parallelism refresh uses (6), plus the drafting time, measured here on its own
(the same article drafted `--draft-samples` times). Peak memory is the refresh process's
maximum resident set size. Nothing reaches the internet.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARALLEL = 6

PARAGRAPHS = [
    "Floodwater covered the lower town of {town} on Monday after three days of rain, and the "
    "river rose to 6.2 metres, its highest level since 1998.",
    "“We have never seen the water come this fast,” said Marta Lindqvist, the town's mayor, "
    "standing on the steps of the town hall.",
    "About 1,200 residents left their homes overnight. The regional council opened two shelters "
    "in the school and the sports hall, and said the roads north of the bridge would stay "
    "closed until Thursday.",
    "Peter Holm, a farmer whose fields lie along the river, said the damage would take months "
    "to repair. “The harvest is gone,” Holm said.",
]


def page(feed: int, entry: int) -> bytes:
    town = f"Town {feed}-{entry}"
    body = "".join(f"<p>{p.format(town=town)}</p>" for p in PARAGRAPHS)
    title = f"Storm floods town {feed} {entry}"
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='Herald {feed}'>"
        "<meta property='article:published_time' content='2026-11-30T08:00:00Z'>"
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def feed_xml(host: str, port: int, feed: int, entries: int) -> bytes:
    items = "".join(
        f"<item><title>Story {entry}</title><link>http://{host}:{port}/a/{feed}/{entry}</link>"
        "<pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>"
        for entry in range(entries)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"{items}</channel></rss>"
    ).encode()


def start(host: str, feeds: list[int], entries: int, latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:
            time.sleep(latency)  # the server's own latency, on its side
            parts = self.path.strip("/").split("/")
            port = self.server.server_address[1]
            if parts[0] == "feed":
                if self.headers.get("If-None-Match") == '"f"':
                    self.send_response(304)
                    self.end_headers()
                    return
                body, kind = feed_xml(host, port, int(parts[1]), entries), "application/rss+xml"
            else:
                body, kind = page(int(parts[1]), int(parts[2])), "text/html"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", '"f"')
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def draft_seconds(samples: int) -> float:
    """Seconds to read and draft one article page (after a first, warm-up draft)."""
    code = (
        "import sys, time\n"
        "from story_tui.draft.html import read_html\n"
        "from story_tui.draft.core import make_draft\n"
        "from story_tui.draft.write import validated\n"
        f"from benchmarks.refresh_bench import page\n"
        "validated(make_draft(read_html(page(0, 0), 'p.html')), 'x')\n"
        "start = time.perf_counter()\n"
        f"for n in range({samples}):\n"
        "    validated(make_draft(read_html(page(1, n), 'p.html')), 'x')\n"
        f"print((time.perf_counter() - start) / {samples})\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip())


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def refresh(library: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and the summary line of one refresh."""
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "story_tui", "refresh", "--library", str(library)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    return (
        seconds,
        _cpu() - cpu,
        done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.05, help="server seconds per answer")
    parser.add_argument("--draft-samples", type=int, default=10)
    args = parser.parse_args()

    hosts = [f"127.0.0.{n + 1}" for n in range(args.hosts)]
    servers = {
        host: start(host, list(range(args.feeds)), args.entries, args.latency) for host in hosts
    }
    with tempfile.TemporaryDirectory(prefix="refresh-bench-") as tmp:
        library = Path(tmp) / "library"
        library.mkdir()
        outlines = "".join(
            f'<outline text="Feed {f}" xmlUrl="http://{host}:{servers[host].server_address[1]}'
            f'/feed/{f}"/>'
            for f in range(args.feeds)
            for host in [hosts[f % len(hosts)]]
        )
        (library / "feeds.opml").write_text(
            f'<opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8"
        )
        env = {
            **os.environ,
            "STORY_TUI_STATE_DIR": f"{tmp}/state",
            "STORY_TUI_CACHE_DIR": f"{tmp}/cache",
            "STORY_TUI_DATA_DIR": f"{tmp}/data",
        }
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
            env.pop(name, None)
        first, first_cpu, first_line = refresh(library, env)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        second, second_cpu, second_line = refresh(library, env)
        per_draft = draft_seconds(args.draft_samples)
    requests = args.feeds * (1 + args.entries)
    network = args.latency * requests / PARALLEL
    drafting = per_draft * args.feeds * args.entries
    print(
        f"{args.feeds} feeds x {args.entries} entries, {args.hosts} hosts, "
        f"{args.latency * 1000:.0f} ms server latency, parallelism {PARALLEL} (2 per host)"
    )
    print(f"load average:       {os.getloadavg()[0]:7.2f}  (CPU time is less sensitive to it)")
    print(f"first refresh:      {first:7.2f} s  ({first_line}); CPU {first_cpu:.2f} s")
    print(
        f"  expected about:   {network + drafting:7.2f} s  = latency x {requests} requests / "
        f"{PARALLEL} ({network:.2f} s) + drafting {per_draft * 1000:.0f} ms x "
        f"{args.feeds * args.entries} ({drafting:.2f} s)"
    )
    print(f"no-change refresh:  {second:7.2f} s  ({second_line}); CPU {second_cpu:.2f} s")
    print("  target < 2 s")
    print(f"peak memory:        {peak_mb:7.1f} MB  target < 300 MB")


if __name__ == "__main__":
    main()
