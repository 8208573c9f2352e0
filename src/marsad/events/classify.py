"""The sub-event type of a candidate, refined by the words around its trigger and its actors."""

from __future__ import annotations

from marsad.document import Document, Mention, Span
from marsad.events.index import starting_in
from marsad.events.model import AIR_RAID_KEYS, Candidate
from marsad.kb.gazetteer import Gazetteer
from marsad.text.normalise import fold

STATE_LIKE = ("state", "external")
TERRITORY_OBJECT_GAP = 45  # characters from "سيطر/استعاد" to the town taken


SUPPORT_GAP = 3  # characters from "بدعم من" to the weapon that only supported the deed


def modifiers_near(document: Document, clause: Span) -> set[str]:
    """The weapons and kinds named in a clause, but not those that only supported what was
    done ("حملة مداهمات بدعم من مروحيات الأباتشي" is a ground raid)."""
    support = [w.end for w in starting_in(document, "word", clause.start, clause.end)
               if w.key == "partner_of"]
    return {m.key for m in starting_in(document, "modifier", clause.start, clause.end)
            if not any(0 <= m.start - end <= SUPPORT_GAP for end in support)}


def classify(document: Document, candidate: Candidate) -> bool:
    """Set `candidate.sub` from its family, modifiers in its clause and its actors; False
    when the candidate turns out not to be an event of its family."""
    if candidate.family == "none":
        return False
    scope = candidate.segment or candidate.clause  # a repeated verb's own stretch of text
    mods = modifiers_near(document, scope)
    if "intercept" in mods and _others_interception(document, candidate, scope):
        mods.discard("intercept")
    elif any(m.key == "intercept" and 0 <= candidate.trigger.start - m.end <= 1
             for m in starting_in(document, "modifier", candidate.trigger.start - WEAPON_GAP,
                                  candidate.trigger.start)):
        mods.add("intercept")  # "واعتراض صاروخ": the weapon its stretch starts with
    agent = candidate.actor1
    if agent is not None and any(m.key == "air" for m in starting_in(
            document, "modifier", agent.start, agent.end)):
        mods.add("air_agent")  # "الطيران الإسرائيلي قصف بالصواريخ": aircraft fired them
    if candidate.family == "territory" and not _town_taken(document.text, candidate):
        return False
    refine = _REFINERS.get(candidate.family)
    if refine is None:
        return True
    sub = refine(candidate, mods, _clause_words(document, scope))
    if sub is None:
        return False
    if sub == "Shelling/artillery/missile attack" and "anti_armour" in mods and "air" not in mods:
        sub = "Armed clash"  # rockets fired at tanks at close range: a fight, not a shelling
    candidate.sub = sub
    return True


WEAPON_GAP = 12  # characters from "واعتراض" to the weapon intercepted


def joined_interception(document: Document, interception: Mention) -> bool:
    """"... على صامطة واعتراض صاروخ باتجاه جازان": an interception joined by "و" to what the
    clause told before, and followed by a weapon of its own, is a happening of its own."""
    joined = document.text[max(0, interception.start - 2) : interception.start] in (" و", "\nو")
    return joined and bool(starting_in(document, "trigger", interception.end,
                                       interception.end + WEAPON_GAP))


def _others_interception(document: Document, candidate: Candidate, scope: Span) -> bool:
    """Every interception the clause tells comes after the trigger, as one of its own."""
    interceptions = [m for m in starting_in(document, "modifier", scope.start, scope.end)
                     if m.key == "intercept"]
    return all(m.start >= candidate.trigger.end and joined_interception(document, m)
               for m in interceptions)


def _town_taken(text: str, candidate: Candidate) -> bool:
    """What was taken follows the verb ("استعادة رواتب الموظفين" is no town), right after it
    or after the "على" that follows a long subject ("سيطر متمردون مرتبطون بتنظيم ... على
    ميناء مدينة X")."""
    place = candidate.place
    if place is None or not candidate.place_in_clause:
        return False
    gap = place.start - candidate.trigger.end
    if 0 <= gap <= TERRITORY_OBJECT_GAP:
        return True
    between = text[candidate.trigger.end : place.start]
    ala = between.rfind(" على ")
    return 0 <= gap <= 2 * TERRITORY_OBJECT_GAP and ala >= 0 and (
        len(between) - ala <= TERRITORY_OBJECT_GAP // 2)


def _clause_words(document: Document, clause: Span) -> set[str]:
    return {w.key for w in starting_in(document, "word", clause.start, clause.end)}


def _weapon(mods: set[str], default: str) -> str:
    if "suicide" in mods:
        return "Suicide bomb"
    if "chemical" in mods:
        return "Chemical weapon"
    if "intercept" in mods and ("air" in mods or "artillery" in mods):
        return "Disrupted weapons use"
    if "air" in mods:
        return "Air/drone strike"
    if "grenade" in mods:
        return "Grenade"
    if "ied" in mods:
        return "Remote explosive/landmine/IED"
    if "artillery" in mods:
        return "Shelling/artillery/missile attack"
    return default


def _strike(candidate: Candidate, mods: set[str], words: set[str]) -> str | None:
    default = candidate.sub
    if "chemical" in mods:
        return "Chemical weapon"
    if candidate.trigger.key == "shelling" and "air" in mods and (
            "artillery" not in mods or "air_agent" in mods):
        default = "Air/drone strike"
    if "intercept" in mods:
        return "Disrupted weapons use"
    if candidate.trigger.key in AIR_RAID_KEYS:
        return "Air/drone strike"
    return default


DETONATED = ("فجر", "وفجر", "ففجر", "انفجر", "وانفجر", "فانفجر")


def _explosion(candidate: Candidate, mods: set[str], words: set[str]) -> str:
    if candidate.trigger.key in ("suicide", "grenade", "chemical"):
        return candidate.sub
    if "suicide" in mods and fold(candidate.trigger.text).startswith(DETONATED):
        return "Suicide bomb"  # "انتحاري ... فجرها عندما اعترضت طريقه نقطة تفتيش": it went off
    if "intercept" in mods:
        return "Disrupted weapons use"
    return _weapon(mods - {"air", "artillery"}, candidate.sub)


def _attack(candidate: Candidate, mods: set[str], words: set[str]) -> str:
    weapon = _weapon(mods, "")
    if weapon:
        return weapon
    actor1 = candidate.actor1.category if candidate.actor1 else None
    if candidate.actor1 is not None and candidate.actor1.surface == "" and not _plural_verb(
            candidate.trigger.text):
        actor1 = None  # a default "unidentified armed group": the text names no one (but
        # "بعد أن قتلوا متظاهراً": the verb's "they" are the gunmen told before)
    actor2 = candidate.actor2.category if candidate.actor2 else None
    if candidate.actor2 and candidate.actor2.actor and candidate.actor2.actor.kind == "government":
        actor2 = "civilian"  # officials and politicians attacked are civilians to ACLED
    if actor2 is None and actor1 == "state" and "crowd" in words and "fought_out" not in words:
        actor2 = "crowd"  # "أطلقت قوات الأمن الرصاص الحي على محتجين": a crowd no actor names
    if actor2 == "crowd" and actor1 in (None, "state"):
        if "fought_out" in words and "killed" not in words:
            candidate.family = "riot"  # "الجرحى في مواجهات بين محتجين وقوى الأمن"
            return "Violent demonstration"
        # protesters shot by the security forces (or by unnamed gunmen among them)
        candidate.family = "protest"
        return "Excessive force against protesters"
    if actor2 in ("state", "armed", "external") and actor1 in ("armed", "state", "external"):
        return "Armed clash"
    if actor2 in ("state", "external") and candidate.trigger.key in ("attack", "raid"):
        return "Armed clash"
    return "Attack"


def _plural_verb(text: str) -> bool:
    word = fold(text).split()[0] if text else ""
    return word.endswith("وا")


def _clash(candidate: Candidate, mods: set[str], words: set[str]) -> str:
    """Fighting whose other side is civilians is an attack on them, not a battle."""
    weapon = _weapon(mods - {"artillery"}, "")
    if weapon in ("Suicide bomb", "Remote explosive/landmine/IED", "Air/drone strike"):
        return weapon
    if candidate.actor2 is not None and candidate.actor2.category == "civilian":
        return "Attack"
    return candidate.sub


def _protest(candidate: Candidate, mods: set[str], words: set[str]) -> str:
    if "lethal_force" in mods or "killed" in words:
        return "Excessive force against protesters"
    if "violence_by_crowd" in mods and "peaceful" not in mods:
        return "Violent demonstration"
    if "intervention" in mods or "arrested" in words:
        return "Protest with intervention"
    return "Peaceful protest"


def _riot(candidate: Candidate, mods: set[str], words: set[str]) -> str:
    """A crowd that attacks people (a sit-in, a manager), not the police or buildings, is a mob."""
    second = candidate.actor2.category if candidate.actor2 else None
    if candidate.sub == "Violent demonstration" and second in ("civilian", "crowd"):
        return "Mob violence"
    return candidate.sub


def _territory(candidate: Candidate, mods: set[str], words: set[str]) -> str | None:
    """Only armed actors take territory; a crowd retaking a building is not a territory event."""
    actor1 = candidate.actor1.category if candidate.actor1 else None
    if not candidate.place_in_clause or candidate.place is None:
        return None  # territory is a named town or area, not "the building"
    if actor1 in STATE_LIKE:
        return "Government regains territory"
    if actor1 == "armed":
        return "Non-state actor overtakes territory"
    return None


_INTERCEPTION = ("اعترض", "اعتراض", "اسقط", "اسقاط", "تصدت", "تصدي")
_DEFUSING = ("تفكيك", "فكك")


def _disrupted(candidate: Candidate, mods: set[str], words: set[str]) -> str | None:
    """Intercepting or downing needs a projectile ("اعترضوا الشمري" stopped a man)."""
    word = fold(candidate.trigger.text).split()[0] if candidate.trigger.text else ""
    word = word.lstrip("وف")
    if word.startswith(_INTERCEPTION) and not {"air", "artillery"} & mods:
        return None
    if word.startswith(_DEFUSING) and "ied" not in mods:
        return None  # "تفكيك خلية إرهابية" dismantles a cell (arrests), not a bomb
    return candidate.sub


def _transfer(candidate: Candidate, mods: set[str], words: set[str]) -> str | None:
    """A withdrawal with no side named ("بعد انسحاب"): no handover the text tells."""
    if candidate.actor1 is None and candidate.actor2 is None:
        return None
    return candidate.sub


_REFINERS = {
    "transfer": _transfer,
    "disrupted": _disrupted,
    "clash": _clash,
    "strike": _strike,
    "explosion": _explosion,
    "attack": _attack,
    "protest": _protest,
    "riot": _riot,
    "territory": _territory,
}


def battle_or_attack(candidate: Candidate) -> str:
    """After merging, a fight whose other side is civilians is an attack on them, and an
    attack whose two sides are armed is a battle."""
    second = candidate.actor2
    first = candidate.actor1.category if candidate.actor1 else None
    if second is not None and second.category == "crowd" and first == "state":
        # no battle with a crowd: deadly repression, else a riot the police faced ("ورشقوا
        # عناصر قوى الأمن بالحجارة ... فيما ردت القوى الأمنية بالغاز المسيل للدموع")
        if candidate.fatalities:
            return "Excessive force against protesters"
        if candidate.sub in ("Armed clash", "Attack"):
            return "Violent demonstration"
    if second is not None and (second.category == "civilian" or (
            second.actor is not None and second.actor.kind == "government")):
        return "Attack"
    if second is not None and second.category in ("state", "armed", "external") and first in (
            "state", "armed", "external"):
        return "Armed clash"
    return candidate.sub


TAKEOVERS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def takeover_by(candidate: Candidate, gazetteer: Gazetteer) -> str:
    """After merging, who took the territory decides the type: the country's own forces
    regain it; an armed group, or a foreign state's forces, overtake it."""
    first = candidate.actor1.category if candidate.actor1 else None
    if first in STATE_LIKE:
        assert candidate.actor1 is not None
        own = candidate.actor1.actor.country if candidate.actor1.actor else None
        country = gazetteer.country(own) if own else None
        where = candidate.place.place.country_code if candidate.place else None
        if country is not None and where is not None and country.code != where:
            return "Non-state actor overtakes territory"  # Turkish forces taking Afrin
        return "Government regains territory"
    if first == "armed":
        return "Non-state actor overtakes territory"
    return candidate.sub
