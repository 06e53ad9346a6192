from django.db import migrations


class Migration(migrations.Migration):
    """The counters behind MJC/KW/…/000123 and MJC/BAST/…: PostgreSQL sequences never hand
    the same value out twice, even to two confirmations at the same moment."""

    dependencies = [("payments", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS payments_receipt_number; "
            "CREATE SEQUENCE IF NOT EXISTS payments_handover_number;",
            "DROP SEQUENCE IF EXISTS payments_receipt_number; DROP SEQUENCE IF EXISTS payments_handover_number;",
        )
    ]
