from rest_framework.routers import DefaultRouter

from registry.api import DivisionViewSet, EnterpriseViewSet, IndustryViewSet

router = DefaultRouter()
router.register("divisions", DivisionViewSet, basename="division")
router.register("industries", IndustryViewSet, basename="industry")
router.register("enterprises", EnterpriseViewSet, basename="enterprise")

urlpatterns = router.urls
