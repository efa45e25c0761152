import datetime as dt
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections

from kiemdiem.documents.models import DocumentNumberSequence, IssuedNumber
from kiemdiem.documents.numbering import (
    allocate_number,
    default_term,
    format_party_number,
    format_state_number,
    year_scope,
)


def test_number_formats_of_party_and_state_documents():
    # when / then
    assert format_party_number(12, "BC", "HU") == "Số 12-BC/HU"
    assert format_party_number(5, "BB", "CB") == "Số 05-BB/CB"
    assert format_state_number(15, "QĐ", "UBND") == "Số: 15/QĐ-UBND"
    assert format_state_number(3, "QĐ", "UBND") == "Số: 03/QĐ-UBND"


def test_default_term_is_unconfirmed_and_configurable():
    # when
    term = default_term(dt.date(2022, 1, 5))
    # then
    assert (term.first_year, term.last_year, term.confirmed) == (2020, 2025, False)
    assert term.scope_key == "term:2020-2025"
    assert year_scope(dt.date(2022, 1, 5)) == "year:2022"


@pytest.mark.django_db
def test_numbers_run_per_issuer_type_and_scope():
    # given
    party = {"issuer_key": "org:1", "symbol": "HU", "state": False}
    # when
    first = allocate_number(doc_type="BC", scope_key="term:2020-2025", **party)
    second = allocate_number(doc_type="BC", scope_key="term:2020-2025", **party)
    other_type = allocate_number(doc_type="BB", scope_key="term:2020-2025", **party)
    next_term = allocate_number(doc_type="BC", scope_key="term:2025-2030", **party)
    state_2022 = allocate_number(issuer_key="org:2", doc_type="QĐ", scope_key="year:2022", symbol="UBND", state=True)
    state_2023 = allocate_number(issuer_key="org:2", doc_type="QĐ", scope_key="year:2023", symbol="UBND", state=True)
    # then
    assert [n.formatted for n in (first, second, other_type, next_term)] == [
        "Số 01-BC/HU",
        "Số 02-BC/HU",
        "Số 01-BB/HU",
        "Số 01-BC/HU",
    ]
    assert (state_2022.formatted, state_2023.formatted) == ("Số: 01/QĐ-UBND", "Số: 01/QĐ-UBND")


@pytest.mark.django_db
def test_allocation_without_issuer_is_refused_and_writes_nothing():
    # when
    with pytest.raises(ValueError, match="cấp số văn bản cần cơ quan ban hành"):
        allocate_number(issuer_key="", doc_type="BC", scope_key="term:2020-2025", symbol="HU", state=False)
    # then
    assert DocumentNumberSequence.objects.count() == 0
    assert IssuedNumber.objects.count() == 0


def _in_thread(function):
    """Run ``function`` in a new thread (so with its own database connection) and return its result."""
    box = {}

    def target():
        try:
            box["value"] = function()
        finally:
            connection.close()

    worker = threading.Thread(target=target)
    worker.start()
    worker.join()
    return box["value"]


@pytest.fixture
def concurrent_db(tmp_path):
    """The test database as deployed, for threads: PostgreSQL as is; SQLite as a file in WAL mode.

    The SQLite test database lives in shared-cache memory, where a busy writer makes others fail
    at once ("table is locked") instead of waiting as they do on the deployed file database with
    IMMEDIATE transactions; so on SQLite the worker threads use a migrated file database (the main
    thread keeps its in-memory connection, which Django never closes).
    """
    if connection.vendor != "sqlite":
        yield
        return
    settings = connections.settings["default"]
    memory_name = settings["NAME"]
    settings["NAME"] = str(tmp_path / "numbers.sqlite3")
    try:
        _in_thread(lambda: call_command("migrate", verbosity=0))
        yield
    finally:
        settings["NAME"] = memory_name


@pytest.mark.django_db(transaction=True)
def test_parallel_allocations_never_repeat_a_number(concurrent_db):
    # given
    threads, per_thread = 4, 5
    results: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(threads)

    def work():
        try:
            start.wait()
            for _ in range(per_thread):
                issued = allocate_number(
                    issuer_key="org:7", doc_type="QĐ", scope_key="year:2022", symbol="UBND", state=True
                )
                with lock:
                    results.append(issued.number)
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)
        finally:
            connection.close()

    # when
    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    # then
    total = threads * per_thread
    assert errors == []
    assert sorted(results) == list(range(1, total + 1))
    stored = _in_thread(
        lambda: (
            DocumentNumberSequence.objects.get(issuer_key="org:7").last,
            sorted(IssuedNumber.objects.filter(issuer_key="org:7").values_list("number", flat=True)),
        )
    )
    assert stored == (total, list(range(1, total + 1)))
