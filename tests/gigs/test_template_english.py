"""Gig templates in both languages (issue 11): an English owner reads English questions, help and
choices; whichever label comes back, the answer keeps the stored (Indonesian) choice value."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from gigs import gig_templates
from gigs.forms import GigForm
from gigs.models import Gig, GigTemplate

pytestmark = pytest.mark.django_db

SLUG = "desain-kemasan-keripik"


@pytest.fixture
def english_owner(owner):
    owner.language = "en"
    owner.save(update_fields=["language"])
    return owner


def step2(client):
    return client.get(reverse("gigs:create"), {"template": SLUG}).content.decode()


def brief(**answers):
    return {
        "template": SLUG,
        "title": "Tempeh chips pouch",
        "category": "kemasan",
        "description": "",
        "budget_min": 500000,
        "budget_max": 1000000,
        "deadline": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "kabupaten": "3507",
        "work_mode": "remote",
        **answers,
    }


def test_english_form_shows_english_questions_help_and_choices(client, english_owner):
    client.force_login(english_owner)
    body = step2(client)
    assert "Which product?" in body and "e.g. tempeh chips, original and balado flavour" in body
    assert '<option value="Cetak">Print</option>' in body and '<option value="Keduanya">Both</option>' in body
    assert "3D mockup" in body and "Marketplace version" in body
    assert "Produk apa?" not in body and "mis. keripik" not in body and ">Keduanya<" not in body


def test_indonesian_form_shows_indonesian_questions_help_and_choices(client, owner):
    client.force_login(owner)
    body = step2(client)
    assert "Produk apa?" in body and "mis. keripik tempe rasa original dan balado" in body
    assert '<option value="Cetak">Cetak</option>' in body and "Versi untuk marketplace" in body
    assert "Which product?" not in body and ">Print<" not in body


@pytest.mark.parametrize("medium", ["Cetak", "Print"])
def test_english_answer_keeps_the_stored_choice_value(medium):
    template = GigTemplate.objects.get(slug=SLUG)
    with translation.override("en"):
        form = GigForm(
            brief(answer_medium=medium, answer_deliverables=["Mockup 3D"]), template=template, with_questions=True
        )
        assert form.is_valid(), form.errors
    assert form.answers()["medium"] == "Cetak" and form.answers()["deliverables"] == ["Mockup 3D"]


def test_english_owner_posts_a_brief_written_in_english(client, english_owner):
    client.force_login(english_owner)
    response = client.post(
        f"{reverse('gigs:create')}?template={SLUG}",
        brief(answer_product="Tempeh chips", answer_medium="Print", answer_deliverables=["Mockup 3D"]),
    )
    gig = Gig.objects.get()
    assert response.status_code == 302
    assert "For print or digital? Print" in gig.description and "Deliverables: 3D mockup" in gig.description


def test_indonesian_owner_brief_keeps_the_indonesian_labels(client, owner):
    client.force_login(owner)
    client.post(
        f"{reverse('gigs:create')}?template={SLUG}",
        brief(answer_product="Keripik tempe", answer_medium="Cetak", answer_deliverables=["Mockup 3D"]),
    )
    gig = Gig.objects.get()
    assert "Untuk cetak atau digital? Cetak" in gig.description and "Yang diserahkan: Mockup 3D" in gig.description


def test_api_template_has_the_english_fields_and_the_same_choice_values(api):
    url = reverse("api:gig-templates")
    [english] = [t for t in api.get(url, HTTP_ACCEPT_LANGUAGE="en").json() if t["slug"] == SLUG]
    [indonesian] = [t for t in api.get(url, HTTP_ACCEPT_LANGUAGE="id").json() if t["slug"] == SLUG]
    assert indonesian["title"] == "Desain kemasan keripik" and indonesian["title_en"] == "Snack packaging design"
    assert english["title"] == "Snack packaging design" and english["intro_en"].startswith("For chips")
    medium = {q["key"]: q for q in english["questions"]}["medium"]
    assert medium["label"] == "For print or digital?" and medium["label_en"] == "For print or digital?"
    assert medium["choices"] == ["Cetak", "Digital", "Keduanya"]
    assert medium["choices_en"] == ["Print", "Digital", "Both"] and medium["choice_labels"] == [
        "Print",
        "Digital",
        "Both",
    ]
    product = {q["key"]: q for q in indonesian["questions"]}["product"]
    assert product["help"].startswith("mis. keripik") and product["help_en"].startswith("e.g. tempeh chips")
    assert {q["key"]: q for q in indonesian["questions"]}["medium"]["choices"] == medium["choices"]


def test_api_accepts_an_english_choice_label_as_the_value(as_user, owner):
    response = as_user(owner).post(
        reverse("api:gigs"),
        {**brief(answers={"product": "Tempeh chips", "medium": "Print"}), "description": "Pouch"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert response.status_code == 201, response.content
    assert "Untuk cetak atau digital? Cetak" in response.json()["description"]


def test_stored_templates_get_the_english_labels_unless_edited():
    template = GigTemplate.objects.get(slug=SLUG)
    stripped = [{k: v for k, v in q.items() if k not in {"help_en", "choices_en"}} for q in template.questions]
    stripped[0]["help"] = "Tulisan admin sendiri"  # edited by the admin: no shipped English for it
    template.questions = stripped
    template.save()

    gig_templates.add_english(GigTemplate)

    questions = {q["key"]: q for q in GigTemplate.objects.get(slug=SLUG).questions}
    assert questions["medium"]["choices"] == ["Cetak", "Digital", "Keduanya"]
    assert questions["medium"]["choices_en"] == ["Print", "Digital", "Both"]
    assert questions["size"]["help_en"] == "e.g. 100 g and 250 g"
    assert "help_en" not in questions["product"]
