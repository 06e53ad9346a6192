"""Bookings carry their hub's Bakorwil, and every booking list has an index for its order.

Staff see "my own bookings or my region's": with the region reached through room → hub, that OR
could use no index and every list read and sorted all bookings. With the Bakorwil on the row both
halves are an index each ((requester, -start, -id) and (bakorwil, -start, -id)).

The column is filled set-based, then made NOT NULL. A trigger derives it on every insert (so a
writer that does not set it — bulk SQL, the admin — still gets it right) and follows a room moved
to another hub or a hub moved to another Bakorwil.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The fill, set-based: one UPDATE … FROM over the whole table. FK checks are made immediate for
# the statement, so the ALTER TABLE … SET NOT NULL that follows finds no pending trigger events.
FILL = """
SET CONSTRAINTS ALL IMMEDIATE;
UPDATE ejsc_booking AS b
   SET bakorwil_id = s.bakorwil_id
  FROM ejsc_room AS r JOIN ejsc_space AS s ON s.id = r.space_id
 WHERE r.id = b.room_id AND b.bakorwil_id IS DISTINCT FROM s.bakorwil_id;
SET CONSTRAINTS ALL DEFERRED;
"""

TRIGGERS = """
CREATE FUNCTION ejsc_booking_bakorwil_of_room() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT s.bakorwil_id INTO NEW.bakorwil_id
      FROM ejsc_room AS r JOIN ejsc_space AS s ON s.id = r.space_id
     WHERE r.id = NEW.room_id;
    RETURN NEW;
END $$;
CREATE TRIGGER ejsc_booking_bakorwil_on_insert BEFORE INSERT ON ejsc_booking
    FOR EACH ROW EXECUTE FUNCTION ejsc_booking_bakorwil_of_room();
CREATE TRIGGER ejsc_booking_bakorwil_on_update BEFORE UPDATE OF room_id, bakorwil_id ON ejsc_booking
    FOR EACH ROW WHEN (OLD.room_id IS DISTINCT FROM NEW.room_id OR OLD.bakorwil_id IS DISTINCT FROM NEW.bakorwil_id)
    EXECUTE FUNCTION ejsc_booking_bakorwil_of_room();

CREATE FUNCTION ejsc_room_bookings_follow_hub() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ejsc_booking AS b SET bakorwil_id = s.bakorwil_id
      FROM ejsc_space AS s
     WHERE s.id = NEW.space_id AND b.room_id = NEW.id AND b.bakorwil_id <> s.bakorwil_id;
    RETURN NULL;
END $$;
CREATE TRIGGER ejsc_room_bookings_follow_hub AFTER UPDATE OF space_id ON ejsc_room
    FOR EACH ROW WHEN (OLD.space_id IS DISTINCT FROM NEW.space_id)
    EXECUTE FUNCTION ejsc_room_bookings_follow_hub();

CREATE FUNCTION ejsc_space_bookings_follow_bakorwil() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ejsc_booking AS b SET bakorwil_id = NEW.bakorwil_id
      FROM ejsc_room AS r
     WHERE r.space_id = NEW.id AND b.room_id = r.id AND b.bakorwil_id <> NEW.bakorwil_id;
    RETURN NULL;
END $$;
CREATE TRIGGER ejsc_space_bookings_follow_bakorwil AFTER UPDATE OF bakorwil_id ON ejsc_space
    FOR EACH ROW WHEN (OLD.bakorwil_id IS DISTINCT FROM NEW.bakorwil_id)
    EXECUTE FUNCTION ejsc_space_bookings_follow_bakorwil();
"""

DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS ejsc_space_bookings_follow_bakorwil ON ejsc_space;
DROP FUNCTION IF EXISTS ejsc_space_bookings_follow_bakorwil();
DROP TRIGGER IF EXISTS ejsc_room_bookings_follow_hub ON ejsc_room;
DROP FUNCTION IF EXISTS ejsc_room_bookings_follow_hub();
DROP TRIGGER IF EXISTS ejsc_booking_bakorwil_on_update ON ejsc_booking;
DROP TRIGGER IF EXISTS ejsc_booking_bakorwil_on_insert ON ejsc_booking;
DROP FUNCTION IF EXISTS ejsc_booking_bakorwil_of_room();
"""


class Migration(migrations.Migration):

    dependencies = [
        ("ejsc", "0002_rooms_bookings_events"),
        ("regions", "0002_load_regions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="booking",
            name="bakorwil",
            field=models.ForeignKey(
                db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT,
                related_name="+", to="regions.bakorwil", verbose_name="Bakorwil",
            ),
        ),
        migrations.RunSQL(FILL, reverse_sql=migrations.RunSQL.noop),
        migrations.RunSQL(TRIGGERS, reverse_sql=DROP_TRIGGERS),
        migrations.AlterField(
            model_name="booking",
            name="bakorwil",
            field=models.ForeignKey(
                db_index=False, editable=False, on_delete=django.db.models.deletion.PROTECT,
                related_name="+", to="regions.bakorwil", verbose_name="Bakorwil",
            ),
        ),
        migrations.AlterField(
            model_name="booking",
            name="requester",
            field=models.ForeignKey(
                db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="bookings",
                to=settings.AUTH_USER_MODEL, verbose_name="requester",
            ),
        ),
        migrations.AddIndex(
            model_name="booking",
            index=models.Index(fields=["-start", "-id"], name="ejsc_booking_recent"),
        ),
        migrations.AddIndex(
            model_name="booking",
            index=models.Index(fields=["requester", "-start", "-id"], name="ejsc_booking_requester_recent"),
        ),
        migrations.AddIndex(
            model_name="booking",
            index=models.Index(fields=["bakorwil", "-start", "-id"], name="ejsc_booking_bakorwil_recent"),
        ),
        migrations.AddIndex(
            model_name="booking",
            index=models.Index(fields=["bakorwil", "status", "-start", "-id"], name="ejsc_booking_bakorwil_status"),
        ),
        migrations.AddIndex(
            model_name="booking",
            index=models.Index(fields=["bakorwil", "decided_at"], name="ejsc_booking_bakorwil_decided"),
        ),
        migrations.AddIndex(
            model_name="booking",
            index=models.Index(
                condition=models.Q(("status", "requested")), fields=["bakorwil", "created_at", "id"], name="ejsc_booking_waiting"
            ),
        ),
    ]
