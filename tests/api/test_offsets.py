"""Code points (the store's offsets) to UTF-16 units (JavaScript's), with characters outside
the Basic Multilingual Plane: an emoji and mathematical digits in the fixture articles."""

from __future__ import annotations

from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from marsad.api.offsets import Utf16Offsets, utf16_offset


def js_slice(text: str, start16: int, end16: int) -> str:
    """What JavaScript's text.slice(start16, end16) gives."""
    units = text.encode("utf-16-le")
    return units[start16 * 2:end16 * 2].decode("utf-16-le")


def test_offsets_shift_after_each_astral_character() -> None:
    text = "أ🛩️ب𝟚𝟘ج"
    convert = Utf16Offsets(text)
    assert [convert(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 7, 9, 10]
    assert convert.utf16_length == len(text.encode("utf-16-le")) // 2 == 10
    assert utf16_offset(text, 99) == 10 and utf16_offset(text, -1) == 0


@given(st.text(max_size=40), st.data())
def test_a_span_in_utf16_units_is_the_same_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    convert = Utf16Offsets(text)
    assert js_slice(text, convert(start), convert(end)) == text[start:end]


def test_article_spans_after_an_emoji_carry_shifted_utf16_offsets(client: TestClient) -> None:
    article = client.get("/articles/fx-sirwah-strike").json()
    text = article["text"]
    assert "🛩" in text.split("\n", 1)[0]  # the headline holds U+1F6E9
    assert article["length_utf16"] == article["length"] + 1
    after = [s for s in article["spans"] if s["start"] > text.index("🛩")]
    assert after, "an evidence span after the emoji"
    for span in article["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]
        assert js_slice(text, span["start_utf16"], span["end_utf16"]) == span["text"]
    for span in after:
        assert span["start_utf16"] == span["start"] + 1
        assert span["end_utf16"] == span["end"] + 1


def test_event_spans_after_mathematical_digits(client: TestClient) -> None:
    protest = client.get("/events", params={"event_type": "Protests"}).json()["items"][0]
    detail = client.get(f"/events/{protest['event_id']}").json()
    text = client.get("/articles/fx-nasiriyah-protest").json()["text"]
    assert "𝟚𝟘𝟚𝟜" in text  # four characters, eight UTF-16 units
    body = [s for s in detail["spans"] if s["start"] > text.index("𝟜")]
    assert body
    for span in body:
        assert span["start_utf16"] - span["start"] == 4
        assert js_slice(text, span["start_utf16"], span["end_utf16"]) == span["text"]
        assert "الناصرية" in span["text"] or "التظاهرة" in span["text"]
