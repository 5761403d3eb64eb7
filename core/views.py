import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def healthz(request):
    """Database and (when configured) Redis state; 503 when the database cannot answer."""
    checks = {}
    healthy = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as error:  # any driver error means "down" here
        logger.warning("healthz: database check failed: %s", error)
        checks["database"] = "error"
        healthy = False

    if settings.REDIS_URL:
        try:
            import redis

            redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping()
            checks["redis"] = "ok"
        except Exception as error:
            logger.warning("healthz: redis check failed: %s", error)
            checks["redis"] = "error"
            healthy = False
    else:
        checks["redis"] = "not configured"

    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )
