from django.urls import path

from dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("rankings/", views.rankings, name="rankings"),
    path("rankings/csv/", views.rankings_csv, name="rankings_csv"),
    path("honours/", views.honour_rolls, name="honour_rolls"),
    path("honours/awards/<slug:code>/", views.award_program_roll, name="award_program_roll"),
    path("honours/lists/<slug:code>/", views.designation_list_roll, name="designation_list_roll"),
    path("enterprises/", views.enterprise_list, name="enterprise_list"),
    path("enterprises/<str:uscc>/", views.enterprise_detail, name="enterprise_detail"),
    path("gi-products/", views.gi_product_list, name="gi_product_list"),
    path("gi-products/<int:pk>/", views.gi_product_detail, name="gi_product_detail"),
    path("patent-awards/", views.patent_awards, name="patent_awards"),
    path("subsidy-notice/", views.subsidy_notice, name="subsidy_notice"),
    path("search/", views.search, name="search"),
]
