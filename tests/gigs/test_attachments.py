"""Brief attachments on the web: the owner adds and removes them while the gig is a draft or
open. Who may download: the owner, and creatives whose bid is pending, shortlisted or accepted
(so after a contract only its two parties); withdrawn or turned-down bidders, other creatives,
other owners and anonymous visitors may not (404, or the log-in page)."""

import pytest

from gigs import services
from gigs.models import GigAttachment
from gigs.statuses import BidStatus, GigStatus
from mjc.core.errors import Conflict, PermissionDenied
from tests.factories import AdminFactory
from tests.gigs.conftest import pdf
from tests.gigs.factories import BidFactory, BusinessFactory, CreativeProfileFactory

pytestmark = pytest.mark.django_db


def test_owner_adds_files_from_the_gig_page_and_removes_one(client, gig, owner):
    client.force_login(owner)
    page = client.get(f"/pekerjaan/{gig.pk}/").content.decode()
    assert f'action="/pekerjaan/{gig.pk}/lampiran/"' in page and 'enctype="multipart/form-data"' in page

    response = client.post(
        f"/pekerjaan/{gig.pk}/lampiran/", {"files": [pdf("kemasan-lama.pdf"), pdf("logo.pdf")]}, follow=True
    )
    html = response.content.decode()
    assert "2 berkas dilampirkan" in html and "kemasan-lama.pdf" in html
    first = GigAttachment.objects.get(gig=gig, original_name="kemasan-lama.pdf")
    stored = first.file.name
    assert first.file.storage.exists(stored)

    response = client.post(f"/berkas/brief/{first.pk}/hapus/", follow=True)
    assert response.status_code == 200 and "dihapus" in response.content.decode()
    assert list(gig.attachments.values_list("original_name", flat=True)) == ["logo.pdf"]


def test_removing_deletes_the_stored_file(gig, owner, django_capture_on_commit_callbacks):
    attachment = services.gig_attachment_add(gig=gig, user=owner, upload=pdf())
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_attachment_remove(attachment=attachment, user=owner)
    assert not storage.exists(name)


def test_bad_uploads_and_empty_posts_are_messages_not_500(client, gig, owner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(owner)
    assert client.post(f"/pekerjaan/{gig.pk}/lampiran/", {}).status_code == 400  # the gig page, the form again
    fake = SimpleUploadedFile("virus.exe", b"MZ\x90\x00" * 10, content_type="application/octet-stream")
    response = client.post(f"/pekerjaan/{gig.pk}/lampiran/", {"files": [fake]})
    assert response.status_code in (400, 415) and not gig.attachments.exists()
    assert 'id="error-summary"' in response.content.decode()


def test_only_the_owner_and_only_while_draft_or_open(client, gig, owner, creative):
    attachment = services.gig_attachment_add(gig=gig, user=owner, upload=pdf())
    client.force_login(creative.user)
    assert client.post(f"/pekerjaan/{gig.pk}/lampiran/", {"files": [pdf()]}).status_code == 404
    assert client.post(f"/berkas/brief/{attachment.pk}/hapus/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.gig_attachment_remove(attachment=attachment, user=creative.user)
    services.gig_cancel(gig=gig, user=owner)
    with pytest.raises(Conflict):
        services.gig_attachment_remove(attachment=attachment, user=owner)
    with pytest.raises(Conflict):
        services.gig_attachment_add(gig=gig, user=owner, upload=pdf())
    client.force_login(owner)
    page = client.get(f"/pekerjaan/{gig.pk}/").content.decode()
    assert "/attachments/" not in page and "/remove/" not in page
    assert client.post(f"/berkas/brief/{attachment.pk}/hapus/", follow=True).status_code == 200
    assert GigAttachment.objects.filter(pk=attachment.pk).exists()


def test_at_most_ten_attachments(gig, owner):
    from mjc.core.errors import ValidationFailed

    for _n in range(services.MAX_ATTACHMENTS_PER_GIG):
        services.gig_attachment_add(gig=gig, user=owner, upload=pdf())
    with pytest.raises(ValidationFailed):
        services.gig_attachment_add(gig=gig, user=owner, upload=pdf())


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("owner", 200),
        ("pending", 200),
        ("shortlisted", 200),
        ("withdrawn", 404),
        ("rejected", 404),
        ("other_creative", 404),
        ("other_owner", 404),
        ("admin", 404),
        ("anonymous", 302),
    ],
)
def test_who_may_download_a_brief_file(client, gig, owner, who, status):
    gig.status = GigStatus.OPEN
    gig.save(update_fields=["status"])
    attachment = services.gig_attachment_add(gig=gig, user=owner, upload=pdf("brief.pdf"))
    users = {
        "owner": owner,
        "other_creative": CreativeProfileFactory().user,
        "other_owner": BusinessFactory().owner,
        "admin": AdminFactory(),
    }
    if who in ("pending", "shortlisted", "withdrawn", "rejected"):
        users[who] = BidFactory(gig=gig, status=who).creative.user
    if who != "anonymous":
        client.force_login(users[who])
    assert client.get(f"/berkas/brief/{attachment.pk}/").status_code == status
    page = client.get(f"/pekerjaan/{gig.pk}/").content.decode()
    assert (f'href="/berkas/brief/{attachment.pk}/"' in page) == (status == 200)


def test_after_the_contract_only_the_two_parties_keep_access(client, gig, owner):
    gig.status = GigStatus.OPEN
    gig.save(update_fields=["status"])
    attachment = services.gig_attachment_add(gig=gig, user=owner, upload=pdf())
    chosen, other = BidFactory(gig=gig), BidFactory(gig=gig)
    services.bid_accept(bid=chosen, user=owner)
    other.refresh_from_db()
    assert other.status == BidStatus.REJECTED
    for user, status in [(chosen.creative.user, 200), (other.creative.user, 404), (owner, 200)]:
        client.force_login(user)
        assert client.get(f"/berkas/brief/{attachment.pk}/").status_code == status


def test_api_remove(as_user, gig, owner, creative):
    attachment = services.gig_attachment_add(gig=gig, user=owner, upload=pdf())
    url = f"/api/v1/gigs/{gig.pk}/attachments/{attachment.pk}/"
    assert as_user(creative.user).delete(url).status_code == 403  # a visible gig, not theirs
    assert as_user(owner).delete(url).status_code == 204
    assert as_user(owner).delete(url).status_code == 404
