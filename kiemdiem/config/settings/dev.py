"""Local development and the demo: DEBUG on by default, a throw-away key when none is set."""

from kiemdiem.config.env import env
from kiemdiem.config.settings.base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-insecure-only-for-local-use")
