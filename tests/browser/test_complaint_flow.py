"""A person reports a case, in each language, in a real browser under the site's real CSP:
form → spam check (the ALTCHA widget solving its proof of work in a worker) → receipt →
status lookup, with axe-core checking each step."""

import re

import pytest
from django_tasks_db.models import DBTaskResult

from complaints.models import Complaint

from ..utils.accessibility import AXE_SCRIPT, axe_violations_in

pytestmark = pytest.mark.browser


FLOW = {
    "es": {
        "form": "/es/denuncia/",
        "type": "Explotación laboral",
        "danger": "¿Alguien está en peligro en este momento?",
        "check": "No soy un robot",
        "send": "Enviar denuncia",
        "received": "Denuncia recibida",
        "status_link": "la página de seguimiento",
        "code": "Código de constancia",
        "lookup": "Consultar estado",
        "status": "Recibida",
    },
    "en": {
        "form": "/en/report/",
        "type": "Labour exploitation",
        "danger": "Is someone in danger right now?",
        "check": "I'm not a robot",
        "send": "Send report",
        "received": "Report received",
        "status_link": "the report status page",
        "code": "Receipt code",
        "lookup": "Check status",
        "status": "Received",
    },
}


@pytest.fixture(scope="module")
def remove_test_reports(live_site, django_db_blocker):
    """Set up before the browser, so it runs after the browser (and its event loop) closed."""
    yield
    with django_db_blocker.unblock():
        Complaint.objects.all().delete()
        DBTaskResult.objects.filter(backend_name="complaints").delete()


@pytest.fixture
def audited_page(new_tab):
    """A tab under the real CSP, with axe-core added by the browser itself (not by the page,
    whose CSP rightly refuses injected scripts); fails on any console or CSP error."""
    return new_tab(viewport={"width": 360, "height": 740}, init_script=AXE_SCRIPT, timeout=20_000)


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_person_reports_and_follows_the_report(
    remove_test_reports, audited_page, site_url, language
):
    text = FLOW[language]
    tab = audited_page
    tab.goto(site_url + text["form"])
    assert axe_violations_in(tab) == []

    tab.get_by_label(text["type"], exact=True).check()
    tab.locator("#id_region").select_option("16")
    tab.locator("#id_place").fill("Cerca del puerto de Iquitos")
    tab.locator("#id_description").fill("Varias personas trabajan sin paga y no pueden salir.")
    tab.locator("#id_minors_involved_1").check()  # no
    tab.get_by_role("group", name=text["danger"]).get_by_label(
        "Sí" if language == "es" else "Yes"
    ).check()

    # The spam check: the widget fetches a challenge from the site and solves it.
    tab.get_by_text(text["check"], exact=True).click()
    tab.wait_for_function(
        "() => { const f = document.querySelector('input[name=challenge]');"
        " return f && f.value.length > 20; }"
    )
    assert axe_violations_in(tab) == []

    tab.get_by_role("button", name=text["send"]).click()
    tab.get_by_role("heading", name=text["received"]).wait_for()
    assert tab.url == site_url + text["form"]  # the confirmation is the answer to the POST
    assert tab.locator('a[href="tel:105"]').count() == 1
    code = tab.locator("#receipt-code").inner_text()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code)
    assert axe_violations_in(tab) == []

    tab.get_by_role("link", name=text["status_link"]).click()
    tab.get_by_label(text["code"]).fill(code)
    tab.get_by_role("button", name=text["lookup"]).click()
    tab.get_by_role("status").filter(has_text=text["status"]).wait_for()
    assert axe_violations_in(tab) == []


def test_without_javascript_the_form_explains_the_check_and_offers_the_hotlines(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "/en/report/")
        notice = tab.locator(".complaint-form noscript, .complaint-form .notice--warning")
        assert "needs JavaScript" in tab.content()
        assert notice.count() >= 1
        assert tab.locator('.complaint-form a[href="tel:1818"]').count() == 1
    finally:
        context.close()
