"""What to tell the user when the database refuses a command's writes (no traceback, nothing written)."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

NOT_MIGRATED = "Cơ sở dữ liệu chưa sẵn sàng ({error}); chạy “kiemdiem migrate” trước rồi nạp lại. Không nạp gì."
BUSY = (
    "Cơ sở dữ liệu đang bận hoặc vừa bị một lệnh khác ghi cùng lúc ({error}). Không nạp gì; "
    "chờ lệnh kia xong rồi chạy lại."
)


def _pending_migrations() -> bool:
    try:
        executor = MigrationExecutor(connection)
        return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    except DatabaseError:
        return True  # cannot even read the migration table


def database_problem(error: DatabaseError) -> str:
    """The message for ``error``: run ``migrate`` when migrations are missing, else wait and retry.

    Call after the failed transaction has been rolled back (outside ``transaction.atomic``).
    """
    message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return (NOT_MIGRATED if _pending_migrations() else BUSY).format(error=message)
