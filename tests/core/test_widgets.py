"""QuickSelect writes the markup Django's Select writes, without a template per option (issue 8)."""

import re

import pytest
from django import forms

from mjc.core.widgets import QuickSelect

CHOICES = [
    ("", "Semua"),
    ("a", "Kemasan & label"),
    ("Foto", [("b", "Foto <produk>"), ("c", "Video")]),
]


def _same(html: str) -> str:
    return re.sub(r"\s+", "", html)


@pytest.mark.parametrize("value", [None, "", "a", "c", "tidak-ada"])
def test_the_markup_is_djangos(value):
    attrs = {"id": "id_kategori", "required": True, "aria-describedby": "id_kategori_error"}
    django_html = forms.Select(choices=CHOICES).render("kategori", value, attrs)
    quick_html = QuickSelect(choices=CHOICES).render("kategori", value, attrs)
    assert _same(quick_html) == _same(django_html)
    assert "Foto &lt;produk&gt;" in quick_html and "<produk>" not in quick_html


def test_a_bound_form_keeps_the_choice_and_its_errors():
    class Form(forms.Form):
        kategori = forms.ChoiceField(choices=CHOICES, widget=QuickSelect)

    assert 'value="c" selected' in str(Form({"kategori": "c"})["kategori"])
    form = Form({"kategori": "zzz"})
    assert not form.is_valid() and 'aria-invalid="true"' in str(form["kategori"])
