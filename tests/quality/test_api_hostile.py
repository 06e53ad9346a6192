"""SPEC rule 7, the classic hostile values, deterministically: for every operation of the
OpenAPI schema, each body field and each query parameter in turn gets a value people (and
scripts) really send — numbers too big for any column, negatives, empty and whitespace
strings, NUL bytes, long unicode, nulls, wrong types, impossible dates — and each path id
gets non-numbers and out-of-range numbers. No answer may be a 5xx; every 4xx has the shared
error shape. Complements test_api_fuzz.py (schemathesis), which explores at random."""

import json

import pytest
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client
from rest_framework.test import APIClient

from mjc.accounts.services import user_token_issue
from tests.quality import scene
from tests.quality.test_api_fuzz import error_shape_problem

pytestmark = pytest.mark.django_db

HOSTILE = [10**30, -1, "", "\x00", "ü漢字🙂 " * 700, None, {"a": 1}, "2026-02-30"]
HOSTILE_QUERY = ["10" + "0" * 30, "-1", "", "\x00", "abc", "2026-02-30"]
HOSTILE_IDS = ["abc", "-1", "1" + "0" * 30]
METHODS = ("get", "post", "put", "patch", "delete")


def load_schema() -> dict:
    response = Client(HTTP_HOST="localhost").get("/api/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].split("/")[-1]]
    if "allOf" in node:
        return resolve(schema, node["allOf"][0])
    if "oneOf" in node:
        return resolve(schema, node["oneOf"][0])
    return node


def plausible(schema: dict, prop: dict):
    prop = resolve(schema, prop)
    if "enum" in prop:
        return next((value for value in prop["enum"] if value not in ("", None)), None)
    kind, fmt = prop.get("type"), prop.get("format")
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    if kind == "object":
        return {}
    if fmt == "date":
        return "2026-12-20"
    if fmt == "date-time":
        return "2026-12-20T10:00:00+07:00"
    if fmt == "email":
        return "uji@contoh.id"
    return "Uji"


def body_fields(schema: dict, operation: dict) -> tuple[str | None, dict]:
    content = operation.get("requestBody", {}).get("content", {})
    if not content:
        return None, {}
    media = "application/json" if "application/json" in content else next(iter(content))
    body_schema = resolve(schema, content[media]["schema"])
    return media, {name: plausible(schema, prop) for name, prop in body_schema.get("properties", {}).items()}


class Calls:
    def __init__(self, client):
        self.client = client
        self.client.raise_request_exception = False
        self.problems: dict[tuple, str] = {}
        self.count = 0
        self.exception = None

    def __enter__(self):
        got_request_exception.connect(self._caught)
        return self

    def __exit__(self, *exc):
        got_request_exception.disconnect(self._caught)

    def _caught(self, sender, **kwargs):
        import traceback

        self.exception = traceback.format_exc(limit=-2).strip().splitlines()[-1]

    def send(self, method: str, label: str, path: str, *, query=None, media=None, body=None):
        self.count += 1
        kwargs = {}
        if media == "application/json":
            kwargs = {"data": json.dumps(body), "content_type": media}
        elif media == "multipart/form-data":
            kwargs = {
                "data": {k: v for k, v in body.items() if isinstance(v, str | int | float)},
                "format": "multipart",
            }
        elif media:
            kwargs = {"data": body, "format": "json"}
        if query:
            path = f"{path}?{'&'.join(f'{k}={v}' for k, v in query.items())}"
        with transaction.atomic():
            response = getattr(self.client, method)(path, **kwargs)
            transaction.set_rollback(True)
        problem = None
        if response.status_code >= 500:
            problem = f"{response.status_code}: {self.exception}"
        elif response.status_code >= 400 and (shape := error_shape_problem(response)):
            problem = f"{response.status_code} without the error shape ({shape})"
        if problem and (label, problem) not in self.problems:
            sent = json.dumps(body, ensure_ascii=True)[:160] if body is not None else ""
            self.problems[(label, problem)] = f"{label} → {problem}\n    {method.upper()} {path[:160]!r} {sent}"
        self.exception = None


def hammer(schema: dict, data: scene.Scene, calls: Calls) -> None:
    for template, operations in schema["paths"].items():
        ids = data.ids_for(template)
        path = template
        for name, value in ids.items():
            path = path.replace("{" + name + "}", str(value))
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            label = f"{method.upper()} {template}"
            media, base = body_fields(schema, operation)
            for name in ids:
                for bad in HOSTILE_IDS:
                    calls.send(
                        method,
                        label,
                        template.replace("{" + name + "}", bad).replace("{id}", "1"),
                        media=media,
                        body=base or None,
                    )
            for field in base:
                for bad in HOSTILE:
                    calls.send(method, label, path, media=media, body={**base, field: bad})
            if media:
                calls.send(method, label, path, media=media, body={})
                if media == "application/json":
                    calls.send(method, label, path, media=media, body=["not", "an", "object"])
            query = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
            for name in query:
                for bad in HOSTILE_QUERY:
                    calls.send(method, label, path, query={name: bad})


@pytest.fixture
def data():
    return scene.build()


@pytest.mark.parametrize("who", ["owner", "creative", "staff", "anonymous"])
def test_hostile_values_in_every_field_query_and_id_never_give_5xx_and_keep_the_error_shape(data, who):
    client = APIClient()
    if who != "anonymous":
        # A token, not force_authenticate: each request loads the user afresh, as in production.
        user = {"owner": data.owner, "creative": data.creative, "staff": data.staff}[who]
        client.credentials(HTTP_AUTHORIZATION=f"Token {user_token_issue(user=user)}")
    schema = load_schema()

    with Calls(client) as calls:
        hammer(schema, data, calls)

    assert calls.count > 800
    assert not calls.problems, f"{len(calls.problems)} problems:\n" + "\n".join(calls.problems.values())
