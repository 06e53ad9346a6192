"""SPEC section 7, visible focus: a keyboard user tabbing from the top of the landing page
reaches the skip link, the menu, the language switch and the main call to action, and
can see where the focus is on each of them (an outline or a box-shadow)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), text: (el.innerText || el.value || '').trim().slice(0, 60),
    skip: el.matches('a.skip'), menu: el.matches('details.menu > summary'), language: el.matches('form.lang button'),
    cta: el.matches('main a.btn--primary'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
    onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.left < innerWidth,
  };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_tabbing_from_the_top_of_the_landing_page_reaches_the_main_controls_with_a_visible_focus(new_page, width):
    page = new_page(width=width, height=900)
    page.goto("/")
    reached = {}

    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(DESCRIBE_FOCUS)
        if focused is None:
            continue
        assert focused["outline"] or focused["shadow"], f"no visible focus on {focused}"
        assert focused["onScreen"], f"focused but off screen: {focused}"
        for role in ("skip", "menu", "language", "cta"):
            if focused[role]:
                reached.setdefault(role, focused)
        if len(reached) == 4:
            break

    assert set(reached) == {"skip", "menu", "language", "cta"}, reached
    assert list(reached)[0] == "skip"  # the first stop is the skip link
    assert reached["cta"]["text"] == "Daftar gratis"
