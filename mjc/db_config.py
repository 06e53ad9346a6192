"""PostgreSQL session settings for the app's connections (issue 8, "Database settings for a
web workload"), passed as libpq ``options`` so they cost no query per connection.

- ``jit=off``: the planner's JIT compiles the big aggregate plans for 100–180 ms, more than
  such a query then saves on a web workload of short queries;
- ``statement_timeout``: one slow query cannot hold a web worker; Celery workers get a
  longer one (mjc/celery.py), and ``manage.py migrate`` none (mjc/core/apps.py);
- ``pg_trgm.word_similarity_threshold=0.5``: the indexable ``%>`` operator finds
  "keripik" for "kripik" (0.57; pg_trgm's default is 0.6).
"""

WORD_SIMILARITY_THRESHOLD = 0.5


def pg_options(*, statement_timeout_ms: int) -> str:
    return " ".join(
        [
            "-c jit=off",
            "-c random_page_cost=1.1",
            f"-c statement_timeout={int(statement_timeout_ms)}",
            f"-c pg_trgm.word_similarity_threshold={WORD_SIMILARITY_THRESHOLD}",
        ]
    )


def use_statement_timeout(databases: dict, statement_timeout_ms: int) -> None:
    """Change the timeout of connections opened from now on (a process that is not a web
    server: the Celery worker). Django's connections read these very dicts when they open."""
    for config in databases.values():
        if config.get("ENGINE", "").endswith("postgresql"):
            config.setdefault("OPTIONS", {})["options"] = pg_options(statement_timeout_ms=statement_timeout_ms)
