"""The troop-count extractor's work grows linearly with the text, on pathological inputs (no clock)."""

from __future__ import annotations

import pytest
from operation_count import operations

from briefgen.extract import countries, numbers, tokens, troop_kinds, troop_owners, troops
from briefgen.extract.troops import find_troops

MODULES = [troops, troop_owners, troop_kinds, countries, numbers, tokens]

# Each is one phrase repeated with no full stop, so the whole input is a single sentence.
PATHOLOGICAL = {
    "vague counts": "thousands of troops ",
    "casualty counts with owners": "about 5,000 Russian troops were killed, ",
    "countries and one count each": "Russia and Ukraine and France sent 200 soldiers and ",
    "named groups and their fighters": "Communist rebels killed 18 soldiers and hundreds of rebels and ",
    "numbers with no noun": "about 100 or 200 and ",
    "forces of nothing": "a force of ",
    "the government of the main country": "Brazil's government sent 1,000 marines to the docks and ",
}


@pytest.mark.parametrize("phrase", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_doubling_the_text_at_most_doubles_the_work(phrase: str) -> None:
    small = phrase * (6000 // len(phrase))
    large = small * 2
    work_small = operations(lambda: find_troops(small, None), MODULES)
    work_large = operations(lambda: find_troops(large, None), MODULES)
    assert work_large <= 2.2 * work_small, (work_small, work_large)


def test_the_counter_sees_quadratic_work() -> None:
    """The instrument itself: a scan of the whole prefix at every word is seen to grow fourfold."""
    import re

    word = re.compile(r"\w+")
    module = type(troops)("quadratic")
    module.word = word  # type: ignore[attr-defined]

    def quadratic(text: str) -> None:
        for m in module.word.finditer(text):  # type: ignore[attr-defined]
            module.word.findall(text, 0, m.start())  # type: ignore[attr-defined]

    small = "troops " * 300
    work_small = operations(lambda: quadratic(small), [module])
    work_large = operations(lambda: quadratic(small * 2), [module])
    assert work_large > 3.5 * work_small
