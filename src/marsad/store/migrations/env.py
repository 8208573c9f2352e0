"""Alembic environment: run with the connection marsad hands over (see marsad.store.migrate)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("marsad's migrations run through marsad.store.migrate.upgrade()")
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
