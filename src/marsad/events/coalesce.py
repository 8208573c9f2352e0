"""One event per happening: candidates that report the same day, place and actors merge.

ACLED's unit is one record per day of activity, per place, per pair of actors. Mentions of
the same happening across the headline, the lead and the body merge into the first; a
later mention adds evidence, figures and claims. Casualty-only mentions ("three were
killed") join the violent event they belong to.
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta

from marsad.events.classify import TAKEOVERS
from marsad.events.model import ActorRef, Candidate, DateRange, PlaceRef
from marsad.kb.gazetteer import distance_km
from marsad.record import event_type_of
from marsad.resolve.places import PRECISE_KINDS, detail, unlisted

# More specific sub-event types win when two codings of one happening merge.
SPECIFICITY = (
    "Suicide bomb", "Chemical weapon", "Air/drone strike", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Excessive force against protesters",
    "Violent demonstration", "Mob violence", "Protest with intervention", "Peaceful protest",
    "Government regains territory", "Non-state actor overtakes territory", "Armed clash",
    "Abduction/forced disappearance", "Sexual violence", "Attack", "Disrupted weapons use",
    "Arrests", "Agreement", "Non-violent transfer of territory",
    "Headquarters or base established", "Looting/property destruction",
    "Change to group/activity", "Other",
)
# What a killing attack is not retyped to when the same raid also took hostages or raped.
LESSER_THAN_KILLING = ("Abduction/forced disappearance", "Sexual violence")
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
CROWD_TYPES = {"Protests", "Riots"}


def coalesce(candidates: list[Candidate]) -> list[Candidate]:
    merged: list[Candidate] = []
    # the stretches of a clause that repeats its verb ("قصف ... وقصف ...") each event holds:
    # two of them are two happenings, whichever event they would otherwise join
    stretches: dict[int, set[tuple[int, int, str]]] = {}
    for candidate in candidates:
        own = _stretch(candidate)
        targets = [m for m in merged if _same_happening(m, candidate)
                   and not _sibling_held(stretches.get(id(m), set()), own)]
        # the happening told at the same place first ("يصد هجوماً على جيبو" and the body's
        # account of the Djibo fighting), else the first one told
        target = next((m for m in targets if _same_place(m, candidate)),
                      targets[0] if targets else None)
        if target is None:
            if candidate.anchored:
                merged.append(candidate)  # an unanchored mention only adds to a known event
                stretches[id(candidate)] = {own} if own else set()
        else:
            _absorb(target, candidate)
            if own:
                stretches.setdefault(id(target), set()).add(own)
    return merged


def _same_place(left: Candidate, right: Candidate) -> bool:
    """Both name the place, the same one or one inside the other ("مديرية صرواح", "صرواح")."""
    if not (left.place_in_clause and right.place_in_clause and left.place and right.place):
        return False
    a, b = left.place.place, right.place.place
    return a.id == b.id or _contains(a, b) or _contains(b, a)


def _stretch(candidate: Candidate) -> tuple[int, int, str] | None:
    """Where a stretch of a repeated verb stands, with the place it names."""
    if candidate.segment is None or not candidate.place_in_clause or candidate.place is None:
        return None
    return (candidate.sentence, candidate.segment.start, candidate.place.place.id)


def _sibling_held(held: set[tuple[int, int, str]], own: tuple[int, int, str] | None) -> bool:
    return own is not None and any(s == own[0] and start != own[1] and place != own[2]
                                   for s, start, place in held)


def _compatible_types(left: Candidate, right: Candidate) -> bool:
    a, b = event_type_of(left.sub), event_type_of(right.sub)
    subs = {left.sub, right.sub}
    if "Non-violent transfer of territory" in subs and subs & TAKEOVERS:
        return True  # "the army withdrew from the town" as the group took it
    if (left.strength == right.strength == "strong" and {left.family, right.family} == {
            "strike", "explosion"} and "Chemical weapon" not in subs):
        return False  # a bomb on a road and an air raid are two happenings, each told as such
    if "sexual" in {left.family, right.family} and "weak" in {left.strength, right.strength}:
        return False  # rapes reported by a clinic are not the killings told in the lead
    if a == b == "Strategic developments":
        return left.sub == right.sub  # an agreement and an interception are two happenings
    if subs == {"Attack", "Excessive force against protesters"} and _shot_by_the_state(
            left if left.sub == "Attack" else right):
        return True  # "قتيلان برصاص الأمن" and the protesters the police shot: one killing
    if a == b:
        return True
    if any(c.strength == "weak" and c.subordinate for c in (left, right)) and (
            {a, b} & CROWD_TYPES):
        return False  # "angry at the killing of two protesters": the killing came before
    if (left.strength == "weak" or right.strength == "weak") and (
        {a, b} <= VIOLENT_TYPES | CROWD_TYPES
    ):
        return True  # "25 killed in Nasiriyah" is the deaths of the protest told below
    if a in VIOLENT_TYPES and b in VIOLENT_TYPES:
        # (a kidnapping is never a fight's retelling: "اقتاد مسلحون ثلاثة من جامعي الحطب")
        return left.strength == "weak" or right.strength == "weak" or ({a, b} == {
            "Battles", "Violence against civilians"} and not subs & CAPTIVE_SUBS) \
            or _targeting_told_again(left, right)
    if a in CROWD_TYPES and b in CROWD_TYPES:
        # a crowd's rioting and the force used on a crowd, each told with its own verb,
        # are coded apart (rioters burn a building; the police killed a sit-in's protester)
        return not ({left.sub, right.sub} == {"Violent demonstration",
                                               "Excessive force against protesters"}
                    and left.strength == right.strength == "strong")
    # Looting and burning by rioters belong to the riot.
    return bool({a, b} & CROWD_TYPES) and "Looting/property destruction" in subs


CAPTIVE_SUBS = frozenset({"Abduction/forced disappearance", "Sexual violence"})


def _shot_by_the_state(attack: Candidate) -> bool:
    """An attack by state forces on no one named (not the killing of a named victim that
    angered a crowd)."""
    return attack.actor1 is not None and attack.actor1.category == "state" \
        and attack.actor2 is None


def _targeting_told_again(earlier: Candidate, later: Candidate) -> bool:
    """"تفجير مسجد قوة الطوارئ ... وحادثة استهداف قوات الطوارئ": a bombing or strike told
    again later with the generic word of an attack is the same happening."""
    # (by the earlier one's type: a suicide bombing told first as "استهدفت" has the family of
    # an attack)
    return (event_type_of(earlier.sub) == "Explosions/Remote violence"
            and later.family in ("attack", "clash")
            and later.trigger.key == "attack" and later.sentence > earlier.sentence
            and _same_target(earlier, later))


def _same_target(left: Candidate, right: Candidate) -> bool:
    """No target named apart: in a round-up "هجوم لداعش على الحشد" is no retelling of a bomb
    on an army patrol."""
    a, b = left.actor2, right.actor2
    return a is None or b is None or a.actor is None or b.actor is None \
        or a.actor.id == b.actor.id


def _same_happening(left: Candidate, right: Candidate) -> bool:
    if left.headline and right.headline and left.sentence != right.sentence \
            and left.strength == right.strength == "strong":
        return False  # "24 قتيلاً في هجوم على كنيسة.. والجيش يصد هجوماً على جيبو": two items
    if not _compatible_types(left, right) or _two_hands(left, right) \
            or _air_and_ground(left, right):
        return False
    if _told_apart(left, right):
        return False
    # A date taken from the lead or the report is only a guess: allow it a day either side.
    slack = 1 if left.date_inherited or right.date_inherited else 0
    if left.date_bound != right.date_bound:
        bound, other = (left, right) if left.date_bound else (right, left)
        # a headline's date is the report's: what it tells happened by the statement's day
        lag = (HEADLINE_SLACK_DAYS if other.headline else 1) if other.date_inherited else 0
        if not _before_statement(other.date, bound.date, lag):
            return False
    elif not (_dates_overlap(left.date, right.date, slack) or _headline_day(left, right)):
        return False
    # Actors do not veto a merge inside one article: a clause's reading of who acted is too
    # noisy (the group claiming an attack, the forces reporting it). Across articles the
    # store's merge applies merge.md's actor rule.
    if _elsewhere(left, right):
        return False
    if not (left.place_in_clause and right.place_in_clause and left.place and right.place):
        return True
    if left.sub == right.sub == "Agreement":
        return True  # one accord told again: signed in one town, about another
    # a casualty-only mention with a town of its own joins only an event at that town
    loose = "weak" not in (left.strength, right.strength)
    if loose and (_two_towns(left, right) or _own_towns(left, right)):
        return False
    return _places_compatible(left.place, right.place, loose)


REMOTE_SUBS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def _air_and_ground(left: Candidate, right: Candidate) -> bool:
    """A raid on one named place and shelling of another, each told in its own sentence,
    are two happenings however near the places ("غارة على بيت لاهيا", "قصف مدفعي يطال مخيم
    جباليا")."""
    if {left.sub, right.sub} != REMOTE_SUBS or left.sentence == right.sentence \
            or "weak" in (left.strength, right.strength):
        return False
    return bool(left.place_in_clause and right.place_in_clause and left.place and right.place
                and not _same_place(left, right))


def _told_apart(left: Candidate, right: Candidate) -> bool:
    """"وفي حادث منفصل، خطف مسلحون": not the happening the body told before, nor the one
    the headline told and the lead went on with (a headline item of its own may be this one:
    "مقتل ثلاثة جنود بانفجار عبوة ... وخطف إمام")."""
    if left.sentence == right.sentence:
        return False
    earlier, later = (left, right) if left.sentence < right.sentence else (right, left)
    if not later.separate or later.sentence in earlier.sentences:
        return False  # (another reading of the incident's own sentence joins it)
    return not (earlier.headline and len(earlier.sentences) <= 1)


def _elsewhere(left: Candidate, right: Candidate) -> bool:
    """"وفي محافظة مأرب، شن طيران التحالف غارات على صرواح": a happening in a sentence that
    moves the report to a place of its own is not one told earlier far from that place."""
    if not (left.place and right.place and left.anchored and right.anchored
            and left.strength == right.strength == "strong"):
        return False
    earlier, later = (left, right) if left.sentence < right.sentence else (right, left)
    if later.opening is None or earlier.sentence == later.sentence:
        return False
    assert earlier.place is not None
    return not _places_compatible(later.opening, earlier.place)


TOWN_KM = 8.0  # two towns each named for its own strike are two places beyond this


def _two_towns(left: Candidate, right: Candidate) -> bool:
    """"قصف شرق مخيم البريج" and "قصف شرق الزيتون": strikes told apart at two named towns; so
    are a town taken and fighting in the next district ("وفي مديرية جرم المجاورة")."""
    if not (left.anchored and right.anchored and (
            left.family == right.family == "strike"
            or (left.sub in TAKEOVERS) != (right.sub in TAKEOVERS))):
        return False
    assert left.place and right.place
    a, b = left.place.place, right.place.place
    if left.family == right.family == "strike" and a.kind == b.kind == "admin2" \
            and a.id != b.id:
        return True  # raids on two districts ("مديرية سحار", "مديرية حيدان") are two
    if a.id == b.id or a.kind not in PRECISE_KINDS or b.kind not in PRECISE_KINDS:
        return False
    if left.family != "strike":
        return True  # the town taken is its own place, however near the fighting's
    if unlisted(a) or unlisted(b):
        return False  # where a town the gazetteer lacks lies is unknown
    return None in (a.lat, b.lat) or distance_km(a, b) > TOWN_KM


SAME_TOWN_KM = 2.0  # a site and the town it lies in


def _own_towns(left: Candidate, right: Candidate) -> bool:
    """Happenings told each in its own sentence at its own named town or site are two when
    the places lie more than 2 km apart (south Lebanon's border villages are 2 to 5 km apart,
    inside every merge radius)."""
    if not (left.anchored and right.anchored and left.sentence != right.sentence):
        return False
    assert left.place and right.place
    a, b = left.place.place, right.place.place
    if a.id == b.id or _contains(a, b) or _contains(b, a) \
            or a.kind not in OWN_TOWN_KINDS or b.kind not in OWN_TOWN_KINDS:
        return False
    if any(c.headline and c.place and c.place.place.population >= REFERENCE_TOWN_POPULATION
           for c in (left, right)):
        return False  # "اشتباك في بعلبك": a headline may name the region's town
    return None not in (a.lat, b.lat) and distance_km(a, b) > SAME_TOWN_KM


OWN_TOWN_KINDS = ("town", "site")
REFERENCE_TOWN_POPULATION = 20_000  # (a city may be the reference point a town is told by)


ARMED_CATEGORIES = ("state", "armed", "external")


def _two_hands(left: Candidate, right: Candidate) -> bool:
    """"قصفت الميليشيات أحياء المدينة" and "شنت طائرات التحالف غارات": strikes told each in
    its own sentence with its own agent, of another kind, are two happenings; so are the
    headline's strike and an attack by the other side told in the body ("شهيدة بغارة إسرائيلية"
    and "استهدف مجاهدو المقاومة ثكنة برانيت")."""
    if not (left.strength == right.strength == "strong" and left.sentence != right.sentence
            and ((_striking(left) and _striking(right)) or _headline_strike(left, right)
                 or _headline_strike(right, left))):
        return False
    a, b = left.actor1, right.actor1
    if a is None or b is None or a.actor is None or b.actor is None:
        return False
    own = all(ref.start >= c.evidence[0].start and ref.end <= c.evidence[0].end
              for ref, c in ((a, left), (b, right)))
    return own and a.category != b.category and {a.category, b.category} <= set(
        ARMED_CATEGORIES)


def _striking(candidate: Candidate) -> bool:
    """A strike, or an attack told with its shells or missiles ("استهدفوا الثكنة بصاروخين")."""
    return candidate.family == "strike" or candidate.sub == "Shelling/artillery/missile attack"


def _headline_strike(headline: Candidate, body: Candidate) -> bool:
    return headline.headline and not body.headline and headline.family == "strike" \
        and body.family in ("attack", "explosion")


def _headline_day(left: Candidate, right: Candidate) -> bool:
    """A headline dated only by the report and a day the body names in the week before it."""
    headline, other = (left, right) if left.headline else (right, left)
    if not headline.headline or not headline.date_inherited or other.date_inherited:
        return False
    day, report = other.date, headline.date
    if day is None or report is None or None in (day.earliest, day.latest, report.earliest):
        return True
    assert day.earliest and day.latest and report.earliest
    return (day.latest - day.earliest).days <= 1 and timedelta(0) <= (
        report.earliest - day.latest) <= timedelta(days=HEADLINE_SLACK_DAYS)


STATEMENT_LAG_DAYS = 3
HEADLINE_SLACK_DAYS = 7
MONTH_DAYS = 31


def _before_statement(event: DateRange | None, statement: DateRange | None,
                      slack_days: int = 0) -> bool:
    """A date given only by the statement bounds the happening from above: it happened on
    that day or in the few days before, never after ("announced last week" is not today's)."""
    if event is None or statement is None or None in (event.earliest, statement.earliest):
        return True
    assert event.earliest and event.latest and statement.earliest and statement.latest
    lag = timedelta(days=STATEMENT_LAG_DAYS)
    slack = timedelta(days=slack_days)  # the other's date may be a guess from the lead
    return (event.earliest - slack <= statement.latest
            and event.latest >= statement.earliest - lag)


def _dates_overlap(left: DateRange | None, right: DateRange | None, slack_days: int = 0) -> bool:
    if left is None or right is None or None in (left.earliest, right.earliest):
        return True
    assert left.earliest and left.latest and right.earliest and right.latest
    slack = timedelta(days=slack_days)
    return left.earliest - slack <= right.latest and right.earliest - slack <= left.latest


NEAR_KM = 25.0


def _places_compatible(left: PlaceRef, right: PlaceRef, loose: bool = True) -> bool:
    """The same place, one inside the other, within 25 km, or the same province when one
    is only "near" or "west of" a town."""
    a, b = left.place, right.place
    if a.id == b.id or _contains(a, b) or _contains(b, a):
        return True
    if unlisted(a) != unlisted(b) and a.country_code == b.country_code \
            and (a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1):
        return True  # a town the gazetteer lacks may lie anywhere near the other place
    if None not in (a.lat, a.lon, b.lat, b.lon) and distance_km(a, b) <= NEAR_KM:
        return True
    near = left.precision >= 2 or right.precision >= 2
    return loose and near and a.admin1 is not None and a.admin1 == b.admin1


def _contains(outer, inner) -> bool:  # type: ignore[no-untyped-def]
    if outer.kind == "country":
        return inner.country_code == outer.country_code
    if outer.kind == "admin1":
        return inner.admin1_id == outer.id or inner.admin1 == outer.name
    if outer.kind == "admin2":
        return inner.admin2_id == outer.id
    return inner.parent_id == outer.id


def _absorb(target: Candidate, other: Candidate) -> None:
    crowd = {event_type_of(other.sub), event_type_of(target.sub)} <= CROWD_TYPES
    if target.sub == "Non-violent transfer of territory" and other.sub in TAKEOVERS \
            and other.actor1 is not None:
        # "the army withdrew" told first: who took the town acts, who withdrew is acted on
        target.actor2 = target.actor1 if other.actor2 is None else other.actor2
        target.actor1 = other.actor1
    passing = other.strength == "weak" and not other.anchored \
        and target.strength == "strong" and other.family != target.family
    # (a death told in passing does not retype a kidnap, nor a kidnap a killing attack)
    passing = passing or (bool(target.fatalities) and other.sub in LESSER_THAN_KILLING)
    if SPECIFICITY.index(other.sub) < SPECIFICITY.index(target.sub) and (
            other.anchored or not crowd) and not passing:
        # a protest turns violent only by a mention that stands on its own
        target.sub, target.family = other.sub, other.family
    # a place told beside a word in passing ("نزحوا من مدينة X هرباً من الاقتتال") does not
    # relocate a happening told outright
    told_in_passing = other.strength == "weak" and target.strength == "strong"
    if target.strength == "weak" and other.strength == "strong":
        target.strength = "strong"
        target.trigger = other.trigger
        if other.actor1 is not None and other.actor1.actor is not None \
                and target.family == other.family and not _named_in_clause(target.actor1, target) \
                and (target.actor1 is None or target.actor1.category != other.actor1.category):
            # a toll told first ("توفي ثلاثة من المصابين") and the raid that caused it: the
            # raid's clause names who struck (where the toll's own clause named no one, and
            # the side guessed for it is of another kind)
            target.actor1 = other.actor1
    if other.place_in_clause and not target.place_in_clause:
        target.place, target.place_in_clause = other.place, True
    elif other.place_in_clause == target.place_in_clause and not told_in_passing:
        target.place = _more_precise(target, other)
    if other.date is not None and (
        target.date is None or _date_rank(other) < _date_rank(target)
    ):
        target.date, target.date_inherited = other.date, other.date_inherited
        target.date_bound = other.date_bound
    for attribute in ("actor1", "actor2"):
        mine, theirs = getattr(target, attribute), getattr(other, attribute)
        if _better_actor(mine, theirs, attribute == "actor1") or (
                attribute == "actor1" and _misread_agent(target, theirs)):
            setattr(target, attribute, theirs)
    for attribute in ("fatalities", "injuries", "arrests", "crowd_size"):
        theirs = getattr(other, attribute)
        vague = attribute in other.vague_figures
        if getattr(target, attribute) is None or (
                theirs is not None and attribute in target.vague_figures and not vague):
            setattr(target, attribute, theirs)  # "عشرات القتلى" in the lead, "44 قتيلاً" after
            if attribute == "fatalities":
                target.dead_noun = other.dead_noun
            target.vague_figures.discard(attribute)
            if vague:
                target.vague_figures.add(attribute)
    target.claims.extend(other.claims)
    target.evidence.extend(e for e in other.evidence if e not in target.evidence)
    target.sentences |= other.sentences


def _named_in_clause(actor: ActorRef | None, candidate: Candidate) -> bool:
    return actor is not None and actor.surface != "" \
        and candidate.clause.start <= actor.start < candidate.clause.end


def _misread_agent(target: Candidate, theirs: ActorRef | None) -> bool:
    """An arrest whose agent as told so far is no state force ("اعتقال قيادي في داعش": the
    Islamic State read as the arrester too), while another report of it names one: that one
    made the arrest."""
    mine = target.actor1
    if target.family != "arrest" or mine is None or mine.actor is None or theirs is None \
            or theirs.actor is None or theirs.actor is mine.actor:
        return False
    return mine.category != "state" and theirs.category == "state"


def _better_actor(mine: ActorRef | None, theirs: ActorRef | None, first: bool) -> bool:
    """Take the other mention's actor when ours is missing or unresolved, or (for actor1)
    when it names the group where ours is only generic of the same kind."""
    if theirs is None:
        return False
    if mine is None or (mine.actor is None and theirs.actor is not None):
        return True
    if not first or mine.actor is None or theirs.actor is None:
        return False
    return (mine.actor.template is not None and theirs.actor.template is None
            and mine.category == theirs.category)


def _more_precise(target: Candidate, other: Candidate) -> PlaceRef | None:
    if target.place is None:
        return other.place
    if other.place is None:
        return target.place
    mine, theirs = target.place.surface, other.place.surface
    if mine != theirs and (mine.endswith(" " + theirs) or theirs.endswith(" " + mine)):
        # "على صرواح" and "في مديرية صرواح": the one that says what kind of place it is
        return target.place if len(mine) > len(theirs) else other.place
    for city, local in ((target.place, other.place), (other.place, target.place)):
        if _province_named(city) and local.place.kind in ("admin2", "town") \
                and local.place.admin1_id == city.place.admin1_id:
            return local  # "الحديدة" as the province, "مديرية حيس" in it
    return other.place if _detail(other.place) < _detail(target.place) else target.place


def _province_named(ref: PlaceRef) -> bool:
    """A city named as its province is ("الحديدة", "تعز"): either may be meant."""
    place = ref.place
    return place.kind in ("city", "town") and place.admin1 is not None \
        and not ref.as_settlement and _plain(place.admin1) == _plain(place.name)


def _plain(name: str) -> str:
    """A Latin name without its diacritics, article, hyphens and case."""
    letters = "".join(ch for ch in unicodedata.normalize("NFKD", name)
                      if not unicodedata.combining(ch) and ch.isalnum())
    return letters.lower().removeprefix("al")


def _detail(ref: PlaceRef) -> float:
    """How precise a place reference is: "west of Marib" is vaguer than "Sirwah district"."""
    return detail(ref.place) + (1.5 if ref.precision == 2 else 0.0)


def _date_rank(candidate: Candidate) -> tuple[int, int, int]:
    """Better dates first: a day or a night before a week before a month, a date guessed from
    the lead counting one step vaguer than the text's own, the report's day one more, a range
    longer than a month vaguer still; then the narrower range."""
    date_range = candidate.date
    assert date_range is not None
    if date_range.earliest is None or date_range.latest is None:
        return (9, 1, 0)
    span = (date_range.latest - date_range.earliest).days
    precision = date_range.precision or (1 if span <= 1 else 2 if span <= 7 else 3)
    if span > MONTH_DAYS:
        precision = 4  # "this year": vaguer than any day guessed from the report
    inherited = int(candidate.date_inherited) + int(date_range.surface is None)
    return (precision + inherited, inherited, span)


