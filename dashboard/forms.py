"""The controls of the public pages whose parameters no API FilterSet covers: the home page's
as-of date and the rankings' choice of what to rank."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.models import AwardProgram
from figures.selectors import PATENT_AWARD_PROGRAM, rankings
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
    by = forms.ChoiceField(label=_("Compare"), required=False, choices=[
        ("division", _("Districts")), ("enterprise", _("Enterprises"))])
    program = forms.ChoiceField(label=_("Program"), required=False)
    year_from = forms.IntegerField(label=_("From year"), required=False, min_value=1949,
                                   max_value=2100)
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=1949,
                                 max_value=2100)
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

    def clean(self):
        data = super().clean()
        year_from, year_to = data.get("year_from"), data.get("year_to")
        if year_from and year_to and year_from > year_to:
            self.add_error("year_to", _("The last year comes after the first."))
        return data

    def rankings(self) -> list[dict]:
        data = self.cleaned_data
        division = (Division.objects.filter(code=data["division"]).first()
                    if data.get("division") else self.city)
        if division is None:
            return []
        return rankings(by=data.get("by") or "division", program=data.get("program") or None,
                        year_from=data.get("year_from"), year_to=data.get("year_to"),
                        division=division)
