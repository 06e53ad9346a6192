"""Category moved to mjc.categories with its table unchanged (gigs_category): the fields
point at the new owner in the state only, and the admin's content type follows the model."""


import django.db.models.deletion
from django.db import migrations, models


def content_type_follows(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="categories", model="category").exists():
        ContentType.objects.filter(app_label="gigs", model="category").update(app_label="categories")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('categories', '0001_initial'),
        ('creatives', '0005_category_moves_to_categories_app'),
        ('gigs', '0011_contract_withdraw'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='gig',
                    name='category',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='gigs', to='categories.category', verbose_name='category'),
                ),
                migrations.AlterField(
                    model_name='gigtemplate',
                    name='category',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='templates', to='categories.category', verbose_name='category'),
                ),
                migrations.AlterField(
                    model_name='priceguidancefigures',
                    name='category',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='categories.category'),
                ),
                migrations.DeleteModel(
                    name='Category',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_follows, migrations.RunPython.noop),
    ]
