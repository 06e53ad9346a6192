"""Issue 10, point 11: /api/schema/ is a document a client can trust. It validates strictly
(openapi-spec-validator), every operation documents the shared error shape for the statuses
the platform answers, and wall-clock times are described as DRF writes them. The conformance
of real answers to it is checked by tests/quality/test_api_fuzz.py (schemathesis)."""

import re

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.validators import OpenAPIV30SpecValidator

from mjc.core.openapi import ERROR_STATUSES, TIME_PATTERN

pytestmark = pytest.mark.django_db
METHODS = {"get", "put", "post", "patch", "delete"}


@pytest.fixture
def schema(api):
    response = api.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_validates_strictly(schema):
    errors = [str(error).splitlines()[0] for error in OpenAPIV30SpecValidator(schema).iter_errors()]

    assert errors == []
    validate(schema)


def test_every_operation_documents_every_error_status_in_the_shared_shape(schema):
    assert schema["components"]["schemas"]["Error"]["required"] == ["message", "code", "extra"]
    missing = [
        f"{method.upper()} {path} {status}"
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in METHODS
        for status in ERROR_STATUSES
        if "schema" not in operation["responses"].get(status, {}).get("content", {}).get("application/json", {})
    ]
    assert missing == []
    assert {"400", "401", "403", "404", "409", "413", "415", "429"} <= set(ERROR_STATUSES)


def test_no_default_contradicts_its_own_pattern(schema):
    nib = schema["components"]["schemas"]["BusinessWriteRequest"]["properties"]["nib"]

    assert "^[0-9]{13}$" in str(nib) and "default" not in str(nib)


def test_times_are_described_the_way_they_are_written(schema):
    text = str(schema)

    assert "'format': 'time'" not in text
    assert re.fullmatch(TIME_PATTERN, "08:00:00") and re.fullmatch(TIME_PATTERN, "08:00")
    assert not re.fullmatch(TIME_PATTERN, "25:00")


def test_the_new_auth_and_contract_operations_are_documented(schema):
    paths = schema["paths"]

    assert "delete" in paths["/api/v1/auth/token/"]
    assert "post" in paths["/api/v1/auth/verification/resend/"]
    assert "post" in paths["/api/v1/contracts/{id}/withdraw/"]
    assert "post" in paths["/api/v1/me/calendar-feed/rotate/"]
