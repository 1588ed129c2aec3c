"""The one error type vblint raises for bad input: it names the file and the row or field at fault."""

from __future__ import annotations


class VblintError(Exception):
    """A problem with the user's input, reported as one line: ``file:row: problem`` or ``file: field: problem``.

    The CLI prints it and exits 2; it never carries note text, only positions and names.
    """

    def __init__(self, problem: str, *, file: str | None = None, row: int | None = None,
                 field: str | None = None) -> None:
        self.problem = problem
        self.file = file
        self.row = row
        self.field = field
        super().__init__(self.line())

    def line(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.row is not None:
                where += f":{self.row}"
            where += ": "
        if self.field:
            where += f"{self.field}: "
        return where + self.problem


class RuleFileError(VblintError):
    """One or more rule files are malformed; ``problems`` holds every ``file: field: problem`` line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(problems[0] if len(problems) == 1 else f"{len(problems)} problems in rule files")

    def line(self) -> str:
        return "\n".join(self.problems) if hasattr(self, "problems") else super().line()
