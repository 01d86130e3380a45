"""SQLite-flavoured SQL → PostgreSQL SQL, for the statements the store writes once for both.

The store's queries are written in SQLite's dialect (``?`` placeholders). On PostgreSQL each
statement passes through :func:`to_postgres` once (the result is cached), which rewrites what
differs in the text:

- ``?`` → ``%s``, and a literal ``%`` → ``%%`` (psycopg's placeholders);
- ``INSERT OR IGNORE`` → ``INSERT … ON CONFLICT DO NOTHING``; ``INSERT OR REPLACE`` →
  ``INSERT … ON CONFLICT (primary key) DO UPDATE SET`` every other column (the primary key
  comes from the catalogue: see :class:`Translation`);
- ``x IS ?`` / ``x IS NOT ?`` → ``IS [NOT] DISTINCT FROM``;
- ``LIKE`` → ``ILIKE`` (SQLite's LIKE ignores the case of ASCII letters);
- ``BEGIN IMMEDIATE|EXCLUSIVE|DEFERRED`` → ``BEGIN``; ``CAST(… AS REAL)`` → double
  precision; ``char(n)`` → ``chr(n)``; ``LIMIT -1`` → ``LIMIT ALL``;
- ``json_object`` → ``json_build_object``, ``json_group_array`` → ``json_agg`` (JSON values
  are read back as text, as SQLite returns them);
- a subquery in FROM/JOIN without an alias gets one.

What is a function in SQLite and missing in PostgreSQL (two-argument ``min``/``max``,
``group_concat``, ``instr``, ``ifnull``, ``round(float, n)``, ``COLLATE NOCASE``) is defined in
the PostgreSQL schema instead (``migrations/postgres/000_compat.sql``), so the text keeps it.
String literals, quoted identifiers and comments are never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEXEME = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/", re.S)
_MASK = "\x00{}\x00"
_UNMASK = re.compile("\x00(\\d+)\x00")

_INSERT_OR = re.compile(r"^\s*(?:INSERT\s+OR\s+(IGNORE|REPLACE)|(REPLACE))\s+INTO\s+"
                        r"([A-Za-z_][\w]*)\s*(\(([^)]*)\))?", re.I)
_IS_PARAM = re.compile(r"\bIS\s+(NOT\s+)?\?", re.I)
_LIKE = re.compile(r"\bLIKE\b", re.I)
_BEGIN = re.compile(r"^\s*BEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED)(\s+TRANSACTION)?\s*;?\s*$",
                    re.I)
_AS_REAL = re.compile(r"\bAS\s+REAL\b", re.I)
_CHAR = re.compile(r"\bchar\s*\(", re.I)
_LIMIT_ALL = re.compile(r"\bLIMIT\s+-1\b", re.I)
_RETURNING = re.compile(r"\bRETURNING\b", re.I)
_INSERT_TABLE = re.compile(r"^\s*INSERT\s+INTO\s+([A-Za-z_]\w*)", re.I)


_JSON_FUNCS = re.compile(r"\b(json_object|json_group_array)\s*\(", re.I)
_FROM_PAREN = re.compile(r"\b(?:FROM|JOIN)\s*\(", re.I)
_AFTER_SUBQUERY = re.compile(
    r"\s*(?:$|[),;]|(?:WHERE|GROUP|ORDER|LIMIT|OFFSET|UNION|EXCEPT|INTERSECT|JOIN|LEFT|RIGHT|"
    r"INNER|CROSS|FULL|NATURAL|ON|USING|HAVING|WINDOW|RETURNING)\b)", re.I)


def _alias_subqueries(code: str) -> str:
    """Give every subquery in FROM/JOIN without an alias one (PostgreSQL before 16 wants
    them; SQLite does not)."""
    ends: list[int] = []
    for m in _FROM_PAREN.finditer(code):
        depth, i = 0, m.end() - 1
        while i < len(code):
            if code[i] == "(":
                depth += 1
            elif code[i] == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        if i < len(code) and _AFTER_SUBQUERY.match(code, i + 1):
            ends.append(i + 1)
    for n, end in enumerate(sorted(ends, reverse=True)):
        code = code[:end] + f" AS _subquery{n + 1}" + code[end:]
    return code


@dataclass(frozen=True)
class Translation:
    """A statement for PostgreSQL: ``sql``; ``conflict`` is ``None``, ``"ignore"`` or
    ``("replace", table, columns)`` — a REPLACE whose ``ON CONFLICT`` clause needs the
    table's primary key (:func:`with_conflict`); ``insert_table`` names the table of a plain
    ``INSERT`` without ``RETURNING`` (the connection appends ``RETURNING id`` when the table
    has an identity ``id``, for ``lastrowid``)."""

    sql: str
    conflict: tuple[str, str, tuple[str, ...] | None] | None = None
    insert_table: str | None = None


def _mask(sql: str) -> tuple[str, list[str]]:
    saved: list[str] = []

    def keep(m: re.Match[str]) -> str:
        saved.append(m.group(0))
        return _MASK.format(len(saved) - 1)

    return _LEXEME.sub(keep, sql), saved


def _unmask(sql: str, saved: list[str]) -> str:
    return _UNMASK.sub(lambda m: saved[int(m.group(1))].replace("%", "%%"), sql)


def to_postgres(sql: str) -> Translation:
    """The PostgreSQL form of one SQLite-flavoured statement (see the module docstring)."""
    code, saved = _mask(sql)
    if _BEGIN.match(code):
        return Translation("BEGIN")
    code = code.replace("%", "%%")
    conflict: tuple[str, str, tuple[str, ...] | None] | None = None
    m = _INSERT_OR.match(code)
    if m:
        kind = (m.group(1) or m.group(2)).lower()
        table = m.group(3)
        cols = (tuple(c.strip().strip('"') for c in m.group(5).split(","))
                if m.group(5) is not None else None)
        code = f"INSERT INTO {table} {m.group(4) or ''}" + code[m.end():]
        conflict = ("ignore", table, cols) if kind == "ignore" else ("replace", table, cols)
    code = _IS_PARAM.sub(lambda mm: "IS DISTINCT FROM ?" if mm.group(1) else
                         "IS NOT DISTINCT FROM ?", code)
    code = _LIKE.sub("ILIKE", code)
    code = _AS_REAL.sub("AS DOUBLE PRECISION", code)
    code = _CHAR.sub("chr(", code)
    code = _LIMIT_ALL.sub("LIMIT ALL", code)
    code = _JSON_FUNCS.sub(lambda mm: {"json_object": "json_build_object(",
                                        "json_group_array": "json_agg("}[mm.group(1).lower()],
                           code)
    code = _alias_subqueries(code)
    code = code.replace("?", "%s")
    insert_table = None
    if conflict is None:
        mi = _INSERT_TABLE.match(code)
        if mi and not _RETURNING.search(code):
            insert_table = mi.group(1)
    return Translation(_unmask(code, saved), conflict, insert_table)


def with_conflict(t: Translation, primary_key: tuple[str, ...],
                  columns: tuple[str, ...]) -> str:
    """``t.sql`` with its ``ON CONFLICT`` clause, given the table's primary key and columns
    (those of the statement's column list, else every column of the table)."""
    assert t.conflict is not None
    kind, _table, cols = t.conflict
    sql = t.sql.rstrip().rstrip(";")
    tail = ""
    r = _RETURNING.search(sql)
    if r:
        sql, tail = sql[:r.start()].rstrip(), " " + sql[r.start():]
    if kind == "ignore" or not primary_key:
        return f"{sql} ON CONFLICT DO NOTHING{tail}"
    target = ", ".join(f'"{c}"' for c in primary_key)
    rest = [c for c in (cols or columns) if c not in primary_key]
    if not rest:
        return f"{sql} ON CONFLICT ({target}) DO NOTHING{tail}"
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in rest)
    return f"{sql} ON CONFLICT ({target}) DO UPDATE SET {sets}{tail}"
