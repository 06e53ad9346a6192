"""Real processes for the resilience suite: a Redis server of the test's own (never the shared
one on 6379, which this suite must not stop), and the gunicorn web nodes of tests/storage."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from tests.storage.conftest import free_port, stop


class RedisServer:
    """``redis-server`` on a free port of this worktree's range; stop() and start() again on the same port."""

    def __init__(self, log_dir):
        self.port = free_port()
        self.log_dir = log_dir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        log = open(self.log_dir / f"redis-{self.port}.log", "ab")
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no"],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        import redis

        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if redis.Redis(port=self.port, socket_connect_timeout=0.2).ping():
                    return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server on {self.port} did not start")

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None


@pytest.fixture
def own_redis(tmp_path):
    if not shutil.which("redis-server"):
        pytest.fail("redis-server missing (apt-get install redis-server)")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def forget_outage():
    """The cache's outage state is the process's: leave none behind for the next test."""
    from mjc.core import cache as resilient

    yield
    resilient._State.down_until = 0.0
    resilient._State.outage = False
