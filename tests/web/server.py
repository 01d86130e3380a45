"""A real ``foreigndesk serve`` in a subprocess on a free local port, for the web tests."""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``foreigndesk serve --db DB --port P``; ``base`` is its URL, ``token`` the write token
    it printed at start."""

    def __init__(self, db: Path, timeout: float = 120.0) -> None:
        self.db = db
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.token = ""
        self.announced: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from foreigndesk.cli import main; main()", "serve",
             "--db", str(db), "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "FOREIGNDESK_TOKEN": ""})
        self.lines: queue.Queue[str] = queue.Queue()
        self.err: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()
        self._wait(timeout)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.err.append(line)

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve exited {self.proc.returncode}: {''.join(self.err)}")
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            self.announced.append(line)
            if "write token" in line:
                self.token = line.rsplit(":", 1)[1].strip()
                break
        else:
            self.stop()
            raise RuntimeError(f"serve did not start in {timeout} s: {''.join(self.err)}")
        while time.monotonic() < deadline:  # the token is printed once the socket listens
            try:
                httpx.get(self.base + "/api/stats", timeout=5)
                return
            except httpx.TransportError:
                time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
