"""One writer at a time for the bulk loads (the example loader, a target sheet import).

Two loads of the same folder started together would both find a row missing and both insert it:
on PostgreSQL the second then fails on a unique constraint. SQLite needs nothing more, its
``IMMEDIATE`` transactions (settings/base.py) already let one writer in at a time.
"""

from __future__ import annotations

import zlib

from django.db import connection


def bulk_write_lock(name: str) -> None:
    """Wait until no other transaction holds the lock ``name``; held until this transaction ends.

    Call inside ``transaction.atomic``. On PostgreSQL a transaction-level advisory lock (key: CRC-32
    of ``name``); a no-op on other databases. The second load then sees the first one's rows and
    updates them instead of inserting them twice.
    """
    if connection.vendor != "postgresql":
        return
    if not connection.in_atomic_block:
        raise RuntimeError("bulk_write_lock must be taken inside transaction.atomic")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(name.encode("utf-8"))])
