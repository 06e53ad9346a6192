"""scripts/audit.py, the pip-audit step of .ci/run (issue 10): a vulnerability fails CI unless
it is accepted with a reason; an unreachable vulnerability service only skips the step.

The vulnerability service is a real local HTTP server speaking OSV's query API."""

import json
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "audit.py"

VULN = {
    "id": "GHSA-test-0001-mjc0",
    "aliases": ["CVE-2099-0001"],
    "summary": "SQL comments are parsed wrongly",
    "affected": [
        {
            "package": {"name": "sqlparse", "ecosystem": "PyPI"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "0.6.2"}]}],
        }
    ],
}


class FakeOsv(BaseHTTPRequestHandler):
    status = 200

    def do_POST(self):  # noqa: N802 (http.server's name)
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.status != 200:
            self.send_response(self.status)
            self.end_headers()
            return
        body = {"vulns": [VULN]} if query["package"]["name"] == "sqlparse" else {}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def osv():
    servers = []

    def start(status=200):
        handler = type("Handler", (FakeOsv,), {"status": status})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/v1/query"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def requirements(tmp_path):
    path = tmp_path / "requirements.txt"
    path.write_text("sqlparse==0.6.1\nsix==1.17.0\n")
    return path


def audit(requirements, osv_url, ignore_text=None):
    ignore = requirements.with_name("pip-audit-ignore")
    if ignore_text is not None:
        ignore.write_text(ignore_text)
    command = [sys.executable, str(SCRIPT), "--requirements", str(requirements)]
    command += ["--ignore-file", str(ignore), "--service", "osv", "--osv-url", osv_url]
    command += ["--budget", "60", "--socket-timeout", "5"]
    return subprocess.run(command, capture_output=True, text=True, timeout=90)


def test_a_reported_vulnerability_fails_with_its_id_and_fix(osv, requirements):
    done = audit(requirements, osv())
    assert done.returncode == 1, done.stdout + done.stderr
    assert "sqlparse 0.6.1: " in done.stdout
    assert "GHSA-test-0001-mjc0" in done.stdout and "CVE-2099-0001" in done.stdout
    assert "fixed in: 0.6.2" in done.stdout
    assert "skipped" not in done.stdout


def test_a_vulnerability_accepted_with_a_reason_passes(osv, requirements):
    done = audit(requirements, osv(), "# accepted\nCVE-2099-0001  # we never parse SQL comments\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no known vulnerabilities in requirements.txt" in done.stdout
    assert "CVE-2099-0001 (we never parse SQL comments)" in done.stdout


def test_an_ignore_entry_without_a_reason_fails(osv, requirements):
    done = audit(requirements, osv(), "GHSA-test-0001-mjc0\n")
    assert done.returncode == 2
    assert "why it is accepted" in done.stderr


def test_a_clean_audit_passes(osv, tmp_path):
    path = tmp_path / "requirements.txt"
    path.write_text("six==1.17.0\n")
    done = audit(path, osv())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no known vulnerabilities" in done.stdout


def test_an_unreachable_service_skips_without_failing(requirements):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}/v1/query"
    done = audit(requirements, closed)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("pip-audit skipped: vulnerability service unreachable (osv: ")


def test_a_failing_service_skips_without_failing(osv, requirements):
    done = audit(requirements, osv(status=503))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pip-audit skipped: vulnerability service unreachable" in done.stdout
