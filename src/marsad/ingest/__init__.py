"""Readers that turn inputs (text, HTML, JSONL, folders, stdin) into Articles."""

from marsad.ingest.errors import IngestError
from marsad.ingest.folder import read_inputs

__all__ = ["IngestError", "read_inputs"]
