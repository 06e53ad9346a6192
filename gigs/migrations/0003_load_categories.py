from django.db import migrations

from mjc.categories import data as categories


def load(apps, schema_editor):
    categories.load(apps.get_model("gigs", "Category"))


class Migration(migrations.Migration):
    dependencies = [("gigs", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
