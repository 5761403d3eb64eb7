from io import BytesIO

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from simple_history.admin import SimpleHistoryAdmin

from core.exceptions import ApplicationError
from core.spreadsheets import sheet_text
from registry.admin import ScopedAdmin
from registry.models import Division
from subsidies import selectors, services
from subsidies.models import SubsidyGrant, SubsidyPolicy, SubsidyRule


class SubsidyRuleInline(admin.StackedInline):
    model = SubsidyRule
    extra = 0
    fields = (("title", "trigger"), ("award_program", "award_tier"),
              ("designation_list", "designation_entry_kind"), "patent_award_level",
              ("amount", "first_time_only", "eligible_awardees"), "source")


@admin.register(SubsidyPolicy)
class SubsidyPolicyAdmin(SimpleHistoryAdmin):
    list_display = ("title", "document_number", "issuer", "division", "effective_from",
                    "effective_to", "is_demo")
    list_filter = ("is_demo", "issuer")
    list_select_related = ("division",)
    search_fields = ("title", "document_number")
    date_hierarchy = "effective_from"
    inlines = [SubsidyRuleInline]

    def save_model(self, request, obj, form, change):
        services.policy_save(instance=obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for instance in instances:
            services.rule_save(instance=instance)
        formset.save_m2m()


class DivisionFilter(admin.SimpleListFilter):
    """The awardee's division and the divisions under it (a county-level unit or zone)."""

    title = _("division")
    parameter_name = "division"

    def lookups(self, request, model_admin):
        return [(d.code, str(d)) for d in
                Division.objects.filter(level__in=["county", "zone"]).order_by("code")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        from registry.selectors import division_subtree_ids

        division = Division.objects.filter(code=self.value()).first()
        ids = division_subtree_ids(division) if division else []
        return queryset.filter(Q(enterprise__division__in=ids) | Q(person__division__in=ids))


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("reason for rejection"), max_length=255,
                             widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("reason for withdrawal"), max_length=255,
                             widget=forms.Textarea(attrs={"rows": 3}))


class PayForm(forms.Form):
    payment_reference = forms.CharField(label=_("payment reference"), max_length=100)
    paid_on = forms.DateField(label=_("paid on"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_paid_on(self):
        value = self.cleaned_data["paid_on"]
        if value > timezone.localdate():
            raise ValidationError(_("The date %(date)s is in the future."),
                                  params={"date": value})
        return value


@admin.register(SubsidyGrant)
class SubsidyGrantAdmin(ScopedAdmin):
    """Grants are proposed by the engine and moved on by the actions only: nobody adds,
    edits or deletes one by hand, so the money trail stays whole."""

    division_paths = ("enterprise__division", "person__division")
    change_list_template = "admin/subsidies/subsidygrant/change_list.html"
    list_display = ("id", "awardee_name", "division", "rule", "record_label", "amount",
                    "fiscal_year", "status", "payment_reference", "paid_on")
    list_filter = ("fiscal_year", "rule__policy", "rule", "status", DivisionFilter)
    search_fields = ("enterprise__name", "enterprise__uscc", "person__name", "record_label",
                     "payment_reference")
    list_select_related = ("rule", "rule__policy", "enterprise", "enterprise__division",
                           "person", "person__division")
    actions = ["approve_selected", "reject_selected", "pay_selected", "withdraw_selected"]
    fieldsets = (
        (None, {"fields": ("policy", "rule", "enterprise", "person", "record_link",
                           "record_date", "amount", "fiscal_year", "status", "source")}),
        (_("Approval"), {"fields": ("approved_by", "approved_at", "rejected_by", "rejected_at",
                                    "rejection_reason")}),
        (_("Payment"), {"fields": ("paid_by", "paid_at", "paid_on", "payment_reference")}),
        (_("Withdrawal"), {"fields": ("withdrawn_by", "withdrawn_at", "withdrawal_reason")}),
    )

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields] + ["policy", "record_link"]

    @admin.display(description=_("policy"))
    def policy(self, obj):
        return obj.rule.policy

    @admin.display(description=_("triggering record"))
    def record_link(self, obj):
        """The record as it read when proposed, linked to its page while it exists."""
        content_type = obj.content_type
        if not content_type.model_class().objects.filter(pk=obj.object_id).exists():
            return obj.record_label
        url = reverse(f"admin:{content_type.app_label}_{content_type.model}_change",
                      args=[obj.object_id])
        return format_html('<a href="{}">{}</a>', url, obj.record_label)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_approve_permission(self, request):
        return request.user.has_perm("subsidies.approve_subsidygrant")

    def has_pay_permission(self, request):
        return request.user.has_perm("subsidies.pay_subsidygrant")

    @admin.display(description=_("awardee"), ordering="enterprise__name")
    def awardee_name(self, obj):
        return obj.awardee.name

    @admin.display(description=_("division"))
    def division(self, obj):
        return obj.awardee.division.name_zh

    # --- totals and the payment list ----------------------------------------------------------

    def get_urls(self):
        return [path("payment-list.xlsx", self.admin_site.admin_view(self.payment_list_view),
                     name="subsidies_subsidygrant_payment_list")] + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context:
            # Totals of what the list shows: the filters and the clerk's division apply.
            context["subsidy_totals"] = selectors.grant_totals(context["cl"].queryset)
            context["payment_list_url"] = (
                reverse("admin:subsidies_subsidygrant_payment_list")
                + ("?" + request.GET.urlencode() if request.GET else ""))
        return response

    def payment_list_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        grants = selectors.grant_payment_list(changelist.queryset)
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = gettext("Payment list")
        sheet.append([gettext("grant"), gettext("awardee"), gettext("unified social credit code"),
                      gettext("policy"), gettext("reason"), gettext("fiscal year"),
                      gettext("amount (yuan)"), gettext("status"), gettext("payment reference"),
                      gettext("paid on")])
        for grant in grants:
            sheet.append([
                grant.pk, _cell(grant.awardee.name),
                _cell(grant.enterprise.uscc if grant.enterprise_id else ""),
                _cell(str(grant.rule.policy)), _cell(f"{grant.rule}: {grant.record_label}"),
                grant.fiscal_year, grant.amount, _cell(grant.get_status_display()),
                _cell(grant.payment_reference), grant.paid_on,
            ])
        for row in sheet.iter_rows(min_row=2, min_col=7, max_col=7):
            for cell in row:
                cell.number_format = "#,##0.00"
        buffer = BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = (
            f'attachment; filename="subsidy-payment-list-{timezone.localdate():%Y%m%d}.xlsx"')
        return response

    # --- actions --------------------------------------------------------------------------------

    def _apply(self, request, queryset, step, done_message):
        done, refused = 0, []
        for grant in queryset.order_by("pk"):
            try:
                step(grant)
                done += 1
            except (ApplicationError, ValidationError) as error:
                text = error.message if isinstance(error, ApplicationError) else \
                    " ".join(error.messages)
                refused.append(f"#{grant.pk}: {text}")
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)
        for text in refused:
            self.message_user(request, text, messages.ERROR)

    @admin.action(description=_("Approve the selected grants"), permissions=["approve"])
    def approve_selected(self, request, queryset):
        self._apply(request, queryset,
                    lambda grant: services.grant_approve(grant=grant, user=request.user),
                    gettext("%(count)s grant(s) approved."))

    @admin.action(description=_("Reject the selected grants (with a reason)"),
                  permissions=["approve"])
    def reject_selected(self, request, queryset):
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            self._apply(request, queryset,
                        lambda grant: services.grant_reject(grant=grant, user=request.user,
                                                            reason=reason),
                        gettext("%(count)s grant(s) rejected."))
            return None
        return self._action_form(request, queryset, form, "reject_selected",
                                 _("Reject subsidy grants"),
                                 _("Only proposed grants can be rejected; any other grant "
                                   "selected is reported and left as it is."))

    @admin.action(description=_("Mark the selected grants paid (payment reference and date)"),
                  permissions=["pay"])
    def pay_selected(self, request, queryset):
        form = PayForm(request.POST if "apply" in request.POST else None,
                       initial={"paid_on": timezone.localdate()})
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            self._apply(request, queryset,
                        lambda grant: services.grant_pay(
                            grant=grant, user=request.user,
                            payment_reference=data["payment_reference"],
                            paid_on=data["paid_on"]),
                        gettext("%(count)s grant(s) marked paid."))
            return None
        return self._action_form(request, queryset, form, "pay_selected",
                                 _("Record the payment of subsidy grants"),
                                 _("Only approved grants can be marked paid; any other grant "
                                   "selected is reported and left as it is."))

    @admin.action(description=_("Withdraw the selected grants (with a reason)"),
                  permissions=["approve"])
    def withdraw_selected(self, request, queryset):
        form = WithdrawForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            self._apply(request, queryset,
                        lambda grant: services.grant_withdraw(grant=grant, user=request.user,
                                                              reason=reason),
                        gettext("%(count)s grant(s) withdrawn."))
            return None
        return self._action_form(request, queryset, form, "withdraw_selected",
                                 _("Withdraw subsidy grants"),
                                 _("Only grants not paid yet can be withdrawn (proposed in "
                                   "error, or the record no longer qualifies); any other grant "
                                   "selected is reported and left as it is."))

    def _action_form(self, request, queryset, form, action, title, note):
        grants = queryset.select_related("rule", "enterprise", "person").order_by("pk")
        context = {
            **self.admin_site.each_context(request),
            "title": title, "note": note, "opts": self.model._meta, "form": form,
            "action": action,
            "grants": grants, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "total": sum(grant.amount for grant in grants),
        }
        return TemplateResponse(request, "admin/subsidies/subsidygrant/action_form.html",
                                context)


def _cell(value) -> str:
    return sheet_text(str(value or ""))
