# The shipped gig templates get their English help and choice labels (issue 11); the stored
# choice values stay as they are, so briefs and API clients that send them keep working.

from django.db import migrations, models

from gigs import gig_templates


def add_english(apps, schema_editor):
    gig_templates.add_english(apps.get_model("gigs", "GigTemplate"))


class Migration(migrations.Migration):
    dependencies = [
        ("gigs", "0013_gig_source"),
    ]

    operations = [
        migrations.AlterField(
            model_name="gigtemplate",
            name="questions",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text='A list of {"key", "label", "label_en", "kind": "text"|"choice"|"checklist", "choices": [...], "choices_en": [...], "help", "help_en"}. The choices are the values kept in briefs: change only their English labels (choices_en, same order); an empty English text shows the Indonesian one.',
                verbose_name="questions",
            ),
        ),
        migrations.RunPython(add_english, migrations.RunPython.noop),
    ]
