from datetime import date

import pytest
from django.core.cache import cache

from figures.cache import summary_cached
from figures.events import on_record_changed
from figures.tasks import summary_warm
from tests.registry.factories import DesignationFactory

pytestmark = pytest.mark.django_db


def test_a_warmed_summary_is_the_one_the_next_request_finds(client, weifang,
                                                            django_assert_max_num_queries):
    DesignationFactory(year=2024, designated_on=date(2024, 5, 10))
    summary_warm("370700")

    # 1) the division of the request; the figures themselves come from the cache
    with django_assert_max_num_queries(1):
        response = client.get("/api/v1/stats/summary/?division=370700")
    assert response.json()["values"]["good_products_shandong.total"] == 1


def test_a_record_change_makes_the_summary_stale(weifang):
    today = date.today()
    before = summary_cached(as_of=today, division=weifang)["good_products_shandong.total"]
    DesignationFactory(year=2024, designated_on=date(2024, 5, 10))
    on_record_changed(sender=None)
    assert summary_cached(as_of=today, division=weifang)["good_products_shandong.total"] == \
        before + 1


def test_a_burst_of_changes_schedules_one_warm_up(weifang, settings, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.STATS_WARM_DELAY_SECONDS = 30
    scheduled = []
    monkeypatch.setattr(summary_warm, "apply_async",
                        lambda **kwargs: scheduled.append(kwargs["args"]))
    cache.delete("figures:summary_warm_pending")

    for _ in range(50):
        on_record_changed(sender=None)

    assert scheduled == [["370700"]]


def test_a_warm_up_for_an_unknown_division_is_logged_and_ignored(db, caplog):
    with caplog.at_level("WARNING", logger="figures.tasks"):
        summary_warm("999999")
    assert "999999" in caplog.text
