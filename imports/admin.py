from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from imports import services
from imports.forms import ImportUploadForm
from imports.models import ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Upload (the add page), then the job's page: progress while it runs, every row error
    when it fails. Jobs are never edited; each member of staff sees their own jobs, the
    superuser and holders of the view permission see all."""

    list_display = ("created_at", "user", "resource_label", "file_name", "status", "total_rows",
                    "created_count", "updated_count", "rejected_count")
    list_filter = ("status", "resource")
    search_fields = ("file_name", "user__username")
    list_select_related = ("user",)
    date_hierarchy = "created_at"

    @admin.display(description=_("records"), ordering="resource")
    def resource_label(self, job):
        if job.resource in services.RESOURCES:
            return services.RESOURCES[job.resource]._meta.model._meta.verbose_name_plural
        return job.resource

    # Permissions -------------------------------------------------------------------------

    def _sees_all(self, request):
        return request.user.is_superuser or request.user.has_perm("imports.view_importjob")

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if self._sees_all(request) else queryset.filter(user=request.user)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        if not (request.user.is_active and request.user.is_staff):
            return False
        if self._sees_all(request):
            return True
        if obj is not None:
            return obj.user_id == request.user.pk
        return bool(services.import_resource_choices(request.user))

    def has_add_permission(self, request):
        return bool(services.import_resource_choices(request.user))

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    # Views -------------------------------------------------------------------------------

    def get_urls(self):
        return [
            path("<int:object_id>/progress/", self.admin_site.admin_view(self.progress_view),
                 name="imports_importjob_progress"),
        ] + super().get_urls()

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        choices = services.import_resource_choices(request.user)
        initial = {"resource": request.GET.get("resource")}
        form = ImportUploadForm(request.POST or None, request.FILES or None, choices=choices,
                                initial=initial)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                job = services.import_job_create(
                    user=request.user, resource=form.cleaned_data["resource"],
                    file_name=upload.name, content=upload.read(),
                    validate_only=form.cleaned_data["validate_only"], language=get_language())
            except ValidationError as error:
                form.add_error("file", error)
            else:
                return redirect("admin:imports_importjob_change", job.pk)
        selected = form["resource"].value() or (choices[0][0] if choices else None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import a spreadsheet"),
            "form": form,
            "columns": services.resource_columns(selected) if selected in services.RESOURCES
            else [],
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/imports/importjob/upload.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self._job(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import of %(file)s") % {"file": job.file_name},
            "job": job,
            "resource_label": self.resource_label(job),
            "records_url": self._records_url(job),
            "again_url": f"{reverse('admin:imports_importjob_add')}?resource={job.resource}",
            "progress_url": reverse("admin:imports_importjob_progress", args=[job.pk]),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/imports/importjob/detail.html", context)

    def progress_view(self, request, object_id):
        job = self._job(request, object_id)
        return JsonResponse({
            "status": job.status, "status_label": job.get_status_display(),
            "finished": job.is_finished, "percent": job.progress_percent,
            "total_rows": job.total_rows, "rows_processed": job.rows_processed,
            "created": job.created_count, "updated": job.updated_count,
            "rejected": job.rejected_count,
        })

    def _job(self, request, object_id) -> ImportJob:
        job = self.get_queryset(request).filter(pk=object_id).first()
        if job is None or not self.has_view_permission(request, job):
            raise Http404
        return job

    def _records_url(self, job):
        app_label, _dot, model_name = job.resource.partition(".")
        try:
            return reverse(f"admin:{app_label}_{model_name}_changelist")
        except NoReverseMatch:
            return ""
