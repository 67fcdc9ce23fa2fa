"""Why a checklist file is not valid YAML, in words a person writing one by hand can act on.

ruamel.yaml words a problem from the parser's side ("expected <block end>, but found '<block mapping start>'").
Each case known here becomes what is wrong and how to fix it, at the line and column (1-based) where the fix
goes. A case not known here keeps ruamel's words, with its parser tokens spelled out, so nothing is hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ruamel.yaml.error import MarkedYAMLError, YAMLError

_TOKENS = {
    "<block end>": "the end of a block",
    "<block mapping start>": "a field",
    "<block sequence start>": "a list",
    "<scalar>": "text",
    "<stream end>": "the end of the file",
}


@dataclass(frozen=True)
class SyntaxProblem:
    message: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class _Seen:
    """A parser error as the rules read it: its words and where it points (0-based), with the file's lines."""

    problem: str
    context: str
    at: tuple[int, int] | None
    context_at: tuple[int, int] | None
    lines: list[str]

    def char(self, where: tuple[int, int] | None) -> str:
        if where is None or where[0] >= len(self.lines):
            return ""
        line = self.lines[where[0]]
        return line[where[1]] if where[1] < len(line) else ""

    def before(self, where: tuple[int, int]) -> str:
        return self.lines[where[0]][: where[1]] if where[0] < len(self.lines) else ""

    def problem_here(self, message: str, where: tuple[int, int] | None = None) -> SyntaxProblem:
        where = where or self.at
        return SyntaxProblem(message, where[0] + 1, where[1] + 1) if where else SyntaxProblem(message)


def explain(error: YAMLError, text: str) -> SyntaxProblem:
    """What is wrong, in plain words, and where."""
    lines = text.splitlines() or [""]
    if not isinstance(error, MarkedYAMLError):
        return _unmarked(error, text)
    seen = _Seen(
        " ".join(str(error.problem or "").split()),
        " ".join(str(error.context or "").split()),
        (error.problem_mark.line, error.problem_mark.column) if error.problem_mark else None,
        (error.context_mark.line, error.context_mark.column) if error.context_mark else None,
        lines,
    )
    for rule in _RULES:
        found = rule(seen)
        if found is not None:
            return found
    words = seen.problem or seen.context or "the file cannot be read"
    for token, spelled in _TOKENS.items():
        words = words.replace(f"'{token}'", spelled).replace(token, spelled)
    return seen.problem_here(f"not valid YAML: {words}")


def _unmarked(error: YAMLError, text: str) -> SyntaxProblem:
    position, character = getattr(error, "position", None), getattr(error, "character", None)
    if not isinstance(position, int):
        return SyntaxProblem(f"not valid YAML: {str(error).splitlines()[0]}")
    code = ord(character) if isinstance(character, str) and character else character
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    if code == 0:
        return SyntaxProblem(BINARY, line, column)
    return SyntaxProblem(f"a control character (code {code}) that a text file should not hold: delete it", line, column)


BINARY = (
    "this is not a text file (it holds bytes that pictures, PDFs and word-processor files hold): a checklist is "
    "a YAML text file"
)


def _tab(seen: _Seen) -> SyntaxProblem | None:
    if "'\\t'" not in seen.problem and "tab" not in seen.problem:
        return None
    where = seen.at or (0, 0)
    if seen.before(where).strip():
        return seen.problem_here("a tab character: YAML takes spaces here, never tabs")
    return seen.problem_here("a tab character: indent with spaces, never tabs")


def _reference(seen: _Seen) -> SyntaxProblem | None:
    if "alias" not in seen.problem + seen.context and "anchor" not in seen.problem + seen.context:
        return None
    mark = "&" if "anchor" in seen.problem + seen.context else "*"
    return seen.problem_here(
        f"a value starting with '{mark}' is read as a reference to another part of the file: put the whole "
        "value in quotes",
        seen.context_at if "while scanning" in seen.context else None,
    )


def _unclosed_quote(seen: _Seen) -> SyntaxProblem | None:
    if "quoted scalar" not in seen.context or not ("end of stream" in seen.problem or "separator" in seen.problem):
        return None
    quote = seen.char(seen.context_at) or '"'
    return seen.problem_here(
        f"the quote {quote} that starts here is never closed: add the closing {quote} at the end of the text",
        seen.context_at,
    )


def _escape(seen: _Seen) -> SyntaxProblem | None:
    found = re.search(r"unknown escape character '(.*?)'", seen.problem)
    if found is None and "expected escape sequence" not in seen.problem:
        return None
    which = f"'\\{found.group(1)}' is not one" if found else "this one is incomplete"
    return seen.problem_here(
        f"in double quotes a backslash starts an escape, and {which}: use single quotes instead, or write \\\\ "
        "for a backslash"
    )


def _flow(seen: _Seen) -> SyntaxProblem | None:
    if "flow mapping" not in seen.context and "flow sequence" not in seen.context:
        return None
    opener, closer = ("{", "}") if "mapping" in seen.context else ("[", "]")
    line = f" on line {seen.context_at[0] + 1}" if seen.context_at else ""
    return seen.problem_here(
        f"the '{opener}'{line} is not closed where expected: add the missing '{closer}', or put text that holds "
        "': ', ',' or '#' in quotes"
    )


def _unclosed_bracket(seen: _Seen) -> SyntaxProblem | None:
    """'id: [' at the end of the file: the parser names no opener, so the nearest unclosed one above is found."""
    if "flow node" not in seen.context or "<stream end>" not in seen.problem or seen.at is None:
        return None
    for number in range(min(seen.at[0], len(seen.lines) - 1), -1, -1):
        line = seen.lines[number]
        for opener, closer in (("[", "]"), ("{", "}")):
            if line.count(opener) > line.count(closer):
                return seen.problem_here(
                    f"the '{opener}' that starts here is never closed: add the missing '{closer}'",
                    (number, line.rindex(opener)),
                )
    return None


def _colon(seen: _Seen) -> SyntaxProblem | None:
    if "mapping values are not allowed" not in seen.problem or seen.at is None:
        return None
    before = seen.before(seen.at)
    if re.search(r":(\s|$)", before):
        return seen.problem_here("a second ': ' on this line: put the text after the first ': ' in quotes")
    indent = len(before) - len(before.lstrip())
    return seen.problem_here(
        "this line is indented further than the line above allows: line it up with the fields around it",
        (seen.at[0], indent),
    )


def _missing_colon(seen: _Seen) -> SyntaxProblem | None:
    if "could not find expected ':'" not in seen.problem:
        return None
    where = seen.context_at or seen.at
    text = seen.lines[where[0]].strip() if where and where[0] < len(seen.lines) else ""
    return seen.problem_here(
        f"'{text[:40]}' has no ':' after a field name: write it as name: value (or indent it if it continues "
        "the text above)",
        where,
    )


def _block_end(seen: _Seen) -> SyntaxProblem | None:
    found = re.search(r"expected <block end>, but found '(.*?)'", seen.problem)
    if found is None:
        return None
    if found.group(1) == "<block mapping start>":
        return seen.problem_here(
            "this line does not line up with the lines above it: the fields of one entry start in the same column"
        )
    if found.group(1) in ("-", "<block sequence start>"):
        return seen.problem_here(
            "a list entry ('- ') where a field was expected: indent it under the field that holds the list"
        )
    opened = _open_quote_above(seen)
    if opened is not None:
        where, quote = opened
        return seen.problem_here(
            f"the quote {quote} that starts here is not closed on its line, so the text runs on to line "
            f"{seen.at[0] + 1 if seen.at else '?'}: add the closing {quote} at the end of this line",
            where,
        )
    return seen.problem_here(
        "more text after a value that has ended: when a value starts with a quote, '[' or '{', put the whole "
        "value in quotes"
    )


_VALUE_QUOTE = re.compile(r"""^\s*(?:- )?[^\s#'"][^#]*?:\s+(["'])""")


def _open_quote_above(seen: _Seen) -> tuple[tuple[int, int], str] | None:
    """The nearest line above the problem whose value opens a quote that the line does not close."""
    if seen.at is None:
        return None
    for number in range(seen.at[0] - 1, max(seen.at[0] - 50, -1), -1):
        line = seen.lines[number]
        found = _VALUE_QUOTE.match(line)
        if found and found.group(1) not in line[found.end() :]:
            return (number, found.start(1)), found.group(1)
    return None


_WORDED = (
    (
        r"found character '(.)' that cannot start any token",
        "a value cannot start with '{0}': put the whole value in quotes",
    ),
    (r'duplicate key "(.*?)"', "'{0}' is given twice in the same entry: keep one of them"),
    (
        r"another document",
        "a second document starts here ('---'): a checklist file holds one; remove the line, or split the file",
    ),
    (
        r"chomping or indentation indicators",
        "after '|' or '>' the text starts on the next line, indented: move it there",
    ),
)
"""Problems told in one sentence (what the pattern finds goes in at {0})."""


def _worded(seen: _Seen) -> SyntaxProblem | None:
    for pattern, message in _WORDED:
        found = re.search(pattern, seen.problem)
        if found is not None:
            return seen.problem_here(message.format(*found.groups()))
    return None


_RULES: tuple[Callable[[_Seen], SyntaxProblem | None], ...] = (
    _tab,
    _worded,
    _reference,
    _unclosed_quote,
    _escape,
    _flow,
    _unclosed_bracket,
    _colon,
    _missing_colon,
    _block_end,
)
