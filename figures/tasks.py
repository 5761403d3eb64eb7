import logging

from celery import shared_task
from django.utils import timezone

from figures.cache import summary_cached
from registry.models import Division

logger = logging.getLogger(__name__)


@shared_task(name="figures.summary_warm")
def summary_warm(division_code: str) -> None:
    """Compute today's summary of a division into the cache after records changed, so that
    the first visitor does not wait for it (at province scale a cold summary takes seconds)."""
    division = Division.objects.filter(code=division_code).first()
    if division is None:
        logger.warning("summary_warm: no division %s", division_code)
        return
    summary_cached(as_of=timezone.localdate(), division=division)
