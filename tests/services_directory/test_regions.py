"""The 25 departments are loaded by a migration with their INEI UBIGEO codes."""

import pytest

from services_directory.models import Region


@pytest.mark.django_db
def test_every_department_is_loaded_with_its_ubigeo_code():
    regions = dict(Region.objects.values_list("code", "name"))
    assert len(regions) == 25
    assert regions["01"] == "Amazonas"
    assert regions["07"] == "Callao"
    assert regions["15"] == "Lima"
    assert regions["16"] == "Loreto"
    assert regions["25"] == "Ucayali"
    assert sorted(regions) == [f"{n:02d}" for n in range(1, 26)]
