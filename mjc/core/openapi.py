"""Make /api/schema/ tell the truth (issue 10, point 11): a drf-spectacular postprocessing hook.

* Every operation documents the errors the platform can answer, in the one shared shape
  (``Error``: ``{"message", "code", "extra"}``, mjc.core.api.exception_handler): 400, 401,
  403, 404, 409, 413, 415, 429 and 503 (a dependency is down, issue 10 point 3/4).
* A ``default`` that its own ``pattern`` refuses (the optional NIB: ``""`` with
  ``^[0-9]{13}$``) is dropped: strict validators reject such a document.
* ``format: time`` means RFC 3339 ``full-time`` (with an offset) to JSON Schema validators,
  while DRF writes wall-clock times as ``08:00:00``: say that with a pattern instead.
* A NUL character is refused in every query parameter and body (mjc.core's request guard,
  issue 10 point 8): every free-text string says so with ``NO_NUL_PATTERN``.
* A code or slug that must exist (``SlugRelatedField`` over a small table) is an enum.
* Request bodies are closed (``additionalProperties: false``): the API ignores unknown
  fields, but a client has no reason to send them, and a NUL inside one is refused.
"""

from __future__ import annotations

import re

from django.db import DatabaseError
from drf_spectacular.extensions import OpenApiSerializerFieldExtension

ERROR_STATUSES = {
    "400": "The input is invalid (`extra.fields` names the fields).",
    "401": "Not signed in, or the token is not valid (expired or revoked).",
    "403": "Not allowed (`email_unverified` until the e-mail address is verified).",
    "404": "Not found, or not visible to the caller.",
    "409": "Conflicts with the current state (an illegal status change, a taken slot…).",
    "413": "The request or a file is too large.",
    "415": "Unsupported media type or file.",
    "429": "Too many requests (throttled, or too many failed sign-ins).",
    "503": "A service the request needs is unavailable for a moment; try again.",
}

ERROR_SCHEMA = {
    "type": "object",
    "description": "The one error shape of the API.",
    "properties": {
        "message": {"type": "string", "description": "For people, in the caller's language."},
        "code": {"type": "string", "description": "For programs, e.g. `invalid`, `gig_illegal_transition`."},
        "extra": {"type": "object", "additionalProperties": True},
    },
    "required": ["message", "code", "extra"],
}

TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"
NO_NUL_PATTERN = r"^[^\x00]*$"
METHODS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _fix_schema_objects(document: dict) -> None:
    for node in _walk(document):
        pattern = node.get("pattern")
        if (
            isinstance(pattern, str)
            and isinstance(node.get("default"), str)
            and not re.search(pattern, node["default"])
        ):
            del node["default"]
        if node.get("format") == "time" and node.get("type") == "string":
            del node["format"]
            node.setdefault("pattern", TIME_PATTERN)
        if node.get("type") == "string" and not ({"pattern", "enum", "format"} & set(node)):
            node["pattern"] = NO_NUL_PATTERN


def _close(schema: dict) -> None:
    if schema.get("type") == "object" and "properties" in schema:
        schema.setdefault("additionalProperties", False)


def _close_request_bodies(document: dict) -> None:
    """``additionalProperties: false`` on every request-body object that does not say otherwise."""
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            _close(schema)
    for path_item in document.get("paths", {}).values():
        for method, operation in path_item.items():
            if method in METHODS:
                for media in operation.get("requestBody", {}).get("content", {}).values():
                    _close(media.get("schema", {}))


def document_errors(result, generator, request, public):
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_STATUSES.items():
                responses.setdefault(
                    status, {"description": description, "content": {"application/json": {"schema": reference}}}
                )
    _fix_schema_objects(result)
    _close_request_bodies(result)
    return result


# A code or slug that must name an existing row (a kabupaten's BPS code, a category's slug):
# small reference tables are listed in the schema as an enum, read when the schema is served.
SLUG_ENUM_LIMIT = 200


class SlugRelatedFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "rest_framework.relations.SlugRelatedField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        field = self.target
        queryset = getattr(field, "queryset", None)
        if field.read_only or queryset is None or schema.get("type") != "string":
            return schema
        try:
            values = list(
                queryset.order_by(field.slug_field).values_list(field.slug_field, flat=True)[: SLUG_ENUM_LIMIT + 1]
            )
        except DatabaseError:  # a database not migrated yet (``check --deploy`` builds the schema too): no enum
            return schema
        if 0 < len(values) <= SLUG_ENUM_LIMIT:
            for keyword in ("minLength", "maxLength", "pattern"):
                schema.pop(keyword, None)
            schema["enum"] = [str(value) for value in values] + ([""] if getattr(field, "allow_blank", False) else [])
        return schema
