"""Imports between the apps of this repository run one way (docs/architecture.md):

- no app imports `portal`, the project package (settings, urls);
- `core` imports no other app;
- an app imports only the apps before it in settings.LOCAL_APPS, so there is no cycle;
- no function-level import of another app (it would only hide a cycle).

The rules are checked on the source (ast), every .py file of every local app."""

import ast
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PROJECT = "portal"


def module_imports(source):
    """(top-level package imported, is inside a function) for each absolute import."""
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((alias.name.split(".")[0], in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.module.split(".")[0], in_function))
            visit(child, nested)

    visit(ast.parse(source), False)
    return found


def violations(sources_by_app, order):
    """Every broken rule, as readable lines. `sources_by_app`: {app: {path: source}};
    `order`: the local apps, lowest first (the project last)."""
    problems = []
    rank = {app: position for position, app in enumerate(order)}
    for app, sources in sources_by_app.items():
        for path, source in sources.items():
            for imported, in_function in module_imports(source):
                if imported == app or imported not in rank:
                    continue
                where = f"{path}: imports {imported}"
                if in_function:
                    problems.append(f"{where} inside a function (import at module level)")
                if app == PROJECT:
                    continue  # the project may import every app
                if imported == PROJECT:
                    problems.append(f"{where}, the project (import from core instead)")
                elif app == "core":
                    problems.append(f"{where}: core imports no app")
                elif rank[imported] > rank[app]:
                    problems.append(
                        f"{where}, which comes after {app} in LOCAL_APPS (a cycle in the making)"
                    )
    return problems


def local_sources():
    return {
        app: {
            str(path.relative_to(BASE_DIR)): path.read_text(encoding="utf-8")
            for path in sorted((BASE_DIR / app).rglob("*.py"))
        }
        for app in settings.LOCAL_APPS
    }


def test_the_project_is_the_last_local_app():
    assert settings.LOCAL_APPS[0] == "core"
    assert settings.LOCAL_APPS[-1] == PROJECT


def test_local_apps_import_one_way():
    assert violations(local_sources(), settings.LOCAL_APPS) == []


def test_docs_state_the_same_app_order():
    architecture = (BASE_DIR / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert " ← ".join(settings.LOCAL_APPS) in architecture


def test_each_rule_reports_a_breach():
    """Guards the tests above: each kind of breach is found (and only breaches are)."""
    order = ["core", "charts", "plan", "portal"]
    sources = {
        "core": {"core/a.py": "import plan.models\nfrom django.db import models\n"},
        "charts": {
            "charts/b.py": "from portal.settings import base\n",
            "charts/c.py": "from core.blocks import X\nfrom . import sibling\n",
        },
        "plan": {
            "plan/d.py": "def f():\n    from charts import blocks\n",
            "plan/e.py": "class A:\n    def m(self):\n        import core\n",
        },
        "portal": {"portal/f.py": "from plan import models\nfrom core import blocks\n"},
    }
    sources["charts"]["charts/g.py"] = "from plan.models import PlanPage\n"

    found = violations(sources, order)

    assert found == [
        "core/a.py: imports plan: core imports no app",
        "charts/b.py: imports portal, the project (import from core instead)",
        "charts/g.py: imports plan, which comes after charts in LOCAL_APPS (a cycle in the making)",
        "plan/d.py: imports charts inside a function (import at module level)",
        "plan/e.py: imports core inside a function (import at module level)",
    ]
