"""The order brief from the category's brief template (issue 12: "writes a short brief
(optionally from the category's brief template)"). The package page asks the template's
questions in the order form itself — a plain form, no JavaScript — and the answers become the
first lines of the brief the creative reads; without a template the form is as it was. The API
takes the same ``template`` + ``answers`` beside its plain-text ``brief``."""

import pytest
from django.test import Client
from django.urls import reverse

from gigs.models import GigTemplate
from packages.models import Order
from tests.packages.factories import make_package

pytestmark = pytest.mark.django_db

TEMPLATE = "desain-kemasan-keripik"  # the shipped template of "kemasan" (gigs/gig_templates.py)


@pytest.fixture(autouse=True)
def _templates(db):
    """The shipped templates (a transactional test elsewhere may have flushed the migration's)."""
    from gigs import gig_templates
    from mjc.categories.models import Category

    if not GigTemplate.objects.filter(slug=TEMPLATE).exists():
        gig_templates.load(Category, GigTemplate)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_order_form_asks_the_templates_questions(package, owner):
    page = signed_in(owner).get(reverse("packages:detail", args=[package.pk])).content.decode()
    assert 'id="brief-template"' in page and f'name="template" value="{TEMPLATE}"' in page
    assert "Desain kemasan keripik" in page
    assert "Untuk keripik, kerupuk, dan camilan lain" in page  # the template's intro
    assert 'name="answer_product"' in page and "Produk apa?" in page
    assert 'name="answer_medium"' in page and "Keduanya" in page  # a choice
    assert 'name="answer_deliverables"' in page and "Mockup 3D" in page  # a checklist
    # nothing to answer for whoever cannot order: the anonymous visitor and the creative
    assert 'name="answer_product"' not in Client().get(reverse("packages:detail", args=[package.pk])).content.decode()
    mine = signed_in(package.creative.user).get(reverse("packages:detail", args=[package.pk])).content.decode()
    assert 'name="answer_product"' not in mine


def test_answers_become_the_brief_the_creative_reads(package, owner):
    response = signed_in(owner).post(
        reverse("packages:detail", args=[package.pk]),
        {
            "tier": "basic",
            "template": TEMPLATE,
            "answer_product": "Keripik tempe balado",
            "answer_size": "100 g",
            "answer_medium": "Cetak",
            "answer_deliverables": ["File siap cetak (PDF/AI)", "Mockup 3D"],
            "brief": "Warna merah putih.",
        },
    )
    order = Order.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("packages:order", args=[order.pk])
    assert order.brief == (
        "Produk apa? Keripik tempe balado\n"
        "Ukuran / berat isi: 100 g\n"
        "Untuk cetak atau digital? Cetak\n"
        "Yang diserahkan: File siap cetak (PDF/AI), Mockup 3D\n"
        "\n"
        "Warna merah putih."
    )
    page = signed_in(package.creative.user).get(reverse("packages:order", args=[order.pk])).content.decode()
    assert "Produk apa? Keripik tempe balado" in page and "Warna merah putih." in page


def test_answers_alone_are_enough_but_an_empty_form_is_refused(package, owner):
    client = signed_in(owner)
    url = reverse("packages:detail", args=[package.pk])
    empty = client.post(url, {"tier": "basic", "template": TEMPLATE, "brief": " "})
    assert empty.status_code == 400 and not Order.objects.exists()
    assert "atau jawab pertanyaan templat" in empty.content.decode()
    client.post(url, {"tier": "basic", "template": TEMPLATE, "answer_product": "Kerupuk udang"})
    assert Order.objects.get().brief == "Produk apa? Kerupuk udang"


def test_the_answers_stay_on_the_page_when_the_order_is_refused(package, owner):
    page = signed_in(owner).post(
        reverse("packages:detail", args=[package.pk]),
        {"tier": "nope", "template": TEMPLATE, "answer_product": "Keripik pisang"},
    )
    assert page.status_code == 400 and not Order.objects.exists()
    assert 'value="Keripik pisang"' in page.content.decode()


def test_without_a_template_the_form_stays_as_it_is(owner):
    GigTemplate.objects.filter(category__slug="kemasan").update(active=False)
    package = make_package()
    client = signed_in(owner)
    url = reverse("packages:detail", args=[package.pk])
    page = client.get(url).content.decode()
    assert 'id="brief-template"' not in page and "answer_" not in page and 'name="brief"' in page
    refused = client.post(url, {"tier": "basic", "brief": ""})
    assert refused.status_code == 400 and not Order.objects.exists()
    # a template named in the form does not sneak back in
    client.post(url, {"tier": "basic", "template": TEMPLATE, "answer_product": "x", "brief": "Label 100 g"})
    assert Order.objects.get().brief == "Label 100 g"


def test_another_template_of_the_category_is_picked_by_a_link(package, owner):
    first = GigTemplate.objects.get(slug=TEMPLATE)
    GigTemplate.objects.create(
        category=first.category,
        slug="label-minuman",
        title="Label botol minuman",
        intro="Untuk botol dan cup minuman.",
        questions=[{"key": "volume", "label": "Isi botol", "label_en": "Volume", "kind": "text"}],
        position=first.position + 1,
    )
    client = signed_in(owner)
    url = reverse("packages:detail", args=[package.pk])
    page = client.get(url).content.decode()
    assert 'href="?template=label-minuman#brief-template"' in page and 'name="answer_volume"' not in page
    other = client.get(url, {"template": "label-minuman"}).content.decode()
    assert 'name="answer_volume"' in other and 'name="answer_product"' not in other
    client.post(url, {"tier": "basic", "template": "label-minuman", "answer_volume": "250 ml"})
    assert Order.objects.get().brief == "Isi botol: 250 ml"


def test_the_api_takes_the_same_template_and_answers(as_user, package, owner):
    client = as_user(owner)
    url = f"/api/v1/packages/{package.pk}/orders/"
    response = client.post(
        url,
        {"tier": "basic", "template": TEMPLATE, "answers": {"product": "Keripik singkong"}, "brief": "Label 100 g"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["brief"] == "Produk apa? Keripik singkong\n\nLabel 100 g"
    alone = client.post(url, {"tier": "basic", "template": TEMPLATE, "answers": {"size": "250 g"}}, format="json")
    assert alone.status_code == 201 and alone.json()["brief"] == "Ukuran / berat isi: 250 g"
    # the brief stays plain text, as before
    plain = client.post(url, {"tier": "basic", "brief": "Hanya teks biasa."}, format="json")
    assert plain.status_code == 201 and plain.json()["brief"] == "Hanya teks biasa."
    # nothing at all is still a 400 on the brief; a template of another category is refused
    empty = client.post(url, {"tier": "basic", "template": TEMPLATE, "answers": {}}, format="json")
    assert empty.status_code == 400 and "brief" in empty.json()["extra"]["fields"]
    wrong = client.post(url, {"tier": "basic", "template": "logo-umkm", "brief": "x"}, format="json")
    assert wrong.status_code == 400 and wrong.json()["code"] == "unknown_template"
    assert Order.objects.count() == 3
