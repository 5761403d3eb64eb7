from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchmarksConfig(AppConfig):
    """The province-scale data set and the scripts that measure the API against it.

    No models: the app exists so that `generate_scale_data` is a management command."""

    name = "benchmarks"
    verbose_name = _("Benchmarks")
