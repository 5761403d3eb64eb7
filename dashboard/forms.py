"""The controls of the public pages whose parameters no API FilterSet covers: the home page's
as-of date and the rankings' choice of what to rank."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.models import AwardProgram
from figures.selectors import PATENT_AWARD_PROGRAM
from registry.models import DesignationList, Division


class AsOfForm(forms.Form):
    as_of = forms.DateField(label=_("As of"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))

    def clean_as_of(self):
        value = self.cleaned_data["as_of"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("Pick a date that is not in the future."))
        return value


def program_choices():
    """Every honour a ranking can count: award programs, designation lists, the China Patent
    Award, as the rankings selector names them."""
    choices = [("", _("All honours"))]
    choices += [(program.code, program.name) for program in AwardProgram.objects.order_by("code")]
    choices += [(item.code, item.name) for item in DesignationList.objects.order_by("code")]
    choices.append((PATENT_AWARD_PROGRAM, _("China Patent Award")))
    return choices


class RankingsForm(forms.Form):
    """The rankings' controls. The values are read by the stats API's RankingsParams (see
    dashboard.views); this form only draws the choices and carries their errors."""

    by = forms.ChoiceField(label=_("Compare"), required=False, choices=[
        ("division", _("Districts")), ("enterprise", _("Enterprises"))])
    program = forms.ChoiceField(label=_("Program"), required=False)
    year_from = forms.IntegerField(label=_("From year"), required=False)
    year_to = forms.IntegerField(label=_("To year"), required=False)
    division = forms.ChoiceField(label=_("Within"), required=False)
    sort = forms.CharField(required=False, widget=forms.HiddenInput)
    order = forms.ChoiceField(required=False, widget=forms.HiddenInput,
                              choices=[("", ""), ("asc", "asc"), ("desc", "desc")])

    def __init__(self, *args, city: Division | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city
        self.fields["program"].choices = program_choices()
        divisions = [city] if city else []
        if city:
            divisions += list(Division.objects.filter(parent=city).order_by("code"))
        self.fields["division"].choices = [(d.code, d.name) for d in divisions]
