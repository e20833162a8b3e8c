"""The token bucket behind the search rate limit: the limit, refill, and forgetting idle clients."""

from rusfakta.serving.ratelimit import SWEEP_SECONDS, TokenBucket


def test_a_burst_then_the_rate():
    bucket = TokenBucket(rate=2, burst=3)
    assert [bucket.allow("a", now=100.0) for _ in range(4)] == [True, True, True, False]
    assert bucket.allow("b", now=100.0)  # another client has its own bucket
    assert not bucket.allow("a", now=100.2)  # 0.4 of a token back
    assert bucket.allow("a", now=100.6)  # a whole token back after half a second


def test_idle_clients_are_forgotten_soon_after_their_bucket_is_full_again():
    bucket = TokenBucket(rate=5, burst=30)  # full again after 6 s
    bucket.swept = 0.0
    bucket.allow("a", now=1.0)
    bucket.allow("b", now=4.0)
    assert len(bucket.buckets) == 2
    bucket.allow("c", now=1.0 + 6.0 + SWEEP_SECONDS)  # "a" idle 11 s, "b" idle 8 s: both full
    assert len(bucket.buckets) == 1
    bucket.allow("d", now=14.0)  # no sweep yet: 2 s since the last one
    assert len(bucket.buckets) == 2


def test_forgetting_changes_no_answer():
    kept, swept = TokenBucket(rate=1, burst=2), TokenBucket(rate=1, burst=2)
    kept.swept = swept.swept = 0.0
    times = [0.0, 0.1, 0.2, 3.0, 3.1, 9.0, 9.05, 9.1, 30.0]
    answers_kept = []
    for t in times:
        kept.swept = t  # never sweeps
        answers_kept.append(kept.allow("a", now=t))
    answers_swept = [swept.allow("a", now=t) for t in times]
    assert answers_kept == answers_swept == [True, True, False, True, True, True, True, False, True]
