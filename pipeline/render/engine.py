"""The PDF compiled in a child process this worker keeps, so that a job's deadline can stop it.

A Typst compile cannot be interrupted from Python: a huge table ran on for 26 s past a 50 s limit. So the compiler
lives in a child process, started once per worker and kept warm (fonts loaded, earlier layouts cached) as it was
in-process; a compile that outlives the job's deadline is ended by killing the child, and the next PDF starts a new
one. Requests and answers travel as pickled messages, length first, over the child's stdin and stdout.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from importlib import import_module
from typing import IO, Any, cast

from pipeline.errors import RenderFailed, RenderTimedOut

LENGTH = struct.Struct("!Q")


class Engine:
    """One child process that compiles PDFs, owned by the process that started it (a fork does not share it)."""

    def __init__(self) -> None:
        self.child: subprocess.Popen[bytes] | None = None
        self.owner = 0
        self.lock = threading.Lock()

    def compile(self, request: dict[str, Any], seconds: float | None = None) -> bytes:
        """What `request` asks the child for ({"call": "module:function", "arguments": {...}}: a PDF), within
        `seconds` if given; RenderTimedOut when it takes longer, RenderFailed with the compiler's message."""
        with self.lock:
            child = self.started()
            assert child.stdin is not None and child.stdout is not None
            try:
                send(child.stdin, request)
                ok, answer = receive(child.stdout, None if seconds is None else time.monotonic() + seconds)
            except TimeoutError:
                self.stop()
                raise RenderTimedOut(
                    "pdf", f"the PDF was stopped after {seconds:.0f} s, at the job's time limit"
                ) from None
            except (OSError, EOFError, pickle.UnpicklingError) as error:
                code = self.stop()
                raise RenderFailed(
                    "pdf", f"the PDF engine stopped ({type(error).__name__}, exit code {code})"
                ) from None
        if not ok:
            raise RenderFailed("pdf", answer)
        return cast(bytes, answer)  # a PDF: the child answers a request with the renderer's bytes

    def started(self) -> subprocess.Popen[bytes]:
        if self.child is None or self.owner != os.getpid() or self.child.poll() is not None:
            self.child = subprocess.Popen(
                [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True
            )
            self.owner = os.getpid()
        return self.child

    def stop(self) -> int | None:
        """End the child at once (it may be deep in a layout that would not return); the next compile starts anew."""
        child, self.child = self.child, None
        if child is None or self.owner != os.getpid():
            return None
        child.kill()
        return child.wait()


def send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(LENGTH.pack(len(data)) + data)
    stream.flush()


def receive(stream: IO[bytes], deadline: float | None = None) -> Any:
    header = read_exactly(stream, LENGTH.size, deadline)
    return pickle.loads(read_exactly(stream, LENGTH.unpack(header)[0], deadline))


def read_exactly(stream: IO[bytes], size: int, deadline: float | None) -> bytes:
    """`size` bytes from the pipe, waiting no later than `deadline` (time.monotonic); EOFError if the writer ended."""
    chunks, left, fd = [], size, stream.fileno()
    while left:
        if deadline is not None:
            ready, _, _ = select.select([fd], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                raise TimeoutError
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("the PDF engine ended")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def serve() -> None:
    """The child's loop: a request in, a PDF (or the compiler's message) out, until the parent closes the pipe."""
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed may enter the answers
    while True:
        try:
            request = receive(requests)
        except EOFError:
            return
        try:
            module, function = request["call"].split(":")  # by name, as the registry names renderers
            answer = (True, getattr(import_module(module), function)(**request["arguments"]))
        except Exception as error:  # Typst's own message, for the parent to name the input by
            answer = (False, str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__)
        send(answers, answer)


if __name__ == "__main__":
    serve()
