"""numpy (in-place ufuncs) and jax + optax (jit, donated buffers) on the same updates
Descent's StepTimer measures: SGD, Adam and Csawg's accumulate step, at one size, in
float32 and float64. Prints lines `peer dtype method milliseconds` (median of 15).

Run by Benchmarks/compare.sh; needs Benchmarks/requirements.txt.
"""
import sys
import time

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
import optax  # noqa: E402

LR, GAMMA, B1, B2, EPS = 1e-3, 1e-3, 0.9, 0.999, 1e-8


def median_ms(step, repeats=15):
    step()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        samples.append((time.perf_counter() - start) * 1e3)
    return sorted(samples)[len(samples) // 2]


def numpy_updates(d, dtype):
    w = (np.arange(d) % 7 / 7 - 0.5).astype(dtype)
    g = (np.arange(d) % 5 * 1e-3).astype(dtype)
    t1, t2 = np.empty(d, dtype), np.empty(d, dtype)
    m, v = np.zeros(d, dtype), np.zeros(d, dtype)
    ring_w, ring_g = w.copy(), g.copy()
    s1, s2 = np.zeros(d, dtype), np.zeros(d, dtype)
    count = [0]

    def sgd():
        np.multiply(g, dtype(LR), out=t1)
        np.subtract(w, t1, out=w)

    def adam():
        count[0] += 1
        c1, c2 = dtype(1 - B1 ** count[0]), dtype(1 - B2 ** count[0])
        np.multiply(m, dtype(B1), out=m)
        np.multiply(g, dtype(1 - B1), out=t1)
        np.add(m, t1, out=m)
        np.multiply(v, dtype(B2), out=v)
        np.multiply(g, g, out=t1)
        np.multiply(t1, dtype(1 - B2), out=t1)
        np.add(v, t1, out=v)
        np.divide(v, c2, out=t2)
        np.sqrt(t2, out=t2)
        np.add(t2, dtype(EPS), out=t2)
        np.divide(m, c1, out=t1)
        np.divide(t1, t2, out=t1)
        np.multiply(t1, dtype(LR), out=t1)
        np.subtract(w, t1, out=w)

    def csawg():
        np.multiply(g, dtype(GAMMA), out=t1)
        np.subtract(w, t1, out=w)
        np.subtract(ring_w, w, out=t1)
        np.multiply(t1, ring_g, out=t1)
        np.add(s1, t1, out=s1)
        np.multiply(ring_g, ring_g, out=t1)
        np.add(s2, t1, out=s2)
        np.copyto(ring_w, w)
        np.copyto(ring_g, g)

    return {"sgd": sgd, "adam": adam, "csawg": csawg}


def optax_updates(d, dtype):
    w0 = jnp.asarray((np.arange(d) % 7 / 7 - 0.5).astype(dtype))
    g = jnp.asarray((np.arange(d) % 5 * 1e-3).astype(dtype))

    def optax_step(transformation):
        state = {"params": w0.copy(), "opt": transformation.init(w0)}

        @jax.jit
        def apply(params, opt_state, grads):
            updates, opt_state = transformation.update(grads, opt_state, params)
            return optax.apply_updates(params, updates), opt_state

        apply_donated = jax.jit(apply, donate_argnums=(0, 1))

        def step():
            state["params"], state["opt"] = apply_donated(state["params"], state["opt"], g)
            state["params"].block_until_ready()

        return step

    def accumulate(w, ring_w, ring_g, s1, s2, grads):
        new = w - GAMMA * grads
        return new, new, grads, s1 + ring_g * (ring_w - new), s2 + ring_g * ring_g

    csawg_jit = jax.jit(accumulate, donate_argnums=(0, 1, 2, 3, 4))
    arrays = {"a": (w0.copy(), w0.copy(), g.copy(), jnp.zeros_like(w0), jnp.zeros_like(w0))}

    def csawg():
        arrays["a"] = csawg_jit(*arrays["a"], g)
        arrays["a"][0].block_until_ready()

    return {"sgd": optax_step(optax.sgd(LR)), "adam": optax_step(optax.adam(LR, b1=B1, b2=B2, eps=EPS)), "csawg": csawg}


def main():
    d = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    for dtype in (np.float32, np.float64):
        name = np.dtype(dtype).name
        for peer, updates in (("numpy", numpy_updates(d, dtype)), ("optax", optax_updates(d, dtype))):
            for method, step in updates.items():
                print(peer, name, method, f"{median_ms(step):.4f}", flush=True)


if __name__ == "__main__":
    main()
