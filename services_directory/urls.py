"""Routes of the HSDS API, included by the project under /api/hsds/."""

from django.urls import path

from . import api

app_name = "hsds"

urlpatterns = [
    path("", api.root, name="root"),
    path("services", api.services, name="services"),
    path("services/<uuid:service_id>", api.service_detail, name="service"),
    path("organizations", api.organizations, name="organizations"),
    path("organizations/<uuid:organization_id>", api.organization_detail, name="organization"),
    path("taxonomies", api.taxonomies, name="taxonomies"),
    path("taxonomy_terms", api.taxonomy_terms, name="taxonomy_terms"),
]
