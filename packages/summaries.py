"""The packages' summary rows: the words of the active packages, which the typo-tolerant
catalogue search corrects to (mjc/core/search.py). Refreshed hourly (settings
CELERY_BEAT_SCHEDULE), on first read, and added to by the services when a package goes live."""

from datetime import datetime

from mjc.core.search import rebuild_vocabulary
from mjc.core.summaries import register_summary
from packages.models import Package
from packages.selectors import PACKAGE_WORDS
from packages.statuses import PackageStatus


@register_summary(PACKAGE_WORDS)
def package_words_refresh(refreshed_at: datetime) -> None:
    rebuild_vocabulary(
        PACKAGE_WORDS,
        f"SELECT id, title || ' ' || description AS text FROM {Package._meta.db_table} WHERE status = %s",
        [PackageStatus.ACTIVE],
    )
