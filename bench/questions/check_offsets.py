#!/usr/bin/env python3
"""Print, for each must_quote reference, the first 60 characters at its offsets
(and the last 30, to check the end), plus basic sanity checks.

Usage: python3 check_offsets.py [--full] [--corpus DIR] [--yaml FILE]
  --full  print the whole referenced span instead of the head/tail excerpt
"""
import argparse
import collections
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument('--corpus', default=os.path.normpath(os.path.join(HERE, '..', '..', '..', 'shared', 'corpus')))
ap.add_argument('--yaml', default=os.path.join(HERE, 'questions.yaml'))
ap.add_argument('--full', action='store_true')
args = ap.parse_args()

qs = yaml.safe_load(open(args.yaml, encoding='utf-8'))
texts = {}
problems = 0


def one_line(s):
    return s.replace('\n', ' / ')


for q in qs:
    print(f"{q['id']} [{q['lang']}/{q['split']}/{q['kind']}] any_of={q.get('any_of')}  {q['question']}")
    for r in q['must_quote']:
        doc = r['doc']
        if doc not in texts:
            texts[doc] = open(os.path.join(args.corpus, doc), encoding='utf-8').read()
        t = texts[doc]
        s, e = r['start'], r['end']
        flag = ''
        if not (0 <= s < e <= len(t)):
            flag = '  !! OUT OF RANGE'
        else:
            # start must not be inside a word, end must not cut a word
            if s > 0 and t[s - 1].isalnum() and t[s].isalnum():
                flag += '  !! starts mid-word'
            if e < len(t) and t[e - 1].isalnum() and t[e].isalnum():
                flag += '  !! ends mid-word'
        if flag:
            problems += 1
        span = t[s:e]
        if args.full:
            print(f"   {doc} {s}-{e}{flag}\n      {one_line(span)}")
        else:
            print(f"   {doc} {s}-{e} ({e - s} ch){flag}\n      head: {one_line(span[:60])}\n      tail: {one_line(span[-30:])}")
    print()

c = collections.Counter((q['lang'], q['split']) for q in qs)
print('questions:', len(qs), dict(c))
print('kinds:', dict(collections.Counter(q['kind'] for q in qs)))
ids = [q['id'] for q in qs]
if len(set(ids)) != len(ids):
    print('!! duplicate ids'); problems += 1
print('problems:', problems)
sys.exit(1 if problems else 0)
