"""marsad: ACLED-style conflict events from Arabic news, offline."""

__version__ = "0.1.0"


def build_kind() -> str:
    """"compiled" when the pipeline runs as the C extensions `make fast` builds with mypyc,
    else "python"."""
    from marsad import pipeline  # imports every compiled stage

    return "compiled" if (pipeline.__file__ or "").endswith((".so", ".pyd")) else "python"
