"""The search budget: a token bucket per client in a shared cache — the limit, refill, expiry."""

from django.core.cache import caches

from rusfakta.serving.searchfront import SearchBudget


def test_a_burst_then_the_rate():
    budget = SearchBudget(rate=2, burst=3)
    assert [budget.allow("a", now=100.0) for _ in range(4)] == [True, True, True, False]
    assert budget.allow("b", now=100.0)  # another client has its own bucket
    assert not budget.allow("a", now=100.2)  # 0.4 of a token back
    assert budget.allow("a", now=100.6)  # a whole token back after half a second


def test_two_budgets_on_one_cache_are_one_budget():
    # Two workers (or two instances) each make their own SearchBudget on the same cache.
    first, second = SearchBudget(rate=0.001, burst=4), SearchBudget(rate=0.001, burst=4)
    answers = [(first if i % 2 else second).allow("a", now=50.0) for i in range(6)]
    assert answers == [True, True, True, True, False, False]


def test_an_entry_lives_until_its_bucket_is_full_again_and_holds_no_address():
    budget = SearchBudget(rate=5, burst=30)
    budget.allow("203.0.113.7")
    key = budget.key("203.0.113.7")
    assert "203.0.113.7" not in key and caches["search"].get(key) is not None
    assert budget.key("203.0.113.7") != budget.key("203.0.113.8")


def test_forgetting_changes_no_answer():
    budget = SearchBudget(rate=1, burst=2)
    times = [0.0, 0.1, 0.2, 3.0, 3.1, 9.0, 9.05, 9.1, 30.0]
    answers = []
    for t in times:
        answers.append(budget.allow("a", now=t))
        if t in (3.1, 9.1):
            caches["search"].delete(budget.key("a"))  # expired: the bucket was full again by the next time
    assert answers == [True, True, False, True, True, True, True, False, True]


def test_the_file_store_culls_expired_entries_first_and_only_now_and_then(tmp_path, monkeypatch):
    from rusfakta.serving import budgetcache

    store = budgetcache.BudgetFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 4}})
    for i in range(4):
        store.set(f"old{i}", 1.0, timeout=-1)  # already expired: buckets that are full again
    store._next_cull = 0.0
    store.set("live", 2.0, timeout=60)  # over MAX_ENTRIES: the expired go, the live one stays
    assert store.get("live") == 2.0 and len(store._list_cache_files()) == 1
    for i in range(6):
        store.set(f"new{i}", 3.0, timeout=60)  # within CULL_SECONDS of the last look: no listing
    assert len(store._list_cache_files()) == 7
    monkeypatch.setattr(budgetcache, "CULL_SECONDS", 0.0)
    store._next_cull = 0.0
    store.set("one more", 4.0, timeout=60)  # nothing has expired: Django's cull makes room
    assert len(store._list_cache_files()) < 8 and store.get("one more") == 4.0
