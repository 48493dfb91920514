"""A list in an answer that may be any sequence: the rows of a kept answer are decoded as they are read
(`tracker.services.kept.KeptRows`), and are written out as the list they stand for."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, TypeVar

from pydantic import PlainSerializer

Item = TypeVar("Item")

Rows = Annotated[Sequence[Item], PlainSerializer(list, return_type=list[Item])]
