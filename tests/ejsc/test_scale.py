"""Booking lists at province scale: the Bakorwil kept on the booking row, cursor pages that neither skip
nor repeat, bounded staff pages with a fixed number of queries, and plans that use the indexes."""

import json
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ejsc import selectors, services
from ejsc.models import Booking
from ejsc.statuses import BookingStatus
from tests.ejsc.factories import BookingFactory, RoomFactory, SpaceFactory, slot
from tests.factories import AdminFactory, StaffFactory, UserFactory, bakorwil

pytestmark = pytest.mark.django_db


def many(room, requester, count, *, status=BookingStatus.REQUESTED, first=None, step=timedelta(hours=1), created=None):
    """``count`` bookings of ``room`` one after another (written in one INSERT, as a busy hub's history)."""
    first = first or slot(days=2, hour=8)[0]
    created = created or timezone.now() - timedelta(days=1)
    rows = [
        Booking(
            room=room, bakorwil_id=room.space.bakorwil_id, requester=requester, start=first + i * step, end=first + i * step + timedelta(minutes=30),
            purpose=f"Rapat {i}", status=status, exclusive=room.is_exclusive, created_at=created + timedelta(seconds=i),
        )
        for i in range(count)
    ]  # fmt: skip
    return Booking.objects.bulk_create(rows)


def walk(client, url):
    """Follow ``next`` from ``url`` to the end; the pages as read."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        pages.append(response.json())
        url = pages[-1]["next"]
    return pages


# --- the Bakorwil on the booking row ---------------------------------------------------------------


def test_a_request_and_a_block_carry_their_hubs_bakorwil():
    room = RoomFactory(space__bakorwil=bakorwil("V"))
    start, end = slot(days=2, hour=9)
    booking = services.booking_request(
        requester=UserFactory(), room=room, start=start, end=end, attendees=2, purpose="Rapat"
    )
    block = services.booking_block(
        actor=StaffFactory(bakorwil=bakorwil("V")), room=room, start=end, end=end + timedelta(hours=1), reason="Libur"
    )
    assert booking.bakorwil_id == block.bakorwil_id == bakorwil("V").pk  # on the object returned, without a reload
    assert set(Booking.objects.values_list("bakorwil__code", flat=True)) == {"V"}


def test_a_writer_that_forgets_the_bakorwil_still_gets_it_from_the_room():
    # bulk SQL, the admin, an old script: the database derives the column on every insert
    room = RoomFactory(space__bakorwil=bakorwil("II"))
    booking = Booking.objects.create(
        room=room, requester=UserFactory(), start=slot()[0], end=slot()[1], purpose="Rapat"
    )
    booking.refresh_from_db()
    assert booking.bakorwil == bakorwil("II")


def test_bookings_follow_a_room_or_a_hub_that_moves():
    room = RoomFactory(space__bakorwil=bakorwil("I"))
    booking = BookingFactory(room=room)
    room.space = SpaceFactory(bakorwil=bakorwil("IV"))
    room.save()
    booking.refresh_from_db()
    assert booking.bakorwil == bakorwil("IV")
    room.space.bakorwil = bakorwil("II")
    room.space.save()
    booking.refresh_from_db()
    assert booking.bakorwil == bakorwil("II")


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_bakorwil_of_existing_bookings_and_makes_it_required():
    before, after = [("ejsc", "0002_rooms_bookings_events")], [("ejsc", "0003_booking_bakorwil_and_list_indexes")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        # given bookings written before the column existed, in hubs of two regions
        old = executor.loader.project_state(before).apps
        Bakorwil, Kabupaten = old.get_model("regions", "Bakorwil"), old.get_model("regions", "Kabupaten")
        Space, Room, Booking0002 = (
            old.get_model("ejsc", "Space"),
            old.get_model("ejsc", "Room"),
            old.get_model("ejsc", "Booking"),
        )
        user = old.get_model("accounts", "User").objects.create(
            email="lama@example.com", calendar_token="migrasi-uji-0001"
        )
        kab = Kabupaten.objects.get(code="3573")
        rooms = {}
        for code in ("III", "V"):
            space = Space.objects.create(
                slug=f"lama-{code}",
                name=f"Lama {code}",
                bakorwil=Bakorwil.objects.get(code=code),
                kabupaten=kab,
                address="-",
            )
            rooms[code] = Room.objects.create(space=space, name=f"Ruang {code}")
        start = timezone.now() + timedelta(days=2)
        for i, code in enumerate(["III", "V", "III"]):
            Booking0002.objects.create(
                room=rooms[code],
                requester=user,
                start=start + timedelta(hours=i),
                end=start + timedelta(hours=i, minutes=30),
                purpose="x",
            )
        # when the migration runs
        MigrationExecutor(connection).migrate(after)
        # then every booking has its hub's Bakorwil, and the column is required
        assert sorted(Booking.objects.values_list("bakorwil__code", flat=True)) == ["III", "III", "V"]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'ejsc_booking' AND column_name = 'bakorwil_id'"
            )
            assert cursor.fetchone() == ("NO",)
    finally:
        # back to the latest migration of every app (not just 0003: later ones must be there for the next tests)
        latest = MigrationExecutor(connection)
        latest.migrate(latest.loader.graph.leaf_nodes())


# --- who sees what -------------------------------------------------------------------------------


def test_staff_see_their_regions_bookings_and_their_own_not_another_regions(as_user):
    staff = StaffFactory(bakorwil=bakorwil("III"))
    malang, jember = RoomFactory(space__bakorwil=bakorwil("III")), RoomFactory(space__bakorwil=bakorwil("V"))
    region = BookingFactory(room=malang)  # someone else's, in the staffer's region
    own_elsewhere = BookingFactory(room=jember, requester=staff, start=slot(days=4)[0], end=slot(days=4)[1])
    not_theirs = BookingFactory(room=jember)
    ids = {row["id"] for row in as_user(staff).get("/api/v1/bookings/").json()["results"]}
    assert ids == {region.pk, own_elsewhere.pk}
    assert not_theirs.pk not in ids
    # the queue is the region's only: the staffer's own request elsewhere is for Jember's staff to decide
    assert [b.pk for b in selectors.staff_queue(staff)] == [region.pk]


# --- cursor pages ---------------------------------------------------------------------------------


def test_cursor_pages_neither_skip_nor_repeat_while_bookings_arrive(as_user):
    # given 30 bookings, some starting at the same moment (ties broken by id)
    user = UserFactory()
    rooms = [RoomFactory(), RoomFactory()]
    first = slot(days=2, hour=8)[0]
    original = many(rooms[0], user, 20, first=first) + many(rooms[1], user, 10, first=first, step=timedelta(hours=2))
    client = as_user(user)
    # when the first page is read, then new bookings arrive (one on top, one at a tie, one deep in the list)
    page = client.get("/api/v1/bookings/?page_size=7").json()
    seen = [row["id"] for row in page["results"]]
    many(RoomFactory(), user, 1, first=first + timedelta(days=5))
    many(RoomFactory(), user, 1, first=first + timedelta(hours=10))
    many(RoomFactory(), user, 1, first=first + timedelta(minutes=15))
    pages = walk(client, page["next"])
    for later in pages:
        seen += [row["id"] for row in later["results"]]
    # then every original booking is read exactly once, in one unbroken order
    assert len(seen) == len(set(seen))
    assert {b.pk for b in original} <= set(seen)
    rows = {b.pk: b for b in Booking.objects.filter(pk__in=seen)}
    keys = [(rows[pk].start, pk) for pk in seen]
    assert keys == sorted(keys, reverse=True)
    assert page["count"] == 30 and page["count_capped"] is False


def test_a_bad_cursor_is_a_400_in_the_shared_error_shape(as_user):
    BookingFactory(requester=(user := UserFactory()))
    for cursor in ["garbage", "eyJ2IjpbMV19", "%00"]:
        response = as_user(user).get("/api/v1/bookings/", {"cursor": cursor})
        assert response.status_code == 400
        body = response.json()
        assert set(body) == {"message", "code", "extra"} and body["code"] == "invalid"
        assert "cursor" in body["extra"]["fields"]


def test_the_deepest_page_is_reachable_and_the_count_stops_at_1000(as_user):
    user = UserFactory()
    rows = many(RoomFactory(), user, 1030, step=timedelta(minutes=40))
    pages = walk(as_user(user), "/api/v1/bookings/?page_size=100")
    assert len(pages) == 11 and len(pages[-1]["results"]) == 30
    assert [row["id"] for page in pages for row in page["results"]] == [
        b.pk for b in sorted(rows, key=lambda b: (b.start, b.pk), reverse=True)
    ]
    assert pages[0]["count"] == 1000 and pages[0]["count_capped"] is True
    # and back again from the last page
    back = as_user(user).get(pages[-1]["previous"]).json()
    assert back["results"] == pages[-2]["results"]


def test_the_booking_list_costs_the_same_for_staff_with_a_big_region(as_user, django_assert_max_num_queries):
    staff = StaffFactory(bakorwil=bakorwil("III"))
    many(RoomFactory(), UserFactory(), 300)
    with django_assert_max_num_queries(4):
        response = as_user(staff).get("/api/v1/bookings/")
    assert len(response.json()["results"]) == 20
    with django_assert_max_num_queries(4):
        deep = as_user(staff).get(response.json()["next"])
    assert len(deep.json()["results"]) == 20


# --- the staff queue and the requester's page ----------------------------------------------------


def _queue_ids(body: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'id="request-(\d+)"', body)]


def _follow(client, body: str, rel: str):
    match = re.search(rf'rel="{rel}" href="([^"#]+)', body)
    return client.get(match.group(1).replace("&amp;", "&")).content.decode() if match else None


def test_the_queue_shows_25_at_a_time_and_flags_clashes_on_every_page(client):
    staff = StaffFactory(bakorwil=bakorwil("III"))
    room = RoomFactory(space__bakorwil=bakorwil("III"))
    waiting = many(room, UserFactory(), 60, step=timedelta(hours=1))
    many(RoomFactory(space__bakorwil=bakorwil("V")), UserFactory(), 5)  # another region's
    # the 40th request clashes with an approved booking; the 41st and 42nd overlap each other
    clash, rival_a, rival_b = waiting[39], waiting[40], waiting[41]
    BookingFactory(room=room, start=clash.start, end=clash.end, status=BookingStatus.APPROVED)
    Booking.objects.filter(pk=rival_b.pk).update(start=rival_a.start, end=rival_a.end)
    client.force_login(staff)

    first = client.get(reverse("ejsc:staff_queue")).content.decode()
    assert _queue_ids(first) == [b.pk for b in waiting[:25]]  # oldest first
    assert "60 menunggu" in first and "Bentrok" not in first
    second = _follow(client, first, "next")
    assert _queue_ids(second) == [b.pk for b in waiting[25:50]]
    flagged = {pk: block for pk, block in re.findall(r'id="request-(\d+)"(.*?)</li>', second, re.S)}
    assert "Bentrok" in flagged[str(clash.pk)] and "Tumpang tindih" not in flagged[str(clash.pk)]
    assert "Tumpang tindih" in flagged[str(rival_a.pk)] and "Tumpang tindih" in flagged[str(rival_b.pk)]
    assert not any(
        "Bentrok" in block or "Tumpang tindih" in block
        for pk, block in flagged.items()
        if int(pk) not in (clash.pk, rival_a.pk, rival_b.pk)
    )
    third = _follow(client, second, "next")
    assert _queue_ids(third) == [b.pk for b in waiting[50:]]
    assert 'rel="next"' not in third
    assert _queue_ids(_follow(client, third, "prev")) == [b.pk for b in waiting[25:50]]
    # deciding from page two comes back to page two
    assert 'name="next" value="/ejsc/petugas/?cursor=' in second


def test_the_queue_costs_the_same_with_5_or_300_waiting(client, django_assert_max_num_queries):
    staff = StaffFactory(bakorwil=bakorwil("III"))
    room = RoomFactory(space__bakorwil=bakorwil("III"))
    many(room, UserFactory(), 5)
    client.force_login(staff)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("ejsc:staff_queue"))
    many(room, UserFactory(), 295, first=slot(days=9, hour=8)[0], step=timedelta(minutes=30))
    with django_assert_max_num_queries(len(few)):
        body = client.get(reverse("ejsc:staff_queue")).content.decode()
    assert len(_queue_ids(body)) == 25 and "300 menunggu" in body
    assert len(body) < 150_000  # was every request on one page


def test_a_queue_longer_than_1000_says_so(client):
    room = RoomFactory(space__bakorwil=bakorwil("III"))
    many(room, UserFactory(), 1001, step=timedelta(minutes=30))
    client.force_login(StaffFactory(bakorwil=bakorwil("III")))
    body = client.get(reverse("ejsc:staff_queue")).content.decode()
    assert "1.000+ menunggu" in body and len(_queue_ids(body)) == 25


def test_my_past_bookings_page_by_cursor(client, django_assert_max_num_queries):
    user = UserFactory()
    past = many(RoomFactory(), user, 30, first=timezone.now() - timedelta(days=40), step=timedelta(days=1))
    client.force_login(user)
    with django_assert_max_num_queries(12):
        first = client.get(reverse("ejsc:my_bookings")).content.decode()
    newest_first = sorted(past, key=lambda b: b.start, reverse=True)
    assert all(f"/ejsc/pemesanan/{b.pk}/" in first for b in newest_first[:25])
    assert f"/ejsc/pemesanan/{newest_first[25].pk}/" not in first
    older = _follow(client, first, "next")
    assert all(f"/ejsc/pemesanan/{b.pk}/" in older for b in newest_first[25:]) and 'rel="prev"' in older


# --- the plans ------------------------------------------------------------------------------------


def _nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _assert_uses_indexes(plan_json: str):
    plan = json.loads(plan_json)[0]["Plan"]
    for node in _nodes(plan):
        assert not (node["Node Type"] == "Seq Scan" and node.get("Relation Name") == "ejsc_booking"), plan_json
        assert "external" not in node.get("Sort Method", ""), plan_json
        assert not (node["Node Type"] == "Sort" and node.get("Actual Rows", 0) > 100), (
            plan_json
        )  # no sort of the region


def _explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        value = cursor.fetchone()[0]
    return value if isinstance(value, str) else json.dumps(value)


@pytest.fixture
def busy_province():
    """A few thousand bookings over two regions and many requesters; the staffer has a few of their own elsewhere."""
    staff = StaffFactory(bakorwil=bakorwil("III"))
    people = [UserFactory() for _ in range(20)]
    rooms = [RoomFactory(space__bakorwil=bakorwil(code)) for code in ("III", "III", "V", "V", "I")]
    start = timezone.now() - timedelta(days=300)
    for index, room in enumerate(rooms):
        for n, person in enumerate(people):
            many(
                room,
                person,
                40,
                first=start + timedelta(minutes=31 * n),
                step=timedelta(days=7),
                status=BookingStatus.COMPLETED,
            )
        many(room, people[index], 30, first=timezone.now() + timedelta(days=2, minutes=index))
    many(rooms[2], staff, 5, first=timezone.now() + timedelta(days=3))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE ejsc_booking")
    return staff


def test_the_staff_list_pages_use_the_indexes(as_user, busy_province):
    # The planner may prefer a sequential scan of a table this small; with it switched off for the
    # transaction, a plan without one must exist, i.e. the indexes can serve these queries.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    client = as_user(busy_province)
    with CaptureQueriesContext(connection) as first:
        page = client.get("/api/v1/bookings/").json()
    assert len(page["results"]) == 20
    with CaptureQueriesContext(connection) as deep:
        # a cursor deep in the history: the second page after 2 000 rows
        cursor = parse_qs(urlsplit(page["next"]).query)["cursor"][0]
        for _ in range(3):
            data = client.get("/api/v1/bookings/", {"cursor": cursor, "page_size": 100}).json()
            cursor = parse_qs(urlsplit(data["next"]).query)["cursor"][0]
    for query in [*first.captured_queries, *deep.captured_queries]:
        if "ejsc_booking" in query["sql"] and query["sql"].lstrip().startswith("SELECT"):
            _assert_uses_indexes(_explain(query["sql"]))
    _assert_uses_indexes(
        selectors.bookings_visible_to(busy_province).order_by("-start", "-id")[:21].explain(format="json", analyze=True)
    )
    _assert_uses_indexes(selectors.staff_queue(busy_province)[:26].explain(format="json", analyze=True))
    _assert_uses_indexes(
        selectors.bookings_visible_to(AdminFactory())
        .order_by("-start", "-id")[:21]
        .explain(format="json", analyze=True)
    )


def test_the_staff_list_prefers_the_indexes_without_being_told(busy_province):
    # Without any planner setting: the first page of the list and the queue never read the whole table.
    _assert_uses_indexes(
        selectors.bookings_visible_to(busy_province).order_by("-start", "-id")[:21].explain(format="json", analyze=True)
    )
    _assert_uses_indexes(selectors.staff_queue(busy_province)[:26].explain(format="json", analyze=True))


def test_a_page_in_the_middle_reads_about_its_own_rows(as_user, busy_province):
    client = as_user(busy_province)
    url = "/api/v1/bookings/?page_size=100"
    for _ in range(8):  # 800 of the staffer's 1 665 rows deep
        url = client.get(url).json()["next"]
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    page_query = next(q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "ejsc_booking"."id"'))
    plan = json.loads(_explain(page_query))[0]["Plan"]
    read = sum(
        node.get("Actual Rows", 0)
        + node.get("Rows Removed by Filter", 0)
        + node.get("Rows Removed by Index Recheck", 0)
        for node in _nodes(plan)
        if node.get("Relation Name") == "ejsc_booking"
    )
    assert read < 600  # the page's 101 rows, and the other regions' rows between them (they hold 60 %)


def test_an_overlap_check_reads_the_blocks_by_their_end_not_the_rooms_history():
    """The queue's conflict flags and every rule check ask "does anything hold the room then?": a block
    may last days, so it cannot be bounded by its start; it is found on ``ejsc_booking_room_block_end``."""
    from ejsc.periods import overlapping
    from ejsc.statuses import HOLDING_STATUSES
    from tests.plans import plan_nodes

    # given a room with eight years of past blocks and one block over next week's Tuesday
    room_staff = UserFactory()
    room = RoomFactory()
    start, _ = slot(days=-3000, hour=8)
    Booking.objects.bulk_create(
        Booking(
            room=room,
            bakorwil=room.space.bakorwil,
            requester=room_staff,
            start=start + timedelta(days=day),
            end=start + timedelta(days=day, hours=2),
            attendees=1,
            purpose="Perawatan",
            status=BookingStatus.BLOCKED,
            exclusive=True,
        )
        for day in range(2990)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE ejsc_booking")
    tuesday, _ = slot(days=7, hour=8)
    block = BookingFactory(room=room, start=tuesday, end=tuesday + timedelta(days=2), status=BookingStatus.BLOCKED)
    # when a request for Wednesday is checked
    wednesday = tuesday + timedelta(days=1, hours=2)
    found = overlapping(room, wednesday, wednesday + timedelta(hours=2), HOLDING_STATUSES)
    # then the block is found, through the blocks' end index (and the requests' bounded one)
    assert list(found) == [block]
    used = {node.get("Index Name") for node in plan_nodes(found)}
    assert "ejsc_booking_room_block_end" in used, used
