import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    # LocaleMiddleware leaves the request's language active in the thread; later tests expect Vietnamese.
    yield
    translation.activate("vi")
