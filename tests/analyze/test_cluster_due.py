"""The due distances of the centred checks of the claim-cluster update: while the mean of
the embeddings stays within a pair's due of the reference centre, the pair's centred
decision is the one taken now (analyze.cluster_update._centred_checks)."""

from __future__ import annotations

import numpy as np
import pytest

from foreigndesk.analyze import cluster_update as cu
from foreigndesk.analyze.clusters import CENTRED


def _engine(ref: np.ndarray, mean: np.ndarray) -> cu._Engine:
    eng = cu._Engine(None, None)  # type: ignore[arg-type]  # the checks read no store
    eng.centre = cu._Centre(None)
    eng.centre.ref = ref
    eng.mean = mean
    eng.moved = float(np.linalg.norm(mean - ref))
    return eng


def _decision(a: np.ndarray, b: np.ndarray, m: np.ndarray) -> int:
    ua, ub = a - m, b - m
    return int(float(ua @ ub / (np.linalg.norm(ua) * np.linalg.norm(ub))) >= CENTRED)


@pytest.mark.parametrize("seed", range(5))
def test_the_decision_holds_while_the_mean_stays_within_its_due(seed: int) -> None:
    rnd = np.random.default_rng(seed)
    dim = 16
    topic = rnd.normal(size=dim)
    # pairs around a shared topic, some close to each other (decisions near the threshold)
    a = topic + rnd.normal(scale=0.6, size=(300, dim))
    b = a + rnd.normal(scale=rnd.uniform(0.1, 1.5, size=(300, 1)), size=(300, dim))
    ref = topic + rnd.normal(scale=0.05, size=dim)
    mean = ref + rnd.normal(scale=0.03, size=dim)  # the mean has moved since the reference
    eng = _engine(ref, mean)
    ok, due = cu._centred_checks(eng, list(zip(a.astype(np.float32), b.astype(np.float32),
                                               strict=True)))
    assert 0 < sum(ok) < len(ok)
    later = 0
    for i in range(len(ok)):
        assert ok[i] == _decision(a[i].astype(np.float32).astype(np.float64),
                                  b[i].astype(np.float32).astype(np.float64), mean)
        if due[i] <= eng.moved:  # due now: checked again at the next update
            continue
        later += 1
        for _ in range(20):  # any mean within due of the reference keeps the decision
            step = rnd.normal(size=dim)
            m = ref + step / np.linalg.norm(step) * due[i] * rnd.uniform(0, 0.999)
            assert _decision(a[i].astype(np.float32).astype(np.float64),
                             b[i].astype(np.float32).astype(np.float64), m) == ok[i]
    # most pairs checked now are not due again until the mean moves on
    assert later > len(ok) // 4
