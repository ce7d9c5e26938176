"""Find constraints: a factor (ties with a third party, a need, a policy, a past deal, sanctions) limiting cooperation."""

from __future__ import annotations

from functools import lru_cache

from irkg.loaders.arabic import match_key
from irkg.loaders.certainty import assess_certainty
from irkg.loaders.extract import PAIR, DocCtx, PassageCtx, date_value
from irkg.loaders.extract_frictions import friction_cues, other_subject
from irkg.loaders.extract_lexicon import CueHit, lexicon_of
from irkg.schema.graph import ConstraintRecord

FACTOR_KIND = {
    "domestic_need": "need", "financial_limits": "need", "strategic_caution": "policy",
    "unsc_sanctions": "sanctions", "arms_embargo": "policy", "avoid_entanglement": "policy",
    "third_party_involvement": "relationship", "no_mutual_defence_clause": "clause",
    "islamic_backlash": "risk",
}
FACTOR_EN = {
    "domestic_need": "Russia's own urgent need for the weapons at home",
    "financial_limits": "limited financial resources",
    "strategic_caution": "a policy of strategic caution / restraint",
    "unsc_sanctions": "UN Security Council sanctions on Iran",
    "arms_embargo": "an arms embargo on Iran",
    "avoid_entanglement": "reluctance to be drawn into Iran's regional conflicts",
    "third_party_involvement": "complications from third parties' involvement",
    "no_mutual_defence_clause": "no mutual-defence clause in the treaty",
    "islamic_backlash": "risk of a backlash among Muslim communities",
}


@lru_cache(maxsize=1)
def constraint_cues() -> dict:
    """Compile the constraint sections of cues_frictions.yaml."""
    data = friction_cues()["data"]
    return {
        "cue": lexicon_of(data["constraint"]),
        "targets": lexicon_of(data["targets"]),
        "factors": lexicon_of(data["factors"]),
        "past": lexicon_of({"past": data.get("past_deal", [])}),
        "rel": lexicon_of({"rel": data.get("relation_words", [])}),
        "pressure": lexicon_of({"p": data.get("pressure_words", [])}),
        "not_before": {match_key(w) for w in data.get("limit_not_before", [])},
        "pending": lexicon_of({"p": data.get("pending_supply", [])}),
    }


_TARGET_AFTER = 90  # key characters after a limiting cue where what it limits is named


def _targets(pc: PassageCtx, cc: dict, at: int | None = None) -> list[str]:
    """Return the topics a passage says are limited, the one named right after the cue `at` first."""
    hits = cc["targets"].find(pc.key)
    items = getattr(pc.dc.dicts, "items", {})
    for m in pc.items:  # a weapon or platform named in the passage means arms
        if str(getattr(items.get(m.ref), "type", "")) in ("weapon", "platform"):
            ks = pc.kt.to_key(m.start)
            hits.append(CueHit(ks, ks + 1, "", "arms", ""))
    if at is not None:
        # "ما يحد من عمق التزامها": the object of the limiting verb is what it limits
        hits.sort(key=lambda h: (0 if 0 <= h.start - at <= _TARGET_AFTER else 1, abs(h.start - at)))
    return list(dict.fromkeys(h.cat for h in hits))


def _pending_arms(pcs: list[PassageCtx], n: int, cc: dict) -> bool:
    """Tell whether one of the few passages before `n` says arms are still sought or awaited."""
    for pc in pcs[max(0, n - 6):n]:
        if cc["pending"].find(pc.key) and "arms" in _targets(pc, cc):
            return True
    return False


def _factors(pc: PassageCtx, dc: DocCtx) -> list[tuple]:
    """Return (slug, kind, actors, description, key offset) for each factor the passage names."""
    fc, cc = friction_cues(), constraint_cues()
    out: list[tuple] = []
    for h in cc["factors"].find(pc.key):
        if not any(o[0] == h.cat for o in out):
            actors = ["unsc"] if h.cat == "unsc_sanctions" and "unsc" in pc.actor_ids else []
            out.append((h.cat, FACTOR_KIND.get(h.cat, "other"), actors, FACTOR_EN.get(h.cat, h.cat), h.start))
    for h in cc["past"].find(pc.key):
        ts, te = pc.span_of(h.start, h.end)
        tp = [t for t in _third(pc, fc, te - 2, te + 40)]
        if tp:
            d = date_value(pc.nearest_date(ts, te, window=60))
            slug_ = f"past_deal_{tp[0]}{'_' + d[:4] if d else ''}"
            out.append((slug_, "past_deal", tp[:1], f"a past deal with {dc.name_of(tp[0])}{' (' + d[:4] + ')' if d else ''}", h.start))
    for h in cc["rel"].find(pc.key):
        ts, te = pc.span_of(h.start, h.end)
        tp = [t for t in _third(pc, fc, te - 1, te + 70) if t in fc["adversaries"] or t in fc["group_of"].values()
              or t in fc["group_of"]]
        groups: dict[str, list[str]] = {}
        for t in tp:
            g = fc["group_of"].get(t, t)
            groups.setdefault(g, []).append(t)
        for g, members in groups.items():
            slug_ = f"relations_{g}"
            if not any(o[0] == slug_ for o in out):
                out.append((slug_, "relationship", members, f"relations with {dc.name_of(g) if g == members[0] else g.replace('_', ' ')}", h.start))
    for h in cc["pressure"].find(pc.key):
        # "facing a backlash from European states, Tehran is cautious": pressure by a third party
        ts, te = pc.span_of(h.start, h.end)
        tp = _third(pc, fc, te - 1, te + 50)
        groups = {fc["group_of"].get(t, t) for t in tp}
        for g in sorted(groups):
            slug_ = f"pressure_{g}"
            if not any(o[0] == slug_ for o in out):
                out.append((slug_, "pressure", [t for t in tp if fc["group_of"].get(t, t) == g],
                            f"pressure from {dc.name_of(g) if g in tp else g.replace('_', ' ')}", h.start))
    return out


_CUE_REACH = 160  # key characters between a limiting cue and the factor it names


def _near_cue(pc: PassageCtx, factor, cues) -> bool:
    at = factor[4]
    return any(abs(c.start - at) <= _CUE_REACH for c in cues)


def _third(pc: PassageCtx, fc: dict, ts: int, te: int) -> list[str]:
    from irkg.loaders.extract_frictions import third_parties

    return [t for t in third_parties(pc, fc, ts, te) if t not in PAIR]


def extract_constraints(pcs: list[PassageCtx], dc: DocCtx, out: list) -> None:
    """Append constraint records: one per (constrained topic, factor) a passage names."""
    cc = constraint_cues()
    prev_targets: list[str] = []
    for n, pc in enumerate(pcs):
        cues = [c for c in cc["cue"].find(pc.key)
                if not (pc.key[c.end:c.end + 25].split()[:2] and
                        any(w.lstrip("وال") in cc["not_before"] or w in cc["not_before"]
                            for w in pc.key[c.end:c.end + 25].split()[:2]))]
        targets = _targets(pc, cc, cues[0].start if cues else None)
        if not cues:
            prev_targets = targets
            continue
        # a limiting factor may be named in one sentence and what it limits in the next
        targets = targets or prev_targets or (_targets(pcs[n + 1], cc) if n + 1 < len(pcs) else [])
        prev_targets = targets
        if not targets:
            continue
        factors = [f for f in _factors(pc, dc) if _near_cue(pc, f, cues)]
        because = pc
        if not factors and n + 1 < len(pcs) and not cc["cue"].find(pcs[n + 1].key):
            # "the alliance stays limited. Russia keeps close ties with X": the next sentence says why
            factors, because = _factors(pcs[n + 1], dc), pcs[n + 1]
        if not factors:
            continue
        cert = assess_certainty(pc.key, cues[0].start, cues[0].end)
        # "الصين تتردد في تزويد إيران ... حرصا على علاقاتها": the constraint is on China's cooperation
        who = other_subject(pc, friction_cues(), pc.span_of(cues[0].start, cues[0].end)[0])
        chosen = targets[:1]
        if chosen == ["security"] and _pending_arms(pcs, n, cc):
            chosen.append("arms")  # "X still seeks the S-400 ... the alliance stays limited because ..."
        evid = [pc.evidence(cert, {"cue": cues[0].cat})]
        if because is not pc:
            evid.append(because.evidence(cert))
        for target in chosen:
            for slug_, kind, actors, desc, _ in factors:
                out.append(ConstraintRecord(
                    id=f"constraint:{target}:{slug_}{':' + who if who else ''}",
                    label=f"{desc} limits {dc.name_of(who) + chr(39) + 's ' if who else ''}{target.replace('_', ' ')}",
                    factor=desc, factor_kind=kind, constrains=target, actors=sorted({*actors, *([who] if who else [])}),
                    summary=because.p.text[:200], certainty=cert,
                    evidence=[e.model_copy(update={"claims": {**e.claims, "factor": slug_}}) for e in evid],
                ))
