"""Form fields every app's forms build the same way (the labels stay with the app that shows them)."""

from django import forms

from mjc.core.widgets import QuickSelect


def text_area(label, *, max_length: int, rows: int = 3, **kwargs) -> forms.CharField:
    """A typed text of a few lines (a reason, a note, a message)."""
    return forms.CharField(label=label, max_length=max_length, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


def slug_choice(label, queryset, **kwargs) -> forms.ModelChoiceField:
    """A row picked by its slug (a category); the select written without a template per option."""
    kwargs.setdefault("widget", QuickSelect)
    return forms.ModelChoiceField(label=label, queryset=queryset, to_field_name="slug", **kwargs)


def code_choice(label, queryset, **kwargs) -> forms.ModelChoiceField:
    """A row picked by its code (a Bakorwil, a kabupaten/kota); the select written without a template per option."""
    kwargs.setdefault("widget", QuickSelect)
    return forms.ModelChoiceField(label=label, queryset=queryset, to_field_name="code", **kwargs)
