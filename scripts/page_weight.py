#!/usr/bin/env python
"""How many KB a first visit to the landing page ``/`` and the gig list ``/pekerjaan/`` transfers,
served as in production: ``collectstatic`` with DEBUG off into a temporary static root, gunicorn
with the tree's gunicorn.conf.py (whitenoise serving the hashed, gzipped static files), the
database filled by ``manage.py seed_demo``.

Chromium (Debian's, through Playwright; never downloaded) opens each page in a fresh context (an
empty cache) and adds up the encoded body size of every response: HTML, CSS, JavaScript, images,
fonts, as they came over the wire (gzipped where the server gzipped them). It counts twice: when
the page has loaded (lazy images below the fold not fetched), and after scrolling to its end.

    .venv/bin/python scripts/page_weight.py --database-url postgres://…/mjc_demo
    .venv/bin/python scripts/page_weight.py --tree /path/to/an/old/checkout --database-url …

``--tree`` measures another checkout of the project (e.g. a ``git worktree`` of an older commit
with its own seeded database); this script and its Python environment are used as they are.
Results in docs/page-weight.md. Not a test: CI does not run it.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("/", "/pekerjaan/")
WIDTHS = (390, 1366)
KINDS = ("document", "stylesheet", "script", "image", "font", "other")
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url: str, redis_url: str, static_root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_DEBUG": "0",
        "MJC_TESTING": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain http on the loopback; everything else as in production
        "MJC_DISABLE_RATE_LIMITS": "1",
        "MJC_STATIC_ROOT": str(static_root),  # an older tree without it collects into its own .data/
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def start(tree: Path, env: dict[str, str], port: int, log) -> subprocess.Popen:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=tree, env=env, check=True
    )
    command = [str(Path(sys.executable).with_name("gunicorn"))]
    if (tree / "gunicorn.conf.py").exists():
        command += ["-c", "gunicorn.conf.py"]
    command += ["mjc.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4"]
    process = subprocess.Popen(command, cwd=tree, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}; see its log")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
                return process
        except urllib.error.HTTPError as error:
            raise SystemExit(f"/ answered {error.code}; is the database migrated and seeded?") from error
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _kind(resource_type: str) -> str:
    return resource_type if resource_type in KINDS else "other"


def measure_page(browser, base_url: str, path: str, width: int) -> dict:
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900}, locale="id-ID")
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))

    def tally() -> dict:
        totals: dict[str, int] = defaultdict(int)
        counts: dict[str, int] = defaultdict(int)
        encodings = {}
        for request in finished:
            response = request.response()
            if response is None:
                continue
            kind = _kind(request.resource_type)
            totals[kind] += request.sizes()["responseBodySize"]
            counts[kind] += 1
            if kind in ("document", "stylesheet", "script"):
                encodings[request.url.replace(base_url, "")] = response.headers.get("content-encoding", "none")
        return {
            "bytes": dict(totals),
            "requests": dict(counts),
            "total": sum(totals.values()),
            "encodings": encodings,
        }

    page.goto(base_url + path, wait_until="networkidle")
    on_load = tally()
    height = page.evaluate("document.documentElement.scrollHeight")
    for _ in range(0, height + 900, 600):  # lazy images load as they come into view
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(60)
    page.wait_for_load_state("networkidle")
    scrolled = tally()
    context.close()
    return {"path": path, "width": width, "on_load": on_load, "scrolled": scrolled}


def kb(value: int) -> str:
    return f"{value / 1024:.1f}"


def table(results: list[dict], label: str) -> str:
    lines = [
        f"| {label} | width | HTML | CSS | JS | images | other | **total on load** | after scrolling | requests |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        load, scrolled = result["on_load"], result["scrolled"]
        size = load["bytes"]
        other = size.get("font", 0) + size.get("other", 0)
        lines.append(
            f"| `{result['path']}` | {result['width']} | {kb(size.get('document', 0))} | {kb(size.get('stylesheet', 0))} "
            f"| {kb(size.get('script', 0))} | {kb(size.get('image', 0))} | {kb(other)} | **{kb(load['total'])}** "
            f"| {kb(scrolled['total'])} | {sum(load['requests'].values())} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", default=str(ROOT), help="the checkout to serve (default: this one)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""), required=False)
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    parser.add_argument("--label", default="page")
    parser.add_argument("--json", help="also write the raw numbers here")
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("--database-url (or DATABASE_URL): a database after migrate and seed_demo")

    from playwright.sync_api import sync_playwright

    tree = Path(args.tree).resolve()
    with tempfile.TemporaryDirectory(prefix="mjc-page-weight-") as tmp:
        env = production_env(args.database_url, args.redis_url, Path(tmp) / "static")
        port = free_port()
        with open(Path(tmp) / "gunicorn.log", "wb") as log:
            process = start(tree, env, port, log)
            try:
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(
                        executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"]
                    )
                    results = [
                        measure_page(browser, f"http://127.0.0.1:{port}", path, width)
                        for path in PAGES
                        for width in WIDTHS
                    ]
                    browser.close()
            finally:
                stop(process)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=tree, capture_output=True, text=True).stdout
    print(f"{tree} at {commit.strip()} (KB = 1024 bytes, encoded bodies as transferred)\n")
    print(table(results, args.label))
    print("\nContent-Encoding of HTML/CSS/JS on /:", json.dumps(results[0]["on_load"]["encodings"], indent=1))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"tree": str(tree), "commit": commit.strip(), "results": results}, indent=1)
        )


if __name__ == "__main__":
    main()
