from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import BaseModel


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    RUNNING = "running", _("running")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")


class ImportJob(BaseModel):
    """One spreadsheet a member of staff imported: who, when, what, and how it ended.

    The job is its own record of what happened (and the records it wrote carry history), so
    it has no history of its own. `payload` holds the parsed rows until the job finishes, so a
    worker on another machine can run it; it is emptied then."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("imported by"), null=True,
                             on_delete=models.SET_NULL, related_name="import_jobs")
    resource = models.CharField(_("records"), max_length=64,
                                help_text=_("The kind of records imported, e.g. "
                                            "registry.enterprise."))
    file_name = models.CharField(_("file name"), max_length=255)
    validate_only = models.BooleanField(_("check only"), default=False,
                                        help_text=_("The rows were checked and nothing saved."))
    language = models.CharField(_("language of the messages"), max_length=16, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ImportStatus.choices,
                              default=ImportStatus.PENDING, db_index=True)
    total_rows = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_processed = models.PositiveIntegerField(_("rows checked"), default=0)
    created_count = models.PositiveIntegerField(_("records created"), default=0)
    updated_count = models.PositiveIntegerField(_("records updated"), default=0)
    rejected_count = models.PositiveIntegerField(_("rows rejected"), default=0)
    errors = models.JSONField(_("row errors"), default=list, blank=True,
                              help_text=_("Each: row number, column header, reason."))
    message = models.TextField(_("outcome"), blank=True)
    payload = models.JSONField(_("rows awaiting import"), default=dict, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.SUCCEEDED, ImportStatus.FAILED)

    @property
    def progress_percent(self) -> int:
        if self.is_finished:
            return 100
        if not self.total_rows:
            return 0
        return min(100, self.rows_processed * 100 // self.total_rows)
