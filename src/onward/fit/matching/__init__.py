"""Matching: the real occupations (O*NET) and job postings that fit what the person loves and is good at.

`service.py` is its public API (`MatchingService`); `index.py` ranks occupations over the O*NET task statements
(BM25, and sentence embeddings once ready: `embedding.py`, `task_vectors.py`, computed once per computer);
`occupations.py` reads the packaged catalog; `query.py` is what a person asks for; `posting_import.py`,
`postings.py`, `posting_rank.py` and `posting_models.py` read, analyse, rank and store job postings;
`textsplit.py` finds the duty-like lines of a text; `demo.py` is matching's part of the demo.
"""
