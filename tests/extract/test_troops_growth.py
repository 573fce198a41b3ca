"""The troop-count extractor's work grows linearly with the text, on pathological inputs (no clock).

The work is counted by ../operations.py: bytecodes run plus characters scanned by regexes.
"""

from __future__ import annotations

import pytest
from operations import growth

from briefgen.extract import countries, numbers, troop_kinds, troop_owners, troops
from briefgen.extract.troops import find_troops

MODULES = (troops, troop_owners, troop_kinds, countries, numbers)
LIMIT = 2.2
"""Most growth allowed when the input doubles: linear work doubles, quadratic work quadruples."""

# Each is one phrase repeated with no full stop, so the whole input is a single sentence.
PATHOLOGICAL = {
    "vague counts": "thousands of troops ",
    "casualty counts with owners": "about 5,000 Russian troops were killed, ",
    "countries and one count each": "Russia and Ukraine and France sent 200 soldiers and ",
    "named groups and their fighters": "Communist rebels killed 18 soldiers and hundreds of rebels and ",
    "lists of counts sharing a predicate": "5 soldiers, 6 civilians and 7 soldiers and ",
    "numbers with no noun": "about 100 or 200 and ",
    "forces of nothing": "a force of ",
    "the government of the main country": "in Brazil the government sent 1,000 marines to the docks and ",
}


@pytest.mark.parametrize("phrase", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_doubling_the_text_at_most_doubles_the_work(phrase: str) -> None:
    ratio = growth(lambda size: phrase * (size // len(phrase)), lambda text: find_troops(text, None), 6000, MODULES)
    assert ratio < LIMIT, f"work grew {ratio:.2f} times when the input doubled"
