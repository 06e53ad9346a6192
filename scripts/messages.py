"""Update the Indonesian message catalogs and compile every catalog to .mo.

English is the source language (msgids); Indonesian is the default language of the
platform, so every msgid must have an Indonesian translation (tests/core/test_i18n.py
fails on an empty or fuzzy entry). Each app keeps its own ``locale/``; strings of the
top-level templates and the project package go to ``locale/``.

    python scripts/messages.py            # update .po from the code, then compile
    python scripts/messages.py --compile  # compile only (no gettext tools needed)
    python scripts/messages.py --app gigs # update one app's catalog only
    python scripts/messages.py --app .    # only templates/ and mjc/*.py (the top-level locale/)
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "mjc/core",
    "mjc/accounts",
    "mjc/regions",
    "mjc/categories",
    "mjc/site",
    "mjc/notifications",
    "umkm",
    "creatives",
    "gigs",
    "ejsc",
    "payments",
    "packages",
]


def update(app: str | None) -> None:
    for name in APPS:
        (ROOT / name / "locale").mkdir(exist_ok=True)
    (ROOT / "locale").mkdir(exist_ok=True)
    command = [sys.executable, str(ROOT / "manage.py"), "makemessages", "-l", "id", "--no-location", "--no-obsolete"]
    cwd = ROOT / app if app and app != "." else ROOT
    if not app or app == ".":
        command += ["--ignore=node_modules", "--ignore=tests", "--ignore=scripts"]
    if app == ".":  # the project's own strings only: templates/ and the mjc package files
        command += [f"--ignore={name}/*" for name in APPS]
    env = dict(os.environ, MJC_TESTING=os.environ.get("MJC_TESTING", "1"))
    subprocess.run(command, cwd=cwd, check=True, env=env)


def compile_all() -> int:
    count = 0
    for po_path in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po")):
        if ".venv" in po_path.parts:
            continue
        po = polib.pofile(str(po_path))
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        count += 1
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--compile", action="store_true", help="only compile the .po files")
    parser.add_argument("--app", help="only this app folder, e.g. gigs or mjc/core")
    args = parser.parse_args()
    if not args.compile:
        update(args.app)
    print(f"compiled {compile_all()} catalogs")
