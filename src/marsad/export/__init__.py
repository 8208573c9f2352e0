"""Writers for event records: ACLED CSV, JSONL, GeoJSON."""

from marsad.export.writers import FORMATS, CountryInfo, write_records

__all__ = ["FORMATS", "CountryInfo", "write_records"]
