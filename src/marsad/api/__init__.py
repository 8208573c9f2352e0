"""The HTTP API and the dashboard: `create_app(db)` builds the FastAPI application."""

from marsad.api.app import create_app

__all__ = ["create_app"]
