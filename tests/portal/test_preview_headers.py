"""Previews may be framed by the admin's own origin (its preview panel), and by no other."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

PASSWORD = "a-long-enough-password-for-preview"


@pytest.mark.django_db
def test_the_preview_may_be_framed_by_the_admin_only(client):
    user = get_user_model().objects.create_superuser("vp2", "vp2@example.invalid", PASSWORD)
    client.force_login(user)
    privacy = Page.objects.get(slug="privacidad")

    response = client.get(f"/admin/pages/{privacy.id}/view_draft/")

    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response.get("X-Frame-Options", "SAMEORIGIN") == "SAMEORIGIN"
