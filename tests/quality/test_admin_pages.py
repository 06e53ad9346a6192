"""The admin in either language, every screen of it: signed in as a superuser, the index, each
app's index, every registered model's list and add form and the change form of its first object
(the demo data of tests/quality/scene.py gives most models one) carry no English in Indonesian,
third-party screens included, and none of our Indonesian in English.

English is found two ways: our own msgids left untranslated (tests/quality/pagecheck.py), and the
admin's words that no catalog translates, read from the registry itself: model and field names,
help texts, choices, actions, list filters and fieldsets (a field without a translated
``verbose_name`` shows Django's English, "Created at"). Content (a hub's description, a gig's
title) is the data's own and in one language: neither check reads it, as it is no catalog word."""

import functools
import time

import pytest
from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import trans_real

from tests.quality import scene
from tests.quality.pagecheck import read, wrong_language

pytestmark = pytest.mark.django_db

# Words Indonesian writes as English does: no catalog needs them.
SHARED_WORDS = {"ID", "NIB", "URL", "Email", "Slug", "Status", "Bakorwil", "Total", "Media", "Token", "Key", "Hash"}


def _admin_words():
    """Every word the admin shows of its registered models, as the code gives it (lazy or not)."""
    for model, model_admin in admin.site._registry.items():
        for shown in [model] + [inline.model for inline in model_admin.inlines]:
            yield from _model_words(shown)
        actions = list(model_admin.actions or []) + [action for _name, action in admin.site.actions]
        for action in actions:
            action = getattr(model_admin, action) if isinstance(action, str) else action
            yield getattr(action, "short_description", None)
        for entry in model_admin.list_filter:
            entry = entry[1] if isinstance(entry, tuple) else entry
            if isinstance(entry, type) and issubclass(entry, SimpleListFilter):
                yield entry.title
        for name, _options in model_admin.fieldsets or []:
            yield name


def _model_words(model):
    meta = model._meta
    yield from (meta.verbose_name, meta.verbose_name_plural, meta.app_config.verbose_name)
    for field in meta.get_fields():
        if not hasattr(field, "verbose_name") or field.auto_created and not field.concrete:
            continue
        yield from (field.verbose_name, field.help_text)
        choices = getattr(field, "flatchoices", None) or []
        if len(choices) < 100:  # more are names, not words (django-celery-beat's time zones)
            yield from (label for value, label in choices if value != "")


@functools.cache
def untranslated_admin_words() -> frozenset:
    """The admin's words no Indonesian catalog has: shown on an Indonesian page, they are English."""
    catalog = trans_real.translation("id")._catalog
    words = set()
    for word in _admin_words():
        if not word:
            continue
        with translation.override("en"):
            english = str(word)
        with translation.override("id"):
            indonesian = str(word)
        if indonesian == english and english not in catalog and capfirst(english) not in catalog:
            words |= {english, capfirst(english)}
    return frozenset(words - SHARED_WORDS)


def stored_text() -> set[str]:
    """The text the rows of the admin's models hold (names, titles, labels): the data's own, in
    the one language it was written in ("Lainnya" is a category's name, "Admin MJC" a person's)."""
    from django.db import models

    texts = set()
    for model, model_admin in admin.site._registry.items():
        for shown in [model] + [inline.model for inline in model_admin.inlines]:
            names = [
                f.attname for f in shown._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)
            ]
            for row in shown._default_manager.values_list(*names)[:500] if names else []:
                texts |= {" ".join(value.split()) for value in row if value}
    return texts


def admin_pages(user) -> list[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    pages = [reverse("admin:index"), reverse("admin:password_change")]
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        pages.append(reverse("admin:app_list", args=[info[0]]))
        pages.append(reverse(f"admin:{info[0]}_{info[1]}_changelist"))
        if model_admin.has_add_permission(request):  # records only the platform writes have no add form
            pages.append(reverse(f"admin:{info[0]}_{info[1]}_add"))
        if (first := model._default_manager.order_by("pk").first()) is not None:
            pages.append(reverse(f"admin:{info[0]}_{info[1]}_change", args=[first.pk]))
    return list(dict.fromkeys(pages))


def test_every_word_the_admin_can_show_has_its_indonesian():
    """Beyond the screens the crawl sees (an empty list shows no columns): every model, field,
    choice, action, filter and fieldset name of the admin is in a catalog. django-celery-beat's bare
    'Task Name' is shown through a column of ours instead (mjc/site/admin.py)."""
    assert untranslated_admin_words() - {"Task Name"} == set()


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_admin_screen_speaks_the_admins_language(language):
    data = scene.build()
    data.admin.language = language  # the account's saved choice decides the admin's language
    data.admin.save(update_fields=["language"])
    client = Client()
    client.force_login(data.admin)
    english, content = untranslated_admin_words(), stored_text()
    started, found, seen = time.monotonic(), {}, 0
    for url in admin_pages(data.admin):
        response = client.get(url)
        if response.status_code != 200:
            found[url] = [f"status {response.status_code} {response.get('Location', '')}"]
            continue
        html = response.content.decode()
        page = read(html)
        seen += len(page.texts)
        page.texts -= content
        if page.lang != language:
            found[url] = [f'<html lang="{page.lang}">']
        elif problems := wrong_language(page, html, language, english):
            found[url] = problems

    assert seen > 1000 and time.monotonic() - started < 60, (seen, time.monotonic() - started)
    assert not found, "\n" + "\n".join(f"{url}: " + "; ".join(problems) for url, problems in found.items())


def test_the_checker_finds_each_language_on_the_others_page():
    indonesian = """<html lang="id"><body><h1>Tugas berkala</h1><p>Created at</p><button>Filter</button>
    <select name="s"><option value="">---------</option></select></body></html>"""
    english = """<html lang="en"><body><h1>Periodic tasks</h1><p>Tugas berkala</p><p>Status</p></body></html>"""

    assert wrong_language(read(indonesian), indonesian, "id", frozenset({"Created at"})) == [
        "untranslated: 'Filter'",
        "untranslated msgid: 'Created at'",
        "untranslated msgid: 'Filter'",  # our catalog gives Django's "Filter" its Indonesian
        "empty choice shows '---------'",
    ]
    assert wrong_language(read(english), english, "en") == ["Indonesian on an English page: 'Tugas berkala'"]
