"""Reading a rendered page the way the quality checks need it (standard library's ``html.parser``,
no browser) and telling which of its words are in the wrong language: our English UI words left
on an Indonesian page, our Indonesian on an English one, and the admin's third-party words.

Shared by the page crawl (tests/quality/test_pages.py) and the admin crawl
(tests/quality/test_admin_pages.py)."""

import functools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}
# Whole text nodes / button values that are our English UI words (Indonesian has its own;
# words Indonesian shares with English, like "Status" or "Email", are left out).
ENGLISH_WORDS = {
    "Save", "Cancel", "Submit", "Delete", "Edit", "Search", "Send", "Back", "Next", "Previous", "Close", "Remove",
    "Log in", "Log out", "Sign in", "Sign up", "Sign out", "Apply", "Filter", "Reset", "Continue", "Update",
    "Approve", "Reject", "Accept", "Withdraw", "Publish", "Upload", "Download", "Yes", "No", "More", "View",
    "Notifications", "Settings", "Preferences", "My bookings", "My gigs", "My bids", "Events", "Creatives",
    "Description", "Date", "Time", "Price", "Budget", "Deadline", "Category", "Title", "Name", "Password",
    "E-mail address", "Remember me", "Forgot your password?",
}  # fmt: skip
ENGLISH_PHRASES = ["No results", "Nothing here", "This field is required", "Log in<", "Not found", "Read more"]
# A clock time before " WIB" (or a period "10.00–12.00 WIB"): Indonesian writes 10.00, English 10:00
WIB_TIME = re.compile(r"(?<![\d.:])\d{1,2}([.:])\d{2}(?:\s*[–-]\s*\d{1,2}[.:]\d{2})?\s*WIB")
# Django's empty choice, which no language translates: our forms say "— pilih —" (mjc/core/apps.py)
BLANK_DASH = "---------"


@dataclass
class Page:
    lang: str | None = None
    h1: int = 0
    images_without_alt: list = field(default_factory=list)
    fields: list = field(default_factory=list)  # (id, name, type, labelled_inline)
    label_for: set = field(default_factory=set)
    english: list = field(default_factory=list)
    texts: set = field(default_factory=set)  # every visible text node and button/placeholder text
    links: list = field(default_factory=list)  # href, action, src and hx-get/hx-post of every tag


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.label_depth = 0
        self.skip_depth = 0  # inside <script>/<style>/<template>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.page.links += [attrs[name] for name in ("href", "action", "src", "hx-get", "hx-post") if attrs.get(name)]
        if tag == "html":
            self.page.lang = attrs.get("lang")
        elif tag in ("script", "style", "template"):
            self.skip_depth += 1
        elif tag == "h1":
            self.page.h1 += 1
        elif tag == "img" and not attrs.get("alt") and attrs.get("alt") != "":
            self.page.images_without_alt.append(attrs.get("src"))
        elif tag == "label":
            self.label_depth += 1
            if attrs.get("for"):
                self.page.label_for.add(attrs["for"])
        elif tag in ("input", "select", "textarea"):
            kind = (attrs.get("type") or "text").lower() if tag == "input" else tag
            if kind in UNLABELLED_TYPES or "hidden" in attrs or attrs.get("name") == "csrfmiddlewaretoken":
                if kind in ("submit", "button") and attrs.get("value", "").strip() in ENGLISH_WORDS:
                    self.page.english.append(attrs["value"])
                return
            named = bool(attrs.get("aria-label") or attrs.get("aria-labelledby") or attrs.get("title"))
            self.page.fields.append((attrs.get("id"), attrs.get("name"), kind, named or self.label_depth > 0))
        for name in ("placeholder", "aria-label", "title", "value"):
            if attrs.get(name) and (name != "value" or attrs.get("type") in ("submit", "button")):
                self.page.texts.add(" ".join(attrs[name].split()))
        for name in ("placeholder", "aria-label", "title"):
            if (attrs.get(name) or "").strip() in ENGLISH_WORDS:
                self.page.english.append(f'{name}="{attrs[name]}"')

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style", "template"):
            self.skip_depth -= 1

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth = max(0, self.label_depth - 1)
        elif tag in ("script", "style", "template"):
            self.skip_depth = max(0, self.skip_depth - 1)

    def handle_data(self, data):
        if self.skip_depth:
            return
        text = " ".join(data.split())
        self.page.texts.add(text)
        if text in ENGLISH_WORDS:
            self.page.english.append(text)


def read(html: str) -> Page:
    reader = Reader()
    reader.feed(html)
    return reader.page


@functools.cache
def _our_entries() -> tuple:
    """(msgid, msgstr) of every translated entry of our own catalogs."""
    import polib

    entries = []
    for catalog in ROOT.glob("**/locale/id/LC_MESSAGES/django.po"):
        if ".venv" not in catalog.parts and "node_modules" not in catalog.parts:
            entries += [(e.msgid, e.msgstr) for e in polib.pofile(str(catalog)) if e.msgstr and not e.obsolete]
    return tuple(entries)


@functools.cache
def our_english() -> frozenset:
    """The English msgids of our own catalogs whose Indonesian differs: seen whole on an
    Indonesian page, they were never translated (or a catalog shadows ours)."""
    return frozenset(msgid for msgid, msgstr in _our_entries() if msgstr != msgid and "%" not in msgid)


@functools.cache
def our_indonesian() -> frozenset:
    """The Indonesian of our own catalogs that is no English word of ours: seen whole on an
    English page, a string was shown in Indonesian (a catalog missing, a literal in the code)."""
    msgids = {msgid for msgid, _ in _our_entries()}
    return frozenset(
        msgstr
        for msgid, msgstr in _our_entries()
        if msgstr != msgid and msgstr not in msgids and "%" not in msgstr and "{" not in msgstr
    )


def wrong_language(page: Page, html: str, language: str, english: frozenset = frozenset()) -> list[str]:
    """The words of ``page`` that belong to the other language; ``english`` adds words known to be
    English UI text (the admin's, tests/quality/test_admin_pages.py)."""
    if language == "id":
        found = [f"untranslated: {word!r}" for word in page.english]
        found += [f"untranslated msgid: {text!r}" for text in sorted(page.texts & (our_english() | english))]
        found += [f"untranslated: {phrase!r}" for phrase in ENGLISH_PHRASES if phrase in html]
        found += [f"empty choice shows {BLANK_DASH!r}"] * (BLANK_DASH in page.texts)
        return found + _times_written(html, wrong=":")
    found = [f"Indonesian on an English page: {text!r}" for text in sorted(page.texts & our_indonesian())]
    return found + _times_written(html, wrong=".")


def _times_written(html: str, wrong: str) -> list[str]:
    """One time format (issue 11): "10.00 WIB" on an Indonesian page, "10:00 WIB" on an English one."""
    return [
        f"time written the other language's way: {m.group(0)!r}" for m in WIB_TIME.finditer(html) if m.group(1) == wrong
    ]
