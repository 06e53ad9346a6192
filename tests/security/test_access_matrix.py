"""The access matrix, generated from the OpenAPI schema (issue 10, "Proved in the project's own
tests"): every operation the schema documents is called by every kind of visitor who has no
business with the object it names, with a body that would pass validation, and no such call may
answer 2xx.

- anonymous: every operation whose ``security`` does not allow ``{}`` must refuse.
- a stranger: a verified user who is owner and creative (so refusals come from the object rules,
  not from a missing role), on objects of other people: every operation with a path id must refuse,
  except the few documented below as open to any signed-in user; lists must not show them.
- staff of another Bakorwil: the same, for the hub objects of Bakorwil III.

A new operation fails here until it is classified, so the matrix cannot silently fall behind."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from rest_framework.test import APIClient

from mjc.accounts.services import user_token_issue
from tests.factories import CreativeProfileFactory, StaffFactory, UserFactory, bakorwil
from tests.quality import scene
from tests.quality.test_api_hostile import METHODS, body_fields, load_schema

pytestmark = pytest.mark.django_db

# Operations with a path id that anyone signed in may use on someone else's object: taking part in
# an open gig or a public event, asking to wait for a room, reading a public object.
OPEN_TO_ANY_SIGNED_IN = {
    "POST /api/v1/gigs/{id}/bids/",
    "POST /api/v1/events/{id}/rsvp/",
    "DELETE /api/v1/events/{id}/rsvp/",
    "POST /api/v1/events/{id}/waitlist/",
    "DELETE /api/v1/events/{id}/waitlist/",
    "POST /api/v1/rooms/{id}/waitlist/",
    "POST /api/v1/packages/{id}/orders/",
}

# Lists under someone else's object that show only the caller's own rows (a creative sees their own
# bids on a gig): 200, but none of the scene's.
SCOPED_LISTS = {"GET /api/v1/gigs/{id}/bids/": "bids"}

# Lists of one's own things: a stranger sees none of the scene's.
OWN_LISTS = {
    "/api/v1/bookings/": "bookings",
    "/api/v1/contracts/": "contracts",
    "/api/v1/notifications/": "notifications",
    "/api/v1/orders/": "orders",
    "/api/v1/waitlist/": "waitlist",
}


def targets(data: scene.Scene) -> dict[str, int]:
    """One object of someone else for each kind of path id."""
    from ejsc.models import BookingSeries, WaitlistEntry
    from gigs.models import GigAttachment, Report
    from packages.models import Order, Package, PackagePhoto
    from payments.models import Payment

    def first(queryset):
        row = queryset.order_by("id").first()
        assert row is not None, queryset.model
        return row.pk

    return {
        "bids": data.bid.pk,
        "contracts": data.contract.pk,
        "gigs": data.gig.pk,
        "businesses": data.gig.business.pk,
        "bookings": data.booking.pk,
        "events": data.event.pk,
        "rooms": data.room.pk,
        "notifications": data.notification.pk,
        "creatives": data.owner.creative_profile.pk,
        "portfolio": data.portfolio_item.pk,
        "product_pk": data.product.pk,
        "booking-series": first(BookingSeries.objects.filter(room__space__bakorwil=data.staff.bakorwil)),
        "waitlist": first(WaitlistEntry.objects.all()),
        "attachment_pk": first(GigAttachment.objects.all()),
        "reports": first(Report.objects.all()),
        "packages": first(Package.objects.all()),
        "photo_id": first(PackagePhoto.objects.all()),
        "orders": first(Order.objects.all()),
        "payments": first(Payment.objects.all()),
    }


def valid_bodies(data: scene.Scene) -> dict:
    """Bodies that pass validation where the schema's plausible values do not, so that these
    operations are refused for who calls them, not for what was sent."""
    from tests.packages.factories import png

    return {
        "PATCH /api/v1/gigs/{id}/": {"title": "Judul dari orang lain"},
        "PATCH /api/v1/packages/{id}/": {"title": "Judul dari orang lain"},
        "POST /api/v1/gigs/{id}/invitations/": {"creative": data.creative.creative_profile.pk},
        "POST /api/v1/gigs/{id}/picture/": {"file": png()},
        "POST /api/v1/packages/{id}/photos/": {"file": png()},
    }


def fill(template: str, ids: dict[str, int]) -> str:
    parts = template.split("/")
    prefix = "portfolio" if "/portfolio/" in template else parts[3]
    path = template.replace("{id}", str(ids[prefix]))
    for name in ("product_pk", "attachment_pk", "photo_id"):
        path = path.replace("{" + name + "}", str(ids[name]))
    assert "{" not in path, template
    return path


def send(client, method: str, path: str, media, body):
    kwargs = {}
    if body and any(isinstance(v, SimpleUploadedFile) for v in body.values()):
        media = "multipart/form-data"
    if media == "application/json":
        kwargs = {"data": json.dumps(body), "content_type": media}
    elif media:
        kept = {k: v for k, v in body.items() if isinstance(v, str | int | float | SimpleUploadedFile)}
        kwargs = {"data": kept, "format": "multipart"}
    with transaction.atomic():  # each cell starts from the same scene
        response = getattr(client, method)(path, **kwargs)
        transaction.set_rollback(True)
    return response


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {user_token_issue(user=user)}")
    return client


def operations(schema: dict):
    for template, item in schema["paths"].items():
        for method in METHODS:
            if method in item:
                yield template, method, item[method]


def others_objects(data: scene.Scene) -> None:
    """What the demo scene lacks, made by its people: an attachment on the owner's gig, a report,
    a package of the creative with an order of the owner, and a recorded payment on the contract."""
    from gigs.services import gig_attachment_add, report_create
    from payments import services as payments
    from tests.gigs.conftest import pdf
    from tests.packages.factories import make_order, make_package, png

    gig_attachment_add(gig=data.gig, user=data.owner, upload=pdf("brief-rahasia.pdf"))
    report_create(user=data.creative, reason="Lowongan palsu", gig=data.gig)
    package = make_package(creative=data.creative.creative_profile)
    from packages import services as packages

    packages.package_photo_add(package=package, user=data.creative, upload=png())
    make_order(package=package, owner=data.owner, business=data.gig.business)
    payments.terms_propose(
        contract=data.contract,
        user=data.owner,
        instalments=payments.preset_instalments(contract=data.contract, preset="dp50"),
    )
    payments.terms_agree(contract=data.contract, user=data.creative)
    instalment = data.contract.instalments.order_by("id").first()
    payments.payment_record(
        contract=data.contract, user=data.owner, instalment=instalment.pk, amount=instalment.amount,
        method="transfer", paid_on=timezone.localdate(),
    )  # fmt: skip


@pytest.fixture
def data():
    built = scene.build()
    others_objects(built)
    return built


@pytest.fixture
def schema():
    return load_schema()


def test_anonymous_gets_no_2xx_from_any_operation_the_schema_says_needs_an_account(data, schema):
    ids, client = targets(data), APIClient()
    cells, leaks = 0, []
    for template, method, operation in operations(schema):
        if {} in operation.get("security", [{}]):
            continue
        media, body = body_fields(schema, operation)
        path = fill(template, ids) if "{" in template else template
        response = send(client, method, path, media, body)
        cells += 1
        if response.status_code < 300:
            leaks.append(f"{method.upper()} {template} → {response.status_code}")
        elif template not in ("/api/v1/auth/token/",):
            assert response.status_code in (401, 403), (method, template, response.status_code)
    assert cells > 90
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize("who", ["stranger", "outsider_staff"])
def test_nobody_without_a_part_in_an_object_gets_2xx_from_any_operation_on_it(data, schema, who):
    user = UserFactory(is_owner=True, is_creative=True) if who == "stranger" else StaffFactory(bakorwil=bakorwil("V"))
    CreativeProfileFactory(user=user) if who == "stranger" else None
    client = token_client(verified(user))
    ids = targets(data)
    cells, leaks, unproven, seen = 0, [], [], set()
    for template, method, operation in operations(schema):
        label = f"{method.upper()} {template}"
        media, body = body_fields(schema, operation)
        body = valid_bodies(data).get(label, body)  # fresh files for each cell
        if "{" not in template:
            if method == "get" and template in OWN_LISTS:
                response = send(client, method, template, None, None)
                assert response.status_code == 200, (label, response.status_code)
                shown = {row["id"] for row in response.json()["results"]}
                assert ids[OWN_LISTS[template]] not in shown, f"{label} lists someone else's object"
                cells += 1
            continue
        path = fill(template, ids)
        if label in OPEN_TO_ANY_SIGNED_IN:
            seen.add(label)
            continue
        if method == "get" and {} in operation.get("security", []):
            continue  # public reads
        if label in SCOPED_LISTS:
            response = send(client, method, path, None, None)
            assert response.status_code == 200, (label, response.status_code)
            assert ids[SCOPED_LISTS[label]] not in {row["id"] for row in response.json()["results"]}, label
            seen.add(label)
            cells += 1
            continue
        response = send(client, method, path, media, body)
        cells += 1
        if response.status_code < 300:
            leaks.append(f"{label} → {response.status_code}")
        elif response.status_code not in (403, 404):
            unproven.append(f"{label} → {response.status_code} {response.content[:200]!r}")
    assert cells > 70
    assert seen == OPEN_TO_ANY_SIGNED_IN | set(SCOPED_LISTS), "an operation open to anyone signed in left the schema"
    assert not leaks, f"{len(leaks)} unauthorised 2xx:\n" + "\n".join(leaks)
    # a 400 would hide a missing permission check behind the validation: every cell is refused as such
    assert not unproven, f"{len(unproven)} cells not refused with 403/404:\n" + "\n".join(unproven)
