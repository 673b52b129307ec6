"""Machine routes (outside the language prefix): partners' sites and oEmbed consumers use them."""

from django.urls import path

from . import views

urlpatterns = [
    path("embed/campaigns/<int:campaign_id>/", views.campaign_embed, name="campaign_embed"),
    path("oembed/", views.oembed, name="oembed"),
]
