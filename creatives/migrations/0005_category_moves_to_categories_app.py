"""Category moved to mjc.categories with its table unchanged: only the state of these
fields changes, the database keeps its columns and constraints."""


import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('categories', '0001_initial'),
        ('creatives', '0004_directory_search'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='creativeprofile',
                    name='skills',
                    field=models.ManyToManyField(blank=True, related_name='creatives', to='categories.category', verbose_name='skills'),
                ),
                migrations.AlterField(
                    model_name='portfolioitem',
                    name='category',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='categories.category', verbose_name='category'),
                ),
            ],
            database_operations=[],
        ),
    ]
