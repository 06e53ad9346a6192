from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GistIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _


class ChoicesDisplay:
    """Mixin for models whose choice fields are shown in lists: ``get_status_display()`` looks the label up
    in a dict built once per field, where Django's own rebuilds the whole dict on every call (about 350
    function calls each; a list of 20 contracts called it 40 times: issue 8). The labels stay lazy, so each
    call still answers in the reader's language."""

    def _get_FIELD_display(self, field):
        labels = field.__dict__.get("_mjc_choice_labels")
        if labels is None:
            labels = field._mjc_choice_labels = dict(make_hashable(field.flatchoices))
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


def title_and_text_document(text_field: str = "description") -> models.GeneratedField:
    """A row's stored full-text document: its title (weighs A) and its text (B), in ``indonesian``, kept
    by PostgreSQL itself (a generated column) so that no query re-tokenises a brief; GIN-index it."""
    return models.GeneratedField(
        expression=SearchVector("title", config="indonesian", weight="A")
        + SearchVector(text_field, config="indonesian", weight="B"),
        output_field=SearchVectorField(),
        db_persist=True,
        editable=False,
        verbose_name=_("search document"),
    )


class StatusChange(models.Model):
    """One row for every status move of any lifecycle object: who, when, from, to."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    from_status = models.CharField(_("from"), max_length=32)
    to_status = models.CharField(_("to"), max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.content_type.model}#{self.object_id}: {self.from_status} → {self.to_status}"


class JobOutbox(models.Model):
    """A background job asked for inside a transaction; sent to the broker after commit.

    A row is written in the same transaction as the change that asked for the job, so
    the job cannot be lost: if the broker is down at commit time, the sweeper
    (mjc.core.tasks.outbox_sweep, also `manage.py outbox_sweep`) sends it later.
    """

    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["created_at"], condition=models.Q(sent_at__isnull=True), name="outbox_unsent")]

    def __str__(self):
        return f"{self.task_name}{tuple(self.args)}"


# --- summary rows (issue 8, "Figures computed once, not per view") ----------------------
# Pages show figures that would cost an aggregate over whole tables on every view. They
# are kept here instead, refreshed by scheduled jobs and after the events that change them
# (mjc/core/summaries.py); a view reads a few rows.


class SummaryState(models.Model):
    """When a summary (``figures``, ``price_guidance`` …) was last computed.

    No row means "never computed": the first read computes it (fresh install, tests).
    """

    name = models.CharField(max_length=50, primary_key=True)
    refreshed_at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} @ {self.refreshed_at:%Y-%m-%d %H:%M:%S}"


class SummarySnapshot(models.Model):
    """The figures of a summary small enough to keep as one document (a dashboard's grouped
    rows: a few dozen regions, twelve months, a dozen categories), rewritten by its refresh
    (``register_snapshot``) and read as one row."""

    name = models.CharField(max_length=50, primary_key=True)
    data = models.JSONField(encoder=DjangoJSONEncoder)
    refreshed_at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} @ {self.refreshed_at:%Y-%m-%d %H:%M:%S}"


class PlatformFigures(models.Model):
    """The one row of province-wide figures: the landing page and the dashboard's totals."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    businesses = models.PositiveIntegerField(default=0)
    creatives = models.PositiveIntegerField(default=0)
    open_gigs = models.PositiveIntegerField(default=0)
    hubs = models.PositiveIntegerField(default=0)
    # distinct businesses with a published gig, province-wide (not a sum over regions)
    umkm_served = models.PositiveIntegerField(default=0)
    refreshed_at = models.DateTimeField()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="platform_figures_single_row")]

    def __str__(self):
        return f"platform figures @ {self.refreshed_at:%Y-%m-%d %H:%M:%S}"


class RegionFigures(models.Model):
    """What MJC has done in one kabupaten/kota (the province dashboard's rows)."""

    kabupaten = models.OneToOneField(
        "regions.Kabupaten", on_delete=models.CASCADE, primary_key=True, related_name="figures"
    )
    umkm_served = models.PositiveIntegerField(default=0)
    businesses = models.PositiveIntegerField(default=0)
    creatives = models.PositiveIntegerField(default=0)
    gigs = models.PositiveIntegerField(default=0)
    open_gigs = models.PositiveIntegerField(default=0)
    contracts = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    cancelled = models.PositiveIntegerField(default=0)
    contract_value = models.PositiveBigIntegerField(default=0)
    refreshed_at = models.DateTimeField()

    def __str__(self):
        return f"figures of kabupaten #{self.kabupaten_id}"


class SearchWord(models.Model):
    """One word of what a search can find (the typo-tolerant search, issue 8).

    Each searchable list (``scope``: open gigs, active packages) keeps the distinct words of
    its titles and descriptions here, with how many items hold the word. A typed word that
    is not here, or is much rarer than a close one, is corrected by a trigram nearest-
    neighbour scan of this small table (mjc/core/search.py), and the search then runs on the
    full-text index: its cost follows the vocabulary (thousands of words), not the number of
    gigs or packages. Rebuilt by the ``*_words`` summaries; the services add the words of an
    item the moment it is published, so a new word can be corrected at once."""

    scope = models.CharField(max_length=16)
    word = models.CharField(max_length=40)
    items = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "word"], name="search_word_unique")]
        indexes = [GistIndex(fields=["word"], opclasses=["gist_trgm_ops"], name="search_word_trgm")]

    def __str__(self):
        return f"{self.scope}: {self.word} ({self.items})"
