"""Badges: NIB terverifikasi (owner submits, admin reviews on its page), Talenta MJC (granted by
an admin), and the earned Responsif / Tepat waktu computed by a scheduled job."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from creatives import services as creative_services
from creatives.models import CreativeProfile
from mjc.core import badges
from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.notifications.models import Notification
from payments.badges import earned_badges_refresh
from payments.tasks import refresh_earned_badges
from tests.factories import AdminFactory, BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory, UserFactory
from tests.payments.conftest import pdf
from umkm import services as umkm_services
from umkm.models import Business, NibVerification

pytestmark = pytest.mark.django_db

NIB = "1234567890123"


def test_badges_are_declared_once_with_their_rules():
    assert set(badges.BADGES) == {"nib_verified", "talenta_mjc", "responsive", "on_time"}
    assert all(str(badge.rule) for badge in badges.BADGES.values())
    assert badges.badge_list(["on_time", "nib_verified", "unknown"]) == [
        {"code": "nib_verified", "label": "NIB terverifikasi"},
        {"code": "on_time", "label": "Tepat waktu"},
    ]


# --- NIB terverifikasi ---------------------------------------------------------------------------


def test_owner_submits_admin_approves_on_the_review_page_badge_everywhere(as_user, client, api):
    admin = AdminFactory()
    business = BusinessFactory()
    gig = GigFactory(business=business)
    response = as_user(business.owner).post(
        reverse("api:business-verification", args=[business.pk]),
        {"nib": NIB, "document": pdf("nib.pdf")},
        format="multipart",
    )
    assert response.status_code == 201 and response.json()["status"] == "pending"
    assert Notification.objects.filter(recipient=admin, kind="verification.submitted").exists()
    # a second request while one waits is a conflict
    again = as_user(business.owner).post(
        reverse("api:business-verification", args=[business.pk]), {"nib": NIB}, format="json"
    )
    assert again.status_code == 409 and again.json()["code"] == "verification_pending"

    client.force_login(admin)
    page = client.get(reverse("umkm:verification_review"))
    assert page.status_code == 200 and NIB in page.content.decode()
    row = NibVerification.objects.get()
    assert client.get(reverse("umkm:verification_document", args=[row.pk])).status_code == 200
    client.post(reverse("umkm:verification_decide", args=[row.pk, "approve"]))
    business.refresh_from_db()
    assert business.nib_verified_at and business.nib == NIB
    [told] = Notification.objects.filter(recipient=business.owner, kind="verification.decided")
    assert "Disetujui" in told.body

    assert api.get(reverse("api:business-detail", args=[business.pk])).json()["badges"] == [
        {"code": "nib_verified", "label": "NIB terverifikasi"}
    ]
    client.logout()
    assert 'data-badge="nib_verified"' in client.get(reverse("umkm:detail", args=[business.pk])).content.decode()
    assert 'data-badge="nib_verified"' in client.get(reverse("gigs:detail", args=[gig.pk])).content.decode()
    assert 'data-badge="nib_verified"' in client.get(reverse("gigs:list")).content.decode()


def test_a_rejection_needs_a_reason_and_the_owner_sees_it(client):
    admin = AdminFactory()
    business = BusinessFactory()
    row = umkm_services.nib_verification_submit(business=business, user=business.owner, nib=NIB)
    with pytest.raises(ValidationFailed):
        umkm_services.nib_verification_decide(verification=row, admin=admin, approve=False, reason=" ")
    client.force_login(admin)
    client.post(reverse("umkm:verification_decide", args=[row.pk, "reject"]), {"reason": "NIB tidak terdaftar di OSS"})
    row.refresh_from_db()
    assert row.status == "rejected"
    business.refresh_from_db()
    assert business.nib_verified_at is None
    client.force_login(business.owner)
    page = client.get(reverse("umkm:verification", args=[business.pk])).content.decode()
    assert "NIB tidak terdaftar di OSS" in page
    # deciding twice: the same decision is a no-op, the other one a 409
    umkm_services.nib_verification_decide(verification=row, admin=admin, approve=False, reason="lagi")
    with pytest.raises(Conflict):
        umkm_services.nib_verification_decide(verification=row, admin=admin, approve=True)
    # the owner may submit again after a rejection
    response = client.post(reverse("umkm:verification", args=[business.pk]), {"nib": NIB})
    assert response.status_code == 302
    assert NibVerification.objects.filter(business=business, status="pending").count() == 1


@pytest.mark.parametrize("nib", ["123", "12345678901234", "abcdefghijklm", ""])
def test_the_nib_format_is_checked(as_user, nib):
    business = BusinessFactory()
    response = as_user(business.owner).post(
        reverse("api:business-verification", args=[business.pk]), {"nib": nib}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_nib"


def test_only_the_owner_submits_and_only_admins_review(as_user, client):
    business = BusinessFactory()
    stranger = UserFactory()
    assert (
        as_user(stranger)
        .post(reverse("api:business-verification", args=[business.pk]), {"nib": NIB}, format="json")
        .status_code
        == 404
    )
    row = umkm_services.nib_verification_submit(business=business, user=business.owner, nib=NIB)
    with pytest.raises(PermissionDenied):
        umkm_services.nib_verification_decide(verification=row, admin=business.owner, approve=True)
    for user in (stranger, business.owner):
        client.force_login(user)
        assert client.get(reverse("umkm:verification_review")).status_code == 404
        assert client.post(reverse("umkm:verification_decide", args=[row.pk, "approve"])).status_code == 404
    client.force_login(stranger)
    assert client.get(reverse("umkm:verification_document", args=[row.pk])).status_code == 404


def test_changing_a_verified_nib_drops_the_badge():
    admin = AdminFactory()
    business = BusinessFactory()
    row = umkm_services.nib_verification_submit(business=business, user=business.owner, nib=NIB)
    umkm_services.nib_verification_decide(verification=row, admin=admin, approve=True)
    business = Business.objects.get(pk=business.pk)
    umkm_services.business_update(business=business, nib="9999999999999")
    assert Business.objects.get(pk=business.pk).nib_verified_at is None


# --- Talenta MJC -----------------------------------------------------------------------------------


def test_an_admin_grants_and_withdraws_talenta_with_a_note(api, client):
    admin = AdminFactory()
    profile = CreativeProfileFactory()
    with pytest.raises(PermissionDenied):
        creative_services.talenta_grant(profile=profile, admin=profile.user, note="x")
    client.force_login(admin)
    client.post(
        reverse("creatives:talenta", args=[profile.pk]), {"grant": "1", "note": "Lulus Bootcamp Desain MJC 2026"}
    )
    profile.refresh_from_db()
    assert profile.talenta_since == timezone.localdate() and "Bootcamp" in profile.talenta_note
    assert {"code": "talenta_mjc", "label": "Talenta MJC"} in api.get(
        reverse("api:creative-detail", args=[profile.pk])
    ).json()["badges"]
    assert 'data-badge="talenta_mjc"' in client.get(reverse("creatives:list")).content.decode()
    # the directory filter "hanya terverifikasi"
    other = CreativeProfileFactory()
    ids = [row["id"] for row in api.get(reverse("api:creatives") + "?verified=true").json()["results"]]
    assert ids == [profile.pk] and other.pk not in ids
    assert other.user.full_name not in client.get(reverse("creatives:list") + "?verified=on").content.decode()
    client.post(reverse("creatives:talenta", args=[profile.pk]), {"grant": "0", "note": "Data pelatihan keliru"})
    profile.refresh_from_db()
    assert profile.talenta_since is None
    assert api.get(reverse("api:creative-detail", args=[profile.pk])).json()["badges"] == []


def test_strangers_cannot_touch_talenta(client):
    profile = CreativeProfileFactory()
    client.force_login(UserFactory())
    assert client.post(reverse("creatives:talenta", args=[profile.pk]), {"grant": "1", "note": "x"}).status_code == 404


# --- earned badges --------------------------------------------------------------------------------


def _conversation_with_reply(creative, hours: float):
    from gigs.models import Message

    bid = BidFactory(creative=creative)
    asked = timezone.now() - timedelta(days=5)
    owner_message = Message.objects.create(conversation=bid.conversation, sender=bid.gig.business.owner, body="Halo?")
    reply = Message.objects.create(conversation=bid.conversation, sender=creative.user, body="Siap")
    Message.objects.filter(pk=owner_message.pk).update(created_at=asked)
    Message.objects.filter(pk=reply.pk).update(created_at=asked + timedelta(hours=hours))


def _contract_delivered(creative, *, late: bool):
    from gigs import services
    from gigs.models import Contract, Delivery
    from tests.gigs.conftest import pdf as delivery_pdf

    bid = BidFactory(creative=creative)
    contract = services.bid_accept(bid=bid, user=bid.gig.business.owner)
    services.contract_deliver(contract=contract, user=creative.user, uploads=[delivery_pdf()])
    if late:
        Contract.objects.filter(pk=contract.pk).update(due_date=timezone.localdate() - timedelta(days=3))
        Delivery.objects.filter(contract=contract).update(created_at=timezone.now())


def test_responsive_needs_a_short_median_and_enough_history():
    quick, slow, new = CreativeProfileFactory(), CreativeProfileFactory(), CreativeProfileFactory()
    for hours in (1, 2, 30):
        _conversation_with_reply(quick, hours)
    for hours in (30, 40, 2):
        _conversation_with_reply(slow, hours)
    for hours in (1, 1):  # too little history to say
        _conversation_with_reply(new, hours)
    assert refresh_earned_badges() >= 1
    assert refresh_earned_badges() == 0  # run twice: nothing changes the second time
    assert CreativeProfile.objects.get(pk=quick.pk).earned_badges == ["responsive"]
    assert CreativeProfile.objects.get(pk=slow.pk).earned_badges == []
    assert CreativeProfile.objects.get(pk=new.pk).earned_badges == []


def test_on_time_needs_ninety_percent_of_the_last_contracts():
    punctual, late = CreativeProfileFactory(), CreativeProfileFactory()
    for _ in range(3):
        _contract_delivered(punctual, late=False)
    _contract_delivered(late, late=False)
    _contract_delivered(late, late=False)
    _contract_delivered(late, late=True)
    earned_badges_refresh()
    assert CreativeProfile.objects.get(pk=punctual.pk).earned_badges == ["on_time"]
    assert CreativeProfile.objects.get(pk=late.pk).earned_badges == []
    # a badge goes when the creative stops qualifying
    for _ in range(2):
        _contract_delivered(punctual, late=True)
    earned_badges_refresh()
    assert CreativeProfile.objects.get(pk=punctual.pk).earned_badges == []


# --- badges on package pages and in the gig and package APIs ------------------------------------


def test_badges_show_on_package_pages_and_in_the_package_and_gig_apis(api, client):
    """Given a creative MJC vouches for (Talenta MJC, Tepat waktu) with a package, and a verified
    business with a gig, then the package card, the package page and both APIs carry the badges;
    a creative without any shows none."""

    from tests.packages.factories import make_package

    admin = AdminFactory()
    vouched = CreativeProfileFactory()
    creative_services.talenta_grant(profile=vouched, admin=admin, note="Lulus Bootcamp Desain MJC 2026")
    CreativeProfile.objects.filter(pk=vouched.pk).update(earned_badges=["on_time"])
    package = make_package(creative=vouched)
    plain = make_package(creative=CreativeProfileFactory(), title="Foto produk katalog")
    business = BusinessFactory()
    row = umkm_services.nib_verification_submit(business=business, user=business.owner, nib=NIB)
    umkm_services.nib_verification_decide(verification=row, admin=admin, approve=True)
    gig = GigFactory(business=business)

    expected = [{"code": "talenta_mjc", "label": "Talenta MJC"}, {"code": "on_time", "label": "Tepat waktu"}]
    detail = api.get(reverse("api:package-detail", args=[package.pk])).json()
    assert detail["creative"]["badges"] == expected
    listed = {item["id"]: item for item in api.get(reverse("api:packages")).json()["results"]}
    assert listed[package.pk]["creative"]["badges"] == expected
    assert listed[plain.pk]["creative"]["badges"] == []
    english = api.get(reverse("api:package-detail", args=[package.pk]), HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["creative"]["badges"][1] == {"code": "on_time", "label": "On time"}
    assert api.get(reverse("api:gig-detail", args=[gig.pk])).json()["business_badges"] == [
        {"code": "nib_verified", "label": "NIB terverifikasi"}
    ]

    page = client.get(reverse("packages:detail", args=[package.pk])).content.decode()
    assert 'data-badge="talenta_mjc"' in page and 'data-badge="on_time"' in page
    catalogue = client.get(reverse("packages:list")).content.decode()
    assert catalogue.count('data-badge="talenta_mjc"') == 1
    assert 'data-badge="' not in client.get(reverse("packages:detail", args=[plain.pk])).content.decode()
