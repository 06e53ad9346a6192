from django.db import migrations

from mjc.regions import data


def load(apps, schema_editor):
    data.load(apps.get_model("regions", "Bakorwil"), apps.get_model("regions", "Kabupaten"))


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
