"""``path_to()`` and the ``{% url %}`` that uses it give exactly what ``reverse()`` gives (issue 8:
a list's links are filled in from a kept template instead of reversed row by row)."""

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse, set_script_prefix
from django.urls.converters import IntConverter, SlugConverter, StringConverter

from mjc.core import paths
from mjc.core.paths import fast_path, path_to


def _named_patterns(resolver=None, namespace=""):
    """(name, the kind of each argument: ``i`` a number, ``w`` a word, ``?`` other) for every
    named pattern."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            kinds = getattr(entry.pattern, "converters", {}).values()
            yield (
                f"{namespace}{entry.name}",
                "".join(
                    "i"
                    if isinstance(c, IntConverter)
                    else "w"
                    if isinstance(c, StringConverter | SlugConverter)
                    else "?"
                    for c in kinds
                ),
            )


WITH_ARGUMENTS = sorted({(name, shape) for name, shape in _named_patterns() if shape and "?" not in shape})


def test_the_project_has_paths_with_arguments_to_check():
    assert len(WITH_ARGUMENTS) > 30
    assert {("gigs:detail", "i"), ("gigs:invite", "ii"), ("gigs:bid_action", "iw")} <= set(WITH_ARGUMENTS)


@pytest.mark.parametrize(("name", "shape"), WITH_ARGUMENTS)
def test_every_path_is_what_reverse_gives(name, shape):
    words = ["accept", "reject", "a", "check_in"]
    for numbers in [[0] * 4, [7] * 4, [1, 2, 3, 4], [2_147_483_647] * 4]:
        values = [numbers[i] if kind == "i" else words[i] for i, kind in enumerate(shape)]
        assert fast_path(name, values) is not None, name  # the fast way is taken, not only the fallback
        assert path_to(name, *values) == reverse(name, args=values)


def test_what_only_reverse_can_tell_goes_to_reverse():
    assert fast_path("gigs:detail", ["12"]) is None  # text: reverse() converts and checks it
    assert fast_path("gigs:detail", ["accept"]) is None  # a word where a number goes
    assert fast_path("ejsc:hub", ["kek-singhasari"]) is None  # not a plain word: reverse() decides
    assert path_to("ejsc:hub", "kek-singhasari") == reverse("ejsc:hub", args=["kek-singhasari"])
    assert path_to("gigs:bid_action", 5, "accept") == reverse("gigs:bid_action", args=[5, "accept"])
    assert fast_path("gigs:detail", [-1]) is None
    assert fast_path("gigs:detail", [True]) is None
    assert path_to("gigs:detail", "12") == reverse("gigs:detail", args=["12"])
    with pytest.raises(NoReverseMatch):
        path_to("gigs:detail", "not-a-number")
    with pytest.raises(NoReverseMatch):
        path_to("gigs:detail")  # the wrong number of arguments
    with pytest.raises(NoReverseMatch):
        path_to("gigs:no-such-page", 1)


def test_the_script_prefix_is_part_of_the_path():
    try:
        set_script_prefix("/mjc/")
        assert path_to("gigs:detail", 5) == reverse("gigs:detail", args=[5]) == "/mjc/pekerjaan/5/"
    finally:
        set_script_prefix("/")
    assert path_to("gigs:detail", 5) == "/pekerjaan/5/"


def test_a_changed_url_configuration_is_not_served_from_the_old_templates(settings):
    assert path_to("gigs:detail", 5) == "/pekerjaan/5/"
    settings.ROOT_URLCONF = "tests.core.paths_urls"
    assert paths._templates == {}
    assert path_to("gigs:detail", 5) == "/elsewhere/5/"


def test_the_url_tag_renders_what_djangos_renders():
    request = RequestFactory().get("/")
    source = (
        "{% url 'gigs:detail' pk %}|{% url 'gigs:invite' pk 3 %}|{% url 'gigs:list' %}|{% url 'gigs:bid_action' pk 'accept' %}|"
        "{% url 'ejsc:hub' slug %}|{% url 'gigs:detail' pk as there %}[{{ there }}]|"
        "{% url 'gigs:no-such-page' pk as nowhere %}[{{ nowhere }}]"
    )
    rendered = engines["django"].from_string(source).render({"pk": 41, "slug": "surabaya", "request": request})
    expected = "|".join(
        [
            reverse("gigs:detail", args=[41]),
            reverse("gigs:invite", args=[41, 3]),
            reverse("gigs:list"),
            reverse("gigs:bid_action", args=[41, "accept"]),
            reverse("ejsc:hub", args=["surabaya"]),
            f"[{reverse('gigs:detail', args=[41])}]",
            "[]",
        ]
    )
    assert rendered == expected
    with pytest.raises(NoReverseMatch):
        engines["django"].from_string("{% url 'gigs:no-such-page' 1 %}").render({})


def test_a_template_literal_takes_the_fast_way():
    from django.utils.safestring import mark_safe

    assert fast_path("gigs:bid_action", [5, mark_safe("accept")]) == reverse("gigs:bid_action", args=[5, "accept"])


def test_the_url_tag_is_the_projects_in_every_template():
    from mjc.core.templatetags.paths import PathNode

    template = engines["django"].from_string("{% url 'gigs:detail' 1 %}")
    assert any(isinstance(node, PathNode) for node in template.template.nodelist)
