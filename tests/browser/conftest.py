"""Browser journeys: Playwright's Python package driving Debian's Chromium.

The app runs in pytest-django's ``live_server`` (a real server on a free port, against
the test database); Chromium is ``/usr/bin/chromium`` (or $CHROMIUM), headless, no
sandbox (CI runs as root). No browser is ever downloaded.
"""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if not os.path.exists(CHROMIUM):
                item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: apt-get install -y chromium"))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """``new_page()`` → a page in a fresh browser context (its own cookies), phone-sized by default."""
    contexts = []

    def make(*, width: int = 390, height: int = 844, locale: str = "en-US"):
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale=locale, base_url=live_server.url
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def login():
    """``login(page, email, password)`` through the real log-in form."""

    def do_login(page, email, password):
        page.goto("/accounts/login/")
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", password)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_url("**/dasbor/**")

    return do_login


@pytest.fixture
def screenshot(request):
    """``screenshot(page, name)`` saves a PNG under .data/screenshots for people to look at."""
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / ".data" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)

    return take
