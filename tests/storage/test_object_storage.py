"""Media on an S3-protocol server (moto's standalone server in a process of its own, reached
over HTTP with boto3 like MinIO or AWS): public photos readable by anyone at their URL,
private files only through the authorised views, streamed or as short-lived signed URLs."""

import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.core.files.storage import default_storage

from gigs import services
from tests.gigs.conftest import pdf, png
from tests.gigs.factories import BusinessFactory, CreativeProfileFactory, GigFactory
from tests.storage.conftest import make_buckets, s3_storages
from umkm.services import product_create

pytestmark = pytest.mark.django_db
BUCKET = "mjc-media-test"


@pytest.fixture
def on_object_storage(settings, s3_server):
    make_buckets(s3_server, BUCKET)
    settings.STORAGES = {**settings.STORAGES, **s3_storages(s3_server, BUCKET)}
    return s3_server


def anonymous_get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_product_photo_is_public_on_the_bucket(on_object_storage, client, settings):
    business = BusinessFactory()
    product = product_create(business=business, name="Keripik tempe", price=15000, photo=png())
    url = product.photo.url
    assert url.startswith(f"{on_object_storage['endpoint']}/{BUCKET}/public/products/")
    status, body = anonymous_get(url)
    assert status == 200 and body.startswith(b"\x89PNG")
    assert anonymous_get(product.thumbnail.url)[0] == 200
    # the page links the bucket, and nothing was written to this machine's disk
    assert url in client.get(business.get_absolute_url()).content.decode()
    assert not (settings.MEDIA_ROOT / "public").exists()


def test_brief_attachment_is_private_on_the_bucket(on_object_storage, client, settings, run_on_commit):
    business = BusinessFactory()
    gig = GigFactory(business=business)
    attachment = services.gig_attachment_add(gig=gig, user=business.owner, upload=pdf("brief-kemasan.pdf", 4096))
    key = attachment.file.name
    assert key.startswith("private/briefs/")
    assert default_storage.exists(key) and not (settings.MEDIA_ROOT / key).exists()

    # not reachable without the app: no public URL, and the object itself refuses strangers
    with pytest.raises(ValueError):
        _ = attachment.file.url
    status, body = anonymous_get(f"{on_object_storage['endpoint']}/{BUCKET}/{key}")
    assert status == 403 and b"%PDF" not in body

    # the owner downloads it through the app, streamed from the bucket
    client.force_login(business.owner)
    response = client.get(f"/berkas/brief/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf(size=4096).read()
    assert "attachment" in response["Content-Disposition"] and "brief-kemasan.pdf" in response["Content-Disposition"]
    client.force_login(CreativeProfileFactory().user)
    assert client.get(f"/berkas/brief/{attachment.pk}/").status_code == 404

    # removing it removes the object
    with run_on_commit():
        services.gig_attachment_remove(attachment=attachment, user=business.owner)
    assert not default_storage.exists(key)


def test_signed_urls_are_issued_only_after_the_check(on_object_storage, client, settings):
    settings.MJC_S3_SIGNED_URLS = True
    business = BusinessFactory()
    gig = GigFactory(business=business)
    attachment = services.gig_attachment_add(gig=gig, user=business.owner, upload=pdf("brief.pdf"))

    client.force_login(CreativeProfileFactory().user)
    assert client.get(f"/berkas/brief/{attachment.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/berkas/brief/{attachment.pk}/").status_code == 302  # to the log-in page
    assert "X-Amz-Signature" not in client.get(f"/berkas/brief/{attachment.pk}/")["Location"]

    client.force_login(business.owner)
    response = client.get(f"/berkas/brief/{attachment.pk}/")
    assert response.status_code == 302
    signed = response["Location"]
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=60" in signed
    status, body = anonymous_get(signed)
    assert status == 200 and body.startswith(b"%PDF")
    assert "attachment" in urllib.parse.unquote(signed)  # ResponseContentDisposition: a download
    # the same object without the signature stays closed (moto does not verify signatures
    # themselves, so tampering and expiry are left to MinIO/AWS, which do)
    assert anonymous_get(signed.split("?")[0])[0] == 403
