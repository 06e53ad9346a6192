"""The whole marketplace journey through the API alone, and hostile uploads on deliver."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gigs.models import Contract
from tests.gigs.conftest import pdf, png
from tests.gigs.factories import BusinessFactory, CreativeProfileFactory

pytestmark = pytest.mark.django_db


def test_owner_and_creative_through_the_api(as_user, api, run_on_commit):
    # given an owner with a business and a creative with a profile
    business = BusinessFactory(name="Keripik Tempe Bu Sri")
    owner, creative = as_user(business.owner), CreativeProfileFactory()
    creative_api = as_user(creative.user)

    # when the owner posts from a template
    templates = api.get("/api/v1/gig-templates/?category=kemasan").json()
    template = templates[0]
    assert template["slug"] == "desain-kemasan-keripik" and template["questions"]
    deadline = (timezone.localdate() + timedelta(days=21)).isoformat()
    response = owner.post(
        "/api/v1/gigs/",
        {
            "title": "Desain kemasan keripik tempe",
            "category": "kemasan",
            "template": template["slug"],
            "answers": {
                "product": "Keripik tempe balado",
                "size": "100 g",
                "medium": "Cetak",
                "deliverables": ["File siap cetak (PDF/AI)", "Mockup 3D"],
            },
            "description": "Standing pouch, warna hangat.",
            "budget_min": 750_000,
            "budget_max": 1_500_000,
            "deadline": deadline,
            "work_mode": "remote",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    gig = response.json()
    assert gig["status"] == "draft" and gig["kabupaten"] == "3507" and gig["bakorwil"] == "III"
    assert "Keripik tempe balado" in gig["description"] and "Mockup 3D" in gig["description"]
    assert api.get(f"/api/v1/gigs/{gig['id']}/").status_code == 404  # a draft is private

    # and publishes it
    with run_on_commit():
        assert owner.post(f"/api/v1/gigs/{gig['id']}/publish/").json()["status"] == "open"

    # then a creative finds it with a misspelled word
    found = api.get("/api/v1/gigs/", {"q": "kripik", "category": "kemasan", "bakorwil": "III"}).json()
    assert [g["id"] for g in found["results"]] == [gig["id"]]

    # and bids
    guidance = api.get("/api/v1/price-guidance/", {"category": "kemasan"}).json()
    assert guidance["count"] == 0
    response = creative_api.post(
        f"/api/v1/gigs/{gig['id']}/bids/", {"amount": 1_200_000, "delivery_days": 7, "proposal": "Tiga konsep."}
    )
    assert response.status_code == 201, response.content
    bid = response.json()
    assert (
        creative_api.post(f"/api/v1/gigs/{gig['id']}/bids/", {"amount": 1, "delivery_days": 1, "proposal": "x"}).json()[
            "code"
        ]
        == "bid_exists"
    )
    assert (
        creative_api.post(f"/api/v1/bids/{bid['id']}/messages/", {"body": "Ada contoh kemasan lama?"}).status_code
        == 201
    )

    # the owner compares and accepts
    bids = owner.get(f"/api/v1/gigs/{gig['id']}/bids/").json()["results"]
    assert bids[0]["creative"]["completed_count"] == 0
    with run_on_commit():  # the accept asks for a price guidance refresh after commit
        response = owner.post(f"/api/v1/bids/{bid['id']}/accept/")
    assert response.status_code == 201
    contract = response.json()
    assert contract["status"] == "active" and contract["amount"] == 1_200_000
    assert api.get("/api/v1/price-guidance/", {"category": "kemasan"}).json()["median"] == 1_200_000

    # the creative delivers a file, the owner asks for a revision, the creative delivers again
    url = f"/api/v1/contracts/{contract['id']}"
    response = creative_api.post(f"{url}/deliver/", {"note": "Versi 1", "files": [pdf(), png()]}, format="multipart")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "delivered" and len(response.json()["deliveries"][0]["files"]) == 2
    response = owner.post(f"{url}/request-revision/", {"note": "Logo lebih besar"})
    assert response.json()["status"] == "revision_requested" and response.json()["revisions_left"] == 1
    response = creative_api.post(f"{url}/deliver/", {"note": "Versi 2", "files": [pdf("v2.pdf")]}, format="multipart")
    assert response.json()["status"] == "delivered"

    # the owner completes; both review; the reviews become visible
    assert owner.post(f"{url}/complete/").json()["status"] == "completed"
    assert owner.post(f"{url}/reviews/", {"rating": 5, "comment": "Rapi dan cepat"}).status_code == 201
    assert creative_api.get(f"{url}/reviews/").json() == []  # double-blind
    assert creative_api.post(f"{url}/reviews/", {"rating": 5, "comment": "Pemilik jelas"}).status_code == 201
    reviews = owner.get(f"{url}/").json()["reviews"]
    assert {r["rating"] for r in reviews} == {5} and len(reviews) == 2
    creative.refresh_from_db()
    assert creative.completed_count == 1 and creative.rating_count == 1
    assert Contract.objects.get().status == "completed"


@pytest.fixture
def contract(bid, owner):
    from gigs import services

    return services.bid_accept(bid=bid, user=owner)


@pytest.mark.parametrize(
    "upload,status,code",
    [
        (SimpleUploadedFile("laporan.pdf", b"just some text, not a PDF"), 415, "file_content_mismatch"),
        (SimpleUploadedFile("foto.jpg", b"hello, I am text"), 415, "file_content_mismatch"),
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), 415, "file_type"),
        (SimpleUploadedFile("logo.svg", b"<svg onload=alert(1)>"), 415, "file_type"),
    ],
)
def test_hostile_uploads_are_refused(contract, as_user, upload, status, code):
    response = as_user(contract.creative.user).post(
        f"/api/v1/contracts/{contract.pk}/deliver/", {"note": "x", "files": [upload]}, format="multipart"
    )
    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    contract.refresh_from_db()
    assert contract.status == "active"


def test_thirty_megabytes_is_too_large(contract, as_user):
    big = SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024))
    response = as_user(contract.creative.user).post(
        f"/api/v1/contracts/{contract.pk}/deliver/", {"files": [big]}, format="multipart"
    )
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"


def test_deliver_without_files_names_the_field(contract, as_user):
    response = as_user(contract.creative.user).post(
        f"/api/v1/contracts/{contract.pk}/deliver/", {"note": "x"}, format="multipart"
    )
    assert response.status_code == 400
    assert "files" in response.json()["extra"]["fields"]


def _logo_gig() -> dict:
    """A valid job post for the API, due in five days."""
    return {
        "title": "Logo",
        "category": "logo-branding",
        "description": "Logo baru",
        "budget_min": 100_000,
        "budget_max": 200_000,
        "deadline": (timezone.localdate() + timedelta(days=5)).isoformat(),
    }


@pytest.mark.parametrize(
    "payload,field",
    [
        ({"budget_min": 2_000_000, "budget_max": 1_000_000}, "budget_max"),
        ({"budget_min": 0}, "budget_min"),
        ({"category": "tidak-ada"}, "category"),
        ({"deadline": "2020-01-01"}, "deadline"),
        ({"title": ""}, "title"),
        ({"work_mode": "mars"}, "work_mode"),
    ],
)
def test_bad_gig_input_is_400_naming_the_field(owner, as_user, payload, field):
    body = {**_logo_gig(), **payload}
    response = as_user(owner).post("/api/v1/gigs/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["extra"]["fields"]


def test_a_creative_without_business_cannot_post(creative, as_user):
    body = _logo_gig()
    response = as_user(creative.user).post("/api/v1/gigs/", body, format="json")
    assert response.status_code == 400 and response.json()["code"] == "no_business"


def test_report_and_schema(gig, creative, as_user, api):
    response = as_user(creative.user).post("/api/v1/reports/", {"gig": gig.pk, "reason": "Penipuan"})
    assert response.status_code == 201
    assert as_user(creative.user).post("/api/v1/reports/", {"reason": "?"}).status_code == 400
    schema = api.get("/api/schema/?format=json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in [
        "/api/v1/gigs/",
        "/api/v1/gigs/{id}/bids/",
        "/api/v1/bids/{id}/accept/",
        "/api/v1/contracts/{id}/deliver/",
        "/api/v1/contracts/{id}/request-revision/",
        "/api/v1/contracts/{id}/reviews/",
        "/api/v1/price-guidance/",
    ]:
        assert path in paths, path
