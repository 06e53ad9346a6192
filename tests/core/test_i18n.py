"""Indonesian is the default language: every catalog is complete and compiled."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted(p for p in ROOT.glob("**/locale/id/LC_MESSAGES/django.po") if ".venv" not in p.parts)


def test_there_are_catalogs_for_the_project():
    assert ROOT / "locale/id/LC_MESSAGES/django.po" in CATALOGS


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalog_is_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {po_path}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {po_path}: {fuzzy[:10]}"

    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run `python scripts/messages.py --compile` ({mo_path} missing)"
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural)) for e in polib.mofile(str(mo_path))}
    for entry in po.translated_entries():
        got = compiled.get((entry.msgctxt, entry.msgid))
        assert got is not None, f"{entry.msgid!r} is not compiled: run `python scripts/messages.py --compile`"
        if entry.msgid_plural:
            assert got[1] == {int(k): v for k, v in entry.msgstr_plural.items()}
        else:
            assert got[0] == entry.msgstr, f"{entry.msgid!r} compiled differently: recompile"
