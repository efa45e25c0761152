"""The one environment reader of the project (django-environ).

Settings modules read the environment only through ``env``; nothing else in the code base reads
``os.environ`` for configuration.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()


def data_dir() -> Path:
    """Folder for the SQLite database and generated files (``KIEMDIEM_DATA_DIR``, default ``var/``)."""
    path = Path(env.str("KIEMDIEM_DATA_DIR", default=str(BASE_DIR / "var")))
    path.mkdir(parents=True, exist_ok=True)
    return path
