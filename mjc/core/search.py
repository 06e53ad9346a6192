"""Typo-tolerant full-text search whose cost does not grow with the data (issue 8).

A search for "kripik" must find "Desain kemasan keripik tempe". Matching the typed word by
trigram similarity against every title costs a scan that grows with the number of gigs or
packages (a K-nearest scan over long titles rechecks many rows). Instead each searchable list
keeps its vocabulary — the distinct words of its titles and descriptions, ``SearchWord`` rows —
and a search

1. reads, in one query, for every typed word whether the vocabulary knows it and its nearest
   known words by trigram distance (a K-nearest scan of the small word index that stops after
   a few rows);
2. widens a word that is unknown, or much rarer than a close one, to "the word OR its close
   words" (``kripik`` → ``kripik | keripik``), every word still required;
3. runs that query on the stored, indexed search document.

So the search is as fast as a plain full-text search, finds misspellings in the brief as well
as the title, and ranks an exact word above a corrected one (the caller adds the trigram
similarity of the typed text to the title).

The owning app names its scope, registers a summary that rebuilds the scope's words
(``rebuild_vocabulary`` from its live rows) and calls ``add_words`` when an item is published
or edited, so a new word can be corrected at once. This module imports no domain app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F

from mjc.core.models import SearchWord
from mjc.core.summaries import ensure_computed

CONFIG = "indonesian"
# Words shorter than this are neither stored nor corrected (too many neighbours to guess from).
MIN_LENGTH = 4
MAX_LENGTH = 40  # SearchWord.word
MAX_WORDS = 8  # of a typed query; the rest are searched as typed
# How alike (pg_trgm similarity, 0–1) a known word must be to count as a correction:
# "kripik"/"keripik" 0.50, "kemasn"/"kemasan" 0.50, "kemas"/"kemasan" 0.44, "batik"/"batin" 0.50.
SIMILARITY = 0.4
NEIGHBOURS = 3  # close words read per typed word
# A known word is widened too when a close word is this many times more common: "kripik" in
# three briefs next to "keripik" in four hundred is a spelling variant, "batin" next to
# "batik" is not.
MORE_COMMON = 5
# Characters that ask for websearch syntax (phrases, exclusion): such a query is run as typed.
_WEBSEARCH = re.compile(r'["]|(^|\s)-\S|\sor\s', re.IGNORECASE)
_WORD = re.compile(r"\w+")


def words_of(*texts: str) -> list[str]:
    """The distinct words worth storing of some texts, lower case, in first-seen order."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall((text or "").lower()):
            if MIN_LENGTH <= len(word) <= MAX_LENGTH and not word.isdigit():
                seen.setdefault(word)
    return list(seen)


def add_words(scope: str, *texts: str) -> None:
    """Record the words of an item just published or edited (one INSERT; known words are kept)."""
    words = words_of(*texts)
    if not words:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_searchword (scope, word, items) SELECT %s, word, 1 FROM unnest(%s::text[]) AS word "
            "ON CONFLICT (scope, word) DO NOTHING",
            [scope, words],
        )


def rebuild_vocabulary(scope: str, texts_sql: str, params: list | tuple = ()) -> None:
    """Rewrite a scope's words from ``texts_sql``: a SELECT of one ``id`` and one ``text`` column
    over the live rows. Two statements in the caller's transaction (a summary's refresh), so a
    search sees the old vocabulary or the new one, never half."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_searchword WHERE scope = %s", [scope])
        cursor.execute(
            f"""
            INSERT INTO core_searchword (scope, word, items)
            SELECT %s, word, count(DISTINCT source.id)
              FROM ({texts_sql}) AS source,
                   regexp_split_to_table(lower(source.text), '\\W+') AS word
             WHERE length(word) BETWEEN %s AND %s AND word !~ '^[0-9]+$'
             GROUP BY word
            """,
            [scope, *params, MIN_LENGTH, MAX_LENGTH],
        )


@dataclass
class Correction:
    """What a query was searched as: the typed words and the known words each was widened to."""

    typed: str
    alternatives: dict[str, list[str]] = field(default_factory=dict)

    @property
    def corrected(self) -> bool:
        return bool(self.alternatives)

    @property
    def suggestion(self) -> str:
        """The query with every widened word replaced by its nearest known word ("keripik tempe")."""
        return " ".join(self.alternatives.get(word, [word])[0] for word in _WORD.findall(self.typed.lower()))


def _neighbours(scope: str, words: list[str]) -> tuple[bool, dict[str, tuple[int, list[tuple[str, int]]]]]:
    """For each typed word: how many items hold it (0: unknown) and its nearest known words with
    their counts. One query: a K-nearest scan of the word index per typed word."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT typed.word,
                   coalesce((SELECT items FROM core_searchword WHERE scope = %s AND word = typed.word), 0),
                   near.word, near.items, near.similarity,
                   EXISTS (SELECT 1 FROM core_searchword WHERE scope = %s)
              FROM unnest(%s::text[]) AS typed(word)
              LEFT JOIN LATERAL (
                   SELECT candidate.word, candidate.items, similarity(candidate.word, typed.word) AS similarity
                     FROM core_searchword AS candidate
                    WHERE candidate.scope = %s AND candidate.word <> typed.word
                    ORDER BY candidate.word <-> typed.word
                    LIMIT %s
              ) AS near ON true
            """,
            [scope, scope, words, scope, NEIGHBOURS],
        )
        rows = cursor.fetchall()
    known = bool(rows) and rows[0][5]
    found: dict[str, tuple[int, list[tuple[str, int]]]] = {}
    for typed, items, near, near_items, similarity, _ in rows:
        entry = found.setdefault(typed, (items, []))
        if near is not None and similarity >= SIMILARITY:
            entry[1].append((near, near_items))
    return known, found


def correct(scope: str, q: str, *, summary: str | None = None) -> Correction:
    """The known words each typed word of ``q`` is widened to (nothing for a query in websearch
    syntax or one whose words are all known and common). ``summary`` names the summary that
    builds the scope's vocabulary: computed here if it never was (a fresh install, tests)."""
    correction = Correction(typed=q)
    if _WEBSEARCH.search(q):
        return correction
    words = [w for w in dict.fromkeys(_WORD.findall(q.lower())) if MIN_LENGTH <= len(w) <= MAX_LENGTH][:MAX_WORDS]
    words = [w for w in words if not w.isdigit()]
    if not words:
        return correction
    known, found = _neighbours(scope, words)
    if not known and summary and ensure_computed(summary):
        known, found = _neighbours(scope, words)
    for word, (items, near) in found.items():
        if items == 0:
            widened = [w for w, _ in near]
        else:
            widened = [w for w, near_items in near if near_items >= MORE_COMMON * items]
        if widened:
            correction.alternatives[word] = widened
    return correction


def search_query(q: str, correction: Correction, *, any_word: bool = False) -> SearchQuery | None:
    """The full-text query for ``q``: as typed (websearch syntax, ``indonesian`` stemming) when
    nothing was widened, else every typed word required, each as "the word OR its close words".
    ``any_word``: one of the words is enough (None when there is only one word)."""
    words = list(dict.fromkeys(_WORD.findall(q.lower())))
    if any_word and len(words) < 2:
        return None
    if not correction.corrected and not any_word:
        return SearchQuery(q, config=CONFIG, search_type="websearch")
    query = None
    for word in words:
        term = SearchQuery(word, config=CONFIG, search_type="plain")
        for alternative in correction.alternatives.get(word, []):
            term = term | SearchQuery(alternative, config=CONFIG, search_type="plain")
        query = term if query is None else (query | term if any_word else query & term)
    return query


def search(queryset, q: str, scope: str, *, window: int = 500, limit: int = 100) -> tuple[list[int], SearchQuery]:
    """The candidate ids of a search of ``queryset`` and the query to rank them by: every word
    (corrected against the ``scope`` vocabulary); when no item holds them all, items holding
    any of them ("desain label" still shows the label packages), ranked by how much they hold."""
    correction = correct(scope, q, summary=scope)
    query = search_query(q, correction)
    ids = full_text_candidates(queryset, query, window=window, limit=limit)
    if not ids:
        loose = search_query(q, correction, any_word=True)
        if loose is not None:
            query, ids = loose, full_text_candidates(queryset, loose, window=window, limit=limit)
    return ids, query


def full_text_candidates(
    queryset, query: SearchQuery, *, newest=("-published_at", "-id"), window: int = 500, limit: int = 100
) -> list[int]:
    """The ids a search ranks, read in one query whose cost does not grow with the data: of the
    ``window`` newest matches of ``queryset`` (read in the order of its partial "newest" index,
    or from its document index when the word is rare), the ``limit`` best by ts_rank — a word
    found in every item ("untuk") costs what a rare one does.

    Executed here (not as a subquery) so the page and its count run on a short id list."""
    model = queryset.model
    matches = queryset.filter(search_document=query).order_by(*newest).values("id")[:window]
    return list(
        model.objects.filter(id__in=matches)
        .annotate(text_rank=SearchRank(F("search_document"), query))
        .order_by("-text_rank", "-id")
        .values_list("id", flat=True)[:limit]
    )


__all__ = [
    "Correction",
    "SearchWord",
    "add_words",
    "correct",
    "full_text_candidates",
    "rebuild_vocabulary",
    "search_query",
    "words_of",
]
