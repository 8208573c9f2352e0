"""Who did it to whom: actor1 and actor2 of a candidate from the clause's actors.

Arabic puts the agent after a verb (VSO), before it (SVO), after "على يد / من قبل / برصاص"
in a passive, or as the genitive of an agentive verbal noun (هجوم مسلحين); the target follows
"على / ضد / استهدف", and patient nouns take their genitive as the target (اعتقال خمسة
مسلحين). Each family also knows which kinds of actor can play each role (an arrest is made
by state forces; a protest is by protesters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from marsad.document import Document, Mention, Span, Spanned
from marsad.events.index import derived, starting_in
from marsad.events.model import CROWD_KEYS, RELATIVE_KEYS, ActorRef, Candidate
from marsad.kb.registry import Resources
from marsad.resolve.actors import (
    armed_adjective,
    clause_actors,
    names_supporters,
    nationality_actor,
    template_actor,
)
from marsad.text.normalise import fold


@dataclass(frozen=True, slots=True)
class _RolePatterns:
    """What the words just before an actor make of it, compiled from the lexicon's
    `role_marks` (matched on the folded text before the actor)."""

    agent: re.Pattern[str]  # "على يد مسلحين", "في هجوم لمتمردي X"
    mediator: re.Pattern[str]  # "برعاية وزير الخارجية", "بوساطة مصرية"
    target: re.Pattern[str]  # "هجوم على مقر الحزب", "استهدف موكب الوزير"
    unit_of: re.Pattern[str]  # "اعتقلت دورية تابعة للمخابرات"
    targeting_verb: re.Pattern[str]  # "استهدفت" just before: its subject may follow
    platforms: frozenset[str]  # "طائرات", "قوات": the subject when right after that verb
    acting_verbs: frozenset[str]  # "قصف", "استهدف": a past verb of acting, not a noun
    launching: frozenset[str]  # the targeting verbs: "طيران العدوان يشن سلسلة غارات"
    spokesmen: tuple[str, ...]  # "المتحدث باسم": a force's spokesman is no party


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w[:-1]) + r"\S*" if w.endswith("*") else re.escape(w)
                    for w in words)


def _role_patterns(resources: Resources) -> _RolePatterns:
    """The resources' role patterns, compiled once per set of resources."""
    cached = _COMPILED.get(id(resources.role_marks))
    if cached is not None and cached[0] is resources.role_marks:
        return cached[1]
    patterns = _compile_role_marks(resources.role_marks)
    _COMPILED[id(resources.role_marks)] = (resources.role_marks, patterns)
    return patterns


_COMPILED: dict[int, tuple[dict[str, tuple[str, ...]], _RolePatterns]] = {}


def _compile_role_marks(role_marks: dict[str, tuple[str, ...]]) -> _RolePatterns:
    marks = {mark: _alternation(words) for mark, words in role_marks.items()}
    return _RolePatterns(
        agent=re.compile(rf"(?:{marks['agent_before']})\s*\S*\s*$"
                         rf"|(?:{marks['agent_attack_nouns']})\s+ل\S*\s*[\"«]?\s*$"),
        mediator=re.compile(rf"(?:{marks['mediator_before']})\s+(?:\S+\s+)?\S{{0,3}}$"),
        target=re.compile(rf"(?:(?:{marks['target_preps']})\s+(?:\S+\s+)?"
                          rf"|(?:{marks['target_nouns']})\s+)\S{{0,3}}$"),
        unit_of=re.compile(rf"^\s*\S+\s+(?:{marks['unit_of']})\s+\S{{0,3}}$"),
        targeting_verb=re.compile(rf"(?<!\S)(?:{marks['targeting_verbs']})\s*$"),
        platforms=frozenset(role_marks.get("subject_platforms", ())),
        acting_verbs=frozenset(role_marks.get("acting_verbs", ())),
        launching=frozenset(role_marks.get("targeting_verbs", ())),
        spokesmen=tuple(fold(w) for w in role_marks.get("spokesmen", ())),
    )


_PATTERNS = object()  # the `derived` key of the resources' compiled role patterns


def _patterns(document: Document) -> _RolePatterns:
    patterns: _RolePatterns | None = document.derived.get(_PATTERNS)
    if patterns is None:
        raise RuntimeError("role patterns are set by assign_roles before actors are marked")
    return patterns


# Which categories may act (actor1) and be acted on (actor2), per family.
AGENTS: dict[str, tuple[str, ...]] = {
    "arrest": ("state", "armed", "external"),
    "protest": ("crowd", "supporters"),
    "riot": ("crowd", "supporters", "armed", "state", "external"),
    "mob": ("crowd", "supporters", "civilian"),
    "abduction": ("armed", "state", "external", "other"),
    "attack": ("supporters", "armed", "state", "external", "other", "crowd"),
    "strike": ("state", "external"),
    "explosion": ("armed",),  # bombs are planted by armed groups; the state forces a text
    # names beside one are its target or the ones reporting it
    "clash": ("armed", "state", "external", "supporters"),
    "territory": ("state", "armed", "external"),
    "disrupted": ("state", "external", "armed"),
    "transfer": ("armed", "external", "state"),  # who takes the town over comes first
    "headquarters": ("state", "external", "armed"),
    "looting": ("armed", "state", "external", "crowd", "supporters"),
    "change": ("armed", "party", "state", "government"),
    "agreement": ("government", "state", "armed", "external", "party"),
    "sexual": ("armed", "state", "external"),
}
# Triggers whose agents differ from their family's: rockets and shells are fired by
# armed groups too, air strikes are by states.
AGENTS_BY_TRIGGER: dict[str, tuple[str, ...]] = {"shelling": ("state", "external", "armed"),
                     "drone_strike": ("state", "external", "armed")}
# Default actor1 templates per family when the text names none.
DEFAULT_AGENT = {
    "arrest": "police",
    "protest": "protesters",
    "riot": "rioters",
    "mob": "rioters",
    "attack": "unidentified_armed_group",
    "abduction": "unidentified_armed_group",
    "explosion": "unidentified_armed_group",
    "sexual": "unidentified_armed_group",
    "disrupted": "military",
}
CROWD_TEMPLATE = {"protest": "protesters", "riot": "rioters", "mob": "rioters"}
# Families where one side acts on the other (no side attacks itself).
ONE_SIDED = {"attack", "explosion", "abduction", "strike", "sexual"}


def assign_roles(document: Document, candidate: Candidate, resources: Resources) -> None:
    derived(document, _PATTERNS, lambda: _role_patterns(resources))
    country = _actor_country(document, candidate, resources)
    on_date = candidate.date.latest if candidate.date else document.article.published
    actors = clause_actors(document, candidate.clause, resources, country, on_date)
    nationality = _nationality_agent(document, candidate, resources)
    actor1: ActorRef | None
    actor2: ActorRef | None
    actor1, actor2 = _pick(document, candidate, actors, resources.victim_verbs)
    if actor1 is None and candidate.family in ("arrest", "abduction"):
        actor1 = _subject_before(document, candidate, resources, country, on_date)
    if nationality is not None and (actor1 is None or actor1.start > nationality.start
                                    or actor1.category != "state"):
        actor2 = actor2 if actor2 is not None and actor2 is not actor1 else (
            actor1 if actor1 is not None and actor1.category != "state" else None)
        actor1 = nationality  # "غارة إسرائيلية": the adjective names who struck
    if candidate.family == "clash" and _crowd_clash(document, candidate, actor1, actor2):
        candidate.family, candidate.sub = "riot", "Violent demonstration"  # youths vs police
        if actor1 is not None and actor1.category not in ("crowd", "supporters") \
                and actor2 is not None and actor2.category in ("crowd", "supporters"):
            actor1, actor2 = actor2, actor1  # the crowd riots; the force it fights is actor2
    if candidate.family == "attack" and actor1 is not None and actor1.category in (
            "crowd", "supporters"):
        candidate.family, candidate.sub = "riot", "Violent demonstration"  # a crowd attacking
    if candidate.family in ("riot", "mob"):
        if actor1 is not None and actor1.category in ("armed", "external"):
            candidate.family, candidate.sub = "attack", "Attack"  # armed men burning a house
        elif actor1 is not None and actor1.category == "state":
            # the police in a riot are the ones it faces (two statements: the compiled build
            # mistypes "actor1, actor2 = None, actor1")
            actor2 = actor1
            actor1 = None
        elif actor1 is None and not _crowd_context(document, candidate):
            candidate.family = "none"  # burning and stone-throwing with no crowd in sight
    if candidate.family in CROWD_TEMPLATE:
        actor1 = _crowd(candidate, actor1, country, resources)
        if actor1 is not None and not actor1.assoc:
            actor1 = actor1.copy()  # (the clause's references are shared)
            actor1.assoc = _supported_group(document, resources, country, on_date)
    if candidate.family in PERPETRATOR_FAMILIES and (actor1 is None or actor1.actor is None
                                                     or (actor1.actor.template is not None
                                                     and actor1.category == "armed")):
        # "خطف مسلحون": gunmen the clause itself names are only given a name by a claim
        named_in_clause = actor1 is not None and actor1.surface != ""
        perpetrator = _perpetrator(document, candidate, resources, country, on_date,
                                   lead=not named_in_clause)
        # (gunmen are given a group's name, never a state force's: "قذائف أطلقتها المجموعات
        # الإرهابية ... مؤكدة أن الجيش يرد")
        # (nor the side gunmen told as the verb's subject fought: "مسلحون من أبناء القبائل
        # هاجموا نقاط الحوثيين")
        if perpetrator is not None and not (named_in_clause and actor1 is not None
                                            and actor1.category == "armed"
                                            and perpetrator.category != "armed") \
                and not (named_in_clause and _same(perpetrator, actor2)
                         and _verb_subject(document, candidate, actor1)):
            actor1 = perpetrator
    if candidate.family == "clash" and actor1 is None and actor2 is None:
        # "معارك عنيفة تدور منذ أيام": the fighting of the war the lead names both sides of
        actor1, actor2 = _lead_sides(document, resources, country, on_date)
    family_default = DEFAULT_AGENT.get(candidate.family)
    if family_default is None and candidate.family in PERPETRATOR_FAMILIES \
            and _unknown_agent(document, candidate.sentence):
        family_default = "unidentified_armed_group"  # "قذائف لم يتضح مصدرها"
    if actor1 is None and family_default is not None:
        default = template_actor(family_default, country, resources)
        if default is not None:
            actor1 = ActorRef(default, "", candidate.trigger.start, candidate.trigger.start)
    if candidate.family == "attack" and actor2 is not None and actor2.actor is not None \
            and actor2.actor.kind == "identity" and _is_victim(document, actor2,
                                                                resources.victim_verbs):
        actor2 = actor2.copy()  # (the clause's references are shared)
        actor2.category = "civilian"  # "قتل أربعة مستوطنين": killed, not fighting back
    if actor1 is not None and _same(actor1, actor2):
        # no side acts on itself: the second actor is another one the clause names, if any
        others = [a for a in actors if not _same(a, actor1) and a.category != "other"]
        actor2 = _nearest(others, candidate.trigger.end)
    candidate.actor1, candidate.actor2 = actor1, actor2


SIDES_SENTENCES = 5  # the opening sentences that name a war's two sides


def _lead_sides(document: Document, resources: Resources, country: str | None,
                on_date: date | None) -> tuple[ActorRef | None, ActorRef | None]:
    """The state force and the armed group the lead names, as the two sides of a war."""
    lead = document.sentences[:SIDES_SENTENCES]
    if not lead:
        return None, None
    sides = [a for a in clause_actors(document, Span(lead[0].start, lead[-1].end), resources,
                                      country, on_date)
             if a.actor is not None and a.category in ("state", "armed", "external")]
    state = next((a for a in sides if a.category == "state"), None)
    armed = next((a for a in sides if a.category in ("armed", "external")
                  and not _same(a, state)), None)
    if armed is not None and armed.actor is not None and armed.actor.inter == 4:
        return None, None  # communal fighting ("مزارعين ورعاة") is no war of the state's
    if state is None or armed is None:
        return None, None
    return state, armed


def _actor_country(document: Document, candidate: Candidate, resources: Resources) -> str | None:
    """The country generic actors belong to: the event's place's, unless that place lies
    outside the countries the article is about (then the article's main country)."""
    context = candidate.context_countries
    if candidate.place is not None:
        code = candidate.place.place.country_code
        if not context or code in context[:3]:
            return code
    return context[0] if context else candidate.country


def _pick(
    document: Document, candidate: Candidate, actors: list[ActorRef],
    victim_verbs: frozenset[str] = frozenset(),
) -> tuple[ActorRef | None, ActorRef | None]:
    if not actors:
        return None, None
    trigger = candidate.trigger
    marked = [(a, m) for a in actors for m in (_marks(document, a),)
              if not (m.mediator or m.partner or m.commenter) and not _spokesman(document, a)]
    if not marked:
        return None, None
    actors = [a for a, _ in marked]
    verbs = _verbs_before(document, trigger)
    agents = [a for a, m in marked if m.agent
              or _announces(document, a, trigger, verbs)
              or _subject_before_verb(document, a, trigger)
              or (candidate.family in ("arrest", "abduction") and _unit_of(document, a, trigger))]
    if not agents and candidate.family == "clash":
        # "مسلحون من أبناء القبائل هاجموا نقاط تفتيش للحوثيين، واستمر تبادل إطلاق النار":
        # who attacked opened the fight the clause goes on to tell
        agents = [a for a, _ in marked if _verb_subject(document, candidate, a)]
    accuser, accused = _accusation(document, actors, trigger)
    if accused is not None:
        agents = [accused] + [a for a in agents if a is not accused and a is not accuser]
    victims = [a for a, m in marked
               if a not in agents and _marked_victim(document, a, m, victim_verbs)
               and not _object_follows(document, a)]
    if accuser is not None and accuser not in victims:
        victims.append(accuser)  # "اتهم الحشد التحالف بشن غارة على موقع له": the accuser was hit
    targets = [a for a, m in marked
               if a not in agents and (a in victims or m.target
                                       or (candidate.family == "disrupted"
                                           and _named_by_weapon(document, a)))]
    allowed = AGENTS_BY_TRIGGER.get(trigger.key) or AGENTS.get(candidate.family)
    actor1 = agents[0] if agents else None
    if actor1 is None:
        # (not a force in a relative clause after the trigger: "بعد انسحاب عناصرها باتجاه حقل
        # العمر الذي تتخذ منه قوات الاحتلال الأميركي قاعدة لها")
        relative = next((w.start for w in starting_in(document, "word", trigger.end,
                                                       candidate.clause.end)
                         if w.key in RELATIVE_KEYS), None)
        pool = [a for a in actors if a not in targets and not _marks(document, a).coalition
                and not (a.start > trigger.end and _with_means(document, a))
                and (relative is None or a.start < relative)]
        if candidate.family == "arrest":
            # gunmen or "terrorists" arrest no one: they are the ones held
            pool = [a for a in pool if not (a.category == "armed" and a.actor is not None
                                            and a.actor.template is not None)]
        if candidate.family in ("arrest", "abduction") or _patient_noun(candidate):
            # The genitive right after a patient noun is the one acted on; after a verb
            # with a feminine ending a force is its subject ("اعتقلت قوات الاحتلال تسعة"), as
            # is a state force right after any arrest verb.
            pool = [a for a in pool if not _right_after(document, trigger.end, a)
                    or (_feminine_verb(trigger) and a.category in ("state", "armed", "external"))
                    or (candidate.family == "arrest" and a.category == "state")
                    or _object_follows(document, a)]
        if allowed:
            # The category the family expects first (an arrest is made by state forces).
            for category in allowed:
                preferred = [a for a in pool if a.category == category]
                if preferred:
                    # A named group before a generic "gunmen" of the same kind (but not one
                    # named as someone's group: "قتل مسلحون قيادياً في فصائل المعارضة").
                    named = [a for a in preferred if a.actor and a.actor.template is None
                             and not _marks(document, a).member
                             and not _marks(document, a).loyal]
                    pool = named or [a for a in preferred if not _marks(document, a).loyal]
                    break
            else:
                pool = []
        actor1 = _nearest(pool, trigger.start)
        if candidate.family in ONE_SIDED and any(_same(v, actor1) for v in victims):
            # "the army announced that two soldiers were killed by a mine": the army is the
            # victims' side, not the attacker
            actor1 = None
    if candidate.family == "explosion" and actor1 is not None \
            and actor1.category not in AGENTS["explosion"]:
        # "ثلاثة أشخاص فجروا أنفسهم": the bombers told as people are no civilians
        actor1 = None
    owner = _owner(document, actor1, actors)
    if owner is not None:
        actors = [a for a in actors if a is not actor1]
        actor1 = owner
    rest = [a for a in actors if a is not actor1 and not _same(a, actor1)]
    if candidate.family == "clash":
        # "اشتباكات بين مقاومين وقوات الاحتلال، ما أدى إلى إصابة شابين": the hurt are the
        # fighting's casualties, not its other side
        rest = [a for a in rest if a.category != "civilian"]
    preferred = [a for a in rest if a in targets] or rest
    if candidate.family in ("protest",):
        preferred = [a for a in preferred if a.category in ("state", "external")]
    actor2 = _nearest(preferred, trigger.end) if preferred else None
    return actor1, actor2


SPOKESMAN_REACH = 40  # characters from "المتحدث باسم" to the spokesman's name


def _spokesman(document: Document, actor: ActorRef) -> bool:
    """Who speaks for a force is no party: "المتحدث باسم شرطة الولاية", and the name after
    "المتحدث باسم حكومة طالبان ذبيح الله مجاهد"."""
    spokesmen = _patterns(document).spokesmen
    if not spokesmen:
        return False
    if fold(actor.surface).startswith(spokesmen):
        return True
    before = fold(document.text[max(0, actor.start - SPOKESMAN_REACH) : actor.start])
    for phrase in spokesmen:
        at = before.rfind(phrase)
        if at >= 0 and not any(mark in before[at:] for mark in ".،,؛:\n\"«") \
                and len(before[at + len(phrase):].split()) <= 3:
            return True
    return False


OWNER_GAP = 14  # characters from a force ("مروحيات الأباتشي") to "التابعة"


def _owner(document: Document, actor: ActorRef | None, actors: list[ActorRef]
           ) -> ActorRef | None:
    """"الطيران الحربي التابع لقوات النظام": a generic force's side, named after it."""
    if actor is None or actor.actor is None or actor.actor.template is None:
        return None
    for word in starting_in(document, "word", actor.end, actor.end + OWNER_GAP):
        if word.key != "owned_by" or any(mark in document.text[actor.end : word.start]
                                          for mark in ".،,؛\n"):
            continue
        return next((a for a in actors if 0 <= a.start - word.end <= 3 and a is not actor
                     and a.category in ("state", "armed", "external")), None)
    return None


def _with_means(document: Document, actor: ActorRef) -> bool:
    """"قصفت الميليشيات بالمدفعية": a force written with ب on it after the verb is how, not
    who; so is a bare arm after a weapon written with ب ("بقذائف المدفعية")."""
    start = actor.start
    if start >= 1 and document.text[start - 1] == "ب" and (
            start == 1 or not document.text[start - 2].isalpha()):
        return True
    return _bare_arm(document, actor) and any(
        _written_with_b(document, m.start) and not document.text[m.end : start].strip()
        for m in starting_in(document, "modifier", max(0, start - ARM_REACH), start)
        if m.key in WEAPON_MODIFIERS)


def _written_with_b(document: Document, start: int) -> bool:
    """The word at `start` carries ب ("بقذائف"), as a proclitic or as its first letter."""
    index = document.token_index(start + 1) - 1  # the token holding `start`
    return index >= 0 and "ب" in document.text[document.tokens[index].start : start + 1]


ARM_REACH = 12  # characters back from an arm ("المدفعية") to the weapon before it ("بقذائف")


def _bare_arm(document: Document, actor: ActorRef) -> bool:
    """A state force named by its weapon alone, with no country ("المدفعية", "الدبابات"; not
    "الجيش", whose shells are its own: "بقذائف الجيش")."""
    return actor.category == "state" and actor.actor is not None \
        and actor.actor.template is not None and " " not in actor.surface.strip() \
        and any(m.key in WEAPON_MODIFIERS and m.end >= actor.end
                for m in starting_in(document, "modifier", actor.start, actor.start + 1))


def _subject_before(document: Document, candidate: Candidate, resources: Resources,
                    country: str | None, on_date: date | None) -> ActorRef | None:
    """"داهمت قوات الاحتلال منازل في بيت أمر، قبل أن تعتقل أربعة شبان": a clause whose
    verb names no subject continues the subject of the sentence's clause before it."""
    sentence = document.sentences[candidate.sentence]
    if candidate.clause.start <= sentence.start:
        return None
    before = clause_actors(document, Span(sentence.start, candidate.clause.start), resources,
                           country, on_date)
    # (an arrest continues only a state force's clause: "armed men ... then the police")
    allowed = ("state",) if candidate.family == "arrest" else AGENTS.get(candidate.family, ())
    subjects = [a for a in before if a.category in allowed
                and not _marks(document, a).target and not _marks(document, a).member]
    return subjects[-1] if subjects else None


def _crowd(
    candidate: Candidate, actor1: ActorRef | None, country: str | None, resources: Resources
) -> ActorRef | None:
    """Protesters and rioters are coded generically, the named group as associated actor."""
    template = CROWD_TEMPLATE[candidate.family]
    generic = template_actor(template, country, resources)
    if generic is None:
        return actor1
    if actor1 is None:
        return ActorRef(generic, "", candidate.trigger.start, candidate.trigger.start,
                        category="crowd")
    if actor1.actor is not None and actor1.actor.template in ("protesters", "rioters"):
        return ActorRef(generic, actor1.surface, actor1.start, actor1.end, list(actor1.assoc),
                        "crowd")
    assoc = list(actor1.assoc) or ([actor1.actor.name] if actor1.actor else [])
    return ActorRef(generic, actor1.surface, actor1.start, actor1.end, assoc, "crowd")


PERPETRATOR_FAMILIES = {"attack", "explosion", "abduction", "strike", "clash"}
# Who may be held responsible, per family: armed groups attack, states strike from the air.
PERPETRATOR_CATEGORIES: dict[str, tuple[str, ...]] = {"strike": ("state", "external")}
PERPETRATOR_BY_TRIGGER: dict[str, tuple[str, ...]] = {"shelling": ("armed", "state", "external")}
LEAD_SENTENCES = 3
CLAIM_NEGATION_GAP = 20
CLAIM_REACH = 4  # sentences between a claim of responsibility and the happening it claims


def _perpetrator(
    document: Document, candidate: Candidate, resources: Resources, country: str | None,
    on_date: date | None, lead: bool = True,
) -> ActorRef | None:
    """A named armed group the article holds responsible: in the sentence, in a claim of
    responsibility, or in the lead (once per document, sentence, allowed categories, country,
    date and reach: the references are shared, as the clauses' are)."""
    allowed = PERPETRATOR_BY_TRIGGER.get(candidate.trigger.key) or \
        PERPETRATOR_CATEGORIES.get(candidate.family, ("armed",))
    key = ("perpetrator", candidate.sentence, allowed, country, on_date, lead)
    return derived(document, key, lambda: _find_perpetrator(
        document, candidate.sentence, allowed, resources, country, on_date, lead))


def _find_perpetrator(
    document: Document, index: int, allowed: tuple[str, ...], resources: Resources,
    country: str | None, on_date: date | None, lead: bool,
) -> ActorRef | None:
    sentence = document.sentences[index]
    if _unknown_agent(document, index):
        return None  # "دون أن تحدد الجهة التي زرعت اللغم": the text says no one is known
    # a claim of responsibility speaks of the happening told around it, or of the lead's
    claims = {claim for claim in _claim_sentences(document)
              if (abs(claim - index) <= CLAIM_REACH
                  or (claim < LEAD_SENTENCES and index < LEAD_SENTENCES))
              and not _separate_between(document, claim, index)
              and not _unknown_agent(document, claim)}
    scopes = [Span(sentence.start, sentence.end)]
    scopes += [Span(document.sentences[i].start, document.sentences[i].end) for i in sorted(claims)]
    if lead and not _separate_between(document, 0, index):
        scopes += [Span(s.start, s.end) for i, s in enumerate(document.sentences[:LEAD_SENTENCES])
                   if not _unknown_agent(document, i)]
    for scope in scopes:
        named = [a for a in clause_actors(document, scope, resources, country, on_date)
                 if a.category in allowed and a.actor is not None
                 and (a.actor.template is None or a.category != "armed")
                 and not _is_victim(document, a, resources.victim_verbs)
                 and not _marks(document, a).target and not _marks(document, a).member
                 and not _marks(document, a).loyal and not _marks(document, a).coalition
                 and not _blames(document, a) and not _spokesman(document, a)
                 and not (_bare_arm(document, a) and _with_means(document, a))]
        if named:
            return named[0]
    return _blamed(document, scopes, resources)


BLAMER_GAP = 12  # characters from who blames to "اللوم" ("وألقى الحزب اللوم")


def _blames(document: Document, actor: ActorRef) -> bool:
    """The actor is who lays the blame, not who is blamed."""
    return any(w.key == "blame" for w in starting_in(document, "word", actor.end,
                                                      actor.end + BLAMER_GAP))


BLAME_REACH = 40  # characters from "اللوم" to the country it lands on


def _blamed(document: Document, scopes: list[Span], resources: Resources) -> ActorRef | None:
    """"ألقى الحزب اللوم في الهجوم على إيران": the country blamed, when no group is named,
    is coded as its military."""
    for scope in scopes:
        for word in starting_in(document, "word", scope.start, scope.end):
            if word.key != "blame":
                continue
            for place in starting_in(document, "place", word.end, word.end + BLAME_REACH):
                between = fold(document.text[word.end : place.start]).split()
                if not place.key.startswith("country:") or "علي" not in between:
                    continue
                military = template_actor("military", place.key.split(":", 1)[1], resources)
                if military is not None:
                    return ActorRef(military, place.text, place.start, place.end,
                                    category="state")
    return None


def _unknown_agent(document: Document, index: int) -> bool:
    """The sentence says the perpetrator is unknown ("لم يتضح مصدرها", "لم تعلن أي جهة")."""
    sentence = document.sentences[index]
    return any(w.key == "unknown_agent"
               for w in starting_in(document, "word", sentence.start, sentence.end))


def _separate_between(document: Document, first: int, second: int) -> bool:
    """A sentence after the earlier of two sentences, up to the later one, opens another
    incident ("وفي حادث منفصل، خطف مسلحون"): what one says is not about the other."""
    last = len(document.sentences) - 1
    low, high = sorted((min(first, last), min(second, last)))
    if low >= high:
        return False
    span = Span(document.sentences[low + 1].start, document.sentences[high].end)
    return any(w.key in ("separate", "another_incident")
               for w in starting_in(document, "word", span.start, span.end))


def _claim_sentences(document: Document) -> list[int]:
    """The sentences holding a claim of responsibility (once per document)."""
    def find() -> list[int]:
        negations = [c for c in document.of_kind("cue") if c.key == "negation"]
        return [document.sentence_index(w.start) for w in document.of_kind("word")
                if w.key == "responsibility"
                # "لم تعلن أي جهة مسؤوليتها": no claim
                and not any(0 <= w.start - n.end <= CLAIM_NEGATION_GAP for n in negations)]

    return derived(document, "claim_sentences", find)


def _crowd_clash(document: Document, candidate: Candidate, actor1: ActorRef | None,
                 actor2: ActorRef | None) -> bool:
    """A clash between a crowd and the police is a riot: no armed group on either side (and
    none told as armed: "خلال اشتباك مسلح")."""
    end = candidate.trigger.end
    if any(armed_adjective(m, [candidate.trigger])
           for m in starting_in(document, "force", end, end + 2)):
        return False
    sides = [a for a in (actor1, actor2) if a is not None]
    if any(a.category in ("crowd", "supporters") for a in sides):
        return True  # protesters fighting peacekeepers or police riot
    if any(a.category in ("armed", "external") for a in sides):
        return False
    return _crowd_context(document, candidate)


CROWD_LEAD = 3  # sentences of the lead whose crowd carries to the rest of the report


def _crowd_context(document: Document, candidate: Candidate) -> bool:
    """A crowd in the sentence, or in the lead of a report about a crowd ("وتم قطع الطريق"
    after "مواجهات بين مجموعات من الشباب")."""
    sentences = document.sentences
    spans: list[Spanned] = [sentences[candidate.sentence]]
    if candidate.sentence >= CROWD_LEAD:
        spans.append(Span(sentences[0].start, sentences[CROWD_LEAD - 1].end))
    for span in spans:
        # (residents who tell what they saw, "وقال سكان إن", are witnesses, not a crowd)
        said = {c.end for c in starting_in(document, "stance", span.start, span.end)}
        witnesses = {m.start for m in starting_in(document, "source", span.start, span.end)
                     if any(0 <= m.start - end <= 2 for end in said)}
        for kind in ("force", "trigger", "word"):
            if any((m.key in CROWD_KEYS or m.key == "supporters")
                   and m.start not in witnesses
                   for m in starting_in(document, kind, span.start, span.end)):
                return True
    return False


def _supported_group(
    document: Document, resources: Resources, country: str | None, on_date: date | None
) -> list[str]:
    """The group whose supporters the article speaks of ("أنصار ميليشيا «ثأر الله»"), for a
    crowd it names only as "the supporters"."""
    def find() -> list[str]:
        if not names_supporters(document):
            return []
        whole = Span(0, len(document.text))
        for ref in clause_actors(document, whole, resources, country, on_date):
            if ref.category == "supporters" and ref.assoc:
                return list(ref.assoc)
        return []

    return list(derived(document, ("supported_group", country, on_date), find))


def _nationality_agent(
    document: Document, candidate: Candidate, resources: Resources
) -> ActorRef | None:
    """"غارة إسرائيلية", "قصف تركي": the adjective right after the trigger names the forces;
    so does one right after the weapon in a strike's clause ("غارة نفذتها طائرة مسيرة
    تركية", "قصفت المدفعية التركية")."""
    if candidate.family not in ("strike", "explosion", "attack", "clash", "territory"):
        return None
    if candidate.strength == "weak":
        return None
    ends = [candidate.trigger.end]
    if candidate.family == "strike":
        clause = candidate.clause
        ends += [m.end for m in starting_in(document, "modifier", clause.start, clause.end)
                 if m.key in WEAPON_MODIFIERS]
    for adjective in document.of_kind("nationality"):
        if any(0 <= adjective.start - end <= 2 for end in ends):
            return nationality_actor(adjective, "military", resources)
    return None


def _victim(document: Document, actor: ActorRef, marks: _Marks,
            victim_verbs: frozenset[str] = frozenset()) -> bool:
    """Named right after a casualty word ("مقتل جنديين", "إصابة ثلاثة مدنيين") or right
    before an intransitive one ("جنديين لقيا حتفهما")."""
    if victim_verbs and _next_word(document, actor.end) in victim_verbs:
        return True
    # "أصيب ثلاثة مقاتلين من فصيل فرقة الحمزة": the group of the counted casualties
    reach = VICTIM_GAP + MEMBER_GAP if marks.member else VICTIM_GAP
    for word in starting_in(document, "word", actor.start - VICTIM_WORD_REACH, actor.start):
        if word.key in ("killed", "injured") and 0 <= actor.start - word.end <= reach:
            between = document.text[word.end : actor.start]
            # "ثمانية قتلى في هجوم لمتمردي X": X comes after another trigger, as its agent
            if not any(ch in between for ch in ".،,؛:") and not starting_in(
                    document, "trigger", word.end, actor.start):
                return True
    return False


VICTIM_BEFORE_GAP = 3
VICTIM_GAP = 20  # characters from a casualty word to the victim named after it
MEMBER_GAP = 20  # and more when the victims are counted as a group's members
VICTIM_WORD_REACH = 60  # characters back to the start of a casualty word ending 40 before


def _next_word(document: Document, offset: int) -> str:
    """The folded word starting within a few characters after `offset`, without و/ف."""
    index = document.token_index(offset)
    if index >= len(document.tokens) or document.tokens[index].start - offset > VICTIM_BEFORE_GAP:
        return ""
    word = document.tokens[index].norm
    if word in ("قد", "لقد") and index + 1 < len(document.tokens):
        word = document.tokens[index + 1].norm  # "عسكري قد أصيب"
    elif word == "برتبه" and index + 2 < len(document.tokens):
        word = document.tokens[index + 2].norm  # "ضابط شرطة برتبة نقيب قتل"
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


ANNOUNCE_GAP = 3  # characters between "يعلن/أعلنت" and the verbal noun it announces


def _verbs_before(document: Document, trigger: Mention) -> list[Mention]:
    """The speech verbs ending before the trigger."""
    return [cue for cue in _assertions(document) if cue.end <= trigger.start]


def _announces(document: Document, actor: ActorRef, trigger: Mention, verbs: list[Mention]
               ) -> bool:
    """"داعش يعلن السيطرة على", "أعلنت الشرطة اعتقال": who announces a verbal noun of their
    own doing is its agent (right before the verb, or between the verb and the noun); `verbs`
    are `_verbs_before(document, trigger)`."""
    for cue in verbs:
        before_verb = 0 <= cue.start - actor.end <= ANNOUNCE_GAP
        right_after = trigger.start - cue.end <= ANNOUNCE_GAP
        if before_verb and right_after:
            return True
    return actor.end <= trigger.start and any(cue.end <= actor.start for cue in verbs) \
        and _only_dates_between(document, actor.end, trigger.start)


def _assertions(document: Document) -> list[Mention]:
    return derived(document, "assertions",
                   lambda: [c for c in document.of_kind("stance") if c.key == "asserts"])


SUBJECT_GAP = ' "«\u201c'  # what may stand between a subject and its verb
PATIENT_KEYS = ("killing", "wounding")  # triggers whose subject suffers ("جنديان قتلا")


LAUNCH_GAP = 50  # characters from a launching verb's subject to its strike (a day between)


def _subject_before_verb(document: Document, actor: ActorRef, trigger: Mention) -> bool:
    """"القوات الجوية "استهدفت ودمرت 12 هدفا"": a force right before a verb of acting on
    others is its subject (not before a passive of suffering: "جنديان قتلا"), as is one
    before a verb of launching the trigger ("طيران العدوان يشنّ سلسلة غارات")."""
    if actor.category not in ("state", "armed", "external") or trigger.key in PATIENT_KEYS \
            or not 0 <= trigger.start - actor.end <= LAUNCH_GAP:
        return False
    # (an adjective or a place may end the subject, a day and a word like "سلسلة" follow the
    # verb: "المقاومة في طولكرم تفجّر عبوة ناسفة")
    gap = document.text[actor.end : trigger.start]
    undated = gap
    for day in starting_in(document, "date", actor.end, trigger.start):
        undated = undated.replace(day.text, " ")
    between = fold(undated).split()
    if any(word in _patterns(document).launching for word in between[:3]):
        return len(between) <= 4
    if len(gap) > 2 or gap.strip(SUBJECT_GAP):
        return False
    # a verb agreeing with a force ("قصفت", "يستهدف", "استهدف"), not a noun ("تفريق الشرطة
    # احتجاجاً")
    word = fold(trigger.text).split()[0] if trigger.text else ""
    verbs = _patterns(document).acting_verbs
    if word in verbs or (word[:1] in ("و", "ف") and word[1:] in verbs):
        return True
    feminine_past = word.endswith("ت") and not word.endswith("ات") and not word.startswith("ال")
    plural_past = word.endswith("وا") and not word.startswith("ال")  # "هاجموا", "شنوا"
    return len(word) > 3 and (word.startswith("ي") or feminine_past or plural_past)


def _verb_subject(document: Document, candidate: Candidate, actor: ActorRef | None) -> bool:
    """The actor is the subject of a verb of the clause other than, and before, its trigger."""
    if actor is None:
        return False
    clause, trigger = candidate.clause, candidate.trigger
    return any(_subject_before_verb(document, actor, verb)
               for verb in starting_in(document, "trigger", clause.start, trigger.start))


def _unit_of(document: Document, actor: ActorRef, trigger: Mention) -> bool:
    """"اعتقلت دورية تابعة للمخابرات": the unit right after an arrest verb is its subject,
    and the force it belongs to made the arrest."""
    if not 0 < actor.start - trigger.end <= 30:
        return False
    return bool(_patterns(document).unit_of.match(fold(document.text[trigger.end : actor.start])))


ACCUSATION_REACH = 200


def _accusation(document: Document, actors: list[ActorRef], trigger: Mention
                ) -> tuple[ActorRef | None, ActorRef | None]:
    """"اتهم الحشد الشعبي التحالف الدولي بشن غارة": the accuser, then the accused, between an
    accusation verb and the trigger; the accused is the agent."""
    sentence = document.sentences[document.sentence_index(trigger.start)]
    for cue in starting_in(document, "cue", sentence.start, trigger.start):
        if cue.key != "accusation" or not fold(cue.text).lstrip("و").startswith(
                ("اتهم", "يتهم", "تتهم")):
            continue
        if not 0 < trigger.start - cue.end <= ACCUSATION_REACH:
            continue
        between = [a for a in actors if cue.end <= a.start and a.end <= trigger.start]
        if len(between) >= 2 and not _same(between[0], between[1]):
            return between[0], between[1]
    return None, None


def _only_dates_between(document: Document, start: int, end: int) -> bool:
    """Nothing but punctuation and dates between two offsets ("الشباب، أمس الاثنين، السيطرة")."""
    text = document.text[start:end]
    for date_mention in document.of_kind("date"):
        if start <= date_mention.start and date_mention.end <= end:
            text = text.replace(date_mention.text, " ")
    return not text.strip(" ،,\n\t")


MARK_REACH = 25  # characters before an actor searched for the words that mark its role
FIRST_WORD_REACH = 12  # characters of an actor's first word looked at


class _Marks:
    """What the words before an actor make of it: the agent of a passive, a mediator, a
    target (each pattern searched when first asked, once per document and actor start), and
    a victim (once per actor span)."""

    __slots__ = ("_agent", "_before", "_first_word", "_mediator", "_patterns", "_target",
                 "coalition",
                 "commenter", "loyal", "member", "partner", "victims")

    def __init__(self, document: Document, start: int) -> None:
        self._before = fold(document.text[max(0, start - MARK_REACH) : start])
        self._first_word = fold(document.text[start : start + FIRST_WORD_REACH].split(" ", 1)[0])
        self._patterns = _patterns(document)
        self._agent: bool | None = None
        self._mediator: bool | None = None
        self._target: bool | None = None
        # the characters from each word group's nearest word ending before the actor to it
        gap: dict[str, int] = {}
        for word in starting_in(document, "word", start - MARK_REACH, start):
            if 0 <= start - word.end < gap.get(word.key, MARK_REACH + 1):
                gap[word.key] = start - word.end
        far = MARK_REACH + 1
        # "قيادياً سابقاً في فصائل المعارضة": the group named as a person's (a quotation mark
        # may stand between: "في صفوف "الجيش الوطني"")
        self.member = gap.get("member_of", far) <= 2
        # "فرقة الحمزة المنضوية في صفوف الجيش الوطني": the coalition a faction belongs to
        self.coalition = gap.get("coalition_of", far) <= 2
        # (a proclitic may stand between: "موالٍ لطالبان", "بتأييده لحركة طالبان")
        self.loyal = gap.get("loyal_to", far) <= 2
        # "بالتنسيق مع الحكومة": a side that acted with the one acting
        self.partner = gap.get("partner_of", far) <= 1
        # "أدانت الأمم المتحدة الهجوم": who reacts to the happening
        self.commenter = gap.get("reaction", far) <= 1
        self.victims: dict[int, bool] = {}  # by the actor's end

    def _once(self, slot: str, pattern: re.Pattern[str]) -> bool:
        found = getattr(self, slot)
        if found is None:
            found = bool(pattern.search(self._before))
            setattr(self, slot, found)
        return found

    @property
    def agent(self) -> bool:
        if self._agent is None and self._after_targeting_verb():
            self._agent = True  # "استهدفت طائرات التحالف رتلاً": the subject
        return self._once("_agent", self._patterns.agent)

    def _after_targeting_verb(self) -> bool:
        return self._first_word in self._patterns.platforms \
            and bool(self._patterns.targeting_verb.search(self._before))

    @property
    def mediator(self) -> bool:
        return self._once("_mediator", self._patterns.mediator)

    @property
    def target(self) -> bool:
        if self._target is None and self._after_targeting_verb():
            self._target = False
        return self._once("_target", self._patterns.target)


def _marks(document: Document, actor: ActorRef) -> _Marks:
    table: dict[int, _Marks] | None = document.derived.get(_MARKS)
    if table is None:
        table = document.derived[_MARKS] = {}
    marks = table.get(actor.start)
    if marks is None:
        marks = table[actor.start] = _Marks(document, actor.start)
    return marks


_MARKS = object()  # the `derived` key of each actor start's _Marks


def _is_victim(document: Document, actor: ActorRef, victim_verbs: frozenset[str]) -> bool:
    """`_victim`, once per document and actor span (the victim verbs are the resources')."""
    return _marked_victim(document, actor, _marks(document, actor), victim_verbs)


def _marked_victim(document: Document, actor: ActorRef, marks: _Marks,
                   victim_verbs: frozenset[str]) -> bool:
    """`_is_victim`, with the actor's marks given."""
    victim = marks.victims.get(actor.end)
    if victim is None:
        victim = marks.victims[actor.end] = _victim(document, actor, marks, victim_verbs)
    return victim


def _feminine_verb(trigger: Mention) -> bool:
    """"اعتقلت", "اختطفت": a past verb whose subject, a plural force, may follow it."""
    word = fold(trigger.text).split()[0] if trigger.text else ""
    return len(word) > 3 and word.endswith("ت") and not word.startswith("ال")


def _patient_noun(candidate: Candidate) -> bool:
    return candidate.trigger.key in PATIENT_KEYS


OBJECT_REACH = 30  # characters from a subject to the person its verb acted on


def _object_follows(document: Document, actor: ActorRef) -> bool:
    """"قتل مسلحون مجهولون مساء الثلاثاء قيادياً": a force followed by a person in the
    accusative is the verb's subject, not the one it was done to ("قُتل مسلحون")."""
    if actor.category not in ("armed", "state", "external"):
        return False
    return any(w.key in ("person_singular", "member_of")
               and fold(w.text).split()[0].endswith("ا")
               for w in starting_in(document, "word", actor.end, actor.end + OBJECT_REACH))


def _right_after(document: Document, position: int, actor: ActorRef) -> bool:
    """The actor opens the genitive of the word ending at `position` (a number may come
    between: اعتقال خمسة مسلحين)."""
    if not 0 <= actor.start - position <= 25:
        return False
    between = document.text[position : actor.start].split()
    numbers = {n.text for n in document.of_kind("number") if position <= n.start < actor.start}
    return all(word in numbers or word in _GENITIVE_FILLERS for word in between)


_GENITIVE_FILLERS = {
    "على", "الأقل", "نحو", "قرابة", "حوالي", "أكثر", "من", "عدد", "عشرات", "العشرات",
}


def _nearest(pool: list[ActorRef], position: int) -> ActorRef | None:
    if not pool:
        return None
    return min(pool, key=lambda a: (a.start < position, abs(a.start - position)))


def _same(left: ActorRef, right: ActorRef | None) -> bool:
    if right is None or left.actor is None or right.actor is None:
        return False
    return left.actor.id == right.actor.id


def _generic(document: Document, candidate: Candidate, resources: Resources, template: str,
             category: str, at: int) -> ActorRef | None:
    """The event's country's generic actor of a template ("Police Forces of Iraq"), named by
    no words of the text (its span is empty, at `at`)."""
    actor = template_actor(template, _actor_country(document, candidate, resources), resources)
    return ActorRef(actor, "", at, at, category=category) if actor is not None else None


def force_against_crowd(document: Document, candidate: Candidate, resources: Resources) -> None:
    """Excessive force is coded with the force's user as actor1 and the protesters as actor2
    (by default the police of the event's country)."""
    crowd, other = candidate.actor1, candidate.actor2
    if other is not None and other.category == "crowd" and (
            crowd is None or (crowd.surface == "" and crowd.actor is not None
                              and crowd.actor.template == "unidentified_armed_group")):
        crowd, other = other, None  # protesters shot, no shooter named: the police's force
    if crowd is not None and crowd.category == "state" and other is None:
        # "قتل متظاهران عندما أطلقت قوات الأمن الرصاص": the force named, its crowd not
        candidate.actor2 = _generic(document, candidate, resources, "protesters", "crowd",
                                    crowd.start)
        return
    if crowd is None or crowd.category != "crowd":
        return
    if other is None or other.category == "crowd":
        other = _generic(document, candidate, resources, "police", "state", crowd.start)
    candidate.actor1, candidate.actor2 = other, crowd


def rioters_facing(document: Document, candidate: Candidate, resources: Resources) -> None:
    """A crowd that fought state forces is coded as rioters (actor1, the group it stood for
    associated) facing those forces (actor2)."""
    first, second = candidate.actor1, candidate.actor2
    crowd, force = (first, second) if first is not None and first.category == "crowd" \
        else (second, first)
    if crowd is None or crowd.category != "crowd":
        return
    candidate.family = "riot"
    candidate.actor1 = _crowd(candidate, crowd, _actor_country(document, candidate, resources),
                              resources)
    candidate.actor2 = force


# Violence against civilians: ACLED codes its target as civilians even when the text names
# none ("هاجم مستوطنون أراضي قرية ترمسعيا", "قتل مسلحون ثلاثة أشخاص").
AGAINST_CIVILIANS = frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"})


def civilians_targeted(document: Document, candidate: Candidate, resources: Resources) -> None:
    """An attack on civilians with no target named has the civilians of its country."""
    if candidate.actor2 is not None or candidate.sub not in AGAINST_CIVILIANS:
        return
    candidate.actor2 = _generic(document, candidate, resources, "civilians", "civilian",
                                candidate.trigger.start)


def disrupter_first(document: Document, candidate: Candidate, resources: Resources) -> None:
    """A bomb defused or a missile intercepted is coded with the force that stopped it as
    actor1 and the side whose weapon it was as actor2 (by default the country's military)."""
    first, second = candidate.actor1, candidate.actor2
    if first is not None and first.category in ("state", "external"):
        return
    if second is not None and _named_by_weapon(document, second):
        return  # "أسقطت المقاومة مسيّرة إسرائيلية": the drone's side is the one stopped
    if second is not None and second.category in ("state", "external"):
        candidate.actor1, candidate.actor2 = second, first
        return
    military = _generic(document, candidate, resources, "military", "state",
                        candidate.trigger.start)
    if military is not None:
        candidate.actor1, candidate.actor2 = military, first


WEAPON_MODIFIERS = ("air", "artillery")


def _named_by_weapon(document: Document, actor: ActorRef) -> bool:
    """An actor written as its weapon ("مسيّرة إسرائيلية", "صاروخ حوثي")."""
    return any(m.key in WEAPON_MODIFIERS
               for m in starting_in(document, "modifier", actor.start, actor.end))
