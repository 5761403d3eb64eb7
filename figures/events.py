"""The figures app's subscriptions: any record change in the lower apps makes every cached
statistic stale, so it bumps the records version (figures.cache), and schedules the city's
summary to be computed again before anyone asks for it."""

from django.conf import settings
from django.core.cache import cache

from activities.signals import record_changed as activity_record_changed
from awards.signals import record_changed as award_record_changed
from figures.cache import records_version_bump
from patents.signals import record_changed as patent_record_changed
from registry.signals import record_changed as registry_record_changed


def on_record_changed(sender, **kwargs):
    records_version_bump()
    # With tasks run in-process (a laptop) a warm-up would slow every save; the first request
    # computes the summary instead. cache.add is the "first change in this window" test: only
    # one of many concurrent writers gets to schedule.
    # An import saves thousands of records: one warm-up a while after the first covers them.
    delay = settings.STATS_WARM_DELAY_SECONDS
    if settings.CELERY_TASK_ALWAYS_EAGER or not delay:
        return
    if cache.add("figures:summary_warm_pending", 1, timeout=delay):
        from figures.tasks import summary_warm

        summary_warm.apply_async(args=[settings.REGISTRY_CITY_CODE], countdown=delay)


def connect() -> None:
    for app, signal in (("registry", registry_record_changed), ("awards", award_record_changed),
                        ("patents", patent_record_changed),
                        ("activities", activity_record_changed)):
        signal.connect(on_record_changed, dispatch_uid=f"figures.stale_on_{app}_change")
