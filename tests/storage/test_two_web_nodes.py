"""The web tier holds no state of its own (issue 8, "Several machines"): two gunicorn
processes of the project on different ports share only PostgreSQL, Redis and the S3 server.
Signed in on node 1, a brief attachment and a product photo uploaded on node 2 with the same
session cookie, downloaded on node 1; nothing lands on the nodes' disks."""

import io
import re

import pytest
import requests
from django.conf import settings

from gigs.models import GigAttachment
from tests.factories import PASSWORD
from tests.gigs.factories import BusinessFactory, GigFactory
from tests.storage.conftest import database_url_of_tests, make_buckets, s3_env, web_node
from tests.storage.test_private_means_private import raw_get, traversal_paths
from umkm.models import Product

BUCKET = "mjc-two-nodes"
BRIEF = b"%PDF-1.4\n" + b"brief kemasan keripik tempe " * 200


def csrf_of(session: requests.Session) -> str:
    return session.cookies.get(settings.CSRF_COOKIE_NAME, "")


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (32, 24), "teal").save(out, "PNG")
    return out.getvalue()


@pytest.mark.multinode
@pytest.mark.django_db(transaction=True)
def test_sign_in_on_one_node_upload_on_the_other_download_on_the_first(s3_server, tmp_path):
    # given an owner with an open gig, two web nodes and one S3 server
    business = BusinessFactory()
    owner = business.owner
    gig = GigFactory(business=business)
    make_buckets(s3_server, BUCKET)
    disks = {name: tmp_path / f"{name}-disk" for name in ("node1", "node2")}
    env = {**s3_env(s3_server, BUCKET)}

    with (
        web_node(database_url_of_tests(), {**env, "MJC_MEDIA_ROOT": str(disks["node1"])}, tmp_path, "node1") as one,
        web_node(database_url_of_tests(), {**env, "MJC_MEDIA_ROOT": str(disks["node2"])}, tmp_path, "node2") as two,
    ):
        browser = requests.Session()  # cookies are per host, not per port: one browser, two nodes

        # when the owner signs in on node 1
        assert browser.get(f"{one}/accounts/login/", timeout=20).status_code == 200
        response = browser.post(
            f"{one}/accounts/login/",
            data={"login": owner.email, "password": PASSWORD, "csrfmiddlewaretoken": csrf_of(browser)},
            headers={"Referer": f"{one}/accounts/login/"},
            allow_redirects=False,
            timeout=20,
        )
        assert response.status_code == 302, response.text[:500]
        assert browser.cookies.get(settings.SESSION_COOKIE_NAME)

        # and attaches a brief file on node 2 with the same cookie
        page = browser.get(f"{two}/pekerjaan/{gig.pk}/", timeout=20)
        assert page.status_code == 200 and f"/pekerjaan/{gig.pk}/lampiran/" in page.text  # node 2 knows them
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = browser.post(
            f"{two}/pekerjaan/{gig.pk}/lampiran/",
            data={"csrfmiddlewaretoken": token},
            files={"files": ("kemasan-lama.pdf", BRIEF, "application/pdf")},
            headers={"Referer": f"{two}/pekerjaan/{gig.pk}/"},
            allow_redirects=False,
            timeout=20,
        )
        assert response.status_code == 302
        attachment = GigAttachment.objects.get(gig=gig)
        # and adds a product with a photo through the API on node 2
        response = browser.post(
            f"{two}/api/v1/businesses/{business.pk}/products/",
            data={"name": "Keripik tempe", "price": "15000"},
            files={"photo": ("keripik.png", png_bytes(), "image/png")},
            headers={"X-CSRFToken": csrf_of(browser), "Referer": f"{two}/"},
            timeout=20,
        )
        assert response.status_code == 201, response.text[:500]
        product = Product.objects.get(business=business)

        # then node 1 shows and serves the attachment uploaded on node 2
        page = browser.get(f"{one}/pekerjaan/{gig.pk}/", timeout=20)
        assert "kemasan-lama.pdf" in page.text
        download = browser.get(f"{one}/berkas/brief/{attachment.pk}/", timeout=20)
        assert download.status_code == 200 and download.content == BRIEF
        assert "attachment" in download.headers["Content-Disposition"]

        # and the photo is public on the bucket, linked from node 1's page
        photo_url = f"{s3_server['endpoint']}/{BUCKET}/{product.photo.name}"
        assert photo_url in browser.get(f"{one}{business.get_absolute_url()}", timeout=20).text
        photo = requests.get(photo_url, timeout=20)
        assert photo.status_code == 200 and photo.content.startswith(b"\x89PNG")

        # while the private object is not reachable without the app, nor through either node
        assert requests.get(f"{s3_server['endpoint']}/{BUCKET}/{attachment.file.name}", timeout=20).status_code == 403
        assert (
            requests.get(f"{one}/berkas/brief/{attachment.pk}/", allow_redirects=False, timeout=20).status_code == 302
        )
        for base in (one, two):
            for path in traversal_paths(attachment.file.name)[:8]:
                assert raw_get(base, path)[0] == 404, (base, path)

        # and signing out on node 2 signs out on node 1 (the session lives in the database)
        browser.post(
            f"{two}/accounts/logout/",
            data={"csrfmiddlewaretoken": csrf_of(browser)},
            headers={"Referer": f"{two}/"},
            timeout=20,
        )
        assert browser.get(f"{one}/berkas/brief/{attachment.pk}/", allow_redirects=False, timeout=20).status_code == 302

    # nothing was written to either node's own disk
    for disk in disks.values():
        assert not disk.exists() or not any(path.is_file() for path in disk.rglob("*"))
