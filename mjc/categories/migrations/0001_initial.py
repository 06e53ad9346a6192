"""Category moves from ``gigs`` to this app: the table (``gigs_category``) and its rows stay
where they are, only Django's idea of which app owns the model changes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("gigs", "0011_contract_withdraw"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Category",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("slug", models.SlugField(max_length=40, unique=True, verbose_name="slug")),
                        ("name", models.CharField(max_length=80, verbose_name="name (Indonesian)")),
                        ("name_en", models.CharField(blank=True, max_length=80, verbose_name="name (English)")),
                        ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                    ],
                    options={
                        "verbose_name": "category",
                        "verbose_name_plural": "categories",
                        "db_table": "gigs_category",
                        "ordering": ["position", "id"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
