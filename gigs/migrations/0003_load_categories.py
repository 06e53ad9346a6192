from django.db import migrations

from gigs import categories


def load(apps, schema_editor):
    categories.load(apps.get_model("gigs", "Category"))


class Migration(migrations.Migration):
    dependencies = [("gigs", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
