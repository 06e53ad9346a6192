"""The server recipe and production settings hold together."""

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = (ROOT / "mjc/settings.py").read_text() + (ROOT / "mjc/storage_config.py").read_text()


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _import_target(target: str):
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr) if attr else module


def test_compose_has_the_whole_stack_with_health_checks():
    services = compose()["services"]

    assert set(services) == {"web", "worker", "beat", "db", "redis", "minio", "minio-init"}
    assert services["db"]["image"] == "postgres:16"
    assert services["redis"]["image"] == "redis:7"
    assert services["minio"]["image"].startswith("minio/minio:")
    for name in ("web", "worker", "db", "redis", "minio"):
        assert "healthcheck" in services[name], name
    assert {"pgdata", "redisdata", "miniodata"} <= set(compose()["volumes"])


def test_compose_keeps_media_on_object_storage_and_private_files_closed():
    services = compose()["services"]
    for name in ("web", "worker", "beat"):
        environment = services[name]["environment"]
        assert environment["MJC_S3_BUCKET"] == "mjc-media" and environment["MJC_S3_PRIVATE_BUCKET"] == "mjc-private"
        assert environment["MJC_S3_ENDPOINT_URL"] == "http://minio:9000"
        assert "volumes" not in services[name], name  # no state on the web containers' disks
        assert services[name]["depends_on"]["minio-init"]["condition"] == "service_completed_successfully"
    init = services["minio-init"]["entrypoint"]
    assert "mc anonymous set download local/mjc-media/public" in init
    assert "mc anonymous set none local/mjc-private" in init
    assert "mjc-private" not in init.split("anonymous set download", 1)[1]


def test_every_service_command_names_real_modules():
    services = compose()["services"]
    commands = " ".join(str(services[name]["command"]) for name in ("web", "worker", "beat"))

    for target in re.findall(r"gunicorn (\S+)", commands):
        assert callable(_import_target(target)), target
    for app in re.findall(r"celery -A (\S+)", commands):
        assert _import_target(app).celery_app.main == "mjc"
    for scheduler in re.findall(r"--scheduler (\S+)", commands):
        assert _import_target(scheduler)
    assert "manage.py migrate" in commands


def test_compose_variables_are_the_ones_settings_read():
    environment = compose()["services"]["web"]["environment"]
    read_by_settings = (
        set(re.findall(r'os\.environ(?:\.get)?\(\s*"([A-Z_]+)"', SETTINGS))
        | set(re.findall(r'env_(?:bool|list)\("([A-Z_]+)"', SETTINGS))
        | set(re.findall(r'"(MJC_S3_[A-Z_]+)"', SETTINGS))  # mjc/storage_config.py
    )
    read_by_settings.add("DJANGO_SETTINGS_MODULE")

    assert set(environment) <= read_by_settings, set(environment) - read_by_settings
    readme = (ROOT / "README.md").read_text()
    for name in ("DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS", "EMAIL_URL"):
        assert name in read_by_settings and f"`{name}`" in readme


def test_deploy_check_with_production_values_prints_no_warning():
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"MJC_TESTING", "DJANGO_DEBUG", "MJC_EMAIL_VERIFICATION", "DJANGO_ALLOW_ASYNC_UNSAFE", "MJC_SERVING"}
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="k3y-" + "x7Qp9Lr2Vt8Nw4Zs6Bm1Jh5Gd3Fc0Ya" * 2,
        DJANGO_ALLOWED_HOSTS="mjc.jatimprov.go.id",
    )
    db = settings.DATABASES["default"]
    host = (
        quote(db["HOST"], safe="")
        if db["HOST"].startswith("/")
        else f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    )
    env.setdefault("DATABASE_URL", f"postgres://{db['USER']}@{host}/{db['NAME']}")

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


def _env_without_key():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"MJC_TESTING", "DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "MJC_SERVING"}
    }
    db = settings.DATABASES["default"]
    host = (
        quote(db["HOST"], safe="")
        if db["HOST"].startswith("/")
        else f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    )
    env.setdefault("DATABASE_URL", f"postgres://{db['USER']}@{host}/{db['NAME']}")
    return env


def test_the_web_server_refuses_to_start_without_a_secret_key_but_commands_run():
    env = _env_without_key()

    served = subprocess.run(
        [sys.executable, "-c", "import mjc.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    command = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    deploy = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert served.returncode != 0 and "Set DJANGO_SECRET_KEY" in served.stderr
    assert command.returncode == 0, command.stderr
    assert "security.W009" in deploy.stdout + deploy.stderr  # the dev key is flagged for production
