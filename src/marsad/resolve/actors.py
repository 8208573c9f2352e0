"""Actor mentions of a clause resolved to knowledge-base actors, with the country in context.

Forces named by a noun ("القوات الأمنية") take the country of a nationality adjective right
after them ("العراقية") or else the event's country; "أنصار X" is a crowd associated with X
unless the knowledge base knows the whole phrase (أنصار الله is a group, not supporters).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from marsad.document import Document, Mention, Span
from marsad.events.index import derived, starting_in
from marsad.events.model import ActorRef
from marsad.kb.model import Actor
from marsad.kb.registry import Resources
from marsad.text.normalise import fold
from marsad.text.tokenise import name_key

ACTOR_KINDS = ("actor", "force", "role", "leader")
SUPPORTER_WORDS = ("انصار", "مناصري", "مناصرو", "مويدي", "مويدو", "اتباع")  # folded
_SUPPORTERS = re.compile(rf"(?:{'|'.join(SUPPORTER_WORDS)})\s+(?:\S+\s+)?$")
ADJACENT_GAP = 3


def category_of(actor: Actor | None) -> str:
    if actor is None:
        return "other"
    if actor.kind in ("party", "government", "ngo"):
        return actor.kind
    if actor.template == "unidentified_armed_group" or actor.inter in (2, 3, 4):
        return "armed"
    return {1: "state", 5: "crowd", 6: "crowd", 7: "civilian", 8: "external"}.get(
        actor.inter, "other"
    )


def clause_actors(
    document: Document,
    clause: Span,
    resources: Resources,
    country: str | None,
    on_date: date | None,
) -> list[ActorRef]:
    """Every actor the clause names, in text order: once per document and arguments, and
    each mention resolved once per document, country and date, whatever clause holds it.
    The list and its references are shared: callers change neither (they copy a reference
    before changing it)."""
    key = ("clause_actors", clause.start, clause.end, country, on_date)
    found: list[ActorRef] | None = document.derived.get(key)  # (`derived`, inlined: hot)
    if found is None:
        found = document.derived[key] = _clause_actors(document, clause, resources, country,
                                                       on_date)
    return found


def _clause_actors(
    document: Document,
    clause: Span,
    resources: Resources,
    country: str | None,
    on_date: date | None,
) -> list[ActorRef]:
    index = _actor_index(document, resources)
    found: list[ActorRef] = []
    nationalities = document.of_kind("nationality")
    at = clause.start
    first = bisect_left(index.starts, at)
    last = bisect_left(index.starts, clause.end, lo=first)
    for entry in index.entries[first:last]:
        excluded = entry.excluded
        if excluded is None:
            excluded = index.settle(entry)
        if excluded and any(low < at <= high for low, high in excluded):
            continue
        if entry.people is not None:
            found.append(entry.people)
            continue
        ref = _resolved(document, entry.mention, nationalities, resources, country, on_date)
        if ref is not None and not (ref.category in ("state", "government")
                                    and at <= entry.charge_reach):
            found.append(ref)
    return found


DESTINATION_REACH = 8  # characters from a destination phrase's start to the name inside it
_NEVER = -1  # a clause start below every offset
_ALWAYS = (_NEVER, 1 << 62)  # excluded whatever the clause


class _Entry:
    """An actor mention (or a nationality naming civilians) with the clause starts that
    exclude it: each (low, high] of `excluded` holds the starts of the clauses in which a cue
    before it (a source, an attribution, a reporter, a noun it qualifies) starts, so that
    the clause's actors are filtered without looking at its cues again."""

    __slots__ = ("charge_reach", "excluded", "mention", "people")

    def __init__(self, mention: Mention, people: ActorRef | None = None) -> None:
        self.mention = mention
        self.people = people  # the civilians a plural nationality names
        self.excluded: list[tuple[int, int]] | None = None  # (worked out when first needed)
        self.charge_reach = _NEVER  # a state in a clause starting up to here is charged


class _ActorIndex:
    """A document's actor entries in the order `clause_actors` returns them, where each
    starts, and the cues that exclude them."""

    __slots__ = ("charges", "document", "entries", "longest_source", "longest_stance", "named",
                 "starts", "triggers")

    def __init__(self, document: Document, resources: Resources) -> None:
        self.document = document
        self.named = named = [m for kind in ACTOR_KINDS for m in document.of_kind(kind)]
        # (the cues that may exclude an actor end near it: they start at most this far before)
        self.longest_source = max((m.end - m.start for m in document.of_kind("source")),
                                  default=0)
        self.longest_stance = max((m.end - m.start for m in document.of_kind("stance")),
                                  default=0)
        self.triggers = document.of_kind("trigger")
        self.charges = [w for w in document.of_kind("word") if w.key == "charge"]
        heads = _construct_heads(document)
        keyed = [((m.start, 0, order), _Entry(m)) for order, m in enumerate(named)
                 if m not in heads]
        for order, mention in enumerate(document.of_kind("nationality")):
            people = _people(mention, resources)
            if people is None:
                continue
            entry = _Entry(mention, people)
            # "قوات عراقيين", "مواطنين فلسطينيين": an adjective of the noun before it, when
            # the clause holds that noun
            nouns = [m.start for m in named if 0 <= mention.start - m.end <= ADJACENT_GAP]
            entry.excluded = [(_NEVER, max(nouns))] if nouns else []
            keyed.append(((mention.start, 1, order), entry))
        keyed.sort(key=lambda pair: pair[0])
        self.entries = [entry for _, entry in keyed]
        self.starts = [entry.mention.start for entry in self.entries]

    def settle(self, entry: _Entry) -> list[tuple[int, int]]:
        """The clause starts excluding an actor mention (`_of_source`, `_attributed_to`,
        `_reporter` and `_in_charge` of a clause starting there), and its charge reach."""
        document, mention = self.document, entry.mention
        at = mention.start
        entry.charge_reach = max((c.start + CHARGE_REACH for c in self.charges
                                  if _charges(document, mention, c)), default=_NEVER)
        if armed_adjective(mention, self.triggers) or any(
                w.key == "destination" and w.start <= at < w.end
                for w in starting_in(document, "word", at - DESTINATION_REACH, at + 1)):
            # (and "اقتادوهم إلى جهة مجهولة": a destination no one knows, not a side)
            entry.excluded = [_ALWAYS]
            return entry.excluded
        excluded = []
        for source in starting_in(document, "source", at - SOURCE_GAP - self.longest_source, at):
            if source.end <= at:
                if at - source.end > SOURCE_GAP or _complementizer_between(
                        document, source.end, at):
                    continue
            elif not source.start < at:
                continue
            # a source starting in the clause, unless a name starting there too covers it
            covering = max((m.start for m in self.named if m.start <= source.start < m.end),
                           default=_NEVER)
            excluded.append((covering, source.start))
        holders, speakers = [], []
        for cue in starting_in(document, "stance", at - ATTRIBUTION_GAP - self.longest_stance,
                               at + 1):
            if cue.key == "attribution":
                if 0 <= at - cue.end <= ATTRIBUTION_GAP and _ATTRIBUTION_FILLER.match(
                        fold(document.text[cue.end : at])):
                    excluded.append((_NEVER, cue.start))
                if cue.start <= at < cue.end:
                    holders.append(cue.start)
            if cue.key in ("asserts", "attribution") and 0 <= at - cue.end <= REPORTER_GAP \
                    and _REPORTER_FILLER.match(fold(document.text[cue.end : at])):
                speakers.append(cue.start)
        if holders and speakers:  # `_reporter`: both in the clause
            excluded.append((_NEVER, min(max(holders), max(speakers))))
        entry.excluded = excluded
        return excluded


def _construct_heads(document: Document) -> list[Mention]:
    """"أطلقتها دبابات الاحتلال", "لقوات حركة حماس": a one-word force noun without the
    article right before a named actor is the head of a construct naming that actor's
    forces, not a force of its own (but "مجموعة حوثية": an adjective is no genitive)."""
    named = {m.start: m for m in document.of_kind("actor")}
    if not named:
        return []
    text = document.text
    heads = []
    for force in document.of_kind("force"):
        if _template_category(force.key) not in ("state", "armed") or force.data["words"] != 1:
            continue  # "أنصار الميليشيا" are its supporters, "حكومة الحوثيين" a government
        actor = named.get(force.end + 1)
        if actor is None or text[force.end] != " ":
            continue
        prefix = document.tokens[force.data["token_first"]].prefix
        genitive = fold(actor.text)
        if "ال" in prefix or prefix.endswith("لل") or (
                not genitive.startswith("ال") and genitive.split(" ", 1)[0].endswith("يه")):
            continue
        heads.append(force)
    return heads


def _actor_index(document: Document, resources: Resources) -> _ActorIndex:
    """Every clause's actors are the index's entries starting in it that its start does not
    exclude (once per document: the clauses looked at overlap)."""
    return derived(document, _ACTOR_INDEX, lambda: _ActorIndex(document, resources))


_ACTOR_INDEX = object()  # the `derived` key of the document's _ActorIndex


def _people(mention: Mention, resources: Resources) -> ActorRef | None:
    """"اعتقلت القوات 9 فلسطينيين": a plural nationality standing alone as a noun (no force
    or person noun before it that it would describe) names civilians of that country."""
    if not fold(mention.text).endswith(_PLURAL_NISBA):
        return None
    civilians = template_actor("civilians", mention.key, resources)
    if civilians is None:
        return None
    return ActorRef(civilians, mention.text, mention.start, mention.end, category="civilian")


_PLURAL_NISBA = ("يين", "يون")


def _complementizer_between(document: Document, start: int, end: int) -> bool:
    """"في بيان إن مسلحين": a source before "إن" opens what is said, and names no actor."""
    return any(w.key == "complementizers" for w in starting_in(document, "word", start, end))


# "وفق ما أعلنت وزارة الصحة", "بحسب الجيش": who the report is attributed to
ATTRIBUTION_GAP = 16
_ATTRIBUTION_FILLER = re.compile(r"^[\s،,]*(?:ما\s+\S+\s*)?$")
CHARGE_REACH = 30


def _charges(document: Document, mention: Mention, charge: Mention) -> bool:
    """"بتهمة إضعاف معنويات الجيش": the state named inside a charge is not who acted."""
    return 0 <= mention.start - charge.end <= CHARGE_REACH \
        and not any(ch in document.text[charge.end : mention.start] for ch in ".،,؛")


# "أفادنا به مراسل الإذاعة", "قال مراسلنا": a reporter noun (an attribution cue) right after
# a speech verb or attribution is who reports, not who acts
REPORTER_GAP = 8
_REPORTER_FILLER = re.compile(r"^[\s،,]*(?:به|بها|لنا|عنه|عنها)?[\s،,]*$")
# "مصدر عسكري يمني", "مصادر في الشرطة": an actor right after a source, or inside it, names
# who speaks, not who acts
SOURCE_GAP = 4
_ARMED_ADJECTIVES = {"مسلح", "مسلحه", "مسلحا", "عسكري", "عسكريه", "عسكريا"}


def armed_adjective(mention: Mention, triggers: list[Mention]) -> bool:
    """"هجوم مسلح", "اعتداء مسلح", "مقذوف عسكري": "armed" or "military" describes the attack,
    it names no one."""
    if mention.kind != "force" or fold(mention.text).lstrip("و") not in _ARMED_ADJECTIVES:
        return False
    return any(0 <= mention.start - t.end <= 1 for t in triggers)


def nationality_actor(
    mention: Mention, template: str, resources: Resources
) -> ActorRef | None:
    """"غارة إسرائيلية": the forces of the adjective's country."""
    country = resources.gazetteer.country(mention.key)
    if country is None:
        return None
    actor = resources.actors.for_template(template, country.name)
    if actor is None:
        return None
    return ActorRef(actor, mention.text, mention.start, mention.end, category=category_of(actor))


def template_actor(template: str, country: str | None, resources: Resources) -> Actor | None:
    if country is None:
        return None
    record = resources.gazetteer.country(country)
    return resources.actors.for_template(template, record.name if record else country)


def _resolved(
    document: Document,
    mention: Mention,
    nationalities: list[Mention],
    resources: Resources,
    country: str | None,
    on_date: date | None,
) -> ActorRef | None:
    """`_resolve`, once per document, mention, country and date: the clauses looked at
    overlap (a clause, its sentence, the lead, the whole text). Only a leader's resolution
    depends on the date, and only the others' on the country."""
    if mention.kind == "leader":
        country = None
    else:
        on_date = None
    cache = document.derived  # (`derived`, inlined: hot)
    key = ("actor_ref", id(mention), country, on_date)
    if key not in cache:
        cache[key] = _resolve(document, mention, nationalities, resources, country, on_date)
    ref: ActorRef | None = cache[key]
    return ref


def _resolve(
    document: Document,
    mention: Mention,
    nationalities: list[Mention],
    resources: Resources,
    country: str | None,
    on_date: date | None,
) -> ActorRef | None:
    actors = resources.actors
    end = mention.end
    actor: Actor | None = None
    if mention.kind == "actor":
        actor = _branch(mention, resources, country)
        if actor.local_aliases and not _in_own_country(actor, mention, resources, country):
            # "حكومة الإقليم" in Ethiopian news is the Somali Region's; "العناصر التكفيرية"
            # outside Egypt are the country's own unidentified gunmen
            template = actors.template_of_noun(mention.text)
            actor = template_actor(template, country, resources) if template else None
    elif mention.kind == "leader":
        actor = actors.leader_actor(mention.key, on_date)
    else:
        adjective = _adjective_after(document, mention, nationalities)
        own_country = country
        if adjective is not None:
            own_country, end = adjective.key, adjective.end
        elif mention.kind == "force" and (
                shared := _shared_adjective(document, mention, nationalities)) is not None:
            own_country = shared.key
        elif mention.kind == "force" and _template_category(mention.key) != "civilian":
            # (civilians are of the place: "غارة لطائرات روسية قتلت مدنيين" in Idlib)
            own_country = _sentence_nationality(document, mention, nationalities,
                                                resources.territory_nouns) or country
        actor = template_actor(mention.key, own_country, resources)
    ref = ActorRef(actor, document.text[mention.start : end], mention.start, end)
    ref.category = category_of(actor)
    if actor is None and mention.kind in ("force", "role"):
        ref.category = _template_category(mention.key)
    _mark_supporters(document, ref)
    return ref


def _in_own_country(actor: Actor, mention: Mention, resources: Resources,
                    country: str | None) -> bool:
    """Named by a name that is its own only at home ("حكومة الإقليم"), in its country's news."""
    if name_key(mention.text) not in {name_key(alias) for alias in actor.local_aliases}:
        return True
    record = resources.gazetteer.country(country) if country else None
    return record is not None and record.name == actor.country


def _branch(mention: Mention, resources: Resources, country: str | None) -> Actor:
    """Among actors sharing a name (the Islamic State's branches), the one of the event's
    country, else the regional one that operates there, else the transnational one with no
    region, else the first."""
    candidates = [resources.actors.get(key) for key in mention.data.get("keys", [mention.key])]
    record = resources.gazetteer.country(country) if country else None
    if record is not None:
        for actor in candidates:
            if actor.country == record.name:
                return actor
        for actor in candidates:
            if record.name in actor.operates_in:
                return actor
    for actor in candidates:
        if actor.country is None and not actor.operates_in:
            return actor
    return candidates[0]


def _template_category(template: str) -> str:
    if template == "government":
        return "government"
    if template in ("protesters", "rioters"):
        return "crowd"
    if template == "supporters":
        return "supporters"
    if template == "civilians":
        return "civilian"
    if template == "unidentified_armed_group":
        return "armed"
    return "state"


def _sentence_nationality(
    document: Document, mention: Mention, nationalities: list[Mention],
    territory_nouns: frozenset[str] = frozenset(),
) -> str | None:
    """"أعلنت رئاسة الأركان التركية أن مقاتلات سلاح الجو نفذت": a force named without its
    country belongs to the one nationality its sentence names, if there is exactly one (not
    counting the land of "عبر التراب الليبي")."""
    sentence = document.sentences[document.sentence_index(mention.start)]
    codes = {n.key for n in nationalities if sentence.start <= n.start < sentence.end
             and not _of_territory(document, n, territory_nouns)}
    return codes.pop() if len(codes) == 1 else None


def _of_territory(document: Document, adjective: Mention, territory_nouns: frozenset[str]) -> bool:
    words = document.text[max(0, adjective.start - 14) : adjective.start].split()
    if not words:
        return False
    word = fold(words[-1])
    return word in territory_nouns or (word[:1] in "وبل" and word[1:] in territory_nouns)


def _adjective_after(
    document: Document, mention: Mention, nationalities: list[Mention]
) -> Mention | None:
    for adjective in nationalities:
        if 0 <= adjective.start - mention.end <= ADJACENT_GAP:
            return adjective
    return None


def _shared_adjective(
    document: Document, mention: Mention, nationalities: list[Mention]
) -> Mention | None:
    """"طائرات حربية وبوارج أميركية": the adjective after the next of two forces joined by
    "و" is both forces'."""
    for other in starting_in(document, "force", mention.end, mention.end + ADJACENT_GAP + 2):
        if document.text[mention.end : other.start].strip() == "و":
            return _adjective_after(document, other, nationalities)
    return None


def _mark_supporters(document: Document, ref: ActorRef) -> None:
    """"أنصار ميليشيا X": a crowd of X's supporters, X as the associated actor."""
    if ref.actor is None or ref.category not in ("armed", "other", "state") \
            or not _supporter_words(document):
        return
    before = fold(document.text[max(0, ref.start - 30) : ref.start]).replace("«", " ")
    match = _SUPPORTERS.search(before + " ")
    if match is None:
        return
    ref.assoc.append(ref.actor.name)
    ref.category = "supporters"
    ref.surface = document.text[ref.start - _surface_back(document, ref.start) : ref.end]


def names_supporters(document: Document) -> bool:
    """False when no actor of the text can be marked as supporters (`_mark_supporters`): the
    text holds none of their words."""
    folded = document.normalised.text if document.normalised is not None else fold(document.text)
    return any(word in folded for word in SUPPORTER_WORDS)


def _supporter_words(document: Document) -> bool:
    """`names_supporters`, once per document (a slice's folding is part of the whole
    text's)."""
    return derived(document, "supporter_words", lambda: names_supporters(document))


def _surface_back(document: Document, start: int) -> int:
    window = document.text[max(0, start - 30) : start]
    for word in ("أنصار", "انصار", "مناصري", "مؤيدي", "أتباع"):
        at = window.rfind(word)
        if at != -1:
            return len(window) - at
    return 0
