"""docker-compose.yml, the Dockerfile and .env.example agree with the settings. No Docker
engine runs in CI, so the files are read as data and checked against config/settings.py."""

import ast
import re
from pathlib import Path

import pytest
import yaml

BASE_DIR = Path(__file__).resolve().parents[2]
APP_SERVICES = ("web", "worker", "beat")
# Parameter ids name the service with a suffix: a bare "worker" id would be read as the
# `worker` marker keyword and skipped when Celery is eager.
SERVICE_IDS = [f"{name}-service" for name in APP_SERVICES]
REQUIRED_APP_ENVIRONMENT = ("DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY",
                            "DJANGO_ALLOWED_HOSTS", "DJANGO_DEBUG")


def settings_environment_names() -> set[str]:
    """Every name config/settings.py reads: the first argument of env(...) and env.<type>(...)."""
    tree = ast.parse((BASE_DIR / "config" / "settings.py").read_text())
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        reads_env = (isinstance(func, ast.Name) and func.id == "env") or (
            isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            and func.value.id == "env")
        first = node.args[0]
        if reads_env and isinstance(first, ast.Constant) and isinstance(first.value, str):
            names.add(first.value)
    return names


def env_example() -> dict[str, str]:
    """Names in .env.example, set (NAME=value) or shown with their default (# NAME=value)."""
    found = {}
    for line in (BASE_DIR / ".env.example").read_text().splitlines():
        match = re.match(r"^#?\s?([A-Z][A-Z0-9_]*)=(.*)$", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def environment_of(service: dict) -> dict[str, str]:
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) for item in environment)
    return {name: str(value) for name, value in environment.items()}


def env_files_of(service: dict) -> list[str]:
    env_file = service.get("env_file") or []
    files = [env_file] if isinstance(env_file, str | dict) else env_file
    return [entry["path"] if isinstance(entry, dict) else entry for entry in files]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def test_it_reads_some_names_from_settings():
    # Guards the parser: if it found nothing, the checks below would pass vacuously.
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL"} <= settings_environment_names()


def test_it_defines_the_five_services_of_the_stack(services):
    assert set(services) == {"web", "worker", "beat", "db", "redis"}
    assert services["db"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")


def test_it_runs_gunicorn_celery_worker_and_beat_from_the_project_image(services):
    assert "gunicorn config.wsgi" in services["web"]["command"]
    assert "celery -A config worker" in services["worker"]["command"]
    assert "celery -A config beat" in services["beat"]["command"]
    for name in APP_SERVICES:
        assert services[name]["build"] == "."


@pytest.mark.parametrize("name", APP_SERVICES, ids=SERVICE_IDS)
def test_it_gives_the_app_services_the_production_settings(services, name):
    service = services[name]
    environment = environment_of(service)
    from_env_file = set(env_example()) if ".env" in env_files_of(service) else set()
    missing = [v for v in REQUIRED_APP_ENVIRONMENT if v not in set(environment) | from_env_file]
    assert not missing, f"{name} lacks {missing}"
    assert environment["DJANGO_DEBUG"] == "0"


@pytest.mark.parametrize("name", APP_SERVICES, ids=SERVICE_IDS)
def test_it_sets_only_environment_names_the_settings_read(services, name):
    unknown = set(environment_of(services[name])) - settings_environment_names()
    assert not unknown, f"{name} sets {unknown}, which config/settings.py never reads"


def test_it_points_the_app_services_at_the_stacks_database_and_redis(services):
    for name in APP_SERVICES:
        environment = environment_of(services[name])
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert "@db:5432/" in environment["DATABASE_URL"]
        assert environment["REDIS_URL"].startswith("redis://redis:6379/")
        assert set(services[name]["depends_on"]) == {"db", "redis"}


@pytest.mark.parametrize("name", [*APP_SERVICES, "db", "redis"],
                         ids=[*SERVICE_IDS, "db-service", "redis-service"])
def test_it_defines_a_health_check_for_every_service(services, name):
    healthcheck = services[name].get("healthcheck") or {}
    assert healthcheck.get("test"), f"{name} has no health check"
    assert not healthcheck.get("disable", False)


def test_it_asks_healthz_for_the_web_health(services):
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])


def test_it_keeps_postgresql_and_redis_data_in_named_volumes(compose, services):
    declared = set(compose.get("volumes") or {})
    mounts = {m.split(":")[1]: m.split(":")[0] for m in services["db"]["volumes"]}
    assert mounts["/var/lib/postgresql/data"] in declared
    redis_mounts = {m.split(":")[1]: m.split(":")[0] for m in services["redis"]["volumes"]}
    assert redis_mounts["/data"] in declared


def test_it_lists_every_setting_in_env_example():
    missing = settings_environment_names() - set(env_example())
    assert not missing, f".env.example does not list {sorted(missing)}"


def test_it_lists_in_env_example_only_names_the_settings_or_compose_use():
    compose_text = (BASE_DIR / "docker-compose.yml").read_text()
    interpolated = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", compose_text))
    unknown = set(env_example()) - settings_environment_names() - interpolated
    assert not unknown, f".env.example lists {sorted(unknown)}, which nothing reads"


def test_it_ships_only_placeholders_in_env_example():
    values = env_example()
    assert values["DJANGO_SECRET_KEY"].startswith("change-me")
    assert values["POSTGRES_PASSWORD"] == "change-me"
    assert values["DJANGO_DEBUG"] == "0"


def test_it_builds_the_image_with_pip_echarts_and_collectstatic():
    dockerfile = (BASE_DIR / "Dockerfile").read_text()
    assert "pip install ." in dockerfile
    assert "npm install" in dockerfile and "echarts@" in dockerfile
    assert "collectstatic --noinput" in dockerfile
    # The image and `make static` ship the same ECharts.
    makefile = (BASE_DIR / "Makefile").read_text()
    make_version = re.search(r"^ECHARTS_VERSION\s*:?=\s*(\S+)", makefile, re.M).group(1)
    image_version = re.search(r"^ARG ECHARTS_VERSION=(\S+)", dockerfile, re.M).group(1)
    assert image_version == make_version


def test_it_keeps_the_local_env_file_out_of_the_image():
    ignored = (BASE_DIR / ".dockerignore").read_text().split()
    assert ".env" in ignored and ".venv" in ignored
