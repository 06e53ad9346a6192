"""Real servers for the storage tests: an S3-protocol server (moto's standalone server, a
separate process speaking HTTP like MinIO or AWS would) and web nodes (gunicorn processes of
the project) on ports of this worktree's range, against the test database."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
PORTS = range(int(os.environ.get("MJC_TEST_PORT_FIRST", "18340")), int(os.environ.get("MJC_TEST_PORT_LAST", "18399")))
S3_KEY, S3_SECRET = "mjc-test-key", "mjc-test-secret"


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in the test range")


def wait_for(url: str, process: subprocess.Popen, seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """``{"endpoint": "http://127.0.0.1:PORT", ...}``: a fresh S3 server for this test session."""
    if not (BIN / "moto_server").exists() and not shutil.which("moto_server"):
        pytest.fail("moto_server missing: make install (requirements-dev.txt)")
    port = free_port()
    log = open(tmp_path_factory.mktemp("s3") / "moto.log", "wb")
    process = subprocess.Popen(
        [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT
    )
    try:
        endpoint = f"http://127.0.0.1:{port}"
        wait_for(endpoint + "/moto-api/", process)
        yield {"endpoint": endpoint, "key": S3_KEY, "secret": S3_SECRET}
    finally:
        stop(process)
        log.close()


def make_buckets(s3: dict, *names: str) -> None:
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=s3["endpoint"],
        aws_access_key_id=s3["key"],
        aws_secret_access_key=s3["secret"],
        region_name="us-east-1",
    )
    existing = {bucket["Name"] for bucket in client.list_buckets().get("Buckets", [])}
    for name in names:
        if name not in existing:
            client.create_bucket(Bucket=name)


def s3_env(s3: dict, bucket: str, private_bucket: str = "") -> dict[str, str]:
    return {
        "MJC_S3_BUCKET": bucket,
        "MJC_S3_PRIVATE_BUCKET": private_bucket,
        "MJC_S3_ENDPOINT_URL": s3["endpoint"],
        "MJC_S3_ACCESS_KEY": s3["key"],
        "MJC_S3_SECRET_KEY": s3["secret"],
        "MJC_S3_PUBLIC_URL": f"{s3['endpoint']}/{bucket}",
    }


def s3_storages(s3: dict, bucket: str, private_bucket: str = "") -> dict:
    """settings.STORAGES entries as mjc/settings.py builds them from the MJC_S3_* variables."""
    from mjc.storage_config import media_storages

    return media_storages(s3_env(s3, bucket, private_bucket))


@contextlib.contextmanager
def web_node(database_url: str, env: dict[str, str], log_dir: Path, name: str):
    """A gunicorn process of the project; yields its base URL, stopped on the way out."""
    port = free_port()
    node_env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MJC_TESTING": "1",
        "DJANGO_DEBUG": "0",
        "MJC_DISABLE_RATE_LIMITS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        **env,
    }
    log = open(log_dir / f"{name}.log", "wb")
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "mjc.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "2",
            "--timeout",
            "60",
            "--access-logfile",
            "-",
        ],
        env=node_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=str(Path(__file__).resolve().parents[2]),
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for(url + "/healthz", process)
        yield url
    finally:
        stop(process)
        log.close()


def database_url_of_tests() -> str:
    """The URL of the test database pytest-django made (the web nodes share it)."""
    from django.db import connection

    params = connection.settings_dict
    auth = params["USER"] + (f":{params['PASSWORD']}" if params.get("PASSWORD") else "")
    return f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"
