"""From trigger mentions to candidate events: clauses, negation, modality and background.

A sentence is cut into clauses at subordinators ("after they ...", "following ..."); each
clause yields at most one candidate per event family, chosen by the most specific trigger.
Triggers governed by a negation, a threat or plan, or an accusation make no event.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from marsad.document import Document, Mention, Span, covering
from marsad.events.classify import joined_interception
from marsad.events.index import starting_in
from marsad.events.model import CROWD_FAMILIES, CROWD_KEYS, Candidate
from marsad.kb.registry import Resources
from marsad.text.normalise import fold

# Families in order of precedence when one clause holds triggers of several.
FAMILY_ORDER = (
    "protest", "riot", "mob", "explosion", "strike", "chemical", "clash", "abduction", "sexual",
    "territory", "transfer", "attack", "arrest", "disrupted", "agreement", "headquarters",
    "change", "looting", "other",
)
# Families that may stand beside the clause's main one as a separate happening.
STANDALONE = {"arrest", "abduction", "looting", "agreement", "disrupted"}
NAME_KINDS = ("actor", "force", "role", "leader", "place")
# Families whose trigger may turn out to be no event (no town taken, no projectile stopped):
# the clause's next trigger is then tried (as it is for any family whose trigger is dated
# as history: "قصف الطيران تجمعات ... وتدمير عجلات مفخخة ... سقطت في مايو الماضي").
FALLIBLE = {"territory", "transfer", "disrupted"}
SEIZURE_WINDOW = 25  # characters from "ضبط بحوزتهم" to the weapons seized
# Triggers that may name a weapon rather than its use ("أحزمة ناسفة", "قذائف").
WEAPON_TRIGGERS = {"explosion", "suicide", "grenade", "shelling", "chemical"}
NEGATION_WINDOW = 14  # characters between a negation word and the trigger
MODALITY_WINDOW = 80
DENIAL_WINDOW = 40
OPENING_REACH = 25  # characters from a clause's start to an accusation that governs all of it


def detect(document: Document, resources: Resources) -> list[Candidate]:
    candidates: list[Candidate] = []
    names = [m for kind in NAME_KINDS for m in document.of_kind(kind)]
    # "جيش تحرير بلوشستان", "حركة الجهاد": a trigger word inside a name is part of the name.
    blockers = [w for w in document.of_kind("word") if w.key == "not_after"]
    anniversaries = [w for w in document.of_kind("word") if w.key == "anniversary"]
    inside_names = covering(names)
    triggers = [t for t in document.of_kind("trigger")
                if not inside_names(t.start)
                and not any(_governs(document.text, b, t) for b in blockers)
                and not any(_remembered(document.text, a, t) for a in anniversaries)
                # "اقتاد" is an abduction only to an unknown destination
                and (t.key != "led_away" or any(
                    w.key == "destination" for w in starting_in(
                        document, "word", t.end + 1, t.end + DESTINATION_REACH + 1)))
                and (t.key != "stopping" or _people_after(document, t))
                # "تجمع العشرات من أقارب الضحايا أمام المستشفى": the bereaved, not protesters
                and (t.key != "gathering"
                     or not _word_after(document, t, "bereaved", BEREAVED_REACH))]
    text = document.text
    first_line_end = text.find("\n", len(text) - len(text.lstrip()))
    trigger_starts = [t.start for t in triggers]
    for index, sentence in enumerate(document.sentences):
        # the headline is the text's first line ("..." may split it into sentences)
        headline = 0 <= sentence.start < first_line_end
        first = bisect_left(trigger_starts, sentence.start)
        in_sentence = triggers[first : bisect_left(trigger_starts, sentence.end, lo=first)]
        if not in_sentence:
            continue
        main_found = False
        for clause, opener in _clauses(document, sentence.start, sentence.end):
            subordinate = opener in ("subordinators", "grievances")
            clause_triggers = [t for t in in_sentence if clause.start <= t.start < clause.end]
            kept = [t for t in clause_triggers if not _suppressed(document, t, clause,
                                                                  inside_names)
                    and not (index > 0 and not headline and _present_tense(t))]
            chosen = _choose(kept, resources, document, in_sentence)
            segments = _segments(chosen, kept, resources, clause, text) or _casualty_tail(
                document, chosen, kept, resources, clause)
            chosen += [t for t in kept if t.start in segments and t not in chosen]
            main_found = main_found or (bool(chosen) and not subordinate)
            # "أحبط الفريق محاولة تفجير بعد أن فكك عبوة": with no happening in the main
            # clause, the "after" clause tells the sentence's own happening (but what a crowd
            # was angry at always came before).
            subordinate = subordinate and (main_found or opener == "grievances")
            fallbacks = _fallbacks(chosen, kept, resources)
            for trigger in chosen:
                info = resources.trigger_info[trigger.key]
                candidates.append(
                    Candidate(
                        sub=info.sub,
                        family=info.family,
                        trigger=_verb_of_means(trigger, kept, resources, text),
                        sentence=index,
                        headline=headline,
                        clause=clause,
                        strength=info.strength,
                        subordinate=subordinate,
                        evidence=[Span(sentence.start, sentence.end)],
                        sentences={index},
                        segment=segments.get(trigger.start),
                        fallbacks=fallbacks if trigger is chosen[0] else [],
                    )
                )
    return candidates


def _verb_of_means(trigger: Mention, kept: list[Mention], resources: Resources, text: str
                   ) -> Mention:
    """"استهدفوا، صباح اليوم، آليةً بصاروخ موجّه": the weapon names the kind of strike, the
    verb before it stands for the happening (its date, its subject)."""
    infos = resources.trigger_info
    if infos[trigger.key].family not in ("strike", "explosion") or not _means(text, trigger):
        return trigger
    verbs = [t for t in kept if t.start < trigger.start and infos[t.key].family == "attack"
             and infos[t.key].strength == "strong"]
    return verbs[-1] if verbs else trigger


PEOPLE_REACH = 3  # characters from "إيقاف" to the people or count it stops
PEOPLE_WORDS = {"person_singular", "person_dual", "crowd"}


def _people_after(document: Document, trigger: Mention) -> bool:
    """"إيقاف أربعة عناصر", "إيقاف امرأة", "إيقاف المشتبه به": people, not a car or a war."""
    reach = trigger.end + PEOPLE_REACH
    return bool(starting_in(document, "number", trigger.end, reach)) or any(
        m.key in PEOPLE_WORDS for m in starting_in(document, "word", trigger.end, reach)) or any(
        starting_in(document, kind, trigger.end, reach) for kind in ("role", "leader", "force"))


BEREAVED_REACH = 12  # characters from "تجمع العشرات" to "من أقارب الضحايا"


def _word_after(document: Document, trigger: Mention, key: str, reach: int) -> bool:
    """A word of the lexicon group `key` starts within `reach` characters after the trigger."""
    return any(w.key == key for w in starting_in(document, "word", trigger.end,
                                                  trigger.end + reach))


BLOCKER_GAP = 12  # "وقف دائم لإطلاق النار": one word may come between


def _governs(text: str, blocker: Mention, trigger: Mention) -> bool:
    gap = trigger.start - blocker.end
    # words between, a proclitic written on the trigger not counted ("دائم ل|إطلاق")
    between = [w for w in text[blocker.end : trigger.start].split() if len(w) > 2]
    return 0 <= gap <= BLOCKER_GAP and len(between) <= 1


DESTINATION_REACH = 90  # characters from "اقتاد" to "إلى جهة مجهولة"
ANNIVERSARY_REACH = 40  # "الذكرى الأولى للتصدي للهجوم": up to three words between
ANNIVERSARY_WORDS = 3


def _remembered(text: str, anniversary: Mention, trigger: Mention) -> bool:
    gap = trigger.start - anniversary.end
    return 0 <= gap <= ANNIVERSARY_REACH \
        and len(text[anniversary.end : trigger.start].split()) <= ANNIVERSARY_WORDS


SEGMENT_MIN_GAP = 20  # characters between two uses of the verb for them to be two happenings


def _segments(chosen: list[Mention], kept: list[Mention], resources: Resources, clause: Span,
              document_text: str) -> dict[int, Span]:
    """A clause that repeats the main verb ("قصف ... وقصف ...") may tell one happening per
    place: each use of the verb gets the stretch of text up to the next one."""
    if not chosen:
        return {}
    infos = resources.trigger_info
    family = infos[chosen[0].key].family
    same = [t for t in kept if infos[t.key].family == family and infos[t.key].strength == "strong"]
    same.sort(key=lambda t: t.start)
    uses: list[Mention] = []
    means_end = -1
    for trigger in same:
        if uses and (_means(document_text, trigger) or 0 <= trigger.start - means_end <= 2):
            # "اغتال ... ضابطاً بإطلاق النار عليه": how it was done, not a second use (nor is
            # the word that goes on naming the means: "وصواريخ الكاتيوشا")
            means_end = trigger.end
            continue
        if uses and _object_of(uses[-1], trigger):
            continue  # "استعادت، الاثنين الماضي، السيطرة على": the verb's own object
        if not uses or trigger.start - uses[-1].end >= SEGMENT_MIN_GAP:
            uses.append(trigger)
    if len(uses) < 2:
        return {}
    ends = [t.start for t in uses[1:]] + [clause.end]
    starts = [clause.start] + [t.start for t in uses[1:]]
    return {t.start: Span(a, b) for t, a, b in zip(uses, starts, ends, strict=True)}


OBJECT_GAP = 40  # characters from a verb to the verbal noun that is its object


def _object_of(verb: Mention, noun: Mention) -> bool:
    """A definite verbal noun of the verb's family soon after it is its object, not a second
    use of it ("استعادت، الاثنين، السيطرة على حي العصري")."""
    return fold(noun.text).startswith("ال") and not fold(verb.text).startswith("ال") \
        and 0 <= noun.start - verb.end <= OBJECT_GAP


def _means(text: str, trigger: Mention) -> bool:
    """A trigger with the preposition ب written on it ("بإطلاق", "برصاص", "بقذيفة"), the
    adjective of a word with it ("بالأسلحة الصاروخية"), or joined by و to a word with it
    ("بالمدفعية وصواريخ الكاتيوشا")."""
    if text[trigger.start - 1 : trigger.start] == "ب" or (
            trigger.text.startswith("ب") and not trigger.text.startswith("با")):
        return True
    if text[trigger.start - 1 : trigger.start] == " " and trigger.text.startswith("ال"):
        # "بالأسلحة الصاروخية": the adjective of a noun with ب
        before = text[max(trigger.start - 30, 0) : trigger.start].split()
        return bool(before) and before[-1].startswith("بال")
    if text[trigger.start - 1 : trigger.start] != "و":
        return False
    before = text[max(trigger.start - 30, 0) : trigger.start - 1].split()
    return bool(before) and before[-1].startswith("ب") and len(before[-1]) > 3


def _casualty_tail(document: Document, chosen: list[Mention], kept: list[Mention],
                   resources: Resources, clause: Span) -> dict[int, Span]:
    """"إبطال عبوة قرب حاجز في بيشاور ومقتل شرطيين في بانو": deaths joined with "و" and told
    at a place of their own after the main happening's place are a second happening."""
    if not chosen:
        return {}
    main = chosen[0]
    places = [p.start for p in starting_in(document, "place", clause.start, clause.end)]
    for trigger in kept:
        if resources.trigger_info[trigger.key].strength != "weak" or trigger.start <= main.end:
            continue
        joined = document.text[max(trigger.start - 1, 0) : trigger.start] == "و"
        if joined and any(main.end <= p < trigger.start for p in places) and any(
                p > trigger.end for p in places):
            return {main.start: Span(clause.start, trigger.start),
                    trigger.start: Span(trigger.start, clause.end)}
    return {}


def _clauses(document: Document, start: int, end: int) -> list[tuple[Span, str | None]]:
    """The sentence's clauses, each with the kind of word that opened it: a subordinator or a
    grievance (an earlier happening), a word of a happening told alongside ("في وقت"), or None
    for the main clause."""
    cuts = [w for w in starting_in(document, "word", start + 1, end)
            if w.key in ("subordinators", "grievances", "concurrent")]
    if not cuts:
        return [(Span(start, end), None)]
    clauses: list[tuple[Span, str | None]] = [(Span(start, cuts[0].start), None)]
    for position, cut in enumerate(cuts):
        clause_end = cuts[position + 1].start if position + 1 < len(cuts) else end
        clauses.append((Span(cut.start, clause_end), cut.key))
    return clauses


def _present_tense(trigger: Mention) -> bool:
    """"يعتقل", "يهاجمون": habitual or future outside a headline (headlines use the present
    for what just happened)."""
    word = fold(trigger.text).split()[0] if trigger.text else ""
    return word.startswith("ي") and len(word) > 3


def _suppressed(document: Document, trigger: Mention, clause: Span,
                inside_names: Callable[[int], bool]) -> bool:
    """A trigger that is negated, threatened, planned or merely alleged makes no event (a
    cue word inside a name, "طالبان" read as "they demanded", is the name's)."""
    for cue in starting_in(document, "stance", clause.start, trigger.start):
        # "نفى الجيش وقوع أي اشتباكات": the denial is recorded as a claim, not an event.
        if cue.key == "denies" and trigger.start - cue.end <= DENIAL_WINDOW:
            return True
    for cue in starting_in(document, "cue", clause.start, trigger.start):
        if inside_names(cue.start):
            continue
        gap = trigger.start - cue.end
        if cue.key in ("negation", "purpose") and gap <= NEGATION_WINDOW:
            return True
        if cue.key == "seizure" and gap <= SEIZURE_WINDOW and trigger.key in WEAPON_TRIGGERS:
            return True  # "ضبط بحوزتهم أحزمة ناسفة": weapons seized, not used
        if cue.key == "accusation" and gap <= MODALITY_WINDOW and _word_after(
                document, trigger, "occurred", OCCURRED_REACH):
            # "متهمين في التفجير الذي وقع في سترة": the relative clause tells it took place;
            # the accused are alleged, not it
            continue
        if cue.key in ("modality", "accusation") and gap <= MODALITY_WINDOW:
            return True
        if cue.key == "mutual_accusation" and cue.start - clause.start <= OPENING_REACH:
            return True  # "ويتبادل الجانبان الاتهامات حول ...": the whole clause is alleged
    return False


OCCURRED_REACH = 30  # characters from a trigger to "الذي وقع" (its adjectives may come between)


def _fallbacks(chosen: list[Mention], kept: list[Mention], resources: Resources
               ) -> list[Mention]:
    """One trigger of each other family of the clause, strong first, by precedence."""
    if not chosen:
        return []
    infos = resources.trigger_info
    taken = {infos[t.key].family for t in chosen}
    ordered = sorted(kept, key=lambda t: (infos[t.key].strength != "strong",
                                          _rank(infos[t.key].family), t.start))
    fallbacks: list[Mention] = []
    for trigger in ordered:
        family = infos[trigger.key].family
        if family not in taken:
            taken.add(family)
            fallbacks.append(trigger)
    return fallbacks


def _choose(triggers: list[Mention], resources: Resources, document: Document,
            in_sentence: list[Mention]) -> list[Mention]:
    """The clause's main trigger, plus triggers of standalone families beside it."""
    if not triggers:
        return []
    infos = resources.trigger_info
    strong = [t for t in triggers if infos[t.key].strength == "strong"]
    pool = strong or triggers
    pool.sort(key=lambda t: (_rank(infos[t.key].family), t.start))
    main = pool[0]
    if infos[main.key].family in ("strike", "explosion"):
        # "أسقطت الدفاعات مسيّرة بصاروخ", "اعترضت صاروخاً": what was stopped is no strike
        stopper = next((t for t in pool if infos[t.key].family == "disrupted"
                        and t.start < main.start), None)
        if stopper is not None:
            pool = [t for t in pool if infos[t.key].family not in ("strike", "explosion")]
            main = stopper
    if infos[main.key].family == "explosion":
        # "هزت انفجارات المدينة إثر غارات شنتها المقاتلات": the blasts were the strike's
        main = _cause_of_blasts(document, main, pool, resources) or main
    if infos[main.key].family == "clash":
        # "سيطرت المقاومة على القصر بعد معارك ضارية": the fighting was how the place was taken
        taking = next((t for t in pool if infos[t.key].family == "territory"
                       and t.start < main.start), None)
        main = taking or main
    if main.key == "raid":
        # "اعتقلت قوات الاحتلال 9 فلسطينيين خلال مداهمات": the raid was the arrest's
        arrest = next((t for t in pool if infos[t.key].family == "arrest"), None)
        killing_beside = any(infos[t.key].strength == "weak" for t in triggers)
        if arrest is not None and not killing_beside:
            main = arrest
        elif not killing_beside and any(
                infos[t.key].family == "arrest" and t.start > main.start for t in in_sentence):
            return []  # "داهمت منازل وفتشتها، قبل أن تعتقل أربعة شبان": the arrest's clause
            # tells it
    chosen = [main]
    main_family = infos[main.key].family
    if main_family in CROWD_FAMILIES:
        # Arrests of the crowd are its intervention; arrests of someone else stand alone.
        chosen += [t for t in pool[1:] if infos[t.key].family == "arrest"
                   and not _crowd_after(document, t)][:1]
        return chosen
    seen = {main_family}
    for trigger in (t for t in pool if t is not main):
        family = infos[trigger.key].family
        if family == "disrupted" and main_family == "strike" and trigger.start > main.start \
                and not joined_interception(document, trigger):
            continue  # "a raid ... destroyed an arms depot": the raid's target, not a seizure
        if family in STANDALONE and family not in seen:
            chosen.append(trigger)
            seen.add(family)
    return chosen


BLAST_WORDS = ("انفجار", "انفجر", "الانفجار", "دوي")
CAUSE_REACH = 40  # characters from the blasts to the word of their cause


AMID_WORDS = ("وسط", "ووسط")


def _amid(text: str, blasts: Mention) -> bool:
    """"وسط انفجارات": the blasts told as what the happening before them was heard as."""
    words = text[max(0, blasts.start - 8) : blasts.start].split()
    return bool(words) and words[-1] in AMID_WORDS


def _cause_of_blasts(document: Document, blasts: Mention, pool: list[Mention],
                     resources: Resources) -> Mention | None:
    """A strike told before the blasts ("شنت المقاتلات غارات ... وسط انفجارات متتالية") or as
    their cause right after them ("إثر غارات", "جراء قصف")."""
    if not blasts.text.startswith(BLAST_WORDS):
        return None
    infos = resources.trigger_info
    for trigger in pool:
        if infos[trigger.key].family != "strike":
            continue
        if trigger.end <= blasts.start:
            if _amid(document.text, blasts):
                return trigger  # "شنت المقاتلات غارات ... وسط انفجارات متتالية"
            continue
        if not blasts.end < trigger.start <= blasts.end + CAUSE_REACH:
            continue
        if any(w.key == "causal" and w.end <= trigger.start
               for w in starting_in(document, "word", blasts.end, trigger.start)):
            return trigger
    return None


def _crowd_after(document: Document, trigger: Mention) -> bool:
    return any(m.key in CROWD_KEYS for kind in ("word", "force", "trigger")
               for m in starting_in(document, kind, trigger.end, trigger.end + 30))


def _rank(family: str) -> int:
    return FAMILY_ORDER.index(family) if family in FAMILY_ORDER else len(FAMILY_ORDER)
