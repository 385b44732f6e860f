"""vacancy: read EU institutions' job vacancy notices into validated Call records.

The public names are imported on first use, so that `vacancy --help` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Call", "ExitCode", "VacancyError", "__version__", "parse_bytes", "parse_file", "parse_text"]

_LAZY = {
    "parse_bytes": "api",
    "parse_file": "api",
    "parse_text": "api",
    "Call": "model",
    "ExitCode": "errors",
    "VacancyError": "errors",
}

if TYPE_CHECKING:
    from .api import parse_bytes, parse_file, parse_text
    from .errors import ExitCode, VacancyError
    from .model import Call


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
