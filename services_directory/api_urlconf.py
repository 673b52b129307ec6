"""The HSDS API alone, without language-prefixed routes: see api.api_view for why a 404
answer names it."""

from django.urls import include, path

urlpatterns = [path("api/hsds/", include("services_directory.urls"))]
