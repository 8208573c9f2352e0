"""Who says what about each event: claims, denials and unconfirmed reports, side by side.

A stance word (قال، أكد / نفى / زعم، لم يتسن التحقق) or an attribution (وفقاً لـ، نقلاً عن)
makes a claim; its source is the source noun or actor nearest after it (VSO) or before it.
A claim belongs to the event read from its sentence, or else to the event of the nearest
sentence before it (a denial follows what it denies).
"""

from __future__ import annotations

from marsad.document import Document, Mention
from marsad.events.attach import sentence_figures
from marsad.events.index import starting_in
from marsad.events.model import Candidate, ClaimRef
from marsad.kb.registry import Resources
from marsad.text.normalise import fold

SOURCE_WINDOW = 45
SPEAKER_WINDOW = 12  # an actor right after a speech verb is the speaker
LOOKBACK_SENTENCES = 3
_STANCE_OF = {"asserts": "asserts", "attribution": "asserts", "denies": "denies",
              "unconfirmed": "unconfirmed"}


def attach_claims(document: Document, events: list[Candidate], resources: Resources) -> None:
    if not events:
        return
    for sentence_index, sentence in enumerate(document.sentences):
        cues = starting_in(document, "stance", sentence.start, sentence.end)
        if not cues:
            continue
        event = _owner(events, sentence_index)
        if event is None:
            continue
        figures = sentence_figures(document, sentence.start, sentence.end)
        for stance, cue in _strongest(cues):
            source = _source_near(document, cue, sentence.start, sentence.end)
            attribution = source.text if source else None
            gloss = resources.source_glosses.get(source.key) if source and source.kind == "source" \
                else (source.text if source else None)
            event.claims.append(
                ClaimRef(document.text[sentence.start : sentence.end], stance, attribution,
                         gloss, sentence.start, sentence.end, dict(figures))
            )
    for event in events:
        mark_conflicts(event, resources.rising_toll)


def mark_conflicts(event: Candidate, rising_toll: frozenset[str] = frozenset()) -> None:
    """Sources that give another death toll than the first source dispute it: their claims
    deny that figure (ACLED then takes the lowest credible one). A toll that rises in later
    updates ("ارتفعت حصيلة", lexicon `rising_toll`) is not a conflict."""
    first: tuple[str | None, int] | None = None
    for claim in event.claims:
        value = claim.figures.get("fatalities")
        if value is None or _rising(claim.text, rising_toll):
            continue
        if first is None:
            first = (claim.attribution, value)
        elif value != first[1] and claim.attribution != first[0]:
            claim.stance = "denies"


def _rising(text: str, rising_toll: frozenset[str]) -> bool:
    folded = fold(text)
    return any(words in folded for words in rising_toll)


def _owner(events: list[Candidate], sentence_index: int) -> Candidate | None:
    for event in events:
        if sentence_index in event.sentences:
            return event
    best: Candidate | None = None
    best_distance = LOOKBACK_SENTENCES + 1
    for event in events:
        earlier = [i for i in event.sentences if i < sentence_index]
        if earlier and sentence_index - max(earlier) < best_distance:
            best, best_distance = event, sentence_index - max(earlier)
    return best


def _strongest(cues: list[Mention]) -> list[tuple[str, Mention]]:
    """One claim per stance in a sentence: denials and doubts are kept beside assertions."""
    chosen: dict[str, Mention] = {}
    for cue in cues:
        stance = _STANCE_OF.get(cue.key, "asserts")
        chosen.setdefault(stance, cue)
    return [(stance, cue) for stance, cue in chosen.items()]


def _source_near(document: Document, cue: Mention, start: int, end: int) -> Mention | None:
    nouns = starting_in(document, "source", start, end)
    speakers = [
        m for kind in ("actor", "force", "role", "leader")
        for m in starting_in(document, kind, start, end)
        if 0 <= m.start - cue.end <= SPEAKER_WINDOW
    ]
    pool = nouns + speakers
    after = [m for m in pool if 0 <= m.start - cue.end <= SOURCE_WINDOW]
    if after:
        return min(after, key=lambda m: m.start)
    before = [m for m in pool if 0 <= cue.start - m.end <= SOURCE_WINDOW]
    return max(before, key=lambda m: m.end) if before else None
