"""docs/glossary.md: a job post is "pekerjaan" in every Indonesian msgstr ("gig" and "lowongan" retired)."""

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
RETIRED = re.compile(r"(?<![(%/_\w-])(gig|lowongan)(?![\w)/_-])", re.IGNORECASE)


def _catalogs():
    for path in sorted(ROOT.glob("**/locale/id/LC_MESSAGES/django.po")):
        if ".venv" not in path.parts and "node_modules" not in path.parts:
            yield path


def test_no_indonesian_msgstr_uses_a_retired_word_for_a_job_post():
    found = []
    for path in _catalogs():
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if RETIRED.search(text):
                    found.append(f"{path.relative_to(ROOT)}: {text!r}")
    assert list(_catalogs()) and not found, "\n".join(found)


def test_the_checker_leaves_placeholders_and_paths_alone():
    assert not RETIRED.search("Penawaran untuk “%(gig)s” di /api/v1/gigs/")
    assert RETIRED.search("Batalkan lowongan") and RETIRED.search("Gig baru")
