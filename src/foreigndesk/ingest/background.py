"""Run a reader in a second process while this one writes: :func:`in_background` iterates a
generator in a child process and yields its items here, one in flight at a time.

The GDELT importer parses a large file this way (:mod:`foreigndesk.importers.gdelt`): the
child reads and checks rows while the parent writes the batch before to the store, so the two
cores of a small machine each do half of the work. Only the parent touches the store.

The child is a new interpreter (``python -c``, with the parent's ``sys.path``), not a fork
(the parent may hold threads, an open store, a loaded model) and not ``multiprocessing``'s
spawn (which imports the caller's main script again). What crosses the pipe is
length-prefixed on the child's stdout (the child's stderr is the parent's): an item of plain
data (tuples, lists, strings, numbers, None) by :mod:`marshal`, which writes the GDELT
importer's batches 2.7 times faster than :mod:`pickle`, anything else pickled. Each item is sent
as the child makes it and the child waits until the parent has taken it (a pipe holds a few
kilobytes), so at most about one item is in flight whatever the input's size. An exception
raised by the generator is raised again in the parent, at the same point of the stream; a
child that dies without one (killed, out of memory) raises :class:`BackgroundError` rather
than hanging the parent. Closing the iterator early, or an exception or interrupt in the
parent, stops the child."""

from __future__ import annotations

import gc
import marshal
import os
import pickle
import signal
import struct
import subprocess
import sys
from collections.abc import Callable, Generator, Iterator
from typing import IO, Any, TypeVar

T = TypeVar("T")

# the first byte of a frame: what follows
_MARSHALLED, _PICKLED, _ERROR, _DONE = b"m", b"p", b"e", b"d"
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
            kind, body = data[:1], data[1:]
            if kind == _MARSHALLED:
                yield _paused_gc(marshal.loads, body)
            elif kind == _PICKLED:
                yield _paused_gc(pickle.loads, body)
            elif kind == _ERROR:
                raise pickle.loads(body)
            else:
                return
    finally:
        child.stdout.close()
        if child.poll() is None:
            child.terminate()
        child.wait()


def _paused_gc(loads: Callable[[bytes], Any], body: bytes) -> Any:
    """Decode without the cycle collector: a batch is tens of thousands of new tuples of
    plain values, which it would walk again and again for nothing (measured: 20% of the
    time of decoding)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return loads(body)
    finally:
        if enabled:
            gc.enable()


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
                send(_encode(item))
            message = _DONE
        except Exception as e:  # noqa: BLE001 - every failure goes to the parent
            if isinstance(e, (BrokenPipeError, ConnectionResetError)):
                raise
            message = _error_message(e)
        send(message)
    except (BrokenPipeError, ConnectionResetError):
        os._exit(0)  # the parent stopped reading: nothing to say, nothing left to flush


def _encode(item: Any) -> bytes:
    try:
        return _MARSHALLED + marshal.dumps(item)
    except ValueError:  # not plain data
        return _PICKLED + pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)


def _error_message(e: Exception) -> bytes:
    try:
        data = pickle.dumps(e)
        pickle.loads(data)  # an exception whose class takes other arguments fails here
        return _ERROR + data
    except Exception:  # noqa: BLE001
        return _ERROR + pickle.dumps(BackgroundError(f"{type(e).__name__}: {e}"))
