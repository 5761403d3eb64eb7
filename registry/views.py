from django.db.models import Count
from django.shortcuts import render

from registry.models import Division


def home(request):
    """The registry at a glance: how many enterprises each division holds."""
    city = Division.objects.filter(level="city", children__isnull=False).distinct().first()
    divisions = (
        Division.objects.filter(parent=city).annotate(enterprise_count=Count("enterprises"))
        .order_by("code") if city else Division.objects.none()
    )
    return render(request, "registry/home.html", {"city": city, "divisions": divisions})
