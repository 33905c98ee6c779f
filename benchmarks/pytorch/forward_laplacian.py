#!/usr/bin/env python3
"""The peer a user would pick: the forward Laplacian of the reference network in PyTorch.

The same network as the Java benchmarks (DESIGN §5): u(x) = v·h4, h_l = tanh(W_l h_{l-1} + b_l),
widths D = 50 -> 768 -> 768 -> 512 -> 512 -> 1, Glorot-uniform weights, float64. The Laplacian is
written out by hand in forward mode with collapsed second-order terms (the "forward Laplacian"):
each layer carries the value h [N, n], the Jacobian J [N, D, n] and the Laplacian L [N, n]:

    z = h W^T + b,   Jz = J W^T,   Lz = L W^T
    h' = tanh z,     J' = tanh'(z) Jz,   L' = tanh'(z) Lz + tanh''(z) * sum_d Jz^2

which is what Collapsar's collapsed Taylor mode computes, batched over N points, so each layer is
three matrix products for OpenBLAS. Prints ms per datum (per point) at N = 1, 16, 64, 256 on one
thread: best of the rounds, and the median.

Setup (Debian): apt-get install -y python3-torch libopenblas0-pthread, then run with Debian's
python3 (not a pyenv shim) and OPENBLAS_NUM_THREADS=1:
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/pytorch/forward_laplacian.py
Without OpenBLAS, Debian's torch uses the reference BLAS (about 15 times slower): not a fair peer.
"""
import math
import os
import statistics
import sys
import time

try:
    import torch
except ImportError:
    print("skipped: PyTorch is not installed. On Debian: apt-get install -y python3-torch "
          "libopenblas0-pthread, then run with /usr/bin/python3 and OPENBLAS_NUM_THREADS=1.")
    sys.exit(0)

DIM = 50
WIDTHS = [768, 768, 512, 512]
POINTS = [1, 16, 64, 256]


def network(generator):
    weights, biases = [], []
    fan_in = DIM
    for width in WIDTHS:
        scale = math.sqrt(6.0 / (fan_in + width))
        weights.append((torch.rand(width, fan_in, generator=generator, dtype=torch.float64) * 2 - 1) * scale)
        biases.append((torch.rand(width, generator=generator, dtype=torch.float64) * 2 - 1) * 0.1)
        fan_in = width
    v = (torch.rand(fan_in, generator=generator, dtype=torch.float64) * 2 - 1) / math.sqrt(fan_in)
    return weights, biases, v


def forward_laplacian(x, weights, biases, v):
    """u(x) and Δu(x) for the rows of x [N, D]."""
    n = x.shape[0]
    h = x
    jac = torch.eye(DIM, dtype=torch.float64).expand(n, DIM, DIM)  # J[p, d, i] = ∂h_i/∂x_d
    lap = torch.zeros(n, DIM, dtype=torch.float64)
    for w, b in zip(weights, biases):
        wt = w.t()
        z = torch.addmm(b, h, wt)
        jz = torch.matmul(jac, wt)
        lz = torch.matmul(lap, wt)
        h = torch.tanh(z)
        d1 = 1 - h * h
        d2 = -2 * h * d1
        lap = d1 * lz + d2 * (jz * jz).sum(dim=1)
        jac = d1.unsqueeze(1) * jz
    return h @ v, lap @ v


def check(weights, biases, v):
    """The forward Laplacian against autograd's Hessian trace at one point."""
    x = torch.rand(1, DIM, dtype=torch.float64) * 2 - 1
    _, lap = forward_laplacian(x, weights, biases, v)

    def u(point):
        h = point
        for w, b in zip(weights, biases):
            h = torch.tanh(w @ h + b)
        return h @ v

    hessian = torch.autograd.functional.hessian(u, x[0])
    exact = torch.trace(hessian).item()
    if abs(lap.item() - exact) > 1e-10 * (1 + abs(exact)):
        raise SystemExit("forward Laplacian %r disagrees with autograd's %r" % (lap.item(), exact))


def blas_library():
    """The BLAS this process loaded (Debian's torch links libblas.so.3, an alternative)."""
    try:
        with open("/proc/self/maps") as maps:
            libraries = {line.split()[-1] for line in maps if "blas" in line.lower()}
    except OSError:
        return "unknown"
    return ", ".join(sorted(os.path.basename(l) for l in libraries)) or "unknown"


def main():
    torch.set_num_threads(1)
    generator = torch.Generator().manual_seed(20261203)
    weights, biases, v = network(generator)
    check(weights, biases, v)
    print("torch %s, BLAS %s, threads %d, OPENBLAS_NUM_THREADS=%s" % (
        torch.__version__, blas_library(), torch.get_num_threads(), os.environ.get("OPENBLAS_NUM_THREADS", "unset")))
    print("N,best_ms_per_datum,median_ms_per_datum")
    rounds = int(os.environ.get("COLLAPSAR_TORCH_ROUNDS", "20"))
    for n in POINTS:
        x = torch.rand(n, DIM, generator=generator, dtype=torch.float64) * 2 - 1
        with torch.no_grad():
            for _ in range(3):
                forward_laplacian(x, weights, biases, v)
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                forward_laplacian(x, weights, biases, v)
                times.append((time.perf_counter() - start) * 1e3 / n)
        print("%d,%.3f,%.3f" % (n, min(times), statistics.median(times)))


if __name__ == "__main__":
    main()
