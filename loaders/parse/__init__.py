"""The parse step: tokens (clitics split), POS tags and a constituency tree per sentence.

`service` assembles and runs one long-lived CoreNLP process (Arabic and English models) on
a Unix socket; `client` sends it passages and caches the answers by passage hash (`cache`);
`tree` turns an answer into sentences of tokens aligned to the passage's display text;
`clauses` reads predicates and their arguments off the trees for the extractors.
"""
