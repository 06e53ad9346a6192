"""The matching score: who ranks first, and the reasons in words."""

import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.template import engines
from django.test import RequestFactory
from django.utils import timezone, translation

from gigs.matching import GigFacts, match_creative, match_gig, python_top, reasons_text, scored_creatives
from gigs.models import GigMatch
from gigs.statuses import GigStatus, WorkMode
from mjc.notifications.models import Notification
from tests.factories import kabupaten
from tests.jobs.factories import CreativeProfileFactory, GigFactory, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def field():
    """An onsite packaging gig in Kab. Malang and five creatives around East Java."""
    gig = GigFactory(
        kabupaten=kabupaten("3507"), category=category("kemasan"), work_mode=WorkMode.ONSITE, budget_max=3_000_000
    )
    packaging = category("kemasan")
    people = {
        # same kabupaten, the skill, 4.8 ★ from 12 projects, available, affordable
        "best": CreativeProfileFactory(
            kabupaten=kabupaten("3507"),
            skills=[packaging],
            rating_avg=Decimal("4.80"),
            rating_count=12,
            completed_count=12,
            day_rate=600_000,
        ),
        # the skill and a perfect rating, but far away (Bakorwil V)
        "far": CreativeProfileFactory(
            kabupaten=kabupaten("3509"),
            skills=[packaging],
            rating_avg=Decimal("5.00"),
            rating_count=20,
            completed_count=20,
            day_rate=600_000,
        ),
        # same Bakorwil (Kota Malang), the skill, fewer reviews
        "near": CreativeProfileFactory(
            kabupaten=kabupaten("3573"),
            skills=[packaging],
            rating_avg=Decimal("4.20"),
            rating_count=3,
            completed_count=3,
            day_rate=600_000,
        ),
        # next door but another trade
        "photographer": CreativeProfileFactory(
            kabupaten=kabupaten("3507"),
            skills=[category("foto-produk")],
            rating_avg=Decimal("4.90"),
            rating_count=30,
            completed_count=30,
        ),
        # the skill and next door, but not taking work and too dear
        "busy": CreativeProfileFactory(
            kabupaten=kabupaten("3507"), skills=[packaging], available=False, day_rate=9_000_000
        ),
    }
    return gig, people


def test_a_nearby_skilled_well_rated_available_creative_ranks_first_and_the_reasons_say_why(field):
    gig, people = field
    matches = match_gig(gig.pk)
    ranking = [match.creative_id for match in matches]
    assert ranking[0] == people["best"].pk
    assert ranking.index(people["near"].pk) < ranking.index(people["far"].pk)
    assert ranking.index(people["best"].pk) < ranking.index(people["busy"].pk)
    assert ranking.index(people["far"].pk) < ranking.index(people["photographer"].pk)
    best = matches[0]
    with translation.override("id"):
        assert reasons_text(best.reasons) == [
            "Ahli Desain kemasan",
            "Sama-sama di Kab. Malang",
            "4,8 ★ dari 12 proyek",
            "Tarif harian sesuai anggaran",
            "Siap menerima pekerjaan baru",
            "Aktif belakangan ini",
        ]
    with translation.override("en"):
        assert reasons_text(best.reasons)[:4] == [
            "Expert in Packaging design",
            "Also in Kab. Malang",
            "4.8 ★ from 12 projects",
            "Day rate fits the budget",
        ]
    near = GigMatch.objects.get(gig=gig, creative=people["near"])
    with translation.override("id"):
        assert "Satu wilayah Bakorwil III Malang" in reasons_text(near.reasons)
    assert 0 < best.score <= 100


def test_region_weighs_less_for_remote_work(field):
    gig, people = field
    gig.work_mode = WorkMode.REMOTE
    gig.save()
    ranking = [match.creative_id for match in match_gig(gig.pk)]
    # remote: the perfect-rated creative far away now beats the nearby one with fewer reviews
    assert ranking.index(people["far"].pk) < ranking.index(people["near"].pk)


def test_the_database_and_the_naive_python_agree():
    rng = random.Random(7)
    categories = [category(slug) for slug in ("kemasan", "foto-produk", "logo-branding")]
    codes = ["3507", "3573", "3509", "3578", "3528"]
    for _n in range(60):
        profile = CreativeProfileFactory(
            kabupaten=kabupaten(rng.choice(codes)),
            skills=rng.sample(categories, rng.randint(0, 2)),
            rating_avg=Decimal(rng.randint(0, 500)) / 100,
            rating_count=rng.randint(0, 9),
            completed_count=rng.randint(0, 30),
            available=rng.random() < 0.7,
            day_rate=rng.choice([None, 300_000, 1_500_000, 5_000_000]),
        )
        type(profile).objects.filter(pk=profile.pk).update(
            updated_at=timezone.now() - timedelta(days=rng.randint(0, 200)),
            talenta_since=rng.choice([None, None, timezone.localdate()]),
            earned_badges=rng.choice([[], [], ["on_time"], ["responsive"], ["on_time", "responsive"]]),
        )
    gig = GigFactory(category=categories[0], work_mode=WorkMode.HYBRID)
    facts = GigFacts.of(gig)
    in_sql = [(profile.pk, profile.points) for profile in scored_creatives(facts)[:10]]
    assert in_sql == python_top(facts, 10)


def test_a_badge_weighs_a_little_and_says_why():
    """Given two creatives alike in everything but badges, when the gig is matched, then the
    one MJC vouches for (Talenta MJC) and who delivers on time ranks first, with the reasons in
    words, and a badge never outweighs the skill."""
    kemasan, foto = category("kemasan"), category("foto-produk")
    alike = dict(kabupaten=kabupaten("3507"), rating_avg=Decimal("4.00"), completed_count=5, day_rate=500_000)
    plain = CreativeProfileFactory(skills=[kemasan], **alike)
    vouched = CreativeProfileFactory(skills=[kemasan], **alike)
    unskilled = CreativeProfileFactory(skills=[foto], **alike)
    type(vouched).objects.filter(pk=vouched.pk).update(
        talenta_since=timezone.localdate(), earned_badges=["on_time", "responsive"]
    )
    type(unskilled).objects.filter(pk=unskilled.pk).update(
        talenta_since=timezone.localdate(), earned_badges=["on_time", "responsive"]
    )
    gig = GigFactory(kabupaten=kabupaten("3507"), category=kemasan, work_mode=WorkMode.ONSITE)
    found = match_gig(gig.pk, notify_best=False)
    matches = {match.creative_id: match for match in found}
    ranking = [match.creative_id for match in found]
    assert ranking.index(vouched.pk) < ranking.index(plain.pk) < ranking.index(unskilled.pk)
    assert matches[vouched.pk].score > matches[plain.pk].score
    with translation.override("id"):
        words = reasons_text(matches[vouched.pk].reasons)
        assert "Talenta MJC: direkomendasikan MJC" in words
        assert "Biasanya selesai tepat waktu" in words
        assert "Biasanya membalas dalam sehari" in words
        assert not any("Talenta" in text for text in reasons_text(matches[plain.pk].reasons))
    with translation.override("en"):
        assert "Usually delivers on time" in reasons_text(matches[vouched.pk].reasons)


def test_the_number_of_queries_does_not_grow_with_the_creatives(field):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    gig, _ = field
    with CaptureQueriesContext(connection) as few:
        match_gig(gig.pk, notify_best=False)
    for _n in range(30):
        CreativeProfileFactory(skills=[category("kemasan")])
    with CaptureQueriesContext(connection) as many:
        match_gig(gig.pk, notify_best=False)
    assert len(many) == len(few) <= 16
    scoring = [
        query["sql"] for query in many if "ORDER BY" in query["sql"] and "creatives_creativeprofile" in query["sql"]
    ]
    assert 1 <= len(scoring) <= 2 and all("LIMIT 20" in sql for sql in scoring)


def test_the_skilled_first_shortcut_gives_the_same_top_as_scoring_everyone():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gigs.matching import best_possible_without_skill, top_matches

    gig = GigFactory(kabupaten=kabupaten("3507"), category=category("kemasan"), work_mode=WorkMode.ONSITE)
    for n in range(25):  # plenty of strong, skilled creatives …
        CreativeProfileFactory(
            kabupaten=kabupaten("3507"),
            skills=[category("kemasan")],
            rating_avg=Decimal("4.50"),
            completed_count=n,
            day_rate=500_000,
        )
    for _n in range(10):  # … and the best possible creatives without the skill
        CreativeProfileFactory(
            kabupaten=kabupaten("3507"),
            skills=[category("foto-produk")],
            rating_avg=Decimal("5.00"),
            completed_count=40,
            day_rate=500_000,
        )
    facts = GigFacts.of(gig)
    with CaptureQueriesContext(connection) as queries:
        best = top_matches(facts)
    assert best[-1].points > best_possible_without_skill(facts)
    scoring = [q["sql"] for q in queries if "ORDER BY" in q["sql"] and "creatives_creativeprofile" in q["sql"]]
    assert len(scoring) == 1  # the full scan was skipped
    assert [(p.pk, p.points) for p in best] == [(p.pk, p.points) for p in scored_creatives(facts)[:20]]
    assert [(p.pk, p.points) for p in best] == python_top(facts, 20)


def test_running_it_again_replaces_the_rows_and_notifies_nobody_twice(field, run_on_commit):
    gig, people = field
    with run_on_commit(), transaction.atomic():
        match_gig(gig.pk)
    with run_on_commit(), transaction.atomic():
        match_gig(gig.pk)
    assert GigMatch.objects.filter(gig=gig).count() == 5
    notified = set(Notification.objects.filter(kind="gig.match").values_list("recipient_id", flat=True))
    # only skilled creatives are told; the photographer is not
    assert people["best"].user_id in notified and people["photographer"].user_id not in notified
    assert Notification.objects.filter(kind="gig.match").count() == len(notified)
    notice = Notification.objects.get(kind="gig.match", recipient=people["best"].user)
    assert notice.title == f"Pekerjaan baru untuk Anda: “{gig.title}”"
    assert "Sama-sama di Kab. Malang" in notice.body


def test_a_gig_that_is_not_open_is_not_matched(field):
    gig, _ = field
    gig.status = GigStatus.DRAFT
    gig.save()
    assert match_gig(gig.pk) == []
    assert not GigMatch.objects.exists()


def test_a_creative_who_adds_the_skill_is_matched_again(field):
    gig, people = field
    match_gig(gig.pk)
    photographer = people["photographer"]
    before = GigMatch.objects.get(gig=gig, creative=photographer).score
    photographer.skills.add(category("kemasan"))
    assert match_creative(photographer.pk) == 1
    after = GigMatch.objects.get(gig=gig, creative=photographer)
    assert after.score > before
    assert {"code": "skill", "category": "kemasan"} in after.reasons
    # and it agrees with a full run
    full = {match.creative_id: match.score for match in match_gig(gig.pk)}
    assert full[photographer.pk] == after.score


def test_the_owner_sees_recommendations_and_others_do_not(field, rf: RequestFactory):
    gig, people = field
    match_gig(gig.pk)
    template = engines["django"].from_string('{% include "gigs/_recommendations.html" %}')
    request = rf.get("/")
    request.user = gig.business.owner
    html = template.render({"gig": gig, "request": request})
    assert "Rekomendasi kreator" in html
    assert people["best"].user.full_name in html
    assert "Sama-sama di Kab. Malang" in html
    assert f'action="/pekerjaan/{gig.pk}/undang/{people["best"].pk}/"' in html and "Undang untuk menawar" in html
    request.user = people["far"].user
    assert "Rekomendasi kreator" not in template.render({"gig": gig, "request": request})


def test_the_creative_sees_gigs_for_them(field, rf: RequestFactory):
    gig, people = field
    match_gig(gig.pk)
    template = engines["django"].from_string('{% include "gigs/_gigs_for_you.html" %}')
    request = rf.get("/")
    request.user = people["best"].user
    html = template.render({"request": request, "user": request.user})
    assert "Pekerjaan untuk Anda" in html and gig.title in html


def test_a_creative_busy_with_contracts_ranks_below_an_equal_free_one():
    from gigs.models import Bid, Contract

    gig = GigFactory(kabupaten=kabupaten("3507"), category=category("kemasan"))
    free = CreativeProfileFactory(kabupaten=kabupaten("3507"), skills=[category("kemasan")])
    busy = CreativeProfileFactory(kabupaten=kabupaten("3507"), skills=[category("kemasan")])
    for _n in range(2):
        other = GigFactory(status=GigStatus.IN_PROGRESS)
        bid = Bid.objects.create(gig=other, creative=busy, amount=1, delivery_days=1, proposal="-", status="accepted")
        Contract.objects.create(
            gig=other, bid=bid, owner=other.business.owner, creative=busy, amount=1, due_date=timezone.localdate()
        )
    matches = {match.creative_id: match for match in match_gig(gig.pk)}
    assert matches[free.pk].score > matches[busy.pk].score
    with translation.override("id"):
        assert "2 kontrak sedang berjalan" in reasons_text(matches[busy.pk].reasons)
        assert "Siap menerima pekerjaan baru" in reasons_text(matches[free.pk].reasons)


def test_a_creative_who_edits_their_skills_through_the_api_is_matched_again(field, as_user, run_on_commit):
    # Given a gig already matched, and a photographer who does not have its skill
    gig, people = field
    match_gig(gig.pk)
    photographer = people["photographer"]
    before = GigMatch.objects.get(gig=gig, creative=photographer).score

    # When they add packaging to their skills through the API
    with run_on_commit():
        response = as_user(photographer.user).patch(
            "/api/v1/creatives/me/", {"skills": ["foto-produk", "kemasan"]}, format="json"
        )

    # Then the re-matching job ran and their score for the gig went up
    assert response.status_code == 200, response.content
    assert GigMatch.objects.get(gig=gig, creative=photographer).score > before
