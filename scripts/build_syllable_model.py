"""Rebuild the syllable inventory and the syllable-bigram model of OCR post-correction.

    .venv/bin/python scripts/build_syllable_model.py [CORPUS_DIR]   # default ../shared/corpus

Reads CORPUS_DIR/bulk/*.txt, CORPUS_DIR/text/*.txt and the sentences of laws, decrees and
circulars in CORPUS_DIR/peer/vnlegaltext-val.jsonl (the peer benchmark of citations: its
syllables change nothing the citation finder reads) and writes
extractors/data/syllables.tsv ("syllable<TAB>count", most frequent first) and
extractors/data/syllable_bigrams.tsv.gz ("a b<TAB>count"), both in the spelling
``ocr_correct.canonical`` gives (lower case, new tone placement).

Left out:
- the reserved documents, kept unseen for first-contact measurement;
- the gold documents (CORPUS_DIR/gold/*.json, and their copies in bulk/): the
  synthetic-scan benchmark reads their texts back through OCR, and a model that had
  learned them would make its correction look better than it is on unseen text.

The inventory is what the corrector never changes out of context: the syllables seen
at least ``MIN_COUNT`` times (once is a typo of the copy, often), with their counts,
and the syllables of underthesea's Viet74K dictionary (a dependency of the project),
with count 0, so that real words the corpus lacks ("lỵ", "chó", "ấp") count as words.
Bigrams are kept only between syllables seen at least ``MIN_COUNT`` times.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "extractors" / "data"
MIN_COUNT = 2
PEER_FILE = "vnlegaltext-val.jsonl"
RESERVED = frozenset(["75a0867a09525909", "a12a41bbbe518be8", "31786b0833a4130d", "0a5a51958af8e293", "150d48a05ed57aa3", "98be6e047028fade", "edfc0349ad13b2bf", "1fa949f85858c62f", "abca9704d4c889cd", "3a2db039af8c2d05", "2dd703fa6cbbc87b", "1a814c71716d3047", "b6ae4bd43c0ad4ff", "856f6487c18d75d0", "d2c5b73468786a99", "7bcbaa914bb254d9"])


def source_files(corpus: Path) -> list[Path]:
    """The corpus texts the model learns from, reserved and gold documents left out."""
    gold = {p.stem for p in (corpus / "gold").glob("*.json")}
    # Gold stems are "<nn>_<name>"; those taken from bulk/ carry the bulk stem as their name.
    held_out = RESERVED | gold | {stem.split("_", 1)[-1] for stem in gold}
    files = sorted((corpus / "bulk").glob("*.txt")) + sorted((corpus / "text").glob("*.txt"))
    return [p for p in files if p.stem not in held_out]


def count(texts: Iterable[str]) -> tuple[Counter, Counter]:
    from kehoach.extractors.ocr_correct import training_chains

    unigrams: Counter = Counter()
    bigrams: Counter = Counter()
    for text in texts:
        for chain in training_chains(text):
            unigrams.update(chain)
            bigrams.update(itertools.pairwise(chain))
    return unigrams, bigrams


def peer_sentences(corpus: Path) -> list[str]:
    """The sentences of the peer benchmark (laws, decrees, circulars), syllables of a word rejoined."""
    path = corpus / "peer" / PEER_FILE
    if not path.exists():
        return []
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return [row["data"]["value"].replace("_", " ") for row in rows]


def dictionary_syllables() -> set[str]:
    """The syllables of the Viet74K word list shipped in the underthesea package."""
    from importlib import resources

    from kehoach.extractors.ocr_correct import canonical
    from kehoach.extractors.quality import is_syllable

    text = resources.files("underthesea").joinpath("corpus", "data", "Viet74K.txt").read_text(encoding="utf-8")
    words = (canonical(w.strip(".,;:!?()\"'")) for w in text.replace("-", " ").split())
    return {w for w in words if is_syllable(w)}


def write(unigrams: Counter, bigrams: Counter, extra: set[str], out: Path) -> tuple[int, int]:
    kept = {w: n for w, n in unigrams.items() if n >= MIN_COUNT}
    rows = sorted(kept.items(), key=lambda item: (-item[1], item[0]))
    rows += [(w, 0) for w in sorted(extra - set(kept))]
    (out / "syllables.tsv").write_text("".join(f"{w}\t{n}\n" for w, n in rows), encoding="utf-8")
    pairs = sorted(((a, b), n) for (a, b), n in bigrams.items() if a in kept and b in kept)
    # mtime=0: the same counts give the same bytes, so a rebuild without change shows no diff.
    with open(out / "syllable_bigrams.tsv.gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write("".join(f"{a} {b}\t{n}\n" for (a, b), n in pairs).encode("utf-8"))
    return len(rows), len(pairs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--out", default=str(DATA), help="folder to write the two files to")
    args = parser.parse_args(argv)
    files = source_files(Path(args.corpus))
    if not files:
        sys.exit(f"build_syllable_model: no texts under {args.corpus}/bulk or /text")
    peer = peer_sentences(Path(args.corpus))
    unigrams, bigrams = count([*(p.read_text(encoding="utf-8") for p in files), *peer])
    syllables, pairs = write(unigrams, bigrams, dictionary_syllables(), Path(args.out))
    print(f"{len(files)} texts and {len(peer)} peer sentences, {sum(unigrams.values()):,} syllables: "
          f"{syllables:,} in the inventory, {pairs:,} bigrams → {args.out}")


if __name__ == "__main__":
    main()
