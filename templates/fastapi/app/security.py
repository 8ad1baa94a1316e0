"""API-key authentication, a per-client rate limit and a request size limit (the guide's Security Checklist)."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time

from fastapi import HTTPException, Request, status


class ApiKeys:
    """The keys from the API_KEY environment variable; several, separated by commas, let a key be rotated."""

    def __init__(self, configured: str) -> None:
        self._keys = [key.strip().encode() for key in configured.split(",") if key.strip()]

    def __bool__(self) -> bool:
        return bool(self._keys)

    def accepts(self, given: str | None) -> bool:
        # compare_digest takes as long for a wrong key as for a right one, so timing reveals nothing.
        return given is not None and any(hmac.compare_digest(given.encode(), key) for key in self._keys)

    def check(self, given: str | None) -> None:
        if not self.accepts(given):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Missing or wrong API key (header X-API-Key).")


class RateLimiter:
    """A token bucket per client: `rate` requests a second on average, bursts of up to `burst`."""

    _MAX_CLIENTS = 10_000

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        if self.rate <= 0:
            return
        now = time.monotonic()
        with self._lock:
            if len(self._buckets) > self._MAX_CLIENTS:
                # Forgetting everyone at once is crude but bounds memory; it only ever lets requests through.
                self._buckets.clear()
            tokens, last = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[client] = (tokens, now)
                retry_after = max(1, int((1 - tokens) / self.rate + 0.999))
                raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, "Rate limit exceeded.", headers={"Retry-After": str(retry_after)})
            self._buckets[client] = (tokens - 1, now)


def client_id(request: Request, verified_key: str | None) -> str:
    """Who is calling: a valid API key's hash (clients share IPs behind proxies), else the address.

    Only a key already checked counts: a caller trying one wrong key after another must not get a fresh bucket each
    time, so wrong and missing keys are limited by address.
    """
    if verified_key:
        return "key:" + hashlib.sha256(verified_key.encode()).hexdigest()[:16]
    return "ip:" + (request.client.host if request.client else "unknown")


class BodySizeLimit:
    """ASGI middleware: refuses request bodies over `max_bytes` with 413, whether or not Content-Length is sent."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _send_too_large(send, self.max_bytes)
            return
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Raised while the endpoint reads its body, so FastAPI answers it as any HTTPException.
                    raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, f"The request body is over {self.max_bytes} bytes.")
            return message

        await self.app(scope, limited_receive, send)


async def _send_too_large(send, max_bytes: int) -> None:
    body = json.dumps({"detail": f"The request body is over {max_bytes} bytes."}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
