"""SPEC rule 7 for the web UI: every form on the main pages, sent with one field at a time
set to a hostile value (numbers no column holds, negatives, empty, NUL bytes, long unicode,
impossible dates) — hidden fields included — never answers 5xx. Each post runs in a
savepoint that is rolled back, so every post sees the same seeded data."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client

from tests.quality import scene
from tests.quality.test_pages import pages_for

pytestmark = pytest.mark.django_db

HOSTILE = ["1" + "0" * 30, "-1", "", "\x00", "ü漢字🙂" * 500, "2026-02-30", "abc", "25:99"]
PLAUSIBLE = {
    "number": "1",
    "date": "2026-12-20",
    "time": "10:00",
    "datetime-local": "2026-12-20T10:00",
    "email": "uji@contoh.id",
}
SKIP_ACTIONS = ("/accounts/logout/", "/bahasa/")


class Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.current, self.select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self.current = {"action": attrs.get("action") or "", "fields": {}}
            self.forms.append(self.current)
        elif self.current is None or not attrs.get("name") and tag != "option":
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind == "file" or attrs["name"] == "csrfmiddlewaretoken":
                return
            if kind in ("checkbox", "radio") and attrs["name"] in self.current["fields"]:
                return
            self.current["fields"][attrs["name"]] = attrs.get("value") or PLAUSIBLE.get(kind, "Uji")
        elif tag == "textarea":
            self.current["fields"][attrs["name"]] = "Uji coba"
        elif tag == "select":
            self.select = attrs["name"]
            self.current["fields"][self.select] = ""
        elif tag == "option" and self.select and not self.current["fields"][self.select] and attrs.get("value"):
            self.current["fields"][self.select] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None


@pytest.mark.parametrize("who", ["anonymous", "owner", "creative", "staff"])
def test_every_form_answers_a_hostile_value_in_any_field_without_a_500(who):
    data = scene.build()
    client = Client(raise_request_exception=False)
    if who != "anonymous":
        client.force_login({"owner": data.owner, "creative": data.creative, "staff": data.staff}[who])
    caught = []
    got_request_exception.connect(
        lambda sender, **kw: caught.append(repr(kw.get("request"))), weak=False, dispatch_uid="q"
    )
    broken, posts, seen = [], 0, set()
    try:
        for url in pages_for(who, data):
            parser = Forms()
            parser.feed(client.get(url).content.decode())
            for form in parser.forms:
                action = urljoin(url, form["action"]) if form["action"] else url
                key = (re.sub(r"\d+", "N", action.split("?")[0]), tuple(sorted(form["fields"])))
                if action.startswith(SKIP_ACTIONS) or key in seen:
                    continue
                seen.add(key)
                for name in form["fields"]:
                    for bad in HOSTILE:
                        with transaction.atomic():
                            response = client.post(action, {**form["fields"], name: bad})
                            transaction.set_rollback(True)
                        posts += 1
                        if response.status_code >= 500 and len(broken) < 200:
                            broken.append(f"POST {action} {name}={bad[:30]!r} → {response.status_code} (form on {url})")
    finally:
        got_request_exception.disconnect(dispatch_uid="q")

    assert posts > (20 if who == "anonymous" else 100)
    assert not broken, f"{len(broken)} failures:\n" + "\n".join(broken)
