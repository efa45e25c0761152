"""Two loads at once: the second waits (PostgreSQL) and a database refusal is told, not traced back."""

import threading
import zlib
from unittest import mock

import pytest
from django.db import OperationalError, connection, connections, transaction

from kiemdiem.cli import main
from kiemdiem.cli.dberrors import BUSY
from kiemdiem.org.dataset.loading import DATASET_LOCK
from kiemdiem.org.locks import bulk_write_lock
from kiemdiem.org.models import Organisation


def _other_connection_can_take(name: str) -> bool:
    taken: list[bool] = []

    def probe() -> None:
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [zlib.crc32(name.encode("utf-8"))])
                got = cursor.fetchone()[0]
                if got:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [zlib.crc32(name.encode("utf-8"))])
                taken.append(got)
        finally:
            connections["default"].close()

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join(timeout=30)
    return taken == [True]


@pytest.mark.django_db
def test_a_second_load_on_postgresql_waits_for_the_first_to_commit():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's IMMEDIATE transactions already let one writer in at a time")
    # given
    assert _other_connection_can_take(DATASET_LOCK)
    # when
    with transaction.atomic():
        bulk_write_lock(DATASET_LOCK)
        # then
        assert not _other_connection_can_take(DATASET_LOCK)


@pytest.mark.django_db
def test_a_busy_database_is_not_mistaken_for_a_missing_migration(capsys):
    # given: what SQLite says when another load holds the write lock past the timeout
    locked = OperationalError("database is locked")
    # when
    with mock.patch("kiemdiem.reviews.loading.example_load", side_effect=locked):
        status = main(["example", "load"])
    # then
    assert status == 1
    assert capsys.readouterr().err == BUSY.format(error="database is locked") + "\n"
    assert Organisation.objects.count() == 0
