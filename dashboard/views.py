"""The public pages. Every number is rendered on the server; charts only redraw what the
tables already say."""

import csv

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.models import AwardProgram
from dashboard import selectors
from dashboard.forms import AsOfForm, RankingsForm
from dashboard.home import home_data
from figures.api import RankingsParams
from figures.cache import cached
from figures.selectors import RANKING_WEIGHTS
from figures.selectors import rankings as figure_rankings
from patents.filters import PatentAwardFilter
from registry.filters import EnterpriseFilter, GIProductFilter
from registry.models import DesignationList, Division
from subsidies.selectors import grant_public_notice_list

PAGE_SIZE = 50


def _division_choices():
    city = selectors.city_get()
    if city is None:
        return []
    divisions = [city, *Division.objects.filter(parent=city).order_by("code")]
    return [("", _("All divisions"))] + [(division.code, division.name)
                                         for division in divisions]


def _filtered(request, filterset_class, queryset, *, shown):
    """The API's FilterSet bound to the query string, and what it selects: nothing when a
    value is invalid (the form then says why), everything when no filter is given. Every
    filter of the API works in the query string; the `shown` ones are rendered as controls, a
    division picked from a list rather than typed as a code."""
    filterset = filterset_class(request.GET or None, queryset=queryset)
    form = filterset.form
    if "division" in form.fields:
        form.fields["division"].widget = forms.Select(choices=_division_choices())
        form.fields["division"].label = _("Division")
    filterset.shown_fields = [form[name] for name in shown]
    if not filterset.is_bound:
        return filterset, queryset
    if not filterset.is_valid():
        return filterset, queryset.none()
    try:
        return filterset, filterset.qs
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        return filterset, queryset.none()


def _page(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def home(request):
    """The city's headline figures as of today or a picked date, and four charts."""
    form = AsOfForm(request.GET or None)
    as_of = timezone.localdate()
    if form.is_valid() and form.cleaned_data["as_of"]:
        as_of = form.cleaned_data["as_of"]
    city = selectors.city_get()
    if city is None:
        raise Http404(_("No city is set up yet."))
    context = {"form": form, "as_of": as_of, "city": city,
               **home_data(as_of=as_of, city=city)}
    return render(request, "dashboard/home.html", context)


def honour_rolls(request):
    return render(request, "dashboard/honour_rolls.html", {
        "programs": selectors.award_program_list(),
        "designation_lists": selectors.designation_list_list(),
    })


def award_program_roll(request, code):
    program = get_object_or_404(AwardProgram, code=code)
    sessions = []
    for session in selectors.award_session_list(program=program):
        tiers = selectors.session_tiers(session)
        sessions.append({"session": session, "tiers": tiers, "has_citations": any(
            record.citation for _tier, records in tiers for record in records)})
    return render(request, "dashboard/award_program_roll.html",
                  {"program": program, "sessions": sessions})


def designation_list_roll(request, code):
    designation_list = get_object_or_404(DesignationList, code=code)
    return render(request, "dashboard/designation_list_roll.html", {
        "designation_list": designation_list,
        "groups": selectors.designation_entries(designation_list=designation_list),
    })


def enterprise_list(request):
    """Enterprises, filtered by the API's EnterpriseFilter."""
    filterset, enterprises = _filtered(request, EnterpriseFilter,
                                       selectors.enterprise_public_list(),
                                       shown=["name", "uscc", "division", "industry"])
    return render(request, "dashboard/enterprise_list.html", {
        "filterset": filterset, "page": _page(request, enterprises),
    })


def enterprise_detail(request, uscc):
    enterprise = selectors.enterprise_profile_get(uscc=uscc)
    if enterprise is None:
        raise Http404(_("No enterprise with this code is on record."))
    today = timezone.localdate()
    return render(request, "dashboard/enterprise_detail.html", {
        "enterprise": enterprise,
        "patents": selectors.enterprise_patent_counts(enterprise=enterprise, as_of=today),
        "grants": grant_public_notice_list().filter(enterprise=enterprise),
        "today": today,
    })


def gi_product_list(request):
    """The GI catalogue, filtered by the API's GIProductFilter."""
    filterset, products = _filtered(request, GIProductFilter, selectors.gi_product_catalogue(),
                                    shown=["division", "category", "system", "year"])
    return render(request, "dashboard/gi_product_list.html", {
        "filterset": filterset, "page": _page(request, products),
    })


def gi_product_detail(request, pk):
    product = selectors.gi_product_get(pk=pk)
    if product is None:
        raise Http404(_("No such GI product."))
    return render(request, "dashboard/gi_product_detail.html", {"product": product})


def patent_awards(request):
    """China Patent Awards of the city's awardees, filtered by the API's PatentAwardFilter."""
    city = selectors.city_get()
    awards = selectors.patent_award_list()
    if city is not None:
        awards = PatentAwardFilter({"division": city.code}, queryset=awards).qs
    filterset, awards = _filtered(request, PatentAwardFilter, awards,
                                  shown=["session", "level", "division", "year"])
    return render(request, "dashboard/patent_awards.html", {
        "filterset": filterset, "page": _page(request, awards),
    })


def subsidy_notice(request):
    return render(request, "dashboard/subsidy_notice.html", {
        "page": _page(request, grant_public_notice_list()),
    })


def search(request):
    text = (request.GET.get("q") or "").strip()[:100]
    return render(request, "dashboard/search.html", {
        "search_query": text,
        "enterprises": selectors.enterprise_search(text=text)[:PAGE_SIZE],
        "products": selectors.gi_product_search(text=text)[:PAGE_SIZE],
    })


# --- Rankings -------------------------------------------------------------------------------

RANKING_COLUMNS = {
    "division": ["name", "award_wins", "award_nominations", "patent_awards", "designations",
                 "score"],
    "enterprise": ["name", "division_name", "award_wins", "award_nominations", "patent_awards",
                   "designations", "score"],
}
RANKING_COLUMN_LABELS = {
    "rank": _("Rank"),
    "name": _("Name"),
    "code": _("Code"),
    "uscc": _("USCC"),
    "division_name": _("Division"),
    "award_wins": _("Award wins"),
    "award_nominations": _("Nominations"),
    "patent_awards": _("China Patent Awards"),
    "designations": _("Brand designations"),
    "score": _("Composite score"),
}


def _ranking_result(request):
    """The rankings form (the controls, bound to the query string) and its rows, each with
    its rank by score, sorted as asked. The query string is read by the stats API's own
    RankingsParams, so the page and /api/v1/stats/rankings/ accept the same parameters, and
    the rows come from the same cache entry."""
    form = RankingsForm(request.GET, city=selectors.city_get())
    form.is_valid()
    params = RankingsParams(data=request.GET)
    rows, by = [], "division"
    if params.is_valid() and (params.validated_data["division"] or form.city):
        data = params.validated_data
        by = data["by"]
        division = data["division"] or form.city
        arguments = {"by": by, "program": data["program"], "year_from": data["year_from"],
                     "year_to": data["year_to"]}
        try:
            rows = cached("rankings", {**arguments, "division": division.code},
                          lambda: figure_rankings(division=division, **arguments))
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
    elif params.errors:
        for field, messages in params.errors.items():
            form.add_error(field if field in form.fields else None, [str(m) for m in messages])
    for position, row in enumerate(rows, start=1):
        row["rank"] = position
    sort = form.cleaned_data.get("sort", "")
    descending = form.cleaned_data.get("order", "") != "asc"
    if sort in RANKING_COLUMNS[by]:
        rows.sort(key=lambda row: (row[sort] is None, row[sort]), reverse=descending)
    return form, by, rows, sort, descending


def rankings(request):
    """Districts or enterprises compared by program and years, with the composite score."""
    form, by, rows, sort, descending = _ranking_result(request)
    columns = []
    for column in RANKING_COLUMNS[by]:
        next_order = "asc" if sort == column and descending else "desc"
        columns.append({
            "key": column, "label": RANKING_COLUMN_LABELS[column],
            "numeric": column not in ("name", "division_name"),
            "sorted": ("descending" if descending else "ascending") if sort == column else "",
            "order": next_order,
        })
    page = _page(request, rows)
    return render(request, "dashboard/rankings.html", {
        "form": form, "by": by, "page": page, "rows": page.object_list, "columns": columns,
        "weights": [(RANKING_COLUMN_LABELS[kind], weight)
                    for kind, weight in RANKING_WEIGHTS.items()],
        "csv_query": request.GET.urlencode(),
    })


def rankings_csv(request):
    """The rankings table as CSV (UTF-8 with a byte-order mark, so spreadsheets read Chinese)."""
    form, by, rows, _sort, _descending = _ranking_result(request)
    if form.errors:
        return HttpResponseBadRequest(form.errors.as_text(), content_type="text/plain")
    key = "code" if by == "division" else "uscc"
    columns = ["rank", "name", key, *RANKING_COLUMNS[by][1:]]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rankings-{by}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(RANKING_COLUMN_LABELS[column]) for column in columns])
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return response
