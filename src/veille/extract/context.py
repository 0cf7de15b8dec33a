"""What an extractor may read besides the spaCy Doc: the document's facts and earlier records."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.records import CorefCluster, Event, Mention, Quote, Record, Timex

__all__ = ["Context"]


@dataclass(slots=True)
class Context:
    """Filled in pipeline order: entities (then linking and coreference), timexes, quotes, events.

    The context is the document's record store while it is annotated: what a step yields is
    added to it, and a step may also edit earlier records in place (linking fills in a
    Mention's name and codes, and may drop a mention that NER got wrong).
    """

    doc_id: str
    lang: str
    published: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    clusters: list[CorefCluster] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def add(self, record: Record) -> None:
        """File a record where later steps look for it."""
        if isinstance(record, Mention):
            self.mentions.append(record)
        elif isinstance(record, CorefCluster):
            self.clusters.append(record)
        elif isinstance(record, Timex):
            self.timexes.append(record)
        elif isinstance(record, Quote):
            self.quotes.append(record)
        elif isinstance(record, Event):
            self.events.append(record)
        else:
            raise TypeError(f"not a record: {record!r}")

    def records(self) -> list[Record]:
        """Every record of the document as the steps left them (a step may edit or drop mentions)."""
        return [*self.mentions, *self.clusters, *self.timexes, *self.quotes, *self.events]
