"""The statistics cache: results keyed by their parameters and a records version that every
record change bumps, so a change invalidates every cached figure at once without a scan.

The version lives in the same cache (Redis in production). It starts from the clock, not 1:
if the key is ever evicted, a restarted count could meet entries cached under an old number."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "figures:records_version"


def records_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def records_version_bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        # Not there (evicted, or never read): a fresh clock-based version is newer than any.
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def cached(name: str, params: dict, compute):
    """compute() once per (name, params, records version), kept STATS_CACHE_SECONDS."""
    described = "&".join(f"{key}={params[key]}" for key in sorted(params))
    digest = hashlib.sha256(described.encode()).hexdigest()[:32]
    key = f"figures:{name}:{records_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=getattr(settings, "STATS_CACHE_SECONDS", 3600))
    return value


def summary_cached(*, as_of, division):
    """figures_as_of() through the cache: the stats summary and the task that warms it share
    this key, so a warmed summary is the one the next request finds."""
    from figures.selectors import figures_as_of

    return cached("summary", {"as_of": as_of, "division": division.code},
                  lambda: figures_as_of(as_of=as_of, division=division))
