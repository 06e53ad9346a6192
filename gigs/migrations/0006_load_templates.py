from django.db import migrations

from gigs import gig_templates


def load(apps, schema_editor):
    gig_templates.load(apps.get_model("gigs", "Category"), apps.get_model("gigs", "GigTemplate"))


class Migration(migrations.Migration):
    dependencies = [("gigs", "0005_private_file_names")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
