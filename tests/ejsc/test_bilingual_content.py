"""Hub and room content in both languages (issue 11): an English reader reads the English text,
an Indonesian reader the Indonesian one, and a text not translated yet falls back to Indonesian."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.ejsc.factories import RoomFactory, SpaceFactory
from tests.factories import AdminFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    space = SpaceFactory(
        description="Hub kreatif Malang Raya: desain, animasi dan foto produk.",
        description_en="The creative hub of Greater Malang: design, animation and product photography.",
    )
    return RoomFactory(
        space=space,
        name="Ruang Rapat Brawijaya",
        name_en="Brawijaya meeting room",
        description="Ruang rapat tertutup dengan layar presentasi.",
        description_en="A closed meeting room with a presentation screen.",
        amenities=["Wi-Fi", "Papan tulis", "Colokan listrik"],
        amenities_en=["Wi-Fi", "Whiteboard", "Power sockets"],
    )


def read(client, url, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_hub_page_in_english_shows_the_english_description_rooms_and_amenities(client, room):
    body = read(client, room.space.get_absolute_url(), "en")
    assert "The creative hub of Greater Malang" in body and "Hub kreatif Malang Raya" not in body
    assert "Brawijaya meeting room" in body and "Ruang Rapat Brawijaya" not in body
    assert ">Whiteboard<" in body and ">Power sockets<" in body
    assert "Papan tulis" not in body and "Colokan listrik" not in body


def test_hub_page_in_indonesian_shows_the_indonesian_text(client, room):
    body = read(client, room.space.get_absolute_url(), "id")
    assert "Hub kreatif Malang Raya" in body and "The creative hub" not in body
    assert "Ruang Rapat Brawijaya" in body and ">Papan tulis<" in body and "Whiteboard" not in body


def test_room_page_in_english_shows_the_english_description_and_amenities(client, room):
    body = read(client, room.get_absolute_url(), "en")
    assert "A closed meeting room with a presentation screen." in body
    assert "<h1>Brawijaya meeting room</h1>" in body
    assert ">Whiteboard<" in body and ">Power sockets<" in body
    assert "Ruang rapat tertutup" not in body and "Papan tulis" not in body


def test_room_page_in_indonesian_shows_the_indonesian_description_and_amenities(client, room):
    body = read(client, room.get_absolute_url(), "id")
    assert "Ruang rapat tertutup dengan layar presentasi." in body
    assert "<h1>Ruang Rapat Brawijaya</h1>" in body and ">Papan tulis<" in body
    assert "A closed meeting room" not in body and "Whiteboard" not in body


def test_text_not_translated_yet_falls_back_to_indonesian(client):
    room = RoomFactory(
        name="Aula Serbaguna",
        description="Aula untuk kelas dan peluncuran produk.",
        amenities=["Proyektor", "Panggung"],
        amenities_en=["Projector", ""],
    )
    body = read(client, room.get_absolute_url(), "en")
    assert "<h1>Aula Serbaguna</h1>" in body and "Aula untuk kelas dan peluncuran produk." in body
    assert ">Projector<" in body and ">Panggung<" in body  # one amenity translated, the other not yet


def test_english_amenities_must_match_the_indonesian_ones():
    room = RoomFactory.build(space=SpaceFactory(), amenities=["Wi-Fi", "AC"], amenities_en=["Wi-Fi"])
    with pytest.raises(ValidationError) as error:
        room.full_clean()
    assert "amenities_en" in error.value.message_dict


def test_api_gives_the_english_text_next_to_the_reader_language_one(api, room):
    url = reverse("api:spaces")
    indonesian = _hub(api.get(url, HTTP_ACCEPT_LANGUAGE="id").json(), room.space.slug)
    english = _hub(api.get(url, HTTP_ACCEPT_LANGUAGE="en").json(), room.space.slug)

    assert indonesian["description"].startswith("Hub kreatif Malang Raya")
    assert indonesian["description_en"].startswith("The creative hub of Greater Malang")
    [room_id] = indonesian["rooms"]
    assert room_id["name"] == "Ruang Rapat Brawijaya" and room_id["name_en"] == "Brawijaya meeting room"
    assert room_id["amenities"] == ["Wi-Fi", "Papan tulis", "Colokan listrik"]
    assert room_id["amenities_en"] == ["Wi-Fi", "Whiteboard", "Power sockets"]
    assert room_id["description_en"] == "A closed meeting room with a presentation screen."

    assert english["description"] == english["description_en"]
    assert english["rooms"][0]["amenities"] == ["Wi-Fi", "Whiteboard", "Power sockets"]
    assert english["rooms"][0]["description"] == "A closed meeting room with a presentation screen."


def test_schema_documents_the_english_fields(api):
    schema = api.get(reverse("schema"), {"format": "json"}).content.decode()
    assert "description_en" in schema and "amenities_en" in schema and "name_en" in schema


def test_admin_edits_both_languages(client, room):
    client.force_login(AdminFactory())
    body = client.get(reverse("admin:ejsc_room_change", args=[room.pk])).content.decode()
    for field in ("name_en", "amenities_en", "description_en"):
        assert f'name="{field}"' in body
    body = client.get(reverse("admin:ejsc_space_change", args=[room.space.pk])).content.decode()
    assert 'name="description_en"' in body and 'name="photos-__prefix__-caption_en"' in body


def _hub(payload, slug):
    rows = payload["results"] if isinstance(payload, dict) else payload
    return next(row for row in rows if row["slug"] == slug)
