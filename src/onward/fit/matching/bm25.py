"""BM25 over short texts (task statements, posting lines): Snowball-stemmed tokens without English stop words,
scored for many queries at once with one sparse product, and saturated into 0…1."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]
SCALE = 10.0  # BM25 score at which the similarity reaches 1 − 1/e


@cache
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(texts: list[str], *, return_ids: bool = True) -> Any:
    """Return bm25s tokens for `texts` (ids and vocabulary for indexing; word lists with return_ids=False)."""
    import bm25s

    return bm25s.tokenize(
        texts, stopwords="en", stemmer=_stemmer(), return_ids=return_ids, show_progress=False, allow_empty=True
    )


def saturate(scores: Matrix) -> Matrix:
    """Return BM25 scores mapped into 0…1 (independent of other queries, so weak matches stay weak)."""
    return np.asarray(1.0 - np.exp(-scores / SCALE), dtype=np.float32)


class Bm25Index:
    """A BM25 index over documents, scoring any number of queries with one sparse matrix product."""

    def __init__(self, documents: Sequence[str]) -> None:
        import bm25s
        from scipy.sparse import csr_matrix

        self.size = len(documents)
        retriever = bm25s.BM25()
        retriever.index(tokenize(list(documents)), show_progress=False)
        self.vocabulary: dict[str, int] = retriever.vocab_dict
        raw = retriever.scores  # a documents × terms CSC matrix; read as CSR it is terms × documents
        # bm25s adds "" to the vocabulary without giving it a column.
        self.terms = len(raw["indptr"]) - 1
        self.term_scores = csr_matrix((raw["data"], raw["indices"], raw["indptr"]), shape=(self.terms, raw["num_docs"]))

    def _query_counts(self, queries: Sequence[str]) -> Any:
        from scipy.sparse import csr_matrix

        rows: list[int] = []
        columns: list[int] = []
        for row, tokens in enumerate(tokenize(list(queries), return_ids=False)):
            for token in tokens:
                column = self.vocabulary.get(token, self.terms)
                if column < self.terms:
                    rows.append(row)
                    columns.append(column)
        values = np.ones(len(rows), dtype=np.float32)
        return csr_matrix((values, (rows, columns)), shape=(len(queries), self.terms))

    def sparse_similarity(self, queries: Sequence[str]) -> Any:
        """Return query × document similarities in 0…1 as a sparse matrix (zeros where no word is shared)."""
        scores = self._query_counts(queries) @ self.term_scores
        scores.data = saturate(scores.data)  # saturating keeps zeros at zero: only stored scores change
        return scores

    def similarity(self, queries: Sequence[str]) -> Matrix:
        """Return query × document similarities in 0…1 (dense)."""
        if not queries or not self.size:
            return np.zeros((len(queries), self.size), dtype=np.float32)
        return np.asarray(self.sparse_similarity(queries).toarray(), dtype=np.float32)

    def best(self, queries: Sequence[str]) -> tuple[Matrix, npt.NDArray[np.int64]]:
        """Return, per query, the best document's similarity and its index (0 when nothing is shared)."""
        if not queries or not self.size:
            return np.zeros(len(queries), dtype=np.float32), np.zeros(len(queries), dtype=np.int64)
        scores = self.sparse_similarity(queries)
        values = np.asarray(scores.max(axis=1).toarray()).ravel().astype(np.float32)
        where = np.asarray(scores.argmax(axis=1)).ravel().astype(np.int64)
        return values, where
