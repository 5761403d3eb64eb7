"""Every resource of the API, version 1, and the statistics computed from them."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from activities.api import (
    CharacteristicProductViewSet,
    CreditLineViewSet,
    EnforcementCaseViewSet,
    ExhibitionViewSet,
    SupportVisitViewSet,
)
from awards.api import AwardProgramViewSet, AwardRecordViewSet, AwardSessionViewSet
from figures.api import StatsRankingsView, StatsSummaryView, StatsTimeseriesView
from patents.api import (
    PatentAwardViewSet,
    PatentPledgeViewSet,
    PatentTransferViewSet,
    PatentViewSet,
)
from registry.api import (
    DesignationViewSet,
    DivisionViewSet,
    EnterpriseViewSet,
    GIProductViewSet,
    IndustryViewSet,
    PersonViewSet,
    ProvincialFigureViewSet,
)
from subsidies.api import SubsidyGrantViewSet, SubsidyPolicyViewSet

router = DefaultRouter()
router.register("divisions", DivisionViewSet, basename="division")
router.register("industries", IndustryViewSet, basename="industry")
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("persons", PersonViewSet, basename="person")
router.register("award-programs", AwardProgramViewSet, basename="award-program")
router.register("award-sessions", AwardSessionViewSet, basename="award-session")
router.register("awards", AwardRecordViewSet, basename="award")
router.register("designations", DesignationViewSet, basename="designation")
router.register("patents", PatentViewSet, basename="patent")
router.register("patent-awards", PatentAwardViewSet, basename="patent-award")
router.register("pledges", PatentPledgeViewSet, basename="pledge")
router.register("transfers", PatentTransferViewSet, basename="transfer")
router.register("gi-products", GIProductViewSet, basename="gi-product")
router.register("credit-lines", CreditLineViewSet, basename="credit-line")
router.register("support-visits", SupportVisitViewSet, basename="support-visit")
router.register("characteristic-products", CharacteristicProductViewSet,
                basename="characteristic-product")
router.register("exhibitions", ExhibitionViewSet, basename="exhibition")
router.register("enforcement-cases", EnforcementCaseViewSet, basename="enforcement-case")
router.register("provincial-figures", ProvincialFigureViewSet, basename="provincial-figure")
router.register("subsidy-policies", SubsidyPolicyViewSet, basename="subsidy-policy")
router.register("subsidy-grants", SubsidyGrantViewSet, basename="subsidy-grant")

urlpatterns = [
    path("stats/summary/", StatsSummaryView.as_view(), name="stats-summary"),
    path("stats/rankings/", StatsRankingsView.as_view(), name="stats-rankings"),
    path("stats/timeseries/", StatsTimeseriesView.as_view(), name="stats-timeseries"),
    *router.urls,
]
