"""The literal strings a regular expression cannot match without, to skip a pattern cheaply.

`required_literals(pattern)` gives sets of strings such that every match of the pattern
contains, for each set, at least one of its strings. A text lacking every string of one set
holds no match, so the (slow) scan can be skipped without changing what is found.
`first_literals(pattern)` gives strings one of which every match starts with, so a matcher
need only try the places where they occur. Both analyses are conservative: what they cannot
reason about (classes, assertions, optional parts) adds no requirement or gives no answer.
"""

from __future__ import annotations

import importlib
from collections.abc import Set as AbstractSet
from typing import Any

# the regular-expression parser's internals (typeshed has no stubs for them)
sre: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

Requirement = frozenset[str]  # one of these strings is in every match
MAX_REQUIREMENTS = 3  # the most selective requirements kept (each costs a few `in` tests)
DIGIT = "\x00digit"  # in `first_literals`: the match may start with any decimal digit
MAX_FIRST = 64  # longer alternatives of a literal's continuation are not spelled out
_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def required_literals(pattern: str, flags: int = 0) -> tuple[Requirement, ...]:
    """Requirements of `pattern` (all must hold), most selective first; () when none is known.
    Case-insensitive patterns get none."""
    if flags & 2:  # re.IGNORECASE
        return ()
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & 2:
        return ()
    found = _sequence(parsed.data)
    found.sort(key=_selectivity, reverse=True)
    return tuple(found[:MAX_REQUIREMENTS])


def passes(
    text: str, requirements: tuple[Requirement, ...], present: dict[str, bool] | None = None
) -> bool:
    """False when `text` lacks every string of some requirement (so no match is possible).
    `present` remembers which strings `text` holds, for patterns sharing requirements."""
    if present is None:
        return all(any(s in text for s in requirement) for requirement in requirements)
    for requirement in requirements:
        for string in requirement:
            found = present.get(string)
            if found is None:
                found = present[string] = string in text
            if found:
                break
        else:
            return False
    return True


def _selectivity(requirement: AbstractSet[str]) -> tuple[int, int]:
    return min(map(len, requirement)), -len(requirement)


def _sequence(items: Any) -> list[Requirement]:
    """Requirements of a sequence: runs of literals, and what each mandatory part needs."""
    found: list[Requirement] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        found += _item(op, av)
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def _item(op: Any, av: Any) -> list[Requirement]:
    if op is sre.SUBPATTERN:
        return _sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _sequence(av[2]) if av[0] >= 1 else []
    if op is sre.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _sequence(alternative)
            if not found:
                return []
            union |= max(found, key=_selectivity)
        return [frozenset(union)]
    if op is sre.IN and all(o is sre.LITERAL for o, _ in av):
        return [frozenset(chr(a) for _, a in av)]
    return []


def first_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` starts with (`DIGIT`: a digit); None when
    a match may start otherwise (with a class, or be empty). Zero-width assertions at the
    start are passed over: they consume nothing."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & 2:  # re.IGNORECASE
        return None
    found = _first(parsed.data, 0)
    if found is None or "" in found:
        return None
    return frozenset(found)


def _first(items: Any, i: int) -> set[str] | None:
    """What a match of items[i:] starts with; "" when it may be empty; None: unknown."""
    while i < len(items) and items[i][0] in _ZERO_WIDTH:
        i += 1
    if i == len(items):
        return {""}
    op, av = items[i]
    if op is sre.LITERAL:
        run = []
        while i < len(items) and items[i][0] is sre.LITERAL:
            run.append(chr(items[i][1]))
            i += 1
        prefix = "".join(run)
        rest = _first(items, i)
        if rest is None or DIGIT in rest or len(rest) > MAX_FIRST:
            return {prefix}
        return {prefix + r for r in rest}
    head: set[str] | None
    if op is sre.SUBPATTERN:
        head = _first(av[3], 0)
    elif op is sre.ATOMIC_GROUP:
        head = _first(av, 0)
    elif op is sre.BRANCH:
        head = set()
        for alternative in av[1]:
            found = _first(alternative, 0)
            if found is None:
                return None
            head |= found
    elif op in _REPEATS:
        head = _first(av[2], 0)
        if head is not None and av[0] == 0:
            head.add("")
    elif op is sre.IN and all(o is sre.LITERAL for o, _ in av):
        head = {chr(a) for _, a in av}
    elif op is sre.IN and av == [(sre.CATEGORY, sre.CATEGORY_DIGIT)]:
        head = {DIGIT}
    else:
        return None
    if head is None:
        return None
    if "" in head:
        rest = _first(items, i + 1)
        if rest is None:
            return None
        head = (head - {""}) | rest
    return head
