"""An HTTP client whose timeout counts the whole call, for the LLM writer.

httpx's read timeout restarts with every byte, so a server that sends SSE keep-alive comments, or
a token every few seconds, keeps a stream open for ever. This transport gives each response the
time its request was given (the remaining time of the section): when it is spent, the socket is
shut down — which wakes a read that is waiting — and the stream raises TimeoutError. openai 3
speaks httpx2, so the client is an httpx2 client (openai's own defaults, this transport).
"""

from __future__ import annotations

import socket
import threading
import time

import httpx2
import openai


class WholeCallDeadline(httpx2.BaseTransport):
    """Wraps the default transport; each response stream ends at its request's deadline."""

    def __init__(self) -> None:
        self.inner = httpx2.HTTPTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        budget = (request.extensions.get("timeout") or {}).get("read")
        deadline = time.monotonic() + (budget or 0)
        response = self.inner.handle_request(request)  # waiting for the headers: the read timeout
        if budget:
            stream = response.extensions.get("network_stream")
            sock = stream.get_extra_info("socket") if stream is not None else None
            response.stream = _Until(response.stream, deadline, sock)
        return response

    def close(self) -> None:
        self.inner.close()


class _Until(httpx2.SyncByteStream):
    def __init__(self, stream, deadline: float, sock: socket.socket | None) -> None:
        self.stream, self.deadline = stream, deadline
        self.timer = threading.Timer(max(0.0, deadline - time.monotonic()), _shut, (sock,))
        self.timer.daemon = True
        if sock is not None:
            self.timer.start()

    def __iter__(self):
        try:
            for chunk in self.stream:
                if time.monotonic() > self.deadline:
                    raise TimeoutError("the call's whole time is spent")
                yield chunk
        except Exception:
            if time.monotonic() >= self.deadline:  # the socket was shut at the deadline
                raise TimeoutError("the call's whole time is spent") from None
            raise
        finally:
            self.timer.cancel()  # read to the end (or failed): the connection may go back to the pool

    def close(self) -> None:
        self.timer.cancel()
        self.stream.close()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


def whole_call_client() -> httpx2.Client:
    """openai's default client (its limits and redirects) over the deadline transport."""
    return openai.DefaultHttpxClient(transport=WholeCallDeadline())
