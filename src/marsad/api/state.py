"""What one running app holds: the store, the knowledge base (loaded once), and its settings."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from marsad.kb.registry import Resources, load_resources
from marsad.store import Store

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 5 * 1024 * 1024  # bytes


@dataclass
class Settings:
    """`token`: the bearer token writes need (None: writes are refused); `open_reads`: reads
    need no token from any client (by default only loopback clients read without one)."""

    token: str | None = None
    open_reads: bool = False
    max_body: int = DEFAULT_MAX_BODY


@dataclass
class AppState:
    store: Store
    settings: Settings
    loader: Callable[[], Resources] = load_resources
    _resources: Resources | None = None
    _load_lock: threading.Lock = field(default_factory=threading.Lock)
    # one extraction and write at a time: the pipeline's resources are shared
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    # search indexes built from the resources on first use (see marsad.api.kb)
    indexes: dict[str, Any] = field(default_factory=dict)

    @property
    def resources(self) -> Resources:
        """The knowledge base and lexicons, loaded on first use and kept."""
        if self._resources is None:
            with self._load_lock:
                if self._resources is None:
                    log.info("loading the knowledge base")
                    self._resources = self.loader()
        return self._resources

    @resources.setter
    def resources(self, value: Resources) -> None:
        self._resources = value


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.marsad
    return state
