"""Settings from the environment: production refuses to start unsafe, and Django's deployment
checks find nothing to warn about. Each case runs manage.py in a fresh process with a clean
environment, as a server would start."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def manage(*args, **environment):
    # Only what a process needs to start; nothing inherited from the developer's shell.
    # Variables set to "" also win over a local .env (it never overwrites the environment).
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/"),
           "DATABASE_URL": "sqlite:///:memory:", "REDIS_URL": "", **environment}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def production_env():
    return {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "example.org"}


def test_it_passes_the_deployment_checks_in_production(production_env):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off(production_env):
    result = manage("check", **{**production_env, "DJANGO_SECRET_KEY": ""})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_it_starts_without_a_secret_key_in_debug(production_env):
    result = manage("check", **{**production_env, "DJANGO_SECRET_KEY": "", "DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
