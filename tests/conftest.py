"""Shared fixtures. Paths to the shared domain folder are resolved relative to the project root."""

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DOMAIN = PROJECT_ROOT.parent / "shared" / "domain"


@pytest.fixture
def shared_domain() -> Path:
    """The shared domain folder (``../shared/domain`` beside the project); skips when absent."""
    if not SHARED_DOMAIN.is_dir():
        pytest.skip("../shared/domain is not beside the project")
    return SHARED_DOMAIN
