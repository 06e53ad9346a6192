"""The API's body parsers (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]), issue 10 "No input makes a 500".

JSON: at most ``DATA_UPLOAD_MAX_MEMORY_SIZE`` bytes are read (413 past that, also for a body sent
without ``Content-Length``), nesting at most ``MAX_JSON_DEPTH`` levels (400; Python's decoder
raised RecursionError on 1 000 levels, a 500), and no NUL character in any string or key (400;
PostgreSQL refuses NUL in text). Forms: no NUL in any field name or value (files may hold any
byte). Every refusal is in the shared error shape.
"""

from __future__ import annotations

import codecs
import json

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from mjc.core.errors import CoreErrorCode, PayloadTooLarge, ValidationFailed

MAX_JSON_DEPTH = 32


def megabytes(limit: int) -> str:
    value = limit / (1024 * 1024)
    return f"{value:.0f}" if value >= 1 else f"{value:.1f}"


def too_deep() -> ValidationFailed:
    return ValidationFailed(
        _("The JSON body is nested too deeply (at most %(depth)s levels).") % {"depth": MAX_JSON_DEPTH},
        code=CoreErrorCode.TOO_DEEP,
        extra={"max_depth": MAX_JSON_DEPTH},
    )


def nul_refused(field: str = "body") -> ValidationFailed:
    message = _("The request contains a character that is not allowed (NUL).")
    return ValidationFailed(
        _("%(field)s: %(message)s") % {"field": field, "message": message},
        code=CoreErrorCode.INVALID,
        extra={"fields": {field: [str(message)]}, "in": "body"},
    )


def check_tree(data) -> None:
    """Walk a decoded JSON value without recursion: depth and NUL characters (named by their
    top-level field)."""
    stack = [(data, 1, "body")]
    while stack:
        value, depth, field = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                raise nul_refused(field)
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_JSON_DEPTH:
            raise too_deep()
        if isinstance(value, dict):
            for key, item in value.items():
                if "\x00" in key:
                    raise nul_refused(field)
                stack.append((item, depth + 1, key if depth == 1 else field))
        else:
            stack.extend((item, depth + 1, field) for item in value)


def _strict_constant(value):
    raise ValueError(f"{value} is not valid JSON")


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parsers.get_encoding(parser_context)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise PayloadTooLarge(
                _("The request is too large. The maximum is %(mb)s MB.") % {"mb": megabytes(limit)},
                code=CoreErrorCode.TOO_LARGE,
                extra={"max_bytes": limit},
            )
        try:
            text = codecs.decode(raw, encoding)
            data = json.loads(text, parse_constant=_strict_constant if self.strict else None)
        except RecursionError:
            raise too_deep()
        except ValueError as exc:  # includes UnicodeDecodeError and json.JSONDecodeError
            raise ParseError(f"JSON parse error - {exc}")
        check_tree(data)
        return data


def _check_form(data) -> None:
    for key, values in data.lists():
        if "\x00" in key or any(isinstance(value, str) and "\x00" in value for value in values):
            raise nul_refused(key.replace("\x00", "") or "body")


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        _check_form(data)
        return data


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        _check_form(result.data)
        return result
