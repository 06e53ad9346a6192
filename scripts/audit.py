"""Audit the pinned runtime dependencies (requirements.txt) for known vulnerabilities.

Run by ``.ci/run``. It asks pip-audit about the exact pins of ``requirements.txt`` (a full
freeze, so no resolution and no temporary virtualenv: ``--no-deps --disable-pip``), first
against PyPI's vulnerability feed, then against OSV. Exit status:

* 0 — no known vulnerability, or every one found is listed in the ignore file with a reason;
  also 0 when no vulnerability service could be reached (a machine without internet), after
  printing ``pip-audit skipped: vulnerability service unreachable (…)``;
* 1 — a service answered and reported a vulnerability that is not ignored;
* 2 — anything else (an ignore entry without a reason, pip-audit failing for another cause).

A service counts as unreachable when it cannot be connected to, answers 5xx, does not answer
within the time budget, or knows none of the pinned releases (a mirror that serves only the
latest release's JSON makes PyPI's feed answer 404 for every pin, and pip-audit alone would
then report "No known vulnerabilities found").

The ignore file (``.ci/pip-audit-ignore``) has one vulnerability per line, its ID, then ``#``
and why it is accepted:  ``GHSA-xxxx-xxxx-xxxx  # only the admin uses it; fixed in 2.1, see #42``

    python scripts/audit.py                      # what CI runs
    python scripts/audit.py --service osv --osv-url http://127.0.0.1:9/v1/query
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIP_AUDIT = Path(sys.executable).with_name("pip-audit")

# What pip-audit prints when the service is down or cannot be reached (its own
# ConnectionError, a requests/urllib3 error in a traceback, or an HTTP 5xx as ServiceError).
UNREACHABLE = re.compile(
    r"Could not connect to|Tip: your network may be blocking|not redirecting properly"
    r"|requests\.exceptions\.(ConnectionError|ConnectTimeout|ReadTimeout|Timeout|SSLError"
    r"|ProxyError|ChunkedEncodingError)"
    r"|NameResolutionError|Max retries exceeded|Connection refused|Network is unreachable"
    r"|HTTPError: 5\d\d|ServiceError"
)


class AuditError(Exception):
    """The audit could not be run for a reason that is not the network."""


def read_ignores(path: Path) -> dict[str, str]:
    """ID -> reason, from the ignore file; an entry without a reason is refused."""
    ignores: dict[str, str] = {}
    if not path.exists():
        return ignores
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        vuln_id, _, reason = line.partition("#")
        vuln_id, reason = vuln_id.strip(), reason.strip()
        if not reason or " " in vuln_id:
            raise AuditError(f"{path.name}:{number}: write 'ID  # why it is accepted', got {raw!r}")
        ignores[vuln_id] = reason
    return ignores


def run_service(service: str, args, ignores: dict[str, str], budget: float) -> tuple[str, object]:
    """("unreachable", reason) | ("vulnerable", [(name, version, vuln)]) | ("clean", skipped)."""
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "audit.json"
        command = [
            str(PIP_AUDIT),
            "--requirement", str(args.requirements),
            "--no-deps", "--disable-pip",
            "--vulnerability-service", service,
            "--format", "json", "--output", str(output),
            "--desc", "on", "--aliases", "on",
            "--progress-spinner", "off",
            "--timeout", str(args.socket_timeout),
        ]  # fmt: skip
        if service == "osv" and args.osv_url:
            command += ["--osv-url", args.osv_url]
        for vuln_id in ignores:
            command += ["--ignore-vuln", vuln_id]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=budget)
        except subprocess.TimeoutExpired:
            return "unreachable", f"{service}: no answer within {budget:.0f} s"
        stderr = done.stderr or ""
        report = json.loads(output.read_text()) if output.exists() else None

    if report is None:
        if done.returncode == 0:
            return "clean", []
        match = UNREACHABLE.search(stderr)
        if match:
            return "unreachable", f"{service}: {_last_error_line(stderr) or match.group(0)}"
        raise AuditError(f"pip-audit ({service}) failed with status {done.returncode}:\n{stderr[-3000:]}")

    dependencies = report.get("dependencies", [])
    skipped = [dep for dep in dependencies if "skip_reason" in dep]
    if dependencies and len(skipped) == len(dependencies):
        return "unreachable", (
            f"{service}: none of the {len(dependencies)} pinned releases is known to it, "
            f"e.g. {skipped[0]['skip_reason']!r}"
        )
    found = [
        (dep["name"], dep["version"], vuln)
        for dep in dependencies
        for vuln in dep.get("vulns", [])
        if not ({vuln["id"], *vuln.get("aliases", [])} & ignores.keys())
    ]
    if found:
        return "vulnerable", found
    return "clean", skipped


def _last_error_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if UNREACHABLE.search(line)]
    return lines[-1][:300] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requirements", type=Path, default=ROOT / "requirements.txt")
    parser.add_argument("--ignore-file", type=Path, default=ROOT / ".ci" / "pip-audit-ignore")
    parser.add_argument(
        "--service",
        action="append",
        choices=["pypi", "osv"],
        help="vulnerability service to ask, in order, until one answers (default: pypi, then osv)",
    )
    parser.add_argument("--osv-url", default="", help="OSV query URL (default: pip-audit's)")
    parser.add_argument("--budget", type=float, default=110, help="seconds for every attempt together")
    parser.add_argument("--socket-timeout", type=int, default=15)
    args = parser.parse_args()
    services = args.service or ["pypi", "osv"]

    try:
        ignores = read_ignores(args.ignore_file)
        deadline = time.monotonic() + args.budget
        unreachable: list[str] = []
        for service in services:
            remaining = deadline - time.monotonic()
            if remaining < 1:
                unreachable.append(f"{service}: not tried, the {args.budget:.0f} s budget is spent")
                continue
            outcome, detail = run_service(service, args, ignores, remaining)
            if outcome == "unreachable":
                unreachable.append(detail)
                continue
            if outcome == "vulnerable":
                print(f"pip-audit ({service}): known vulnerabilities in {args.requirements.name}:")
                for name, version, vuln in detail:
                    fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed release"
                    aliases = ", ".join(vuln.get("aliases", []))
                    print(f"  {name} {version}: {vuln['id']}" + (f" ({aliases})" if aliases else ""))
                    print(f"    fixed in: {fixes}")
                    print(f"    {vuln.get('description', '')[:400]}")
                print(f"Upgrade the pin, or list the ID with a reason in {args.ignore_file.name}.")
                return 1
            for dep in detail:
                print(f"pip-audit ({service}): not audited: {dep['name']} ({dep['skip_reason']})")
            accepted = ", ".join(f"{key} ({why})" for key, why in ignores.items())
            print(
                f"pip-audit ({service}): no known vulnerabilities in {args.requirements.name}"
                + (f"; accepted: {accepted}" if accepted else "")
            )
            return 0
        print(f"pip-audit skipped: vulnerability service unreachable ({'; '.join(unreachable)})")
        return 0
    except AuditError as error:
        print(f"pip-audit error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
