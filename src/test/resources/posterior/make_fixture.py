"""Writes the tiny NumPy fixtures read by the exoret tests (run: python3 make_fixture.py).

mc3_fixture.npz mimics the file mc3.sample(..., savefile=...) writes (keys of mc3/sampler_driver.py and
mc3/mcmc_driver.py): three free parameters plus one fixed one, three chains, two initial archive draws
(zchain -1) and a burn-in of two draws per chain. mc3.utils.burn is reproduced inline so that no MC3
installation is needed.
"""
import numpy as np

rng = np.random.default_rng(20240611)
nchains, per_chain, burnin = 3, 6, 2
pnames = np.array(["log_kappa", "T_int", "fixed_rp", "log_h2o"])
texnames = np.array([r"$\log_{10}(\kappa)$", r"$T_{\rm int}$ (K)", r"$R_{\rm p}$", r"$\log_{10}(X_{\rm H2O})$"])
ifree = np.array([0, 1, 3])

# Archive draws first (chain -1), then the chains interleaved as MC3 appends them.
zchain = np.concatenate([[-1, -1], np.tile(np.arange(nchains), per_chain)]).astype(np.intc)
Z = np.column_stack([
    rng.normal(-2.0, 0.3, zchain.size),
    rng.normal(1200.0, 50.0, zchain.size),
    rng.normal(-3.5, 0.5, zchain.size),
])
log_post = -0.5 * np.sum(((Z - [-2.0, 1200.0, -3.5]) / [0.3, 50.0, 0.5]) ** 2, axis=1)

mask = np.zeros_like(zchain, bool)
for c in range(nchains):
    mask[np.where(zchain == c)[0][burnin:]] = True
zsort = np.lexsort([zchain])
zmask = zsort[np.where(mask[zsort])]

ibest = np.argmax(np.where(zchain >= 0, log_post, -np.inf))
bestp = np.array([Z[ibest, 0], Z[ibest, 1], 1.138, Z[ibest, 2]])

np.savez("mc3_fixture.npz", posterior=Z, zchain=zchain, chisq=-2 * log_post, log_post=log_post,
         zmask=zmask, burnin=burnin, acceptance_rate=23.5, bestp=bestp, best_log_post=log_post[ibest],
         pnames=pnames, texnames=texnames, ifree=ifree)

# Expected values for the test, written as plain text next to the fixture.
with open("mc3_fixture_expected.txt", "w") as f:
    f.write("# zmask rows of posterior (post-burn-in, grouped by chain); columns chain,log_post,params\n")
    for i in zmask:
        f.write(f"{zchain[i]},{float(log_post[i])!r},{float(Z[i, 0])!r},{float(Z[i, 1])!r},{float(Z[i, 2])!r}\n")

# Arrays the reader must refuse or convert.
np.savez("dtypes_fixture.npz",
         big_endian=np.arange(6, dtype=">f8").reshape(2, 3) / 4.0,
         f4=np.array([1.5, -2.25], dtype="<f4"),
         i4=np.array([[1, -2], [3, 4]], dtype="<i4"),
         flags=np.array([True, False, True]),
         text=np.array(["a", "bé", "κ-γ"]),
         scalar=np.float64(2.5))
np.savez("fortran_fixture.npz", matrix=np.asfortranarray(np.arange(6.0).reshape(2, 3)))
np.savez("object_fixture.npz", things=np.array([{"a": 1}, None], dtype=object))
