"""EJSC demo data for `manage.py seed_demo`: the five Bakorwil hubs and KEK Singhasari, their rooms,
opening hours, a few bookings and one public event each (idempotent). EJSC Malang also shows the
public-service features of issue 14: a weekly series with one skipped week, someone on its waitlist,
a visitor booked on behalf, a few satisfaction ratings and the national holidays."""

from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone

from ejsc import series as booking_series
from ejsc import visitors, waitlist
from ejsc.models import (
    Booking,
    BookingSeries,
    Event,
    Feedback,
    Holiday,
    OpeningHours,
    Room,
    Space,
    SpacePhoto,
    WaitlistEntry,
)
from ejsc.statuses import BookingStatus, EventStatus, RoomKind
from ejsc.timefmt import at_wib
from mjc.core.formatting import wib
from mjc.core.transitions import record_creation
from mjc.regions.models import Bakorwil, Kabupaten
from mjc.site.demo import accounts

PASSWORD = accounts.PASSWORD

SPACES = [
    # slug, name, Bakorwil, kabupaten code, address, description
    ("ejsc-madiun", "EJSC Madiun", "I", "3577", "Kantor Bakorwil I, Jl. Pahlawan No. 31, Kota Madiun",
     "Ruang kerja bersama untuk kreator Madiun Raya: Ponorogo, Magetan, Ngawi, Pacitan dan sekitarnya."),
    ("ejsc-bojonegoro", "EJSC Bojonegoro", "II", "3522", "Kantor Bakorwil II, Jl. Diponegoro No. 1, Bojonegoro",
     "Coworking di jantung Bojonegoro untuk kreator Tuban, Lamongan, Jombang dan Nganjuk."),
    ("ejsc-malang", "EJSC Malang", "III", "3573", "Kantor Bakorwil III, Jl. Simpang Ijen No. 2, Kota Malang",
     "Hub kreatif Malang Raya: desain, animasi, foto produk dan pemasaran digital."),
    ("ejsc-pamekasan", "EJSC Pamekasan", "IV", "3528", "Kantor Bakorwil IV, Jl. Jokotole No. 1, Pamekasan",
     "Ruang kerja kreator Madura: Bangkalan, Sampang, Pamekasan dan Sumenep."),
    ("ejsc-jember", "EJSC Jember", "V", "3509", "Kantor Bakorwil V, Jl. Kalimantan No. 42, Jember",
     "Coworking kreator Tapal Kuda: Jember, Banyuwangi, Bondowoso, Situbondo, Lumajang dan Probolinggo."),
    ("kek-singhasari", "KEK Singhasari Coworking", "III", "3507", "Kawasan Ekonomi Khusus Singhasari, Kec. Singosari, Kab. Malang",
     "Gedung coworking kawasan produksi animasi dan ekonomi digital KEK Singhasari."),
]  # fmt: skip

# each hub's own desk (demo numbers and addresses, not real ones)
CONTACTS = {
    "ejsc-madiun": ("0812-3000-0101", "ejsc-madiun@demo.mjc.id"),
    "ejsc-bojonegoro": ("0812-3000-0202", "ejsc-bojonegoro@demo.mjc.id"),
    "ejsc-malang": ("0812-3000-0303", "ejsc-malang@demo.mjc.id"),
    "ejsc-pamekasan": ("0812-3000-0404", "ejsc-pamekasan@demo.mjc.id"),
    "ejsc-jember": ("0812-3000-0505", "ejsc-jember@demo.mjc.id"),
    "kek-singhasari": ("0812-3000-0606", "kek-singhasari@demo.mjc.id"),
}

ROOMS = [
    # name, kind, capacity, amenities, rules
    ("Area Kerja Bersama", RoomKind.DESK_AREA, 30, ["Wi-Fi", "Colokan listrik", "Loker", "Air minum"],
     {"needs_approval": False, "min_minutes": 60, "max_minutes": 600, "lead_minutes": 15, "max_days_ahead": 14, "weekly_quota_hours": 40}),
    ("Ruang Rapat Brawijaya", RoomKind.MEETING_ROOM, 10, ["Wi-Fi", "Layar TV 55 inci", "Papan tulis", "AC"],
     {"needs_approval": True, "min_minutes": 30, "max_minutes": 240, "lead_minutes": 60, "max_days_ahead": 30, "weekly_quota_hours": 8}),
    ("Aula Serbaguna", RoomKind.EVENT_HALL, 80, ["Proyektor", "Sound system", "Panggung", "AC"],
     {"needs_approval": True, "min_minutes": 60, "max_minutes": 600, "lead_minutes": 24 * 60, "max_days_ahead": 60}),
    ("Studio Podcast & Foto", RoomKind.STUDIO, 4, ["Mikrofon", "Lampu studio", "Latar foto", "Kedap suara"],
     {"needs_approval": True, "min_minutes": 60, "max_minutes": 180, "lead_minutes": 120, "max_days_ahead": 21, "weekly_quota_hours": 6}),
]  # fmt: skip

# The same content in English (issue 11: both languages whole), keyed by hub slug and room name.
SPACES_EN = {
    "ejsc-madiun": "Coworking space for creators of Greater Madiun: Ponorogo, Magetan, Ngawi, Pacitan and around.",
    "ejsc-bojonegoro": "Coworking in the heart of Bojonegoro for creators from Tuban, Lamongan, Jombang and Nganjuk.",
    "ejsc-malang": "The creative hub of Greater Malang: design, animation, product photography and digital marketing.",
    "ejsc-pamekasan": "Workspace for the creators of Madura: Bangkalan, Sampang, Pamekasan and Sumenep.",
    "ejsc-jember": "Coworking for the creators of the Tapal Kuda: Jember, Banyuwangi, Bondowoso, Situbondo, Lumajang and Probolinggo.",
    "kek-singhasari": "The coworking building of the Singhasari Special Economic Zone for animation and the digital economy.",
}  # fmt: skip

ROOMS_TEXT = {
    # name: English name, description (Indonesian), description (English), amenities (English, same order)
    "Area Kerja Bersama": (
        "Shared work area",
        "Meja bersama untuk bekerja sendiri atau berdua; datang dan langsung terkonfirmasi.",
        "Shared desks for working alone or in pairs; a booking is confirmed at once.",
        ["Wi-Fi", "Power sockets", "Lockers", "Drinking water"],
    ),
    "Ruang Rapat Brawijaya": (
        "Brawijaya meeting room",
        "Ruang rapat tertutup untuk bertemu klien atau tim, dengan layar untuk presentasi.",
        "A closed meeting room to meet clients or your team, with a screen for presentations.",
        ["Wi-Fi", "55-inch TV screen", "Whiteboard", "Air conditioning"],
    ),
    "Aula Serbaguna": (
        "Multipurpose hall",
        "Aula untuk kelas, peluncuran produk dan temu komunitas sampai 80 orang.",
        "A hall for classes, product launches and community meet-ups of up to 80 people.",
        ["Projector", "Sound system", "Stage", "Air conditioning"],
    ),
    "Studio Podcast & Foto": (
        "Podcast & photo studio",
        "Studio kedap suara untuk rekaman podcast, video pendek dan foto produk.",
        "A soundproof studio for podcasts, short videos and product photos.",
        ["Microphones", "Studio lights", "Photo backdrop", "Soundproofing"],
    ),
}

HOURS = [(day, time(8), time(20)) for day in range(5)] + [(5, time(9), time(17))]

EVENTS = {
    "ejsc-madiun": "Kelas Branding Pecel & Brem untuk UMKM",
    "ejsc-bojonegoro": "Workshop Foto Produk dengan Ponsel",
    "ejsc-malang": "Temu Kreator Malang: Desain Kemasan Keripik",
    "ejsc-pamekasan": "Batik Go Digital: Jualan Batik Tulis di Marketplace",
    "ejsc-jember": "Klinik Konten Media Sosial Kopi & Tembakau",
    "kek-singhasari": "Pemutaran & Diskusi Film Animasi Jawa Timur",
}


def _user(email: str, full_name: str, **fields):
    return accounts.demo_user(email, full_name, None, **fields)


def _photo(space: Space, index: int) -> None:
    """A simple generated cover picture (no stock photos in the repository)."""
    if space.photos.exists():
        return
    from io import BytesIO

    from django.core.files.base import ContentFile
    from PIL import Image, ImageDraw

    colours = [(11, 95, 165), (23, 102, 58), (180, 66, 15), (90, 98, 112), (138, 90, 0), (64, 46, 120)]
    image = Image.new("RGB", (960, 540), colours[index % len(colours)])
    draw = ImageDraw.Draw(image)
    for step in range(0, 960, 60):
        draw.rectangle([step, 380, step + 40, 540], fill=tuple(min(255, c + 40) for c in colours[index % len(colours)]))
    draw.text((48, 60), space.name, fill=(255, 255, 255))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    photo = SpacePhoto(space=space, caption=space.name, position=0)
    photo.image.save(f"{space.slug}.jpg", ContentFile(buffer.getvalue()), save=True)


def _room_text(room: Room, amenities: list[str]) -> None:
    """The room's description and its English name, description and amenities (kept when staff changed them)."""
    name_en, description, description_en, amenities_en = ROOMS_TEXT[room.name]
    changed = []
    for field, value in [("name_en", name_en), ("description", description), ("description_en", description_en)]:
        if not getattr(room, field):
            setattr(room, field, value)
            changed.append(field)
    if not room.amenities_en and list(room.amenities) == amenities:
        room.amenities_en = amenities_en
        changed.append("amenities_en")
    if changed:
        room.save(update_fields=changed)


def _weekday(days_ahead: int):
    """The first Monday-to-Friday date at least ``days_ahead`` days from today (WIB)."""
    day = wib(timezone.now()).date() + timedelta(days=days_ahead)
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def _booking(room, requester, purpose, day, start, end, attendees, status):
    booking, created = Booking.objects.get_or_create(
        room=room,
        purpose=purpose,
        defaults={
            "bakorwil_id": room.space.bakorwil_id, "requester": requester, "start": at_wib(day, start), "end": at_wib(day, end), "attendees": attendees,
            "status": status, "exclusive": room.is_exclusive or status == BookingStatus.BLOCKED,
        },
    )  # fmt: skip
    if created:
        if status != BookingStatus.REQUESTED:
            booking.decided_at = timezone.now()
            booking.save(update_fields=["decided_at"])
        record_creation(booking, actor=requester, note="demo")
    return booking


HOLIDAYS = [((12, 25), "Hari Raya Natal"), ((1, 1), "Tahun Baru Masehi"), ((8, 17), "Hari Kemerdekaan RI")]

RATINGS = [
    # requester index, days ago, score, comment
    (0, 9, 5, "Ruangannya nyaman, staf ramah dan Wi-Fi kencang."),
    (1, 16, 4, "Bagus, tapi AC agak dingin."),
    (2, 23, 3, "Keputusan pemesanan agak lama, ruangannya baik."),
]


def _holidays() -> None:
    """The next occurrence of a few national holidays, so the service standard skips them."""
    today = wib(timezone.now()).date()
    for (month, day), name in HOLIDAYS:
        when = date(today.year, month, day)
        if when < today:
            when = date(today.year + 1, month, day)
        Holiday.objects.get_or_create(day=when, defaults={"name": name})


def _past_weekday(days_ago: int):
    day = wib(timezone.now()).date() - timedelta(days=days_ago)
    while day.weekday() > 4:
        day -= timedelta(days=1)
    return day


def _public_service(space, rooms, staff, creatives) -> None:
    """Issue 14 on one hub: every feature has something to show after `make run`."""
    a, b, c = creatives
    meeting = rooms[RoomKind.MEETING_ROOM]
    purpose = f"Kelas mingguan ilustrasi ({space.name})"
    if not BookingSeries.objects.filter(room=meeting, purpose=purpose).exists():
        first = _weekday(7)
        # the second week is already taken: the series skips it, and Rina waits for it
        taken = _booking(
            meeting, b, f"Rapat komunitas ({space.name})", first + timedelta(days=7), time(15), time(16), 5,
            BookingStatus.APPROVED,
        )  # fmt: skip
        booking_series.series_request(
            requester=c, room=meeting, start=at_wib(first, time(15)), end=at_wib(first, time(16)), attendees=6,
            purpose=purpose, every="week", count=3,
        )  # fmt: skip
        if not WaitlistEntry.objects.filter(room=meeting, user=a).exists():
            waitlist.waitlist_join(user=a, room=meeting, start=taken.start, end=taken.end, attendees=4, purpose="Kelas")
    if not Booking.objects.filter(room=meeting, visitor_name__gt="").exists():
        day = _weekday(3)
        visitors.booking_on_behalf(
            actor=staff, room=meeting, start=at_wib(day, time(9)), end=at_wib(day, time(10)), attendees=2,
            purpose="Konsultasi kemasan keripik tempe",
            visitor={"name": "Sari Wulandari", "phone": "081234567890", "organisation": "Keripik Tempe Bu Sari"},
        )  # fmt: skip
    for index, days_ago, score, comment in RATINGS:
        user = creatives[index]
        day = _past_weekday(days_ago)
        booking = _booking(
            meeting, user, f"Rapat evaluasi {index + 1} ({space.name})", day, time(10), time(11), 3,
            BookingStatus.COMPLETED,
        )  # fmt: skip
        Feedback.objects.get_or_create(
            booking=booking, defaults={"user": user, "space": space, "score": score, "comment": comment}
        )


@transaction.atomic
def seed(stdout) -> None:
    staff = {}
    for index, code in enumerate(["I", "II", "III", "IV", "V"], start=1):
        bakorwil = Bakorwil.objects.get(code=code)
        staff[code] = _user(f"staf{index}@demo.mjc.id", f"Staf {bakorwil.name}", bakorwil=bakorwil)
    creatives = [
        _user("rina@demo.mjc.id", "Rina Kusuma", is_creative=True),
        _user("dimas@demo.mjc.id", "Dimas Prasetyo", is_creative=True),
        _user("ayu@demo.mjc.id", "Ayu Lestari", is_creative=True),
    ]
    for index, (slug, name, code, kab, address, description) in enumerate(SPACES):
        space, _ = Space.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name, "bakorwil": Bakorwil.objects.get(code=code), "kabupaten": Kabupaten.objects.get(code=kab),
                "address": address, "description": description, "description_en": SPACES_EN.get(slug, ""),
                "phone": CONTACTS[slug][0], "email": CONTACTS[slug][1],
            },
        )  # fmt: skip
        _photo(space, index)
        for weekday, opens, closes in HOURS:
            OpeningHours.objects.get_or_create(
                space=space, weekday=weekday, defaults={"opens": opens, "closes": closes}
            )
        rooms = {}
        for room_name, kind, capacity, amenities, rules in ROOMS:
            rooms[kind], _ = Room.objects.get_or_create(
                space=space,
                name=room_name,
                defaults={"kind": kind, "capacity": capacity, "amenities": amenities, **rules},
            )
            _room_text(rooms[kind], amenities)
        a, b, c = creatives
        _booking(
            rooms[RoomKind.MEETING_ROOM],
            a,
            f"Rapat klien kemasan ({name})",
            _weekday(1),
            time(10),
            time(12),
            4,
            BookingStatus.APPROVED,
        )
        _booking(
            rooms[RoomKind.MEETING_ROOM],
            b,
            f"Diskusi proyek video ({name})",
            _weekday(2),
            time(13),
            time(15),
            3,
            BookingStatus.REQUESTED,
        )
        _booking(
            rooms[RoomKind.STUDIO],
            b,
            f"Sesi foto produk ({name})",
            _weekday(2),
            time(9),
            time(11),
            2,
            BookingStatus.REQUESTED,
        )
        _booking(
            rooms[RoomKind.DESK_AREA],
            c,
            f"Kerja harian ({name})",
            _weekday(1),
            time(8),
            time(17),
            1,
            BookingStatus.APPROVED,
        )
        _booking(
            rooms[RoomKind.DESK_AREA],
            a,
            f"Kerja tim desain ({name})",
            _weekday(1),
            time(13),
            time(18),
            3,
            BookingStatus.APPROVED,
        )
        _booking(
            rooms[RoomKind.STUDIO],
            staff[code],
            f"Perawatan peralatan studio ({name})",
            _weekday(3),
            time(8),
            time(12),
            1,
            BookingStatus.BLOCKED,
        )
        hall = rooms[RoomKind.EVENT_HALL]
        title = EVENTS[slug]
        if not Event.objects.filter(room=hall, title=title).exists():
            day = _weekday(6)
            booking = _booking(hall, a, title, day, time(13), time(16), 60, BookingStatus.APPROVED)
            event = Event.objects.create(
                room=hall, booking=booking, organizer=a, organization="Komunitas Kreator Jawa Timur", title=title,
                description="Acara terbuka untuk pelaku UMKM dan kreator muda. Gratis, tempat terbatas — silakan RSVP.",
                start=booking.start, end=booking.end, expected_attendees=60, public=True, status=EventStatus.APPROVED,
                decided_by=staff[code], decided_at=timezone.now(),
            )  # fmt: skip
            record_creation(event, actor=a, note="demo")
        if slug == "ejsc-malang":
            _public_service(space, rooms, staff[code], creatives)
    _holidays()
    stdout.write(
        f"  EJSC: {Space.objects.count()} hubs, {Room.objects.count()} rooms, {Booking.objects.count()} bookings, {Event.objects.count()} events"
    )
