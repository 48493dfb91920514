"""Where the events live: an SQLite file by default, PostgreSQL from a URL.

`--db` (or `TRACKER_DB`) is either a file path or a `postgresql://` URL; this
module turns it into the settings the `eventsourcing` library reads, and
registers how the domain's own types are written to the store.
"""
from __future__ import annotations

import os
import shlex
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlparse

from eventsourcing.persistence import JSONTranscoder, Transcoding

from tracker.domain.facts import FACT_CLASSES, Fact, fact_from_dict
from tracker.errors import StoreError

DEFAULT_DB = "tracker.db"

#: The shape of what this version writes to a store; a store marked with a higher one is refused.
SCHEMA_VERSION = 1


def default_db() -> str:
    return os.environ.get("TRACKER_DB") or DEFAULT_DB


#: How long to wait for another process's lock on the store before giving up, in seconds (env TRACKER_LOCK_TIMEOUT).
DEFAULT_LOCK_TIMEOUT = 30


def lock_timeout() -> int:
    """Seconds to wait for a store another process holds: `TRACKER_LOCK_TIMEOUT`, a whole number, else 30."""
    value = os.environ.get("TRACKER_LOCK_TIMEOUT", "").strip()
    if not value:
        return DEFAULT_LOCK_TIMEOUT
    if not value.isdigit() or int(value) < 1:
        raise StoreError(f"TRACKER_LOCK_TIMEOUT={value!r}: give a whole number of seconds, 1 or more")
    return int(value)


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def describe(db: str) -> str:
    """The database as it may be shown to a user: a URL's password is masked."""
    url = urlparse(db)
    if url.password:
        return db.replace(f":{url.password}@", ":***@", 1)
    return db


def store_exists(db: str) -> bool:
    """Whether there is a store at `db`: an SQLite file that exists, or any PostgreSQL URL (whose server
    answers for its database)."""
    return is_postgres(db) or Path(db).exists()


def missing_store(db: str) -> StoreError:
    """The one line a query on a store that does not exist gets: where it looked, and how to create one."""
    return StoreError(f"no store at {db}; create one with `tracker --db {shlex.quote(db)} ingest RELEASES`, "
                      "or give --db (or TRACKER_DB) the path of an existing one")


def store_settings(db: str) -> dict[str, str]:
    """The `eventsourcing` environment for a database path or URL."""
    if is_postgres(db):
        url = urlparse(db)
        name = url.path.lstrip("/")
        if not name or not url.hostname:
            raise StoreError(f"{describe(db)}: a PostgreSQL URL needs a host and a database name (postgresql://user:pass@host:port/name)")
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": name,
            "POSTGRES_HOST": url.hostname,
            "POSTGRES_PORT": str(url.port or 5432),
            "POSTGRES_USER": unquote(url.username or ""),
            "POSTGRES_PASSWORD": unquote(url.password or ""),
            "POSTGRES_CONNECT_TIMEOUT": "5",
            "POSTGRES_LOCK_TIMEOUT": str(lock_timeout()),
            "APPLICATION_RECORDER_TOPIC": "tracker.adapters.postgres:ChainedPostgresRecorder",
        }
    path = Path(db)
    if path.is_dir():
        raise StoreError(f"{db}: is a folder; give a database file path")
    if not path.parent.exists():
        raise StoreError(f"{db}: folder {path.parent} does not exist")
    return {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "SQLITE_DBNAME": str(path),
        "SQLITE_LOCK_TIMEOUT": str(lock_timeout()),
        "APPLICATION_RECORDER_TOPIC": "tracker.adapters.chain:ChainedSQLiteRecorder",
    }


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class FactAsDict(Transcoding):
    """A fact as its JSON fields; read back through the discriminated union, so old shapes validate."""

    name = "fact"

    def __init__(self, cls: type[Fact]):
        self.type = cls

    def encode(self, obj: Fact) -> dict:
        return obj.model_dump(mode="json", exclude_defaults=False)

    def decode(self, data: dict) -> Fact:
        return fact_from_dict(data)


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    transcoder.register(DateAsISO())
    for cls in FACT_CLASSES:
        transcoder.register(FactAsDict(cls))
