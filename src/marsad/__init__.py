"""marsad: ACLED-style conflict events from Arabic news, offline."""

__version__ = "0.1.0"
