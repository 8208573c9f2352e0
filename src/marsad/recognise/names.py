"""Names from the knowledge base found in the text: places, actors, forces, titles, leaders."""

from __future__ import annotations

from collections.abc import Collection
from itertools import compress
from operator import attrgetter

from marsad.document import Document, Mention
from marsad.kb.actors import TEMPLATE_PREFIX
from marsad.kb.matcher import Entry, Match, TokenTrie, adjacent, surface_start
from marsad.text.normalise import fold
from marsad.text.tokenise import Token, lookup_keys

_STEM = attrgetter("stem")
_NORM = attrgetter("norm")

# When one name holds entries of several kinds, the mention takes the first kind here.
KIND_PRIORITY = ("actor", "leader", "role", "force", "nationality", "place")


def find_names(
    document: Document,
    names: TokenTrie,
    locatives: frozenset[str] = frozenset(),
    weak_locatives: frozenset[str] = frozenset(),
    settlements: frozenset[str] = frozenset(),
    following: list[str | None] | None = None,
    city_nouns: frozenset[str] = frozenset(),
    site_nouns: frozenset[str] = frozenset(),
) -> list[Mention]:
    """`following`: `next_words` of the document's tokens, when known."""
    own_nouns = settlements | site_nouns
    mentions: list[Mention] = []
    for match in names.find(document.tokens, document.text, following):
        usable = [e for e in match.entries if _agrees(document, match, e)]
        if not usable:
            continue
        kinds = {entry.kind for entry in usable}
        kind = next(k for k in KIND_PRIORITY if k in kinds)
        entries = [e for e in usable if e.kind == kind]
        mentions.append(
            Mention(
                kind,
                match.start,
                match.end,
                document.text[match.start : match.end],
                entries[0].key,
                {
                    "keys": [e.key for e in entries],
                    "places": [e.key for e in match.entries if e.kind == "place"],
                    "token_first": match.first,
                    "token_last": match.last,
                    "locative": _locative(document, match, locatives, weak_locatives,
                                          settlements, own_nouns),
                    "city": _after_city_noun(document, match.first, city_nouns),
                    "settlement": _after_settlement_noun(document, match.first, settlements),
                    "words": match.last - match.first + 1,
                },
            )
        )
    return mentions


def group_anaphora(document: Document, names: list[Mention],
                   heads: frozenset[str]) -> list[Mention]:
    """"الحركة", "مسلحي الجماعة", "التابع للتنظيم": a definite head noun alone names the
    group last named with that head ("حركة الشباب ... الحركة")."""
    actors = sorted((m for m in names if m.kind == "actor"), key=lambda m: m.start)
    found: list[Mention] = []
    tokens = document.tokens
    for index, token in enumerate(tokens):
        head = token.stem if token.stem in heads and token.prefix.endswith(("ال", "لل")) \
            else None
        if head is None or any(m.start <= token.start < m.end for m in names):
            continue
        following = index + 1
        if following < len(tokens) and adjacent(token, tokens[following], document.text) \
                and tokens[following].norm.startswith("ال"):
            continue  # "الحركة الشعبية", "الجماعة الإسلامية": a name or description of its own
        antecedent = next((m for m in reversed(actors) if m.end <= token.start
                           and _head_word(m.text, heads) == head), None)
        if antecedent is None:
            continue
        start = surface_start(token, head, document.text)
        found.append(Mention("actor", start, token.end, document.text[start : token.end],
                             antecedent.key, {**antecedent.data, "anaphor": True}))
    return found


def own_fighters(document: Document, names: list[Mention], words: frozenset[str]
                 ) -> list[Mention]:
    """"قالت المقاومة إن مجاهديها استهدفوا": fighters told with a pronoun are the group last
    named before them in their sentence, or else the group the sentence before names first
    ("قالت المقاومة إن ..." and then "وفي بيان ثان، أكدت أن مجاهديها قصفوا")."""
    if not words:
        return []
    groups = sorted((m for m in names if m.kind == "actor"), key=lambda m: m.start)
    found: list[Mention] = []
    for token in document.tokens:
        if token.stem not in words or any(m.start <= token.start < m.end for m in groups):
            continue
        index = document.sentence_index(token.start)
        sentence = document.sentences[index]
        antecedent = next((m for m in reversed(groups) if sentence.start <= m.start
                           and m.end <= token.start), None)
        if antecedent is None and index > 0:
            # the sentence before: the group it opens with, the one that speaks (not a
            # template's generic actor, "جيش الاحتلال")
            before = document.sentences[index - 1]
            antecedent = next((m for m in groups if before.start <= m.start < before.end
                               and not m.key.startswith(TEMPLATE_PREFIX)), None)
        if antecedent is None:
            continue
        start = token.end - len(token.stem)
        found.append(Mention("actor", start, token.end, document.text[start : token.end],
                             antecedent.key, {**antecedent.data, "anaphor": True}))
    return found


def _head_word(text: str, heads: frozenset[str]) -> str:
    """The head noun a name opens with ("حركة" of "وحركة طالبان"), if it is one of `heads`."""
    words = fold(text).split()
    readings = lookup_keys(words[0]) if words else ()
    return next((h for h in heads if h in readings), "")


def _locative(document: Document, match: Match, locatives: frozenset[str],
              weak_locatives: frozenset[str], settlements: frozenset[str],
              own_nouns: frozenset[str] = frozenset()) -> str:
    """How the name is introduced as a place: "strong" ("في مدينة البصرة", "قرب البصرة",
    "قضاء الرطبة"), "clitic" ("بالبصرة"; the ب may also belong to the word: "بيان"), "weak"
    ("من البصرة") or not at all ("")."""
    first, start = match.first, match.start
    token = document.tokens[first]
    proclitics = fold(document.text[token.start : start])
    own_nouns = own_nouns or settlements
    own_noun = match.last > first and (token.stem in own_nouns or listed(token.norm, own_nouns)
                                       or listed(token.norm[len(proclitics):], own_nouns))
    if "ب" in proclitics:
        # "بالبصرة": strong only for places of the article's countries; but "بمديرية حيس"
        # is introduced by its own unit noun
        return "strong" if own_noun else "clitic"
    previous = document.tokens[first - 1].norm if first > 0 else ""
    before = document.tokens[first - 2].norm if first > 1 else ""
    if previous == "من" and before == "كل":
        return "strong"  # "على مستوى كل من المكناسي والمزونة": each of the places listed
    if previous in weak_locatives or (previous in settlements and before in weak_locatives):
        return "weak"  # "74 كم من مدينة البصرة": a reference point, not where it happened
    if own_noun:
        return "strong"  # the name holds its own settlement or site noun ("قاعدة عين الأسد")
    # "وفي البصرة", "بريف إدلب": a conjunction or preposition written on the locative
    if listed(previous, locatives):
        return "strong"
    return ""


MEDIA_REACH = 3  # words back from a nationality adjective to the outlet's noun


def outlet_adjective(document: Document, mention: Mention, media_nouns: frozenset[str]) -> bool:
    """"لوكالة الأنباء الألمانية": the adjective belongs to an outlet's name."""
    first = mention.data.get("token_first", 0)
    for token in document.tokens[max(0, first - MEDIA_REACH) : first]:
        word = token.norm
        if listed(word, media_nouns):
            return True
    return False


def quoted_after_site(document: Document, mention: Mention, site_nouns: frozenset[str]) -> bool:
    """"ثكنة "زرعيت"", "موقع "المالكية"": a quoted name after a military site's noun."""
    first = mention.data.get("token_first", 0)
    if first == 0:
        return False
    return _site_before(document.tokens[first - 1], document.tokens[first], document.text,
                        site_nouns)


def _site_before(noun: Token, name: Token, text: str, site_nouns: frozenset[str]) -> bool:
    """An indefinite site noun and a quote before the name ("الثكنة" points back)."""
    return _spelt_as(noun, site_nouns) and not noun.prefix.endswith(("ال", "لل")) \
        and bool(_QUOTES.intersection(text[noun.end : name.start]))


def outlet_name(document: Document, mention: Mention, media_nouns: frozenset[str],
                site_nouns: frozenset[str]) -> bool:
    """"وكالة فارس", "قناة الجزيرة": a place's name right after an outlet's noun is the
    outlet's (not after a noun that is also a military site's: "موقع "المالكية"")."""
    first = mention.data.get("token_first", 0)
    if first == 0:
        return False
    word = document.tokens[first - 1].norm
    return listed(word, media_nouns) and not listed(word, site_nouns)


def street_namesake(document: Document, mention: Mention, street_nouns: frozenset[str]) -> bool:
    """"شارع بغداد" in another city: a street's name, not the city."""
    first = mention.data.get("token_first", 0)
    return first > 0 and listed(document.tokens[first - 1].norm, street_nouns)


_IN = ("في",)
ORIGIN_REACH = 4  # words back from the preposition to the verb of coming
DISTANCE_REACH = 5  # words back from the place to the unit of a distance


def origin_or_reference(document: Document, mention: Mention, motion_verbs: frozenset[str],
                        distance_units: frozenset[str]) -> str | None:
    """"قوة وصلت فجر الخميس من بغداد": where a force came from ("origin"); "على بعد 80 كم
    شمال غربي نيالا": a reference point ("weak"); otherwise None."""
    first = mention.data.get("token_first", 0)
    tokens = document.tokens
    if mention.data.get("locative") == "weak":
        at = first - 1
        while at > 0 and tokens[at].norm not in ("من", "ومن"):
            at -= 1
            if first - at > 2:
                return None
        if any(listed(t.norm, motion_verbs) for t in tokens[max(0, at - ORIGIN_REACH) : at]):
            return "origin"
        return None
    before = tokens[max(0, first - DISTANCE_REACH) : first]
    units = [i for i, t in enumerate(before) if _spelt_as(t, distance_units)]
    # "على بعد 60 كيلومتراً شمالاً في جزيرة أفونجي": a place after في is where it happened
    if units and not any(listed(t.norm, _IN) for t in before[units[-1] + 1 :]):
        return "weak"
    return None


def speaks(document: Document, mention: Mention, speaker_verbs: frozenset[str],
           place_ends: set[int]) -> bool:
    """"وموسكو تنفي المشاركة": a place named with no locative and a speech verb right after it
    is its government speaking (not the last of a list of places: "احتجاجات في القاهرة
    والسويس تطالب"; `place_ends` holds the last token of each place named)."""
    if mention.data.get("locative") or mention.data.get("token_first", 0) - 1 in place_ends:
        return False
    index = mention.data.get("token_last", 0) + 1
    tokens = document.tokens
    return index < len(tokens) and not document.text[mention.end : tokens[index].start].strip() \
        and tokens[index].norm in speaker_verbs


NAME_REACH = 4  # words back from "الشهداء" to the square or cemetery it names


def named_after_martyrs(document: Document, mention: Mention, nouns: frozenset[str],
                        martyrs: frozenset[str]) -> bool:
    """"ساحة الشهداء", "ساحتي رياض الصلح والشهداء": a name, not the dead of the news
    (`martyrs`: the words, `nouns`: what is named with them)."""
    word = fold(mention.text.strip())
    if word.startswith("و"):
        word = word[1:]
    if word not in martyrs:
        return False
    index = document.token_index(mention.start)
    return any(t.norm in nouns for t in document.tokens[max(0, index - NAME_REACH) : index])


def _after_city_noun(document: Document, first: int, city_nouns: frozenset[str]) -> bool:
    """"بالعاصمة الجزائر", "مدينة الكويت": the city, not the country of the same name."""
    if first == 0:
        return False
    word = document.tokens[first - 1].norm
    return listed(word, city_nouns)


def _after_settlement_noun(document: Document, first: int, settlements: frozenset[str]) -> bool:
    """"في مدينة كوي سنجق", "ببلدة X": a name a settlement noun introduces is a place's."""
    return first > 0 and _spelt_as(document.tokens[first - 1], settlements)


def _spelt_as(token: Token, words: frozenset[str]) -> bool:
    """The token, with its article or proclitics ("ببلدة") or as written, is one of `words`."""
    return token.stem in words or token.norm in words


_ADJECTIVE_ENDINGS = ("يه", "ية", "ي")
_PROCLITICS = ("و", "ف", "ب", "ل")


def listed(word: str, words: Collection[str]) -> bool:
    """The word is one of `words`, or is one with a conjunction or preposition on it."""
    return word in words or (word[:1] in _PROCLITICS and word[1:] in words)


def _agrees(document: Document, match: Match, entry: Entry) -> bool:
    """A one-word actor name agrees in definiteness with the text ("القاعدة" is al-Qaeda,
    "قاعدة عسكرية" a base) and is not followed by an adjective ("القاعدة العسكرية")."""
    if entry.kind != "actor" or match.first != match.last:
        return True
    alias = fold(entry.name).strip()
    surface = fold(document.text[match.start : match.end])
    # ("للحوثيين": the match starts after the preposition, the token's prefix holds the article)
    if alias.startswith("ال") and not surface.startswith(("ال", "لل")) \
            and not document.tokens[match.first].prefix.endswith("لل"):
        return False
    return not _adjective_follows(document, match.last)


def _adjective_follows(document: Document, index: int) -> bool:
    following = index + 1
    if following >= len(document.tokens) or not adjacent(
            document.tokens[index], document.tokens[following], document.text):
        return False
    word = document.tokens[following].norm
    return word.startswith("ال") and word.endswith(_ADJECTIVE_ENDINGS)


def _token_indices(mentions: list[Mention]) -> set[int]:
    """The indices of the tokens the name mentions cover."""
    return {index for m in mentions
            for index in range(m.data["token_first"], m.data["token_last"] + 1)}


MAX_UNKNOWN_WORDS = 2
_QUOTES = frozenset('"«“”»')


def unknown_places(
    document: Document, known: list[Mention], settlements: frozenset[str],
    stopwords: frozenset[str] = frozenset(), quarters: frozenset[str] = frozenset(),
    town_nouns: frozenset[str] = frozenset(), name_heads: frozenset[str] = frozenset(),
    site_nouns: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Names the knowledge base lacks, introduced by a settlement noun ("بلدة ديكوا"); the
    resolver looks them up by transliteration."""
    found: list[Mention] = []
    tokens = document.tokens
    # the few tokens spelled as a settlement's or a site's noun, picked in C
    nouns = settlements | site_nouns
    heads = tokens[:-1]
    at = sorted(set(compress(range(len(heads)), map(nouns.__contains__, map(_STEM, heads))))
                | set(compress(range(len(heads)), map(nouns.__contains__, map(_NORM, heads)))))
    if not at:
        return found
    taken = _token_indices(known)
    for index in at:
        token = tokens[index]
        site = _site_before(token, tokens[index + 1], document.text, site_nouns) \
            and _plain_name(tokens[index + 1], document.text)  # "ثكنة "زرعيت""
        if not site and not _spelt_as(token, settlements):
            continue
        if token.prefix.endswith(("ال", "لل")):
            continue  # "أمام مقر المعتمدية تضامنا", "في البلدة تأكيدهم": no name follows
        first = index + 1
        if first in taken or tokens[first].is_number or not (
                site or adjacent(token, tokens[first], document.text)):
            continue
        head = tokens[first].norm in name_heads  # "قرية ود النورة", "بلدة تل الهوى"
        if not head and (_common(tokens[first].norm, stopwords)
                         or _not_a_name(tokens[first].norm)):
            continue
        last = first
        second = ""  # a common word after the name, which may still be part of it
        joined = (first + 1 < len(tokens) and first + 1 not in taken
                  and adjacent(tokens[first], tokens[first + 1], document.text))
        if head:
            if not joined or tokens[first + 1].is_number:
                continue
            last = first + 1
        elif joined and not tokens[first + 1].norm.startswith(("ال", "ب", "ل", "و")):
            if _common(tokens[first + 1].norm, stopwords):
                # "بلدة فينوتي سلام": tried as one name by the resolver, kept apart otherwise
                following = tokens[first + 1]
                second = document.text[following.start : following.end]
            else:
                last = first + 1
        start, end = tokens[first].start, tokens[last].end
        found.append(Mention("place", start, end, document.text[start:end], "", {
            "keys": [], "places": [], "token_first": first, "token_last": last,
            "locative": "strong", "words": last - first + 1, "unknown": True,
            "quarter": _spelt_as(token, quarters), "second": second, "head": head,
            "noun_start": surface_start(token, token.stem, document.text),
            "town": (site or _spelt_as(token, town_nouns))
                    and not token.prefix.endswith(("ال", "لل"))
                    and _plain_name(tokens[first], document.text),
        }))
    return found


def _plain_name(token: Token, text: str) -> bool:
    """No conjunction or preposition on it ("بلدة وإصابة"), no adjective ("الانفصالي"), no
    case ending ("فجراً") and no verb."""
    return token.prefix in ("", "ال") and not (token.prefix and token.norm.endswith("ي")) \
        and "\u064b" not in text[token.start : token.end] and not _verb_with_object(token.norm)


def _verb_with_object(word: str) -> bool:
    """"قرية تقطنها عائلات": a present-tense verb with its object pronoun."""
    return word.startswith(("ي", "ت")) and word.endswith(("ها", "هم", "ه")) and len(word) > 4


def _not_a_name(word: str) -> bool:
    """"المدينة الرياضية", "مخيم للاجئين": an adjective or a prepositional phrase."""
    return word.startswith("لل") or (word.startswith("ال") and word.endswith(("يه", "ية")))


def _common(word: str, stopwords: frozenset[str]) -> bool:
    return any(key in stopwords for key in lookup_keys(word))


def capital_places(document: Document, names: list[Mention],
                   capitals: frozenset[str]) -> list[Mention]:
    """"خرج آلاف في مسيرات بالعاصمة", "في العاصمة الليبية": the capital named by its noun
    alone (not "العاصمة بغداد", whose name is the place); the resolver finds the city."""
    tokens, text = document.tokens, document.text
    # the few tokens spelled as the noun, picked in C
    at = list(compress(range(len(tokens)), map(capitals.__contains__, map(_STEM, tokens))))
    if not at:
        return []
    by_first = {m.data["token_first"]: m for m in names}
    taken = _token_indices(names)
    found: list[Mention] = []
    for index in at:
        token = tokens[index]
        if not token.prefix.endswith(("ال", "لل")) or index in taken:
            continue
        country = None
        following = by_first.get(index + 1)
        joined = index + 1 < len(tokens) and adjacent(token, tokens[index + 1], text)
        if following is not None and joined:
            if following.kind == "place":
                continue  # "العاصمة بغداد"
            if following.kind == "nationality":
                after = by_first.get(following.data["token_last"] + 1)
                if after is not None and after.kind == "place":
                    continue  # "العاصمة الليبية طرابلس"
                country = following.key
        elif joined and tokens[index + 1].norm.startswith("ال"):
            continue  # "العاصمة الإدارية المؤقتة": another capital, described
        if index > 0 and (index - 1) in taken and text[tokens[index - 1].end : token.start] \
                .strip() in ("،", ","):
            continue  # "بورتسودان، العاصمة ...": the town before names it
        start = surface_start(token, token.stem, text)
        found.append(Mention("place", start, token.end, text[start : token.end], "", {
            "keys": [], "places": [], "token_first": index, "token_last": index,
            "locative": "strong", "words": 1, "capital_of": country or "",
        }))
    return found
