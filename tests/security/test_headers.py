"""Headers of every page (issue 10, "Headers"): a strict Content-Security-Policy without inline
code, a Permissions-Policy, and no server banner."""

import re
from pathlib import Path

import pytest

from tests.factories import StaffFactory, bakorwil

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/pekerjaan/", "/kreator/", "/ejsc/", "/accounts/login/", "/accounts/signup/", "/api/docs/", "/tentang/"]


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_strict_content_security_policy(client, path):
    response = client.get(path)

    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "data:" in policy["img-src"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_carry_no_inline_script_or_style(client, path):
    html = client.get(path).content.decode()

    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag  # every script is a file
    assert re.search(r"<script\b[^>]*>(?!\s*</script>)", html) is None
    assert "<style" not in html
    assert re.search(r"\sstyle=", html) is None
    assert re.search(r"\son[a-z]+=", html) is None


def test_no_template_holds_inline_code():
    """What the pages above do not reach: every template of the project."""
    offenders = []
    for template in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in template.parts or "email" in template.parts:
            continue  # e-mails are not pages: mail clients need inline styles
        text = template.read_text()
        if (
            re.search(r"<script\b(?![^>]*\bsrc=)[^>]*>", text)
            or "<style" in text
            or re.search(r"\s(style|on[a-z]+)=", text)
        ):
            offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


def test_the_staff_dashboard_draws_its_bars_without_style_attributes(client):
    from tests.ejsc.factories import RoomFactory

    staff = StaffFactory(bakorwil=bakorwil("III"))
    RoomFactory()
    client.force_login(staff)

    html = client.get("/dasbor/").content.decode()

    assert re.search(r"\sstyle=", html) is None


def test_img_src_names_the_object_storage_when_media_sit_there():
    from mjc.settings import media_origins

    assert media_origins({}) == []
    assert media_origins(
        {
            "MJC_S3_BUCKET": "mjc-media",
            "MJC_S3_PUBLIC_URL": "https://cdn.mjc.id/mjc-media",
            "MJC_S3_ENDPOINT_URL": "http://minio:9000",
        }
    ) == ["https://cdn.mjc.id", "http://minio:9000"]
    assert media_origins({"MJC_S3_BUCKET": "mjc-media"}) == ["https://mjc-media.s3.amazonaws.com"]


@pytest.mark.parametrize("path", ["/", "/pekerjaan/", "/api/v1/gigs/", "/healthz"])
def test_permissions_policy_turns_off_what_the_platform_never_uses(client, path):
    response = client.get(path)

    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


def test_no_server_banner_from_the_application(client):
    assert "Server" not in client.get("/").headers


def test_gunicorn_is_told_to_drop_its_banner():
    import runpy

    from gunicorn.http import wsgi

    saved = wsgi.Response.default_headers
    try:
        runpy.run_path(str(ROOT / "gunicorn.conf.py"))

        class Request:
            version = (1, 1)

        response = wsgi.Response.__new__(wsgi.Response)
        response.req, response.status, response.version = Request(), "200 OK", "gunicorn"
        response.should_close = lambda: False
        response.upgrade = response.chunked = False
        lines = wsgi.Response.default_headers(response)
    finally:
        wsgi.Response.default_headers = saved
    assert lines and not any(line.lower().startswith("server:") for line in lines)


def executable_inline_scripts(html: str) -> list[str]:
    """Script elements the policy would refuse: no src and not a JSON data block."""
    found = []
    for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
        if "src=" not in attrs and 'type="application/json"' not in attrs and body.strip():
            found.append(body.strip()[:80])
    return found


def test_no_admin_add_form_needs_inline_script(client):
    """The admin is an HTML page too: django-celery-beat's periodic task form read its crontab in an
    inline script, refused by the policy (the project's template serves it from a file)."""
    from django.contrib import admin
    from django.urls import reverse

    from tests.factories import AdminFactory

    client.force_login(AdminFactory())
    offenders = {}
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        response = client.get(url)
        if response.status_code == 200 and (scripts := executable_inline_scripts(response.content.decode())):
            offenders[url] = scripts
    assert offenders == {}


def test_the_periodic_task_form_reads_its_crontab_from_a_static_file(client):
    from django.urls import reverse

    from tests.factories import AdminFactory

    client.force_login(AdminFactory())
    html = client.get(reverse("admin:django_celery_beat_periodictask_add")).content.decode()

    assert 'id="readable-crontabs" type="application/json"' in html
    assert re.search(r'<script id="periodic-task-overrides" src="[^"]*js/periodic-task-form\.js"', html)
    assert 'data-reads-as="Artinya:"' in html
