"""Reversing a URL by name, fast, for the paths a list prints once per row (issue 8).

Django's ``reverse()`` walks the resolver's candidates, converts each argument, checks the result
against the pattern's regular expression and quotes it: about 35 µs a call, and a gig page prints
140 of them (each bid's action, profile and message links). ``path_to()`` does that work once per
URL name and argument count — it reverses with marker numbers and keeps the result as a template —
then fills in whole numbers (and lower-case words such as "accept", which need no converting or
quoting) by string formatting. Anything else (other text, keyword arguments, negative numbers, a
name whose pattern does not take the marker) goes to ``reverse()`` unchanged, so the result is always what ``reverse()`` gives: tests/core/test_paths.py checks every
named pattern of the project that takes numbers.

The templates kept depend on the URL configuration and the script prefix; both are part of the
key, and the cache is emptied when a test overrides ROOT_URLCONF."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

# numbers no real primary key reaches and words no path contains, one per argument's place
_MARKERS = (987_654_321_013, 987_654_321_029, 987_654_321_047, 987_654_321_061)
_WORD_MARKERS = ("zqmarkaqz", "zqmarkbqz", "zqmarkcqz", "zqmarkdqz")
_WORD = re.compile(r"[a-z][a-z_]*\Z")  # an action name such as "accept": nothing to convert or quote
_NO_TEMPLATE = object()
_templates: dict[tuple, object] = {}


def _template(view_name: str, shape: str, current_app: str | None):
    """The reversed path with ``{0}``, ``{1}``… where the arguments go, or _NO_TEMPLATE. ``shape``
    says which places hold a number (``i``) and which a word (``w``)."""
    if len(shape) > len(_MARKERS):
        return _NO_TEMPLATE
    args = [_MARKERS[i] if kind == "i" else _WORD_MARKERS[i] for i, kind in enumerate(shape)]
    markers = [str(arg) for arg in args]
    try:
        path = reverse(view_name, args=args, current_app=current_app)
    except NoReverseMatch:
        return _NO_TEMPLATE
    if any(path.count(m) != 1 for m in markers):
        return _NO_TEMPLATE
    text = path.replace("{", "{{").replace("}", "}}")
    for index, marker in enumerate(markers):
        text = text.replace(marker, f"{{{index}}}")
    return text


def _kind(arg) -> str:
    if type(arg) is int and arg >= 0:
        return "i"
    if isinstance(arg, str) and _WORD.match(arg):  # a template literal is a SafeString
        return "w"
    return "?"


def fast_path(view_name: str, args, current_app: str | None = None) -> str | None:
    """The path for ``view_name`` with these ``args`` (whole numbers, or lower-case words such
    as an action's name), or None when only ``reverse()`` can tell (then call it)."""
    shape = "".join(map(_kind, args))
    if "?" in shape:
        return None
    key = (view_name, shape, current_app, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    template = _templates.get(key)
    if template is None:
        template = _templates[key] = _template(view_name, shape, current_app)
    if template is _NO_TEMPLATE:
        return None
    return template.format(*args)


def path_to(view_name: str, *args, current_app: str | None = None) -> str:
    """``reverse(view_name, args=args)``, without its cost when the arguments are whole numbers or words."""
    path = fast_path(view_name, args, current_app)
    return path if path is not None else reverse(view_name, args=args, current_app=current_app)


@receiver(setting_changed)
def _forget(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _templates.clear()
