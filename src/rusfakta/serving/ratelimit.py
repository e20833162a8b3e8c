"""A per-client token bucket, in memory only: nothing about the client is logged or stored."""

import hashlib
import threading
import time

from django.conf import settings


def client_address(meta):
    """The visitor's address from a WSGI environ (or request.META), used only as a bucket key.

    Behind our own proxy (RUSFAKTA_BEHIND_PROXY) every request comes from the proxy, so the
    address is the last one in X-Forwarded-For: the one our proxy added. Earlier entries are
    the client's own claims and are ignored.
    """
    if settings.BEHIND_PROXY:
        forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return meta.get("REMOTE_ADDR", "")


SWEEP_SECONDS = 5.0


class TokenBucket:
    """Per-client tokens. A client idle long enough to have a full bucket is forgotten: at most
    burst / rate + SWEEP_SECONDS after its last request (about 11 s with the defaults)."""

    def __init__(self, rate, burst, max_clients=50_000):
        self.rate, self.burst, self.max_clients = rate, burst, max_clients
        self.full_after = burst / rate if rate > 0 else float("inf")
        self.buckets = {}
        self.lock = threading.Lock()
        self.swept = time.monotonic()

    def allow(self, client, now=None):
        now = time.monotonic() if now is None else now
        key = hashlib.blake2b(client.encode(), digest_size=8).digest()
        with self.lock:
            if now - self.swept >= SWEEP_SECONDS:
                self._sweep(now)
            if len(self.buckets) > self.max_clients:
                self.buckets.clear()
            tokens, last = self.buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            allowed = tokens >= 1
            self.buckets[key] = (tokens - 1 if allowed else tokens, now)
            return allowed

    def _sweep(self, now):
        """Forget clients whose bucket has filled up again: for them, no entry means the same."""
        self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < self.full_after}
        self.swept = now
