"""Private files reachable only through the views that check who is asking (SPEC rule 8):
no encoding of ``..`` under /media/public/ reaches private/, and the names, sizes and links
of brief attachments and deliveries are shown only to those who may download them."""

import http.client
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from gigs import services
from tests.gigs.conftest import pdf, png
from tests.gigs.factories import BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory
from tests.storage.conftest import database_url_of_tests, web_node
from umkm.services import product_create

SECRET = b"%PDF-1.4 RAHASIA brief milik pemilik UMKM"


def traversal_paths(private_name: str) -> list[str]:
    """Every way we know to write public/../private/<name> in a URL path."""
    rest = private_name.removeprefix("private/")
    return [
        f"/media/public/../private/{rest}",  # sent raw: http.client does not normalise it
        f"/media/public/%2e%2e/private/{rest}",
        f"/media/public/%2E%2E/private/{rest}",
        f"/media/public/..%2fprivate/{rest}",
        f"/media/public/..%2Fprivate/{rest}",
        f"/media/public/%2e%2e%2fprivate/{rest}",
        f"/media/public/%2E%2E%2Fprivate/{rest}",
        f"/media/public/%252e%252e/private/{rest}",  # double-encoded
        f"/media/public/%252e%252e%252fprivate/{rest}",
        f"/media/public/..%252fprivate/{rest}",
        f"/media/public/..\\private/{rest}",  # backslashes
        f"/media/public/..%5cprivate/{rest}",
        f"/media/public/%2e%2e%5cprivate/{rest}",
        f"/media/public/%2e%2e%5c%2e%2e%5cmedia%5cprivate/{rest}",
        f"/media/public/%c0%ae%c0%ae/private/{rest}",  # overlong UTF-8 dots
        f"/media/public/./../private/{rest}",
        f"/media/public//../private/{rest}",
        f"/media/public/products/../../private/{rest}",
        f"/media/public/products/%2e%2e/%2e%2e/private/{rest}",
        f"/media/public/.%2e/private/{rest}",
        f"/media/public/%2e./private/{rest}",
        f"/media/public/../../media/private/{rest}",
        f"/media/{private_name}",  # no public prefix at all
        f"/media/%70rivate/{rest}",
        "/media/public/../../../../../../etc/passwd",
    ]


def raw_get(base_url: str, path: str, cookie: str = "") -> tuple[int, bytes]:
    """GET ``path`` byte for byte (no client-side normalisation of '..' or '%')."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        if cookie:
            connection.putheader("Cookie", cookie)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def session_cookie(client, user) -> str:
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


@pytest.mark.django_db(transaction=True)
def test_no_encoding_of_dot_dot_reaches_a_private_file(client, tmp_path):
    """Against gunicorn (Django's own test server serves all of MEDIA_ROOT by itself)."""
    with web_node(database_url_of_tests(), {"MJC_MEDIA_ROOT": str(settings.MEDIA_ROOT)}, tmp_path, "web") as url:
        _no_encoding_reaches(url, client)


def _no_encoding_reaches(base_url, client):
    # given a private brief attachment and a public product photo on local disk
    business = BusinessFactory()
    gig = GigFactory(business=business)
    attachment = services.gig_attachment_add(gig=gig, user=business.owner, upload=pdf("brief.pdf"))
    stored = default_storage.save(attachment.file.name + ".copy.pdf", ContentFile(SECRET))
    product = product_create(business=business, name="Keripik", price=15000, photo=png())
    photo_url = product.photo.url
    assert photo_url.startswith("/media/public/products/")

    # the public photo is served
    status, body = raw_get(base_url, photo_url)
    assert status == 200 and body.startswith(b"\x89PNG")

    # and not one spelling of public/../private answers, anonymous or signed in
    cookies = {
        "anonymous": "",
        "signed-in": session_cookie(client, CreativeProfileFactory().user),
        "owner": session_cookie(client, business.owner),
    }
    for who, cookie in cookies.items():
        for name in (attachment.file.name, stored):
            for path in traversal_paths(name):
                status, body = raw_get(base_url, path, cookie)
                assert status == 404, (who, path, status)
                assert SECRET not in body and b"%PDF" not in body, (who, path)

    # while the owner still downloads the attachment through the authorised view
    status, body = raw_get(base_url, f"/berkas/brief/{attachment.pk}/", cookies["owner"])
    assert status == 200 and body.startswith(b"%PDF")


@pytest.mark.django_db
def test_public_media_view_refuses_odd_names(client):
    default_storage.save("public/products/2026/12/ok.png", ContentFile(b"\x89PNG fake"))
    assert client.get("/media/public/products/2026/12/ok.png").status_code == 200
    for path in (
        "/media/public/products/2026/12/",
        "/media/public/products",
        "/media/public/",
        "/media/public/products/2026/12/ok.png/",
        "/media/public/products/2026/12/nope.png",
        "/media/public/products/2026/12/ok.png%00",
        "/media/public/products:2026",
    ):
        assert client.get(path).status_code == (400 if "%00" in path else 404), path  # NUL: refused by the guard
    assert client.post("/media/public/products/2026/12/ok.png").status_code == 405


@pytest.mark.django_db
def test_a_private_file_has_no_url():
    name = default_storage.save("private/briefs/2026/12/x.pdf", ContentFile(SECRET))
    with pytest.raises(ValueError):
        default_storage.url(name)
    assert (settings.MEDIA_ROOT / "private/briefs/2026/12/x.pdf").read_bytes() == SECRET


@pytest.mark.django_db
def test_brief_attachment_metadata_only_for_those_who_may_download(client, as_user, api):
    # given a gig with a brief attachment, a bidder, a withdrawn bidder and a stranger
    business = BusinessFactory()
    owner = business.owner
    gig = GigFactory(business=business)
    services.gig_attachment_add(gig=gig, user=owner, upload=pdf("kemasan-lama-bu-sri.pdf"))
    bidder = BidFactory(gig=gig).creative.user
    withdrawn = BidFactory(gig=gig)
    services.bid_withdraw(bid=withdrawn, user=withdrawn.creative.user)
    stranger = CreativeProfileFactory().user

    def api_view(user):
        client_ = as_user(user) if user else api
        body = client_.get(f"/api/v1/gigs/{gig.pk}/").json()
        return body["attachments"], body["attachment_count"]

    # then the owner and the bidder see name, size and link
    for user in (owner, bidder):
        files, count = api_view(user)
        assert count == 1 and [f["name"] for f in files] == ["kemasan-lama-bu-sri.pdf"]
        assert files[0]["size"] == 2048 and files[0]["url"].startswith("/berkas/brief/")
    # and nobody else sees anything but the count
    for user in (None, stranger, withdrawn.creative.user):
        files, count = api_view(user)
        assert files == [] and count == 1

    # the gig page the same way
    for user, shown in (
        (None, False),
        (stranger, False),
        (withdrawn.creative.user, False),
        (bidder, True),
        (owner, True),
    ):
        client.logout()
        if user:
            client.force_login(user)
        page = client.get(f"/pekerjaan/{gig.pk}/").content.decode()
        assert ("kemasan-lama-bu-sri.pdf" in page) is shown, user
        assert ("/berkas/brief/" in page) is shown, user


@pytest.mark.django_db
def test_delivery_metadata_only_for_the_two_parties(client, as_user, api):
    business = BusinessFactory()
    gig = GigFactory(business=business)
    bid = BidFactory(gig=gig)
    contract = services.bid_accept(bid=bid, user=business.owner)
    services.contract_deliver(
        contract=contract, user=bid.creative.user, note="Final", uploads=[pdf("final-kemasan.pdf")]
    )
    file_row = contract.deliveries.get().files.get()
    for user in (business.owner, bid.creative.user):
        body = as_user(user).get(f"/api/v1/contracts/{contract.pk}/").json()
        assert body["deliveries"][0]["files"][0]["name"] == "final-kemasan.pdf"
        client.force_login(user)
        assert "final-kemasan.pdf" in client.get(f"/kontrak/{contract.pk}/").content.decode()
        assert client.get(f"/berkas/hasil/{file_row.pk}/").status_code == 200
    for user in (CreativeProfileFactory().user, BusinessFactory().owner):
        assert as_user(user).get(f"/api/v1/contracts/{contract.pk}/").status_code == 404
        client.force_login(user)
        response = client.get(f"/kontrak/{contract.pk}/")
        assert response.status_code == 404 and "final-kemasan.pdf" not in response.content.decode()
        assert client.get(f"/berkas/hasil/{file_row.pk}/").status_code == 404
    assert api.get(f"/api/v1/contracts/{contract.pk}/").status_code in (401, 403, 404)
    body = api.get(f"/api/v1/gigs/{gig.pk}/").content.decode()
    assert "final-kemasan.pdf" not in body
