"""The dashboard in real headless Chromium: boundaries and markers on the map, filtering by
event type, brushing the timeline, and an event's panel with its Arabic evidence highlighted
at the right place (the fixture articles hold characters outside the BMP before it)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from .conftest import OUT

VIEWPORT = {"width": 1500, "height": 900}


def api(server: str, path: str) -> Any:
    with urllib.request.urlopen(server + path) as response:
        return json.load(response)


def wait_markers(page: Any, count: int) -> None:
    page.wait_for_function(f"document.getElementById('map').dataset.markers === '{count}'")


def test_dashboard_map_filter_timeline_and_evidence(server: str, browser: Any) -> None:
    stats = api(server, "/stats")
    total = stats["counts"]["events"]
    protests = stats["event_types"]["Protests"]
    first_day = api(server, "/events?until=2024-05-12")["total"]
    assert total >= 4 and protests >= 1 and first_day >= 1
    page = browser.new_page(viewport=VIEWPORT)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=20000)

    # the offline basemap: Natural Earth countries drawn as paths, no tile layer
    assert int(page.get_attribute("#map", "data-countries")) > 200
    assert page.locator(".leaflet-overlay-pane path").count() > 200
    assert page.locator(".leaflet-tile").count() == 0
    # every event as a marker (or inside a cluster), coloured by type
    assert page.get_attribute("#map", "data-markers") == str(total)
    assert page.locator(".leaflet-marker-icon").count() >= 3
    assert f"{total} event(s) shown" in page.inner_text("#summary")
    assert page.locator("#timeline rect[data-day]").count() >= 3
    assert page.locator("#event-list li").count() == total
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "dashboard-overview.png"))

    # filter by event type
    page.select_option("#f-event_type", "Protests")
    wait_markers(page, protests)
    assert f"{protests} event(s) shown" in page.inner_text("#summary")
    assert page.locator("#event-list li").count() == protests
    marker = page.locator(".event-marker span[data-event-type='Protests']").first

    # click the event: the panel, and the Arabic evidence highlighted right-to-left
    marker.click()
    page.wait_for_selector("#panel:not([hidden]) .article-text mark")
    assert "Protests — Peaceful protest" in page.inner_text("#panel-type")
    assert "Nasiriyah" in page.inner_text("#panel")
    assert page.get_attribute(".article-text", "dir") == "rtl"
    event_id = page.get_attribute("#panel", "data-event-id")
    detail = api(server, f"/events/{event_id}")
    marked = "".join(page.locator(".article-text mark.evidence").all_inner_texts())
    for span in (s for s in detail["spans"] if s["kind"] == "evidence"):
        # offsets are applied in UTF-16 units: after '𝟚𝟘𝟚𝟜' a code-point slice would be 4 off
        assert span["text"] in marked, (span["text"], marked)
    assert "تظاهر مئات من الخريجين" in marked

    # the timeline brush: back to every type, then drag over the first day only
    page.select_option("#f-event_type", "")
    wait_markers(page, total)
    day = page.locator("#timeline rect[data-day='2024-05-12']").first.bounding_box()
    y = day["y"] + day["height"] / 2
    page.mouse.move(day["x"] + 1, y)
    page.mouse.down()
    page.mouse.move(day["x"] + day["width"] - 1, y, steps=3)
    page.mouse.up()
    wait_markers(page, first_day)
    assert "2024-05-12 to 2024-05-12" in page.inner_text("#timeline-head")
    page.click("#brush-clear")
    wait_markers(page, total)

    # a contested event: claims and denials side by side, evidence after an emoji
    page.select_option("#f-sub_event_type", "Air/drone strike")
    wait_markers(page, stats["sub_event_types"]["Air/drone strike"])
    page.click("#event-list button")
    page.wait_for_selector("#panel .stance-denies")
    panel = page.inner_text("#panel")
    assert "Contested" in panel and "Asserts" in panel and "Denies" in panel
    assert "مصدر طبي" in panel and "medical source" in panel
    assert page.locator(".stances .stance").count() >= 2
    denial = page.locator(".article-text mark.claim-denies").all_inner_texts()
    assert "نفى متحدث عسكري" in "".join(denial)
    strike = api(server, f"/events/{page.get_attribute('#panel', 'data-event-id')}")
    marked = "".join(page.locator(".article-text mark.evidence").all_inner_texts())
    for span in (s for s in strike["spans"] if s["kind"] == "evidence"):
        assert span["text"] in marked

    page.screenshot(path=str(OUT / "dashboard.png"))
    assert (OUT / "dashboard.png").stat().st_size > 20000
    page.locator(".article-text").first.scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / "dashboard-evidence.png"))
    assert not errors, errors
    assert all(url.startswith(server) or url.startswith("data:") for url in requested), [
        url for url in requested if not url.startswith(server)]
    page.close()
