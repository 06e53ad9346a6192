"""axe-core (installed from npm by `make install`, never a CDN) on the main pages of every role,
on a 360 px phone and a 1366 px laptop: no serious or critical violation; no page wider than a
360 px screen; header controls and primary actions at least 44 px tall."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.quality import scene
from tests.quality.test_pages import pages_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (360, 1366)

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""

MEASURE = """() => {
  const small = [];
  for (const el of document.querySelectorAll(
      'header a, header button, header summary, footer a, main .btn--primary, main button[type=submit].btn, a.back, '
      + '.pagination a, .error-summary a')) {
    const r = el.getBoundingClientRect();
    if (!el.checkVisibility() || r.width === 0 || r.height === 0) continue;  // hidden at this width or in a closed menu
    if (r.height < 43.5) small.push(`${el.tagName.toLowerCase()} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  for (const el of document.querySelectorAll('main a:not(.back)')) {  // a back link without its class is one still
    const text = (el.innerText || '').trim(), r = el.getBoundingClientRect();
    if (text.startsWith('←') && el.checkVisibility() && r.height > 0 && r.height < 43.5) small.push(`back link "${text.slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  let widest = '';
  for (const el of document.querySelectorAll('body *')) {  // the outermost element that sticks out names the culprit
    if (el.getBoundingClientRect().right > innerWidth + 1 && !el.closest('.table-scroll') && el.checkVisibility()) {
      widest = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''); break;
    }
  }
  return {overflow: document.documentElement.scrollWidth - innerWidth, small, widest};
}"""


def _pages(who, data):
    pages = pages_for(who, data)
    if who != "anonymous":  # the public pages are checked once, by the anonymous visitor
        public = set(pages_for("anonymous", data))
        pages = [url for url in pages if url not in public]
    return list(dict.fromkeys(pages))


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is installed by `make install` (npm)")
@pytest.mark.parametrize("who", ["anonymous", "owner", "creative", "staff", "admin"])
def test_main_pages_have_no_serious_accessibility_violation_and_fit_a_phone(browser, live_server, who):
    data = scene.build()
    user = {"owner": data.owner, "creative": data.creative, "staff": data.staff, "admin": data.admin}.get(who)
    cookies = []
    if user is not None:
        client = Client()
        client.force_login(user)
        cookies = [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url}]  # fmt: skip
    axe = AXE.read_text()
    found, checked = {}, 0
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800}, base_url=live_server.url)
        context.add_cookies(cookies)
        page = context.new_page()
        for url in _pages(who, data):
            response = page.goto(url)
            assert response.status == 200, (url, response.status)
            page.evaluate(axe)  # evaluated by the browser's debugger protocol: the page's CSP still holds for the page
            problems = page.evaluate(RUN_AXE)
            measured = page.evaluate(MEASURE)
            if width == 360 and measured["overflow"] > 1:
                problems.append(f"{measured['overflow']} px wider than the screen ({measured['widest']})")
            problems += [f"target under 44 px: {item}" for item in measured["small"]]
            if problems:
                found[f"{url} @{width}"] = problems
            checked += 1
        context.close()
    assert checked >= 2 * 3
    assert not found, "\n" + "\n".join(f"{url}: " + "; ".join(problems) for url, problems in found.items())
