import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from core.groups import ALL_GROUPS

pytestmark = pytest.mark.django_db


def test_refuses_to_run_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("create_demo_users")
    assert not get_user_model().objects.filter(username__startswith="demo-").exists()


def test_makes_one_user_per_group_that_can_sign_in_and_leaves_them_on_a_rerun(
    settings, client, capsys
):
    settings.DEBUG = True
    call_command("create_demo_users", "--dry-run")
    assert not get_user_model().objects.filter(username__startswith="demo-").exists()
    capsys.readouterr()
    call_command("create_demo_users")
    output = capsys.readouterr().out
    users = get_user_model().objects.filter(username__startswith="demo-")
    assert {user.groups.get().name for user in users} == set(ALL_GROUPS)
    editor_line = next(line for line in output.splitlines() if line.startswith("demo-editores:"))
    password = editor_line.rsplit("password ", 1)[1]
    assert client.login(username="demo-editores", password=password)
    call_command("create_demo_users")
    assert "exists" in capsys.readouterr().out
    assert client.login(username="demo-editores", password=password)
