"""docs/glossary.md: a job post is "pekerjaan" in every Indonesian msgstr ("gig" and "lowongan" retired),
and no msgstr uses any other word the glossary's table retired ("staf" for "petugas", "bisnis" …)."""

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


def _retired_in_the_glossary() -> list[str]:
    words = []
    for line in (ROOT / "docs/glossary.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[4] and not cells[4].startswith(("retired", "---")):
            words += [word.strip() for word in cells[4].split(",") if word.strip()]
    return words


def test_no_indonesian_msgstr_uses_any_word_the_glossary_retired():
    words = _retired_in_the_glossary()
    assert {"gig", "lowongan", "staf", "bisnis", "reservasi"} <= set(words), words
    retired = re.compile(rf"(?<![(%/_\w-])({'|'.join(map(re.escape, words))})(?![\w)/_-])", re.IGNORECASE)
    found = []
    for path in _catalogs():
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if hit := retired.search(text):
                    found.append(f"{path.relative_to(ROOT)}: {hit.group(0)!r} in {text!r}")
    assert not found, "\n".join(found)


ENGLISH_JOB = re.compile(r"\bjobs?\b", re.IGNORECASE)
NOT_A_JOB_POST = ("Millennial Job Center", "the job should run")  # the programme's name; celery-beat's task


def test_no_english_msgid_calls_a_gig_a_job():
    """The English side of the glossary: "gig" everywhere ("Post a gig", "My gigs", "Cancel gig"); the
    English UI said "job" on 45 owner-facing strings beside "gig" on 67."""
    found = []
    for path in _catalogs():
        for entry in polib.pofile(str(path)):
            for text in filter(None, [entry.msgid, entry.msgid_plural]):
                cleaned = text
                for allowed in NOT_A_JOB_POST:
                    cleaned = cleaned.replace(allowed, "")
                if ENGLISH_JOB.search(cleaned):
                    found.append(f"{path.relative_to(ROOT)}: {text!r}")
    assert not found, "\n".join(found)
