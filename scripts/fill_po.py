"""Fill Indonesian msgstrs from a JSON dict {msgid: msgstr | [singular, plural]} (a translator's tool)."""

import json
import sys

import polib


def fill(po_path: str, translations: dict) -> list[str]:
    po = polib.pofile(po_path)
    missing = []
    for entry in po:
        value = translations.get(entry.msgid)
        if value is None:
            if not (entry.msgstr or any(entry.msgstr_plural.values())) or "fuzzy" in entry.flags:
                missing.append(entry.msgid)
            continue
        if entry.msgid_plural:
            forms = value if isinstance(value, list) else [value]
            entry.msgstr_plural = {0: forms[0]}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.metadata["Language"] = "id"
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.save()
    return missing


if __name__ == "__main__":
    path, json_path = sys.argv[1], sys.argv[2]
    left = fill(path, json.load(open(json_path, encoding="utf-8")))
    print(f"{path}: {len(left)} untranslated", *left, sep="\n  ")
