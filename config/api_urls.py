"""Every resource of the API, version 1."""

from rest_framework.routers import DefaultRouter

from registry.api import (
    DesignationViewSet,
    DivisionViewSet,
    EnterpriseViewSet,
    GIProductViewSet,
    IndustryViewSet,
    PersonViewSet,
    ProvincialFigureViewSet,
)

router = DefaultRouter()
router.register("divisions", DivisionViewSet, basename="division")
router.register("industries", IndustryViewSet, basename="industry")
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("persons", PersonViewSet, basename="person")
router.register("designations", DesignationViewSet, basename="designation")
router.register("gi-products", GIProductViewSet, basename="gi-product")
router.register("provincial-figures", ProvincialFigureViewSet, basename="provincial-figure")

urlpatterns = router.urls
