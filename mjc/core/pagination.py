"""Keyset (cursor) pagination for the long feeds, in the API and on the pages.

A page is "the rows after this one" in the list's own order — ``WHERE (a, b, id) < (…)`` on
the index that serves the ``ORDER BY`` — so page 500 costs what page 1 costs, and rows
inserted while someone reads never make them skip or repeat a row. The cursor is an opaque,
URL-safe token holding the ordering values of the last (or first) row shown.

Why not DRF's ``CursorPagination``: it positions on the first ordering field only and walks an
OFFSET through ties, which on ``-budget_max`` (thousands of gigs at Rp 1.500.000) reads what it
skips again. Here every ordering field takes part, mixed directions and NULLs included.

Counts are exact up to ``COUNT_CAP`` and otherwise reported as "at least" (``count_capped``),
so a list never counts a whole table: a client shows "1.000+".
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

CURSOR_PARAM = "cursor"
COUNT_CAP = 1000


class InvalidCursor(ValueError):
    pass


def _encode_value(value):
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"n": str(value)}
    return value


def _decode_value(value):
    if isinstance(value, dict):
        if "t" in value:
            return dt.datetime.fromisoformat(value["t"])
        if "d" in value:
            return dt.date.fromisoformat(value["d"])
        if "n" in value:
            return Decimal(value["n"])
        raise InvalidCursor("unknown value")
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    raise InvalidCursor("unknown value")


def encode_cursor(values: list, backwards: bool = False) -> str:
    raw = json.dumps({"v": [_encode_value(v) for v in values], "b": int(backwards)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str, width: int) -> tuple[list, bool]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw)
        values = [_decode_value(v) for v in data["v"]]
        backwards = bool(data.get("b"))
    except (binascii.Error, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidCursor(str(exc)) from exc
    if len(values) != width:
        raise InvalidCursor("cursor does not fit this list")
    return values, backwards


def _ordering(queryset: QuerySet) -> list[tuple[str, bool]]:
    """(field, descending) pairs of the queryset's ORDER BY; it must end on a unique column."""
    order = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    if not order:
        raise ValueError("keyset pagination needs an ordered queryset")
    fields = []
    for term in order:
        if not isinstance(term, str):
            raise ValueError("keyset pagination orders by field names only")
        fields.append((term.lstrip("-"), term.startswith("-")))
    if fields[-1][0] not in ("id", "pk"):
        fields.append(("id", fields[0][1]))
    return fields


def _after(fields: list[tuple[str, bool]], values: list) -> Q:
    """Rows strictly after ``values`` in the order ``fields`` (PostgreSQL: NULLs sort as the
    largest value, so last in ascending and first in descending order)."""
    condition = Q(pk__in=[])  # nothing
    for depth in range(len(fields) - 1, -1, -1):
        name, descending = fields[depth]
        value = values[depth]
        if value is None:
            beyond = Q(**{f"{name}__isnull": False}) if descending else Q(pk__in=[])
            same = Q(**{f"{name}__isnull": True})
        else:
            beyond = Q(**{f"{name}__lt" if descending else f"{name}__gt": value})
            if not descending:
                beyond |= Q(**{f"{name}__isnull": True})
            same = Q(**{name: value})
        condition = beyond | (same & condition)
    # The OR above is exact but gives the planner no place to start in the index; the bound
    # on the first column (implied by it) turns a deep page into an index range scan.
    name, descending = fields[0]
    if values[0] is not None:
        if descending:
            condition &= Q(**{f"{name}__lte": values[0]})
        else:
            condition &= Q(**{f"{name}__gte": values[0]}) | Q(**{f"{name}__isnull": True})
    return condition


def _values_of(row, fields) -> list:
    return [getattr(row, "pk" if name == "pk" else name) for name, _desc in fields]


@dataclass
class KeysetPage:
    items: list
    next_cursor: str | None = None
    previous_cursor: str | None = None
    count: int | None = None
    count_capped: bool = False
    extra: dict = field(default_factory=dict)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return self.previous_cursor is not None


def count_bounded(queryset: QuerySet, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(count, capped): counts at most ``cap + 1`` rows, never the whole table."""
    found = queryset.order_by()[: cap + 1].count()
    return min(found, cap), found > cap


def keyset_page(queryset: QuerySet, *, cursor: str | None, size: int, with_count: bool = False) -> KeysetPage:
    """One page of ``queryset`` (ordered, ending on a unique column) after or before
    ``cursor``. Raises InvalidCursor for a token that is not one of ours."""
    fields = _ordering(queryset)
    backwards = False
    rows = queryset
    if cursor:
        values, backwards = decode_cursor(cursor, len(fields))
        if backwards:
            reverse = [(name, not desc) for name, desc in fields]
            rows = rows.filter(_after(reverse, values))
        else:
            rows = rows.filter(_after(fields, values))
    if backwards:
        rows = rows.order_by(*[("" if desc else "-") + name for name, desc in fields])
    else:
        rows = rows.order_by(*[("-" if desc else "") + name for name, desc in fields])
    items = list(rows[: size + 1])
    more = len(items) > size
    items = items[:size]
    if backwards:
        items.reverse()
    page = KeysetPage(items=items)
    if items:
        first, last = _values_of(items[0], fields), _values_of(items[-1], fields)
        if backwards:  # came back from a later page: there is always a next one
            page.next_cursor = encode_cursor(last)
            page.previous_cursor = encode_cursor(first, backwards=True) if more else None
        else:
            page.next_cursor = encode_cursor(last) if more else None
            page.previous_cursor = encode_cursor(first, backwards=True) if cursor else None
    if with_count:
        page.count, page.count_capped = count_bounded(queryset)
    return page


def page_url(request, cursor: str | None) -> str | None:
    """The current URL with ``cursor`` replaced (for "more" links on pages)."""
    if cursor is None:
        return None
    params = request.GET.copy()
    params.pop("page", None)
    params[CURSOR_PARAM] = cursor
    return f"{request.path}?{urlencode(list(params.lists()), doseq=True)}"


def html_page(request, queryset: QuerySet, *, size: int, with_count: bool = False) -> KeysetPage:
    """keyset_page for a page view: a bad cursor shows the first page instead of an error."""
    try:
        page = keyset_page(queryset, cursor=request.GET.get(CURSOR_PARAM) or None, size=size, with_count=with_count)
    except InvalidCursor:
        page = keyset_page(queryset, cursor=None, size=size, with_count=with_count)
    page.extra["next_url"] = page_url(request, page.next_cursor)
    page.extra["previous_url"] = page_url(request, page.previous_cursor)
    return page


class KeysetPagination(pagination.BasePagination):
    """The API's pagination for long feeds: ``?cursor=…&page_size=…``; the answer carries
    ``count`` (exact up to 1 000, see ``count_capped``), ``next``, ``previous`` and ``results``."""

    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"

    def get_page_size(self, request) -> int:
        try:
            size = int(request.query_params.get(self.page_size_query_param, self.page_size))
        except (TypeError, ValueError):
            return self.page_size
        return max(1, min(size, self.max_page_size))

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        try:
            self.page = keyset_page(
                queryset,
                cursor=request.query_params.get(CURSOR_PARAM) or None,
                size=self.get_page_size(request),
                with_count=True,
            )
        except InvalidCursor as exc:
            raise ValidationError(
                {CURSOR_PARAM: [_("This page link is not valid any more. Start again from the first page.")]},
                code="invalid",
            ) from exc
        return self.page.items

    def _link(self, cursor):
        if cursor is None:
            return None
        from rest_framework.utils.urls import remove_query_param, replace_query_param

        url = remove_query_param(self.request.build_absolute_uri(), "page")
        return replace_query_param(url, CURSOR_PARAM, cursor)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.count,
                "count_capped": self.page.count_capped,
                "next": self._link(self.page.next_cursor),
                "previous": self._link(self.page.previous_cursor),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "count_capped", "next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "example": 123,
                    "description": f"Exact up to {COUNT_CAP}; when count_capped is true there are more.",
                },
                "count_capped": {"type": "boolean", "example": False},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": CURSOR_PARAM,
                "required": False,
                "in": "query",
                "description": "Opaque position from a previous answer's next or previous link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page (1–{self.max_page_size}, default {self.page_size}).",
                "schema": {"type": "integer"},
            },
        ]
