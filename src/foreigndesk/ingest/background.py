"""Run a reader in a second process while this one writes: :func:`in_background` iterates a
generator in a child process and yields its items here, one in flight at a time.

The GDELT importer parses a large file this way (:mod:`foreigndesk.importers.gdelt`): the
child reads and checks rows while the parent writes the batch before to the store, so the two
cores of a small machine each do half of the work. Only the parent touches the store.

The child is a new interpreter (``python -c``, with the parent's ``sys.path``), not a fork
(the parent may hold threads, an open store, a loaded model) and not ``multiprocessing``'s
spawn (which imports the caller's main script again). What crosses the pipe is pickled,
length-prefixed on the child's stdout; the child's stderr is the parent's. Each item is sent
as the child makes it and the child waits until the parent has taken it (a pipe holds a few
kilobytes), so at most about one item is in flight whatever the input's size. An exception
raised by the generator is raised again in the parent, at the same point of the stream; a
child that dies without one (killed, out of memory) raises :class:`BackgroundError` rather
than hanging the parent. Closing the iterator early, or an exception or interrupt in the
parent, stops the child."""

from __future__ import annotations

import os
import pickle
import signal
import struct
import subprocess
import sys
from collections.abc import Callable, Generator, Iterator
from typing import IO, Any, TypeVar

T = TypeVar("T")

_ITEM, _ERROR, _DONE = 0, 1, 2
_LENGTH = struct.Struct(">Q")
_BOOT = ("import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); "
         "from foreigndesk.ingest.background import _child; _child()")


class BackgroundError(RuntimeError):
    """The reader process ended without finishing its stream or saying why."""


def in_background(produce: Callable[..., Iterator[T]], *args: Any
                  ) -> Generator[T, None, None]:
    """The items of ``produce(*args)``, computed in a child process. ``produce`` must be a
    module-level function; it, its arguments, its items and its exceptions are pickled (an
    exception that cannot be is raised here as :class:`BackgroundError` with its message)."""
    child = subprocess.Popen([sys.executable, "-c", _BOOT], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None
    try:
        try:
            pickle.dump(list(sys.path), child.stdin)
            pickle.dump((produce, args), child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            child.stdin.close()
        except BrokenPipeError:
            pass  # the child failed at once: said below
        while True:
            data = _read_frame(child.stdout)
            if data is None:
                raise BackgroundError(
                    f"the reader process stopped without finishing (exit code "
                    f"{child.wait()})")
            kind, value = pickle.loads(data)
            if kind == _ITEM:
                yield value
            elif kind == _ERROR:
                raise value
            else:
                return
    finally:
        child.stdout.close()
        if child.poll() is None:
            child.terminate()
        child.wait()


def _read_frame(stream: IO[bytes]) -> bytes | None:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (n,) = _LENGTH.unpack(head)
    data = stream.read(n)
    return data if len(data) == n else None


def _child() -> None:
    """The child's side (run by :data:`_BOOT`): read the generator and its arguments from
    stdin, write each item, then the end or the exception that stopped the stream."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not break the frames

    def send(data: bytes) -> None:
        out.write(_LENGTH.pack(len(data)))
        out.write(data)
        out.flush()

    try:
        try:
            produce, args = pickle.load(sys.stdin.buffer)
            for item in produce(*args):
                send(pickle.dumps((_ITEM, item), protocol=pickle.HIGHEST_PROTOCOL))
            message = pickle.dumps((_DONE, None))
        except Exception as e:  # noqa: BLE001 - every failure goes to the parent
            if isinstance(e, (BrokenPipeError, ConnectionResetError)):
                raise
            message = _error_message(e)
        send(message)
    except (BrokenPipeError, ConnectionResetError):
        os._exit(0)  # the parent stopped reading: nothing to say, nothing left to flush


def _error_message(e: Exception) -> bytes:
    try:
        data = pickle.dumps((_ERROR, e))
        pickle.loads(data)  # an exception whose class takes other arguments fails here
        return data
    except Exception:  # noqa: BLE001
        return pickle.dumps((_ERROR, BackgroundError(f"{type(e).__name__}: {e}")))
