from django.db import migrations

from mjc.regions.data import BAKORWIL, KABUPATEN


def load(apps, schema_editor):
    Bakorwil = apps.get_model("regions", "Bakorwil")
    Kabupaten = apps.get_model("regions", "Kabupaten")
    for code, name, seat in BAKORWIL:
        bakorwil, _ = Bakorwil.objects.update_or_create(code=code, defaults={"name": name, "seat": seat})
        for bps, kab_name in KABUPATEN[code]:
            Kabupaten.objects.update_or_create(code=bps, defaults={"name": kab_name, "bakorwil": bakorwil})


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [
        migrations.RunSQL(
            [
                "CREATE EXTENSION IF NOT EXISTS btree_gist;",
                "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
                "CREATE EXTENSION IF NOT EXISTS unaccent;",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
