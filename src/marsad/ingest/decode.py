"""Bytes to text: UTF-8 (with or without BOM), UTF-16, and windows-1256, detected."""

from __future__ import annotations

from marsad.ingest.errors import IngestError

_CONTROL_OK = {"\n", "\r", "\t", "\f"}
MAX_CONTROL_RATIO = 0.05


def decode_bytes(data: bytes, source: str) -> str:
    """Decode an input file's bytes, or raise IngestError naming the file and the problem."""
    if not data.strip():
        raise IngestError(source, "empty input")
    text = _decode(data, source)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _CONTROL_OK)
    if "\x00" in text or controls > MAX_CONTROL_RATIO * len(text):
        raise IngestError(source, "not a text file (binary content)")
    if not text.strip():
        raise IngestError(source, "empty input")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    utf16 = _guess_bomless_utf16(data)
    if utf16:
        return data.decode(utf16)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise IngestError(source, "not a text file (binary content)")
    try:
        return data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise IngestError(source, f"unknown text encoding ({exc.reason})") from exc


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows NUL in every other byte for Latin and 0x06 for Arabic."""
    sample = data[:2000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) + odd.count(6) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) + even.count(6) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None
