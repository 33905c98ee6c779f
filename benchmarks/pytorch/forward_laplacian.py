#!/usr/bin/env python3
"""The peer a user would pick: the reference network's operators in forward mode in PyTorch.

The same network as the Java benchmarks (DESIGN §5): u(x) = v·h4, h_l = tanh(W_l h_{l-1} + b_l),
widths D = 50 -> 768 -> 768 -> 512 -> 512 -> 1, Glorot-uniform weights, float64. The Laplacian is
written out by hand in forward mode with collapsed second-order terms (the "forward Laplacian"):
each layer carries the value h [N, n], the Jacobian J [N, D, n] and the Laplacian L [N, n]:

    z = h W^T + b,   Jz = J W^T,   Lz = L W^T
    h' = tanh z,     J' = tanh'(z) Jz,   L' = tanh'(z) Lz + tanh''(z) * sum_d Jz^2

which is what Collapsar's collapsed Taylor mode computes, batched over N points, so each layer is
three matrix products for OpenBLAS. Prints ms per datum (per point) at N = 1, 16, 64, 256 on one
thread: best of the rounds, and the median.

The argument picks the operator (each checked against autograd at one point before it is timed):
    laplacian   (default) the above, D = 50
    diffusion   Tr(S S^T Hess u) for a 50 x 50 matrix S: the same sweep with J = S^T at the input; it is
                also the Laplacian estimator's computation along 50 given directions (times 1/50)
    biharmonic  Delta^2 u at D = 5 in collapsed 4th-order Taylor mode with the D^2 plan of DESIGN: 25
                directions (e_a with weight 1 - (D - 1)/3, e_a +- e_b with weight 1/6), each layer
                carrying the value, three coefficients per direction and one collapsed 4th coefficient
                (1 + 75 + 1 rows through each weight matrix, as in Collapsar's collapsed biharmonic)
    biharmonicEstimate
                its estimator (1/(3S)) sum_s d^4 u[v_s] over S = 16 given Gaussian rows v_s: the same
                sweep with those 16 directions, each of weight 1/(3S) (1 + 48 + 1 rows)
    dgemm       no operator: OpenBLAS's 2048 x 2048 matrix product alone, GFLOP/s (the core's peak,
                to state the operators' GFLOP/s as a fraction of it in the same window)

Setup (Debian): apt-get install -y python3-torch libopenblas0-pthread, then run with Debian's
python3 (not a pyenv shim) and OPENBLAS_NUM_THREADS=1:
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/pytorch/forward_laplacian.py [operator]
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

LAPLACIAN_DIM = 50
BIHARMONIC_DIM = 5
BIHARMONIC_SAMPLES = 16
WIDTHS = [768, 768, 512, 512]
POINTS = [1, 16, 64, 256]


def network(generator, dim):
    weights, biases = [], []
    fan_in = dim
    for width in WIDTHS:
        scale = math.sqrt(6.0 / (fan_in + width))
        weights.append((torch.rand(width, fan_in, generator=generator, dtype=torch.float64) * 2 - 1) * scale)
        biases.append((torch.rand(width, generator=generator, dtype=torch.float64) * 2 - 1) * 0.1)
        fan_in = width
    v = (torch.rand(fan_in, generator=generator, dtype=torch.float64) * 2 - 1) / math.sqrt(fan_in)
    return weights, biases, v


def forward_laplacian(x, weights, biases, v, directions=None):
    """u(x) and sum_r s_r^T Hess u(x) s_r for the rows of x [N, D]: the Laplacian when the directions
    s_r (rows of `directions`, default the identity) are the unit vectors."""
    n, dim = x.shape
    if directions is None:
        directions = torch.eye(dim, dtype=torch.float64)
    h = x
    jac = directions.expand(n, *directions.shape)  # J[p, r, i] = directional derivative of h_i along s_r
    lap = torch.zeros(n, dim, dtype=torch.float64)
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


def biharmonic_plan(dim):
    """The D^2 plan: Delta^2 u = sum_k c_k (d/dt)^4 u(x + t s_k) over s_k = e_a and e_a +- e_b (a < b)
    (the rows of the result, with their weights c_k)."""
    eye = torch.eye(dim, dtype=torch.float64)
    rows, weights = [], []
    for a in range(dim):
        rows.append(eye[a])
        weights.append(1 - (dim - 1) / 3)
    for a in range(dim):
        for b in range(a + 1, dim):
            for sign in (1, -1):
                rows.append(eye[a] + sign * eye[b])
                weights.append(1 / 6)
    return torch.stack(rows), torch.tensor(weights, dtype=torch.float64)


def forward_biharmonic(x, weights, biases, v, plan):
    """u(x) and Delta^2 u(x) for the rows of x [N, D]: per direction the 1st to 3rd Taylor derivatives,
    and the 4th collapsed over the directions with the plan's weights (Faa di Bruno for tanh)."""
    directions, c = plan
    n = x.shape[0]
    k, width = directions.shape
    h = x
    h1 = directions.expand(n, k, width)
    h2 = torch.zeros(n, k, width, dtype=torch.float64)
    h3 = torch.zeros(n, k, width, dtype=torch.float64)
    q = torch.zeros(n, width, dtype=torch.float64)  # sum_k c_k h4_k
    c = c.view(1, k, 1)
    for w, b in zip(weights, biases):
        wt = w.t()
        z = torch.addmm(b, h, wt)
        z1, z2, z3 = torch.matmul(h1, wt), torch.matmul(h2, wt), torch.matmul(h3, wt)
        zq = torch.matmul(q, wt)
        h = torch.tanh(z)
        f1 = 1 - h * h
        f2 = -2 * h * f1
        f3 = (6 * h * h - 2) * f1
        f4 = (16 * h - 24 * h * h * h) * f1
        f1, f2, f3, f4 = (f.unsqueeze(1) for f in (f1, f2, f3, f4))
        z1z1 = z1 * z1
        q = f1[:, 0] * zq + (c * (f2 * (4 * z1 * z3 + 3 * z2 * z2) + 6 * f3 * z1z1 * z2 + f4 * z1z1 * z1z1)).sum(dim=1)
        h3 = f1 * z3 + 3 * f2 * z1 * z2 + f3 * z1z1 * z1
        h2 = f1 * z2 + f2 * z1z1
        h1 = f1 * z1
    return h @ v, q @ v


def u_function(weights, biases, v):
    def u(point):
        h = point
        for w, b in zip(weights, biases):
            h = torch.tanh(w @ h + b)
        return h @ v
    return u


def fourth_derivative(u, point, direction):
    """d^4/dt^4 u(point + t direction) at t = 0 by nested autograd."""
    t = torch.zeros((), dtype=torch.float64, requires_grad=True)
    value = u(point + t * direction)
    for _ in range(4):
        (value,) = torch.autograd.grad(value, t, create_graph=True)
    return value


def operator(name, generator):
    """(dimension, the batched forward computation of x, autograd's value at one point)."""
    if name == "biharmonicEstimate":
        weights, biases, v = network(generator, BIHARMONIC_DIM)
        rows = torch.randn(BIHARMONIC_SAMPLES, BIHARMONIC_DIM, generator=generator, dtype=torch.float64)
        plan = rows, torch.full((BIHARMONIC_SAMPLES,), 1 / (3 * BIHARMONIC_SAMPLES), dtype=torch.float64)
        u = u_function(weights, biases, v)

        def exact(point):
            return sum(fourth_derivative(u, point, row) for row in rows).item() / (3 * BIHARMONIC_SAMPLES)
        return BIHARMONIC_DIM, lambda x: forward_biharmonic(x, weights, biases, v, plan), exact
    if name == "biharmonic":
        weights, biases, v = network(generator, BIHARMONIC_DIM)
        plan = biharmonic_plan(BIHARMONIC_DIM)
        u = u_function(weights, biases, v)

        def laplacian(point):
            return torch.trace(torch.autograd.functional.hessian(u, point, create_graph=True))

        def exact(point):
            return torch.trace(torch.autograd.functional.hessian(laplacian, point)).item()
        return BIHARMONIC_DIM, lambda x: forward_biharmonic(x, weights, biases, v, plan), exact
    weights, biases, v = network(generator, LAPLACIAN_DIM)
    u = u_function(weights, biases, v)
    if name == "diffusion":
        s = torch.rand(LAPLACIAN_DIM, LAPLACIAN_DIM, generator=generator, dtype=torch.float64) * 2 - 1

        def exact(point):
            return torch.trace(s.t() @ torch.autograd.functional.hessian(u, point) @ s).item()
        return LAPLACIAN_DIM, lambda x: forward_laplacian(x, weights, biases, v, s.t()), exact
    if name != "laplacian":
        raise SystemExit("unknown operator %r: laplacian, diffusion, biharmonic or biharmonicEstimate" % name)
    return LAPLACIAN_DIM, lambda x: forward_laplacian(x, weights, biases, v), \
        lambda point: torch.trace(torch.autograd.functional.hessian(u, point)).item()


def check(dim, forward, exact):
    """The forward computation against autograd at one point."""
    x = torch.rand(1, dim, dtype=torch.float64) * 2 - 1
    _, value = forward(x)
    expected = exact(x[0])
    if abs(value.item() - expected) > 1e-10 * (1 + abs(expected)):
        raise SystemExit("forward value %r disagrees with autograd's %r" % (value.item(), expected))


def blas_library():
    """The BLAS this process loaded (Debian's torch links libblas.so.3, an alternative)."""
    try:
        with open("/proc/self/maps") as maps:
            libraries = {line.split()[-1] for line in maps if "blas" in line.lower()}
    except OSError:
        return "unknown"
    return ", ".join(sorted(os.path.basename(l) for l in libraries)) or "unknown"


def dgemm_peak(size=2048, rounds=10):
    """OpenBLAS's matrix product alone: the core's practical multiply-add peak, for the GFLOP/s columns."""
    generator = torch.Generator().manual_seed(20261203)
    a = torch.rand(size, size, generator=generator, dtype=torch.float64)
    b = torch.rand(size, size, generator=generator, dtype=torch.float64)
    times = []
    for _ in range(rounds + 2):
        start = time.perf_counter()
        torch.mm(a, b)
        times.append(time.perf_counter() - start)
    best = min(times[2:])
    print("dgemm %d x %d: torch %s, BLAS %s, threads %d" % (
        size, size, torch.__version__, blas_library(), torch.get_num_threads()))
    print("best %.1f GFLOP/s, median %.1f GFLOP/s" % (
        2.0 * size ** 3 / best / 1e9, 2.0 * size ** 3 / statistics.median(times[2:]) / 1e9))


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "laplacian"
    torch.set_num_threads(1)
    if name == "dgemm":
        dgemm_peak()
        return
    generator = torch.Generator().manual_seed(20261203)
    dim, forward, exact = operator(name, generator)
    check(dim, forward, exact)
    print("%s: torch %s, BLAS %s, threads %d, OPENBLAS_NUM_THREADS=%s" % (
        name, torch.__version__, blas_library(), torch.get_num_threads(),
        os.environ.get("OPENBLAS_NUM_THREADS", "unset")))
    print("N,best_ms_per_datum,median_ms_per_datum")
    rounds = int(os.environ.get("COLLAPSAR_TORCH_ROUNDS", "20"))
    for n in POINTS:
        x = torch.rand(n, dim, generator=generator, dtype=torch.float64) * 2 - 1
        with torch.no_grad():
            for _ in range(3):
                forward(x)
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                forward(x)
                times.append((time.perf_counter() - start) * 1e3 / n)
        print("%d,%.3f,%.3f" % (n, min(times), statistics.median(times)))


if __name__ == "__main__":
    main()
