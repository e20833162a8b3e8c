"""A per-client token bucket, in memory only: nothing about the client is logged or stored."""

import hashlib
import threading
import time


class TokenBucket:
    def __init__(self, rate, burst, max_clients=50_000):
        self.rate, self.burst, self.max_clients = rate, burst, max_clients
        self.buckets = {}
        self.lock = threading.Lock()

    def allow(self, client, now=None):
        now = time.monotonic() if now is None else now
        key = hashlib.blake2b(client.encode(), digest_size=8).digest()
        with self.lock:
            if len(self.buckets) > self.max_clients:
                self.buckets.clear()
            tokens, last = self.buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            allowed = tokens >= 1
            self.buckets[key] = (tokens - 1 if allowed else tokens, now)
            return allowed
