import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Bakorwil",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(max_length=4, unique=True, verbose_name="code")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("seat", models.CharField(max_length=100, verbose_name="seat")),
            ],
            options={"ordering": ["id"], "verbose_name": "Bakorwil", "verbose_name_plural": "Bakorwil"},
        ),
        migrations.CreateModel(
            name="Kabupaten",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(max_length=4, unique=True, verbose_name="BPS code")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                (
                    "bakorwil",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="kabupaten",
                        to="regions.bakorwil",
                        verbose_name="Bakorwil",
                    ),
                ),
            ],
            options={"ordering": ["name"], "verbose_name": "kabupaten/kota", "verbose_name_plural": "kabupaten/kota"},
        ),
    ]
