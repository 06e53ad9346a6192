"""Static files in production (issue 11, "static files are compressed and cached in production"):
with DEBUG off, ``collectstatic`` writes hashed and gzipped copies, pages link the hashed names,
and gunicorn (the project's gunicorn.conf.py, whitenoise in the WSGI app) serves them for a year,
immutable, gzipped to a browser that asks for it."""

import gzip
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.storage.conftest import database_url_of_tests, web_node

ROOT = Path(__file__).resolve().parents[2]
YEAR = 365 * 24 * 3600
HTTPS = {"X-Forwarded-Proto": "https"}  # the proxy in front of gunicorn says so; no redirect to https


def _production_env(static_root: Path) -> dict[str, str]:
    return {
        "MJC_TESTING": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "a-long-random-production-like-key-for-this-test-only-9f3b2c7d1e",
        "MJC_STATIC_ROOT": str(static_root),
    }


def _get(url: str, headers: dict[str, str]):
    request = urllib.request.Request(url, headers={**HTTPS, **headers})
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.status, response.headers, response.read()


@pytest.mark.django_db(transaction=True)
def test_static_files_are_hashed_gzipped_and_cached_for_a_year(tmp_path):
    static_root = tmp_path / "static"
    env = _production_env(static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        timeout=300,
    )
    paths = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    css, js = paths["css/app.css"], paths["js/app.js"]
    assert css != "css/app.css" and css.startswith("css/app.") and css.endswith(".css")  # a content hash
    assert (static_root / f"{css}.gz").exists()

    with web_node(database_url_of_tests(), env, tmp_path, "static") as url:
        _, _, html = _get(url + "/", {})
        page = html.decode()
        assert f"/static/{css}" in page  # the page links the hashed name...
        assert '"/static/css/app.css"' not in page  # ...never the bare one, which could be stale

        for name in (css, js):
            original = (static_root / name).read_bytes()
            status, headers, body = _get(f"{url}/static/{name}", {"Accept-Encoding": "gzip, deflate, br"})
            assert status == 200
            assert headers["Content-Encoding"] in {"gzip", "br"}, dict(headers)
            assert "Accept-Encoding" in headers.get("Vary", "")
            cache = headers["Cache-Control"]
            assert "immutable" in cache and "public" in cache, cache
            max_age = int(cache.split("max-age=")[1].split(",")[0])
            assert max_age >= YEAR, cache
            if headers["Content-Encoding"] == "gzip":
                assert gzip.decompress(body) == original
            assert len(body) < len(original) * 0.6, (name, len(body), len(original))  # worth it

            # a client that does not ask for gzip gets the plain file
            _, plain_headers, plain = _get(f"{url}/static/{name}", {"Accept-Encoding": "identity"})
            assert "Content-Encoding" not in plain_headers and plain == original
