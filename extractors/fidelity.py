"""Give extracted strings back the document's own spelling.

The parsers read a *match view* of the text in which old tone placement ("hoà", "Uỷ") and
Đ look-alikes are folded, so one pattern finds both spellings. The view changes letters, never
lengths: each line of it is as long as the line as written. Whatever the parsers output is
therefore spelled the view's way; :func:`restore_spelling` puts the document's spelling back, so
the registry stores and prints the words as written.

A string found verbatim in the view takes the written text at that place; a string the parsers
composed ("Sở" + "Tài chính" from "Giám đốc các Sở: Tài chính, …") takes it word by word: a word
the document never writes the view's way gets the way the document writes it, in the case the
parsers gave it ("Ủy" for a written "UỶ" is "Uỷ").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kehoach.schemas.models import PlanDocument

_WORD_RE = re.compile(r"\w+")


@dataclass
class SpellingMap:
    """The written text beside its match view, and each folded word's written forms."""

    view: str = ""  # lines of the match view joined by spaces
    written: str = ""  # the same lines as written: same length, letter for letter
    words: dict[str, Counter] = field(default_factory=dict)  # casefolded view word → written words (casefolded)
    written_words: frozenset[str] = frozenset()  # every written word, casefolded

    @classmethod
    def from_lines(cls, pairs: Iterable[tuple[str, str]]) -> SpellingMap:
        """Build from (written, view) line pairs; a pair of unequal lengths is left out."""
        written_lines, view_lines, words = [], [], {}
        for written, view in pairs:
            if len(written) != len(view):
                continue
            written_lines.append(written)
            view_lines.append(view)
            if written == view:
                continue
            for match in _WORD_RE.finditer(view):
                as_written = written[match.start():match.end()]
                if as_written != match.group(0):
                    words.setdefault(match.group(0).casefold(), Counter())[as_written.casefold()] += 1
        written_text = " ".join(written_lines)
        return cls(view=" ".join(view_lines), written=written_text, words=words,
                   written_words=frozenset(w.casefold() for w in _WORD_RE.findall(written_text)))

    @property
    def changed(self) -> bool:
        return bool(self.words)

    def restore(self, text: str | None) -> str | None:
        """``text`` (spelled the view's way) in the document's spelling."""
        if not text or not self.words:
            return text
        at = self.view.find(text)
        if at >= 0 and self.view.find(text, at + 1) < 0:
            return self.written[at:at + len(text)]
        return _WORD_RE.sub(self._restore_word, text)

    def _restore_word(self, match: re.Match) -> str:
        word = match.group(0)
        key = word.casefold()
        forms = self.words.get(key)
        if not forms or key in self.written_words:
            return word  # the document writes it this way too (or the view never changed it)
        return _with_case_of(word, forms.most_common(1)[0][0])


def _with_case_of(model: str, word: str) -> str:
    """``word`` with the letter case of ``model`` (same length), letter by letter."""
    if len(model) != len(word):
        return word
    return "".join(w.upper() if m.isupper() else w for m, w in zip(model, word, strict=True))


def _cited_text(citation, texts: dict, restore) -> str:
    """A citation's text as its node's restored text has it at the same offsets (they index that text)."""
    view, written = texts.get(citation.node, (None, None))
    if view and written and view[citation.start:citation.end] == citation.text:
        return written[citation.start:citation.end]
    return restore(citation.text)


def restore_spelling(plan: PlanDocument, spelling: SpellingMap) -> PlanDocument:
    """Every string of ``plan`` read from the document, in the document's own spelling."""
    if not spelling.changed:
        return plan
    r = spelling.restore
    meta = plan.metadata
    signers = [s.model_copy(update={"name": r(s.name), "position": r(s.position), "authority": r(s.authority)})
               for s in meta.signers]
    signer = meta.signer and meta.signer.model_copy(update={
        "name": r(meta.signer.name), "position": r(meta.signer.position), "authority": r(meta.signer.authority)})
    metadata = meta.model_copy(update={
        "issuer": r(meta.issuer), "parent_issuer": r(meta.parent_issuer), "place": r(meta.place),
        "title": r(meta.title), "signer": signer, "signers": signers,
        "recipients": [r(x) for x in meta.recipients]})
    nodes = [n.model_copy(update={"heading": r(n.heading), "text": r(n.text), "deadline_text": r(n.deadline_text)})
             for n in plan.nodes]
    texts = {n.id: (old.text, n.text) for old, n in zip(plan.nodes, nodes, strict=True)}
    citations = [c.model_copy(update={"text": _cited_text(c, texts, r), "title": r(c.title), "issuer": r(c.issuer)})
                 for c in plan.citations]
    assignments = [a.model_copy(update={"unit": r(a.unit), "deadline_text": r(a.deadline_text),
                                        "jurisdiction": r(a.jurisdiction)})
                   for a in plan.assignments]
    return plan.model_copy(update={"metadata": metadata, "nodes": nodes, "citations": citations,
                                   "assignments": assignments})
