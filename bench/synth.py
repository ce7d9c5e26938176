"""Generate a synthetic Arabic corpus from our own sentence templates (varied actors, dates, figures).

Usage: python bench/synth.py N OUT_DIR [--seed S]
`generate_corpus(n, out_dir, seed)` writes N .txt documents and returns their paths.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

STATES = [("إيران", "الإيراني", "طهران"), ("روسيا", "الروسي", "موسكو"), ("الصين", "الصيني", "بكين"),
          ("تركيا", "التركي", "أنقرة"), ("الهند", "الهندي", "نيودلهي"), ("قطر", "القطري", "الدوحة"),
          ("أرمينيا", "الأرميني", "يريفان"), ("كازاخستان", "الكازاخي", "أستانا"), ("العراق", "العراقي", "بغداد")]
PEOPLE = ["فلاديمير بوتين", "مسعود بزشكيان", "عباس عراقجي", "سيرغي لافروف", "علي لاريجاني", "شي جين بينغ"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
KINDS = ["مذكرة تفاهم", "اتفاقية تعاون", "خارطة طريق", "معاهدة صداقة"]
FIELDS = ["الطاقة", "النقل", "الزراعة", "الصناعات الدفاعية", "المصارف", "الفضاء"]
SCALES = [("مليار", "دولار"), ("مليون", "يورو"), ("مليار", "روبل"), ("ألف", "برميل يوميا")]

TEMPLATES = [
    "زار {p1} العاصمة {c2} في {d} لبحث التعاون في مجال {f}.",
    "وقّع وزيرا خارجية {s1} و{s2} {k} في {d} تمتد لمدة {n} سنوات وتشمل التعاون في {f}.",
    "بلغ حجم التبادل التجاري بين {s1} و{s2} نحو {x} {sc} {u} في عام {y}.",
    "تشير تقارير إلى أن {s1} قد تسلّم {s2} منظومات دفاع جوي خلال عام {y}.",
    "ويرى محللون أن العلاقة بين {s1} و{s2} لا تزال تنافساً حذراً على النفوذ في آسيا الوسطى.",
    "وتتصادم مصالح {s1} مع مصالح {s2} في ملف {f}، ما يولّد خلافات بين البلدين.",
    "ولا تزال {c1} تتحفظ في تسليم المقاتلات حرصاً على علاقاتها مع {s3}.",
    "ويصف الكاتب التقارب بين {s1} و{s2} بأنه تقارب تكتيكي وليس شراكة استراتيجية.",
    "ونمت صادرات {s1} النفطية بنسبة {pc}% في الأشهر الستة الأولى من عام {y}.",
    "والتقى {p1} نظيره {a2} {p2} على هامش قمة إقليمية في {d}.",
]


def _sentence(rng: random.Random) -> str:
    s1, s2, s3 = rng.sample(STATES, 3)
    p1, p2 = rng.sample(PEOPLE, 2)
    y = rng.randint(1995, 2026)
    sc, u = rng.choice(SCALES)
    return rng.choice(TEMPLATES).format(
        p1=p1, p2=p2, s1=s1[0], s2=s2[0], s3=s3[0], c1=s1[2], c2=s2[2], a2=s2[1],
        d=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {y}", y=y, k=rng.choice(KINDS),
        f=rng.choice(FIELDS), n=rng.randint(2, 25), x=f"{rng.randint(1, 99)},{rng.randint(1, 9)}",
        sc=sc, u=u, pc=rng.randint(2, 60),
    )


def generate_corpus(n: int, out_dir: Path, seed: int = 0) -> list[Path]:
    """Write `n` synthetic Arabic documents (8-20 sentences each) to `out_dir`; return their paths."""
    rng = random.Random(seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text = "\n".join(" ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
                         for _ in range(rng.randint(3, 6)))
        p = out_dir / f"synth_{i:05d}.txt"
        p.write_text(text + "\n", encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    args = sys.argv[1:]
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 0
    n = int(args[0]) if args else 1000
    out = Path(args[1]) if len(args) > 1 and not args[1].startswith("--") else Path("/tmp/irkg-synth")
    print(f"{len(generate_corpus(n, out, seed))} documents in {out}")
