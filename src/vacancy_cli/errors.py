"""The project's exceptions and the process exit codes, used everywhere."""

from __future__ import annotations

from enum import IntEnum, unique


@unique
class ExitCode(IntEnum):
    """Exit status of every `vacancy` command (listed in the README); one name per code."""

    OK = 0
    ATTENTION = 1  # the answer needs a look: diff found differences, check-deadline found a closed notice
    USAGE = 2  # bad options or arguments
    INPUT_ERROR = 3  # a file is missing, unreadable, empty, not a notice, broken or encrypted
    NO_TEXT_LAYER = 4  # a PDF with no usable text (scanned): needs OCR
    INVALID = 5  # validate: a record breaks the model or the completeness rules
    UNKNOWN_DEADLINE = 6  # check-deadline: some notices state no deadline
    OUTPUT_ERROR = 7  # the output file cannot be written
    LIMIT_EXCEEDED = 8  # a file is over the size, page or time limit
    DATABASE_ERROR = 9  # the store (sync, calls, changes) cannot be used: missing, not ours, corrupt, read-only, locked
    INTERRUPTED = 130  # Ctrl-C


class VacancyError(Exception):
    """An error the user can act on; carries its exit code and the file it concerns."""

    code: ExitCode = ExitCode.INPUT_ERROR

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class UsageError(VacancyError):
    """An option's value that cannot be used (told in one line, unlike click's usage message)."""

    code = ExitCode.USAGE


class InputError(VacancyError):
    """The input cannot be read as a notice."""

    code = ExitCode.INPUT_ERROR


class NoTextLayerError(VacancyError):
    """A PDF whose pages carry no usable text (a scan, or glyphs without a text mapping)."""

    code = ExitCode.NO_TEXT_LAYER


class LimitExceededError(VacancyError):
    """An input over one of the resource limits."""

    code = ExitCode.LIMIT_EXCEEDED


class DatabaseError(VacancyError):
    """The calls database cannot be opened, read or written."""

    code = ExitCode.DATABASE_ERROR


class OutputError(VacancyError):
    """The output cannot be written."""

    code = ExitCode.OUTPUT_ERROR
