#!/usr/bin/env python3
"""Generate tests/data/fsrs-vectors.csv: answer sequences replayed through py-fsrs.

Recap's scheduler (src/schedule/) must agree with py-fsrs, the reference implementation of
FSRS-6 with learning steps. This script replays seeded random answer sequences through the
py-fsrs default Scheduler with fuzz off and records the state after every answer; the Rust
test tests/schedule_conformance.rs replays the same answers and compares.

Usage (the app itself never needs Python):
    python3 -m venv /tmp/pyfsrs && /tmp/pyfsrs/bin/pip install 'fsrs==6.3.2'
    /tmp/pyfsrs/bin/python scripts/gen_fsrs_vectors.py > tests/data/fsrs-vectors.csv
"""

import math
import random
import sys
from datetime import datetime, timedelta, timezone
from importlib.metadata import version

from fsrs import Card, Rating, Scheduler, State

PINNED_VERSION = "6.3.2"
SEED = 20240603
SEQUENCES = 240
MIN_ANSWERS, MAX_ANSWERS = 3, 30
# The fsrs crate (and Anki) cap stability at 36,500 days; py-fsrs does not. Past the cap the
# two legitimately disagree, so a sequence is cut before its stability passes it (answers a
# century apart are no real learner's anyway).
STABILITY_CAP = 36500.0
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MS = timedelta(milliseconds=1)

# Ratings weighted towards Good, as learners answer, so sequences reach long intervals too.
RATINGS = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]
RATING_WEIGHTS = [0.2, 0.15, 0.45, 0.2]


def to_ms(moment: datetime) -> int:
    return (moment - EPOCH) // MS


def log_uniform_seconds(rng: random.Random, low: float, high: float) -> timedelta:
    seconds = math.exp(rng.uniform(math.log(low), math.log(high)))
    return timedelta(milliseconds=round(seconds * 1000))


def next_answer_time(rng: random.Random, card: Card, now: datetime) -> datetime:
    """Mostly at or after the due time, sometimes early, with gaps from seconds to months."""
    roll = rng.random()
    if roll < 0.15:
        return card.due
    if roll < 0.65:
        # late: seconds to two months after due
        return card.due + log_uniform_seconds(rng, 1, 60 * 86400)
    if roll < 0.85:
        # early: somewhere between the last answer and the due time
        span = card.due - now
        return now + span * rng.uniform(0.0, 1.0)
    # any gap from seconds to months, regardless of due
    return now + log_uniform_seconds(rng, 5, 120 * 86400)


def main() -> None:
    if version("fsrs") != PINNED_VERSION:
        sys.exit(f"needs py-fsrs {PINNED_VERSION}, found {version('fsrs')}")
    rng = random.Random(SEED)
    scheduler = Scheduler(enable_fuzzing=False)
    print(f"# py-fsrs {PINNED_VERSION}, default Scheduler, enable_fuzzing=False, seed {SEED}")
    print("# state: 1 Learning, 2 Review, 3 Relearning; step -1 = none (Review)")
    print("sequence,answer,review_ms,rating,state,step,stability,difficulty,due_ms")
    sequence = 0
    while sequence < SEQUENCES:
        rows = replay_one(rng, scheduler)
        if len(rows) < MIN_ANSWERS:
            continue
        for answer, row in enumerate(rows):
            print(f"{sequence},{answer},{row}")
        sequence += 1


def replay_one(rng: random.Random, scheduler: Scheduler) -> list[str]:
    """One card's answers; stops before stability passes the cap the fsrs crate applies."""
    start_ms = rng.randrange(1_600_000_000_000, 1_800_000_000_000)
    now = EPOCH + timedelta(milliseconds=start_ms)
    card = Card(card_id=1, due=now)
    rows = []
    for answer in range(rng.randint(MIN_ANSWERS, MAX_ANSWERS)):
        if answer > 0:
            now = next_answer_time(rng, card, now)
            # whole milliseconds, as Recap's Timestamp holds them
            now = EPOCH + timedelta(milliseconds=to_ms(now))
        rating = rng.choices(RATINGS, RATING_WEIGHTS)[0]
        card, _ = scheduler.review_card(card, rating, now)
        if card.stability > STABILITY_CAP:
            break
        step = -1 if card.step is None else card.step
        rows.append(
            f"{to_ms(now)},{int(rating)},{int(card.state)},{step},"
            f"{card.stability!r},{card.difficulty!r},{to_ms(card.due)}"
        )
    return rows


if __name__ == "__main__":
    main()
