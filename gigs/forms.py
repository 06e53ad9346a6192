"""HTML forms: they parse and label input; services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gigs.models import GigTemplate
from gigs.selectors import SORTS
from gigs.statuses import WorkMode
from mjc.categories.models import Category
from mjc.core.forms import code_choice, slug_choice, text_area
from mjc.core.money import RupiahField
from mjc.core.widgets import QuickSelect
from mjc.regions.models import Bakorwil, Kabupaten


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class DateInput(forms.DateInput):
    input_type = "date"


class MarketSearchForm(forms.Form):
    """What every marketplace search asks first: words, a category and a place (gigs, packages)."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. kemasan keripik")}),
    )
    category = slug_choice(_("Category"), Category.objects.all(), required=False, empty_label=_("All categories"))
    bakorwil = code_choice(_("Bakorwil"), Bakorwil.objects.all(), required=False, empty_label=_("All of East Java"))
    kabupaten = code_choice(
        _("Kabupaten/kota"), Kabupaten.objects.all(), required=False, empty_label=_("All kabupaten/kota")
    )

    def place_args(self) -> dict:
        """The words, category and place searched, as the selectors take them."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "q": data.get("q") or "",
            "category": data["category"].slug if data.get("category") else None,
            "bakorwil": data["bakorwil"].code if data.get("bakorwil") else None,
            "kabupaten": data["kabupaten"].code if data.get("kabupaten") else None,
        }


class GigSearchForm(MarketSearchForm):
    budget_min = RupiahField(label=_("Budget from (Rp)"), required=False, min_value=0)
    budget_max = RupiahField(label=_("Budget up to (Rp)"), required=False, min_value=0)
    work_mode = forms.ChoiceField(
        label=_("Work mode"), required=False, choices=[("", _("Any"))] + list(WorkMode.choices), widget=QuickSelect
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        widget=QuickSelect,
        choices=[
            ("", _("Best match / newest")),
            ("newest", _("Newest")),
            ("budget", _("Highest budget")),
            ("deadline", _("Nearest deadline")),
        ],
    )

    def search_args(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            **self.place_args(),
            "budget_min": data.get("budget_min"),
            "budget_max": data.get("budget_max"),
            "work_mode": data.get("work_mode") or None,
            "sort": data.get("sort") if data.get("sort") in SORTS else "",
        }


class AnswerChoiceField(forms.ChoiceField):
    """A template question's choice: shows the label in the reader's language and keeps the
    stored value; an answer sent as a label in either language is read as its value."""

    def __init__(self, *args, question, **kwargs):
        self.question = question
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return GigTemplate.choice_value(self.question, super().to_python(value))


class AnswerMultipleChoiceField(forms.MultipleChoiceField):
    def __init__(self, *args, question, **kwargs):
        self.question = question
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return [GigTemplate.choice_value(self.question, item) for item in super().to_python(value)]


def template_question_fields(template) -> dict:
    """The form fields of a brief template's questions, ``answer_<key>`` each, all optional:
    the job form and the package order form (packages) ask them the same way. Choices show
    in the reader's language and keep their stored value."""
    fields = {}
    for question in template.question_list():
        name = f"answer_{question['key']}"
        common = {"label": question["text"], "required": False, "help_text": question["help_text"]}
        if question["kind"] == "choice":
            fields[name] = AnswerChoiceField(question=question, choices=[("", "—"), *question["options"]], **common)
        elif question["kind"] == "checklist":
            fields[name] = AnswerMultipleChoiceField(
                question=question, choices=question["options"], widget=forms.CheckboxSelectMultiple, **common
            )
        else:
            fields[name] = forms.CharField(max_length=500, **common)
    return fields


class GigForm(forms.Form):
    """Step 2 of posting a job: the template's questions (added per template) and the details."""

    title = forms.CharField(label=_("Gig title"), max_length=140)
    category = slug_choice(_("Category"), Category.objects.all())
    description = forms.CharField(
        label=_("Brief"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Describe the gig in your own words. Your answers above are added to it."),
    )
    budget_min = RupiahField(label=_("Budget from (Rp)"))
    budget_max = RupiahField(label=_("Budget up to (Rp)"))
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput)
    kabupaten = code_choice(_("Kabupaten/kota"), Kabupaten.objects.all())
    work_mode = forms.ChoiceField(label=_("Work mode"), choices=WorkMode.choices, initial=WorkMode.REMOTE)
    attachments = MultipleFileField(
        label=_("Attachments (optional)"),
        required=False,
        help_text=_("Photos of the product, old packaging, references: PDF, JPG, PNG, ZIP, Office files."),
    )
    # issue 11: the gig's picture, a product photo of the business or an upload (gigs/services/pictures.py)
    picture_choice = forms.ChoiceField(label=_("Picture on the gig"), required=False, widget=forms.RadioSelect)
    picture = forms.FileField(
        label=_("Or upload a photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPG, PNG or WEBP. It is shown on the gig's card and page; an upload replaces the choice above."),
    )
    PICTURE_FIELDS = ("picture_choice", "picture")
    NO_PICTURE, KEEP_PICTURE = "", "keep"

    def __init__(self, *args, template=None, with_questions=True, products=(), current_picture=None, **kwargs):
        super().__init__(*args, **kwargs)
        # the picture: the category illustration, the photo the gig has now, or a product's photo
        self.products = {str(product.pk): product for product in products}
        self.current_picture = current_picture
        choices = [(self.NO_PICTURE, _("No photo: the category's illustration"))]
        if current_picture:
            choices.append((self.KEEP_PICTURE, _("The current photo")))
        choices += [(key, product.name) for key, product in self.products.items()]
        self.fields["picture_choice"].choices = choices
        self.template = template
        self.question_names = []
        if template is not None and with_questions:
            fields = template_question_fields(template)
            self.question_names = list(fields)
            # the questions come first: they are the guided part of the brief
            self.fields = {**fields, **self.fields}

    def clean(self):
        data = super().clean()
        low, high = data.get("budget_min"), data.get("budget_max")
        if low and high and low > high:
            self.add_error("budget_max", _("The maximum budget cannot be lower than the minimum."))
        deadline = data.get("deadline")
        if deadline and deadline < timezone.localdate():
            self.add_error("deadline", _("The deadline cannot be in the past."))
        if not (data.get("description") or "").strip() and not any(data.get(n) for n in self.question_names):
            self.add_error("description", _("Please describe the gig (or answer the template's questions)."))
        return data

    def answers(self) -> dict:
        return {name.removeprefix("answer_"): self.cleaned_data.get(name) for name in self.question_names}

    def question_fields(self):
        return [self[name] for name in self.question_names]

    def detail_fields(self):
        return [self[name] for name in self.fields if name not in self.question_names + list(self.PICTURE_FIELDS)]

    def picture_options(self):
        """Each radio of the picture choice with the thumbnail it stands for (None: no photo)."""
        urls = {key: product.thumbnail.url for key, product in self.products.items() if product.thumbnail}
        if self.current_picture:
            urls[self.KEEP_PICTURE] = self.current_picture
        return [(radio, urls.get(str(radio.data["value"]))) for radio in self["picture_choice"]]

    def picture_changes(self) -> dict:
        """What the services get: an upload, a product (None: no picture), or nothing (keep)."""
        if self.cleaned_data.get("picture"):
            return {"picture": self.cleaned_data["picture"]}
        choice = self.cleaned_data.get("picture_choice") or self.NO_PICTURE
        if choice == self.KEEP_PICTURE:
            return {}
        return {"picture_product": self.products.get(choice)}


class BidForm(forms.Form):
    amount = RupiahField(label=_("Your price (Rp)"))
    delivery_days = forms.IntegerField(label=_("Delivery time (days)"), min_value=1, max_value=365)
    proposal = forms.CharField(
        label=_("Proposal"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("How you will do the work, what is included, links to similar work."),
    )


class DeliverForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the owner"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    files = MultipleFileField(label=_("Files"), help_text=_("One or more files: PDF, JPG, PNG, ZIP, Office, PSD, AI."))


class RevisionForm(forms.Form):
    note = text_area(_("What should change?"), max_length=5000)


class CancelForm(forms.Form):
    reason = text_area(_("Reason for cancelling"), max_length=2000, rows=2)


class GigCancelForm(forms.Form):
    """The reason the bidders read when the owner cancels a job (the gig page's confirm step)."""

    reason = forms.CharField(
        label=_("Why are you cancelling? (the bidders read it)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "id": "cancel-reason"}),
        error_messages={"required": _("Write why you are cancelling: the creatives who bid will read it.")},
    )


class WithdrawForm(forms.Form):
    reason = text_area(
        _("Why are you withdrawing?"),
        max_length=2000,
        rows=2,
        help_text=_("The owner reads this; the gig opens for other bids again."),
    )


class AttachmentForm(forms.Form):
    files = MultipleFileField(
        label=_("Add files to the brief"),
        help_text=_("Photos of the product, old packaging, references: PDF, JPG, PNG, ZIP, Office files."),
    )


class DisputeForm(forms.Form):
    reason = text_area(
        _("What went wrong?"),
        max_length=4000,
        help_text=_("An MJC admin reads both sides and settles the contract. Work and messages stay here."),
    )


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Rating"),
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(5, "★★★★★ 5"), (4, "★★★★ 4"), (3, "★★★ 3"), (2, "★★ 2"), (1, "★ 1")],
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class MessageForm(forms.Form):
    body = text_area(_("Message"), max_length=5000, rows=2)


class ReportForm(forms.Form):
    reason = text_area(_("What is wrong?"), max_length=4000, rows=4)
