"""The figures app's subscriptions: any record change in the lower apps makes every cached
statistic stale, so it bumps the records version (figures.cache)."""

from activities.signals import record_changed as activity_record_changed
from awards.signals import record_changed as award_record_changed
from figures.cache import records_version_bump
from patents.signals import record_changed as patent_record_changed
from registry.signals import record_changed as registry_record_changed


def on_record_changed(sender, **kwargs):
    records_version_bump()


def connect() -> None:
    for app, signal in (("registry", registry_record_changed), ("awards", award_record_changed),
                        ("patents", patent_record_changed),
                        ("activities", activity_record_changed)):
        signal.connect(on_record_changed, dispatch_uid=f"figures.stale_on_{app}_change")
