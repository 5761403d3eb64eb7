"""The test run: the ordinary settings, with only what makes tests fast or self-contained."""

import os

os.environ.setdefault("DJANGO_TESTING", "1")

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# No cache warm-ups queued behind the tests' backs: a real worker would run them between tests.
STATS_WARM_DELAY_SECONDS = 0
