"""Form widgets for the busiest pages.

``QuickSelect`` is Django's ``Select`` written out in Python. Django renders every ``<option>`` through
its own template (``django/forms/widgets/select_option.html``): the 38 kabupaten, the categories and the
Bakorwil of a search form cost about 20 000 function calls, a fifth of the search page (issue 8). The
markup is the same as Django's: the same attributes, ``selected`` on the chosen option, ``<optgroup>``
for grouped choices.
"""

from django import forms
from django.utils.encoding import force_str
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def _text(value) -> str:
    return "" if value is None else str(value)


def _attributes(attrs: dict) -> str:
    """In the given order, as ``django/forms/widgets/attrs.html`` writes them (``flatatt`` sorts them)."""
    return mark_safe(  # noqa: S308  names are the form's own; values escaped by format_html
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )


class QuickSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}  # name first, as Django writes it
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        chosen = set(self.format_value(value))
        state = {"selected": False}
        parts = [format_html("<select{}>", _attributes(final_attrs))]
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):
                parts.append(format_html('<optgroup label="{}">', force_str(option_value)))
                parts.extend(self._option(value_, label_, chosen, state) for value_, label_ in label)
                parts.append("</optgroup>")
            else:
                parts.append(self._option(option_value, label, chosen, state))
        parts.append("</select>")
        return mark_safe("\n".join(parts))  # noqa: S308  every part above is escaped by format_html

    def _option(self, value, label, chosen: set, state: dict) -> str:
        text = _text(value)
        selected = text in chosen and (self.allow_multiple_selected or not state["selected"])
        state["selected"] = state["selected"] or selected
        return format_html(
            '<option value="{}"{}>{}</option>', text, mark_safe(" selected") if selected else "", force_str(label)
        )
