"""axe-core at WCAG 2.1 A and AA on every page type, light and dark; focus; text alternatives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from .support import AXE_TAGS, MODES, PAGE_TYPES, REPORT, goto, open_context, site_pages

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Page

    from .support import Server

pytestmark = pytest.mark.browser


def run_axe(page: Page, axe_source: str) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.0/2.1 A and AA on *page*."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['id']}] ({v['impact']}) {v['help']}: {v['helpUrl']}")
        for node in v["nodes"]:
            target = " ".join(map(str, node["target"]))
            summary = " | ".join(node.get("failureSummary", "").splitlines()[1:])
            lines.append(f"    {target}: {summary}")
            lines.append(f"      {node['html'][:200]}")
    return "\n".join(lines)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=list(PAGE_TYPES))
def test_axe_wcag21_aa(
    browser: Browser, server: Server, axe_source: str, path: str, mode: str
) -> None:
    with open_context(browser, mode=mode) as context:
        page = context.new_page()
        goto(page, server.url(path), mode=mode)
        violations = run_axe(page, axe_source)
    REPORT["axe"][f"{path} {mode}"] = sum(len(v["nodes"]) for v in violations)
    assert not violations, f"{path} in {mode} mode:\n{describe(violations)}"


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  // The indicator may be drawn on the element or on a pseudo-element stretched over a
  // card (sphinx-design's .sd-stretched-link::after).
  const shown = [s, getComputedStyle(el, '::after'), getComputedStyle(el, '::before')].some(
    c => (c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) > 0)
      || (c.boxShadow !== 'none' && c.boxShadow !== ''));
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 60),
    href: el.getAttribute('href'),
    inMain: el.closest('article[role=main]') !== null,
    visible: shown,
    style: `outline: ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; box-shadow: ${s.boxShadow}`,
  };
}"""


@pytest.mark.parametrize("mode", MODES)
def test_focus_on_a_content_link_is_visible(browser: Browser, server: Server, mode: str) -> None:
    """Tab from the top of a project page to the first link in its content."""
    with open_context(browser, mode=mode) as context:
        page = context.new_page()
        goto(page, server.url("/projects/hole-punching/"), mode=mode)
        for _ in range(80):
            page.keyboard.press("Tab")
            focus = page.evaluate(FOCUS_STYLE)
            if focus and focus["tag"] == "a" and focus["inMain"]:
                break
        else:
            pytest.fail("Tab never reached a link in the page's content")
        assert focus["visible"], f"no focus indicator on {focus}"


@pytest.mark.parametrize("path", ["/", "/projects/hole-punching/", "/achievements/"])
def test_focus_is_visible_on_every_link_and_button(
    browser: Browser, server: Server, path: str
) -> None:
    """Every link and button reached with Tab shows an outline or a box-shadow."""
    invisible = []
    seen: set[str] = set()
    with open_context(browser) as context:
        page = context.new_page()
        goto(page, server.url(path))
        for _ in range(400):
            page.keyboard.press("Tab")
            focus = page.evaluate(FOCUS_STYLE)
            if focus is None:
                break
            key = page.evaluate("() => { const e = document.activeElement; return e.outerHTML; }")
            if key in seen:
                break  # focus wrapped around
            seen.add(key)
            if focus["tag"] in {"a", "button"} and not focus["visible"]:
                invisible.append(focus)
    assert len(seen) > 5, f"Tab reached only {len(seen)} elements on {path}"
    assert not invisible, f"{path}: focus not visible on\n" + "\n".join(map(str, invisible))


def test_metric_bars_have_text_alternatives(browser: Browser, server: Server) -> None:
    """The bars are decoration (aria-hidden); the sentence beside them is visible text."""
    with open_context(browser) as context:
        page = context.new_page()
        goto(page, server.url("/achievements/"))
        metrics = page.eval_on_selector_all(
            ".cv-metric",
            """ms => ms.map(m => {
              const bars = m.querySelector('.cv-bars');
              const text = m.querySelector('.cv-metric-text');
              const r = text ? text.getBoundingClientRect() : null;
              return {
                barsHidden: bars !== null && bars.getAttribute('aria-hidden') === 'true',
                barsFocusable: bars !== null && bars.querySelector('a, button, [tabindex]') !== null,
                text: text ? text.innerText.trim() : '',
                textShown: text !== null && r.width > 0 && r.height > 0
                  && getComputedStyle(text).visibility === 'visible'
                  && text.closest('[aria-hidden=true]') === null,
              };
            })""",
        )
    assert metrics, "no .cv-metric on /achievements/"
    for metric in metrics:
        assert metric["barsHidden"], metric
        assert not metric["barsFocusable"], metric
        assert metric["textShown"], metric
        assert ":" in metric["text"], metric  # "LABEL: BEFORE -> AFTER" or "LABEL: ×6"


# What a timeline shows with CSS alone: a marker (::before) on a line, filled for an
# ongoing entry, coloured by kind. Each must also be said in text.
TIMELINE_ITEMS = """() => [...document.querySelectorAll('article[role=main] *')]
  .filter(el => {
    const before = getComputedStyle(el, '::before');
    return before.content !== 'none' && before.content !== 'normal'
      && el.matches('.cv-item, article.cv-entry, article.cv-achievement, article.cv-talk');
  })
  .map(el => {
    const before = getComputedStyle(el, '::before');
    const kind = [...el.classList].find(c => c.startsWith('cv-kind-'));
    const list = el.closest('ol, ul');
    const heading = list && list.previousElementSibling ? list.previousElementSibling.innerText : '';
    return {
      item: el.id || el.className,
      text: el.innerText.trim().slice(0, 60),
      dated: el.matches('ol.cv-timeline > li, article.cv-entry, article.cv-achievement,'
                        + ' article.cv-talk'),
      times: [...el.querySelectorAll('time[datetime]')]
        .filter(t => t.innerText.trim() !== '' && t.closest('[aria-hidden=true]') === null)
        .length,
      marker: before.content,
      filled: before.backgroundColor === before.borderTopColor,
      present: /present|current/i.test(el.innerText),
      kind: kind ? kind.slice('cv-kind-'.length) : null,
      kindNamed: kind ? (el.innerText + ' ' + heading).toLowerCase()
        .includes(kind.slice('cv-kind-'.length)) : true,
    };
  })"""


def test_timeline_visuals_have_text_alternatives(
    browser: Browser, server: Server, site: Path
) -> None:
    """A timeline's marker has no text; its date, "present" and kind are visible text."""
    problems = []
    count = 0
    with open_context(browser) as context:
        page = context.new_page()
        for path in site_pages(site):
            goto(page, server.url(path))
            items = page.evaluate(TIMELINE_ITEMS)
            # Colour tells kinds apart only where a page shows more than one kind.
            mixed = len({item["kind"] for item in items if item["kind"]}) > 1
            for item in items:
                count += 1
                where = f"{path} {item['item']} ({item['text']!r})"
                if item["marker"] != '""':
                    problems.append(f"{where}: the marker has content {item['marker']}")
                if item["dated"] and item["times"] < 1:
                    problems.append(f"{where}: no visible date (<time>)")
                if item["filled"] and not item["present"]:
                    problems.append(
                        f"{where}: filled (ongoing) marker, but no 'present'/'current' in text"
                    )
                if mixed and not item["kindNamed"]:
                    problems.append(f"{where}: kind {item['kind']} shown by colour only")
    assert count > 50, f"only {count} timeline items on the whole site"
    assert not problems, "\n".join(problems)
