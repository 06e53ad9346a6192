from django.db import migrations

from gigs.categories import CATEGORIES


def load(apps, schema_editor):
    Category = apps.get_model("gigs", "Category")
    for position, (slug, name, name_en) in enumerate(CATEGORIES):
        Category.objects.update_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "position": position})


class Migration(migrations.Migration):
    dependencies = [("gigs", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
