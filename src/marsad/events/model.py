"""The working form of an event while the stages build it, before it becomes a record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from marsad.document import Mention, Span
from marsad.kb.model import Actor, Place

# The trigger families of a crowd's events: a protest, a riot, a mob.
CROWD_FAMILIES = ("protest", "riot", "mob")
# The keys of mentions that name a crowd: its words, forces and gathering triggers.
CROWD_KEYS = frozenset({"crowd", "protesters", "rioters", "protest", "gathering"})
# Word groups that open a relative clause: a pronoun, or a pronoun with its verb of
# occurrence ("الذي وقع"), matched as one.
RELATIVE_KEYS = ("relative", "occurred")
# Trigger keys of air raids, by aircraft or by drone: one kind of happening.
AIR_RAID_KEYS = frozenset({"airstrike", "drone_strike"})


@dataclass(slots=True)
class ActorRef:
    """An actor as resolved: the knowledge-base actor (if any) and the words of the text."""

    actor: Actor | None
    surface: str  # as the text names it
    start: int
    end: int
    assoc: list[str] = field(default_factory=list)
    category: str = "other"  # state, armed, crowd, civilian, external, other

    def copy(self) -> ActorRef:
        """`dataclasses.replace(self, assoc=list(self.assoc))`, faster."""
        return ActorRef(self.actor, self.surface, self.start, self.end, list(self.assoc),
                        self.category)

    @property
    def name(self) -> str | None:
        return self.actor.name if self.actor else None

    @property
    def inter(self) -> int | None:
        return self.actor.inter if self.actor else None


@dataclass(slots=True)
class PlaceRef:
    place: Place
    surface: str
    start: int
    end: int
    precision: int  # ACLED geo-precision
    as_settlement: bool = False  # named with its noun: "مدينة تعز" (the city, not the province)


@dataclass(slots=True)
class DateRange:
    earliest: date | None
    latest: date | None
    precision: int | None
    surface: str | None = None
    start: int | None = None


@dataclass(slots=True)
class ClaimRef:
    text: str
    stance: str
    attribution: str | None
    attribution_en: str | None
    start: int
    end: int
    figures: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Candidate:
    """One happening as read from a clause; merged with others that report the same one."""

    sub: str
    family: str
    trigger: Mention
    sentence: int
    clause: Span
    strength: str = "strong"
    # the part of the clause that belongs to this trigger when the clause repeats the verb
    # for another place ("قصف أرضاً شرق الزيتون، وقصف بصواريخ أرضاً شرق رفح")
    segment: Span | None = None
    # the clause's other triggers, in order of precedence, tried when this one turns out to
    # be no event of its family ("نجح بالانسحاب" after a shooting is no territory handed over)
    fallbacks: list[Mention] = field(default_factory=list)
    subordinate: bool = False  # read from an "after they ..." clause: an earlier happening
    headline: bool = False  # told in the text's first line
    separate: bool = False  # its sentence opens another incident ("وفي حادث منفصل")
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    place: PlaceRef | None = None
    place_in_clause: bool = False  # the place was named in the candidate's own sentence
    # the place its sentence opens by moving to ("وفي محافظة مأرب، شن الطيران ...")
    opening: PlaceRef | None = None
    place_list: list[PlaceRef] = field(default_factory=list)  # others listed with the place
    place_named: bool = False  # the clause names a place, known to the gazetteer or not
    anchored: bool = True  # has its own date or place, or stands in the lead
    context_countries: list[str] = field(default_factory=list)  # the article's, main first
    date_inherited: bool = False  # the date came from the lead or the report, not the clause
    date_bound: bool = False  # the date is the statement's: the happening was on or before it
    country: str | None = None  # ISO code, when known without a place
    date: DateRange | None = None
    fatalities: int | None = None
    dead_noun: str = ""  # the folded word the death toll counts ("جنديا", "اشخاص")
    injuries: int | None = None
    arrests: int | None = None
    crowd_size: int | None = None
    # the figures read from a vague count ("عشرات القتلى"): a precise one told elsewhere wins
    vague_figures: set[str] = field(default_factory=set)
    claims: list[ClaimRef] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)
