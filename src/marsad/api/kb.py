"""Knowledge-base search: actors and places, by English or Arabic name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from marsad.api.events import PROBLEMS
from marsad.api.models import ActorPage, PlacePage
from marsad.api.security import reject_unknown_query, require_reader
from marsad.api.state import AppState, app_state
from marsad.kb.gazetteer import importance
from marsad.kb.model import PLACE_KINDS, Actor, Place
from marsad.text.normalise import fold

router = APIRouter(dependencies=[Depends(require_reader), Depends(reject_unknown_query)],
                   responses=PROBLEMS, tags=["knowledge base"])
State = Annotated[AppState, Depends(app_state)]
Limit = Annotated[int, Query(ge=1, le=500, description="how many to return")]
Search = Annotated[str | None, Query(max_length=200,
                                     description="part of a name, English or Arabic")]


def _key(text: str) -> str:
    """Case- and spelling-insensitive form: English casefolded, Arabic folded (hamza forms,
    taa marbuta, diacritics) as the recognisers fold it."""
    return fold(text).casefold()


def _rank(query: str, keys: Iterable[str]) -> int | None:
    """0 an exact name, 1 a name starting with the query, 2 containing it; None: no match."""
    best: int | None = None
    for key in keys:
        score = 0 if key == query else 1 if key.startswith(query) else 2 if query in key else None
        if score is not None and (best is None or score < best):
            best = score
    return best


def _actor_index(state: AppState) -> list[tuple[Actor, tuple[str, ...]]]:
    index = state.indexes.get("actors")
    if index is None:
        index = state.indexes["actors"] = [
            (a, _keys((a.name, *a.aliases_ar, *a.aliases_en)))
            for a in state.resources.actors.actors()]
    return index  # type: ignore[no-any-return]


def _place_index(state: AppState) -> list[tuple[Place, tuple[str, ...]]]:
    index = state.indexes.get("places")
    if index is None:
        index = state.indexes["places"] = [
            (p, _keys((p.name, p.name_ar or "", *p.aliases_ar, *p.aliases_en)))
            for p in state.resources.gazetteer.places.values()]
    return index  # type: ignore[no-any-return]


def _keys(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_key(n) for n in names if n))


@router.get("/actors", response_model=ActorPage, summary="Actors of the knowledge base")
def actors(state: State, q: Search = None,
           country: Annotated[str | None, Query(max_length=200,
                                                description="English country name")] = None,
           inter: Annotated[int | None, Query(ge=1, le=8,
                                              description="ACLED actor type")] = None,
           limit: Limit = 50) -> dict[str, Any]:
    query = _key(q.strip()) if q and q.strip() else ""
    found: list[tuple[int, str, Actor]] = []
    for actor, keys in _actor_index(state):
        if country and (actor.country or "").casefold() != country.strip().casefold():
            continue
        if inter is not None and actor.inter != inter:
            continue
        rank = _rank(query, keys) if query else 0
        if rank is not None:
            found.append((rank, actor.name, actor))
    found.sort(key=lambda item: (item[0], item[1]))
    return {"total": len(found), "items": [
        {"id": a.id, "name": a.name, "inter": a.inter, "kind": a.kind, "country": a.country,
         "aliases_ar": list(a.aliases_ar)} for _, _, a in found[:limit]]}


@router.get("/places", response_model=PlacePage, summary="Places of the gazetteer")
def places(state: State, q: Search = None,
           country: Annotated[str | None, Query(
               max_length=200, description="ISO code or English country name")] = None,
           kind: Annotated[str | None, Query(
               max_length=40, description=f"one of {', '.join(PLACE_KINDS)}")] = None,
           limit: Limit = 50) -> dict[str, Any]:
    gazetteer = state.resources.gazetteer
    query = _key(q.strip()) if q and q.strip() else ""
    code = None
    if country:
        found_country = gazetteer.country(country)
        code = found_country.code if found_country else "-"
    found: list[tuple[int, float, str, Place]] = []
    for place, keys in _place_index(state):
        if (code and place.country_code != code) or (kind and place.kind != kind):
            continue
        rank = _rank(query, keys) if query else 0
        if rank is not None:
            found.append((rank, -importance(place), place.id, place))
    found.sort(key=lambda item: item[:3])
    return {"total": len(found), "items": [
        {"id": p.id, "name": p.name, "name_ar": p.name_ar, "kind": p.kind,
         "country_code": p.country_code, "admin1": p.admin1, "admin2": p.admin2,
         "latitude": p.lat, "longitude": p.lon, "population": p.population}
        for *_, p in found[:limit]]}
