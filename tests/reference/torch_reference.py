#!/usr/bin/python3
"""Writes tests/reference/torch_trajectories.json: optimizer trajectories computed by PyTorch.

descent's optimizers and schedules must match torch.optim and torch.optim.lr_scheduler bit for bit
in float64. This script runs each case of CASES below through torch and records every iterate,
gradient, learning rate and loss, so descent's tests can compare against torch without torch.

Run by hand (never from npm test), with Debian's torch (apt-get install -y python3-torch):

    ATEN_CPU_CAPABILITY=default /usr/bin/python3 tests/reference/torch_reference.py

The loop per case is, exactly:

    for k in range(N):
        lr_k = optimizer.param_groups[0]['lr']
        optimizer.zero_grad(); loss = f(x); loss.backward()
        g_k = x.grad.item()
        if clip is not None: torch.nn.utils.clip_grad_norm_([x], max_norm=clip); gclip_k = x.grad.item()
        optimizer.step()
        if scheduler: scheduler.step()
        x_{k+1} = x.item()
    lr_N = scheduler.get_last_lr()[0] if scheduler else lr
"""

import json
import math
import os
import platform
import sys

# On CPUs with AVX2, torch's vectorized kernels fuse add_(alpha=...) and addcmul_ into FMA
# instructions, which round once where plain IEEE arithmetic rounds twice. WebAssembly and a portable
# native build of descent compute the unfused operations, so the fixture must come from torch's
# "default" (non-vectorized) kernels. ATEN_CPU_CAPABILITY is read when torch loads, so it has to be set
# in the environment before this process starts; refuse to run otherwise rather than write a fixture
# that silently depends on the machine it was generated on.
if os.environ.get("ATEN_CPU_CAPABILITY") != "default":
    sys.exit("torch_reference.py: run it as\n"
             "  ATEN_CPU_CAPABILITY=default /usr/bin/python3 tests/reference/torch_reference.py\n"
             "(without it torch fuses multiply-adds into FMAs on AVX2 CPUs and the fixture would not be plain IEEE double)")

import torch  # noqa: E402  (after the environment check on purpose)

torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "torch_trajectories.json")
SCRIPT = "tests/reference/torch_reference.py"
COMMAND = "ATEN_CPU_CAPABILITY=default /usr/bin/python3 tests/reference/torch_reference.py"

# The functions: descent's syntax, and the Python expression torch evaluates (x is a float64 tensor).
QUARTIC = ("x^4 - 3*x^2 + 2", "x**4 - 3*x**2 + 2")
BOWL = ("(x-2)^2", "(x-2)**2")
TILTED = ("0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2", "0.5*(0.75*x-1.2)**4-2*(0.75*x-1)**2+2")
WAVE = ("sin(x)*exp(-x^2/4)", "torch.sin(x)*torch.exp(-x**2/4)")
STEEP = ("x^40", "x**40")

# Defaults, as torch has them (and descent's settings table repeats them).
DEFAULT_ETA = {"gd": 0.01, "momentum": 0.01, "nesterov": 0.01,
               "adagrad": 0.1, "rmsprop": 0.1, "adam": 0.1, "adamw": 0.1}
METHODS = ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"]


def case(name, fn, x0, steps, **settings):
    return {"name": name, "fn": fn, "x0": x0, "steps": steps, "settings": settings}


def build_cases():
    cases = []
    # Every method with its defaults on three functions.
    for fn, x0, label in [(QUARTIC, -2.5, "x^4-3x^2+2 from -2.5"),
                          (BOWL, -1.0, "(x-2)^2 from -1"),
                          (TILTED, -2.0, "tilted double well from -2")]:
        for m in METHODS:
            eta = DEFAULT_ETA[m]
            cases.append(case(f"{m} defaults, eta {eta}, on {label}", fn, x0, 30, method=m, eta=eta))

    # Hyperparameters other than the defaults.
    cases += [
        case("momentum beta 0.5, eta 0.01", QUARTIC, -2.5, 30, method="momentum", eta=0.01, beta=0.5),
        case("nesterov beta 0.99, eta 0.01", QUARTIC, -2.5, 30, method="nesterov", eta=0.01, beta=0.99),
        case("rmsprop alpha 0.9 eps 1e-6, eta 0.1", QUARTIC, -2.5, 30, method="rmsprop", eta=0.1, alpha=0.9, eps=1e-6),
        case("adam beta1 0.8 beta2 0.99 eps 1e-6, eta 0.1", QUARTIC, -2.5, 30,
             method="adam", eta=0.1, beta1=0.8, beta2=0.99, eps=1e-6),
        case("adam beta2 0 (allowed: the second moment is the last squared gradient), eta 0.1", QUARTIC, -2.5, 30,
             method="adam", eta=0.1, beta2=0.0),
        case("adagrad eps 1e-3, eta 0.1", QUARTIC, -2.5, 30, method="adagrad", eta=0.1, eps=1e-3),
    ]

    # Every schedule, with gd and with adam.
    schedules = [
        ("step stepSize 5 gamma 0.5", 30, dict(schedule="step", stepSize=5, gamma=0.5)),
        ("step stepSize 5, torch's default gamma 0.1", 30, dict(schedule="step", stepSize=5)),
        ("exponential gamma 0.9", 30, dict(schedule="exponential", gamma=0.9)),
        ("cosine tMax 10 etaMin 0.001, 40 steps past T_max (climbs back)", 40,
         dict(schedule="cosine", tMax=10, etaMin=0.001)),
        ("cosine tMax 8 etaMin 0", 30, dict(schedule="cosine", tMax=8)),
        ("linear defaults (warm-up from 1/3 over 5)", 30, dict(schedule="linear")),
        ("linear startFactor 1 endFactor 0.1 totalIters 20", 30,
         dict(schedule="linear", startFactor=1.0, endFactor=0.1, totalIters=20)),
    ]
    for m in ["gd", "adam"]:
        for label, n, s in schedules:
            eta = DEFAULT_ETA[m]
            cases.append(case(f"{m} eta {eta}, {label}", QUARTIC, -2.5, n, method=m, eta=eta, **s))

    # Gradient clipping.
    cases += [
        case("gd eta 0.1, clip 1 (the first gradient -47.5 is clipped)", QUARTIC, -2.5, 30, method="gd", eta=0.1, clip=1.0),
        case("momentum eta 0.1, clip 0.5", QUARTIC, -2.5, 30, method="momentum", eta=0.1, clip=0.5),
        case("adam eta 0.1, clip 2", QUARTIC, -2.5, 30, method="adam", eta=0.1, clip=2.0),
        case("gd eta 0.1 on (x-2)^2, clip 10 larger than every gradient (no effect)", BOWL, -1.0, 30,
             method="gd", eta=0.1, clip=10.0),
        case("gd eta 1e-200 on x^40 from 1e4, clip 1: the gradient 4e157 overflows torch's norm", STEEP, 1e4, 3,
             method="gd", eta=1e-200, clip=1.0),
    ]

    # Weight decay.
    for m in ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]:
        eta = DEFAULT_ETA[m]
        cases.append(case(f"{m} eta {eta}, weightDecay 0.1", QUARTIC, -2.5, 30, method=m, eta=eta, weightDecay=0.1))
    cases += [
        case("adamw eta 0.1, torch's default weightDecay 0.01", QUARTIC, -2.5, 30, method="adamw", eta=0.1),
        case("adamw eta 0.1, weightDecay 0.1", QUARTIC, -2.5, 30, method="adamw", eta=0.1, weightDecay=0.1),
    ]

    # Combinations.
    cases += [
        case("adam eta 0.1, cosine tMax 10 past T_max, clip 1, weightDecay 0.01", QUARTIC, -2.5, 40,
             method="adam", eta=0.1, schedule="cosine", tMax=10, clip=1.0, weightDecay=0.01),
        case("momentum eta 0.05, step stepSize 5 gamma 0.5, clip 0.5", QUARTIC, -2.5, 30,
             method="momentum", eta=0.05, schedule="step", stepSize=5, gamma=0.5, clip=0.5),
        case("adamw eta 0.1, linear warm-up (defaults), clip 1", QUARTIC, -2.5, 30,
             method="adamw", eta=0.1, schedule="linear", clip=1.0),
        case("nesterov eta 0.01, exponential gamma 0.95, weightDecay 0.05", QUARTIC, -2.5, 30,
             method="nesterov", eta=0.01, schedule="exponential", gamma=0.95, weightDecay=0.05),
    ]

    # A function with sin and exp.
    cases += [
        case("gd eta 0.5 on sin(x)*exp(-x^2/4) from 1", WAVE, 1.0, 30, method="gd", eta=0.5),
        case("adam eta 0.1 on sin(x)*exp(-x^2/4) from 1", WAVE, 1.0, 30, method="adam", eta=0.1),
    ]
    return cases


def make_optimizer(x, s):
    m, lr = s["method"], s["eta"]
    wd = s.get("weightDecay", 0.0)
    if m == "gd":
        return torch.optim.SGD([x], lr=lr, weight_decay=wd)
    if m == "momentum":
        return torch.optim.SGD([x], lr=lr, momentum=s.get("beta", 0.9), dampening=0, weight_decay=wd)
    if m == "nesterov":
        return torch.optim.SGD([x], lr=lr, momentum=s.get("beta", 0.9), nesterov=True, weight_decay=wd)
    if m == "adagrad":
        return torch.optim.Adagrad([x], lr=lr, eps=s.get("eps", 1e-10), weight_decay=wd)
    if m == "rmsprop":
        return torch.optim.RMSprop([x], lr=lr, alpha=s.get("alpha", 0.99), eps=s.get("eps", 1e-8), weight_decay=wd)
    betas = (s.get("beta1", 0.9), s.get("beta2", 0.999))
    if m == "adam":
        return torch.optim.Adam([x], lr=lr, betas=betas, eps=s.get("eps", 1e-8), weight_decay=wd)
    if m == "adamw":
        return torch.optim.AdamW([x], lr=lr, betas=betas, eps=s.get("eps", 1e-8),
                                 weight_decay=s.get("weightDecay", 0.01))
    raise ValueError(m)


def make_scheduler(opt, s):
    kind = s.get("schedule", "constant")
    S = torch.optim.lr_scheduler
    if kind == "constant":
        return None
    if kind == "step":
        return S.StepLR(opt, step_size=s["stepSize"], gamma=s.get("gamma", 0.1))
    if kind == "exponential":
        return S.ExponentialLR(opt, gamma=s["gamma"])
    if kind == "cosine":
        return S.CosineAnnealingLR(opt, T_max=s["tMax"], eta_min=s.get("etaMin", 0.0))
    if kind == "linear":
        return S.LinearLR(opt, start_factor=s.get("startFactor", 1.0 / 3), end_factor=s.get("endFactor", 1.0),
                          total_iters=s.get("totalIters", 5))
    raise ValueError(kind)


def number(v):
    """A float as JSON: itself (json writes repr(), which round-trips), or "inf"/"-inf"/"nan"."""
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def run(c):
    f = eval("lambda x: " + c["fn"][1], {"torch": torch})
    s = c["settings"]
    n = c["steps"]
    clip = s.get("clip")
    x = torch.tensor(c["x0"], requires_grad=True)
    opt = make_optimizer(x, s)
    sched = make_scheduler(opt, s)
    xs, gs, lrs, fs, gcs = [x.item()], [], [], [], []
    for _ in range(n):
        lrs.append(opt.param_groups[0]["lr"])
        opt.zero_grad()
        loss = f(x)
        loss.backward()
        fs.append(loss.item())
        gs.append(x.grad.item())
        if clip is not None:
            torch.nn.utils.clip_grad_norm_([x], max_norm=clip)
            gcs.append(x.grad.item())
        opt.step()
        if sched is not None:
            sched.step()
        xs.append(x.item())
    lrs.append(sched.get_last_lr()[0] if sched is not None else opt.param_groups[0]["lr"])
    with torch.no_grad():
        fs.append(f(x.detach().clone()).item())
    out = {
        "name": c["name"],
        "expression": c["fn"][0],
        "torch": c["fn"][1],
        "x0": number(c["x0"]),
        "steps": n,
        "settings": {k: (number(v) if isinstance(v, float) else v) for k, v in s.items()},
        "x": [number(v) for v in xs],
        "g": [number(v) for v in gs],
        "lr": [number(v) for v in lrs],
        "f": [number(v) for v in fs],
    }
    if clip is not None:
        out["gClipped"] = [number(v) for v in gcs]
    return out


def main():
    cases = [run(c) for c in build_cases()]
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names), "case names must be unique"
    doc = {
        "description": "PyTorch float64 optimizer trajectories; see tests/reference/README.md",
        "torch": torch.__version__,
        "debianPackage": debian_package_version(),
        "python": platform.python_version(),
        "command": COMMAND,
        "ATEN_CPU_CAPABILITY": os.environ["ATEN_CPU_CAPABILITY"],
        "script": SCRIPT,
        "cases": cases,
    }
    with open(OUT, "w") as fh:
        fh.write(to_json(doc))
    print(f"wrote {len(cases)} cases to {os.path.relpath(OUT)}")


def to_json(doc):
    """JSON with one line per field of a case (arrays kept on their line), so diffs read case by case.

    json.dumps writes each float with repr(), the shortest text that reads back to the same double."""
    def dumps(v):
        return json.dumps(v, allow_nan=False, ensure_ascii=False)
    head = [f" {dumps(k)}: {dumps(v)}" for k, v in doc.items() if k != "cases"]
    cases = []
    for c in doc["cases"]:
        cases.append("  {\n" + ",\n".join(f"   {dumps(k)}: {dumps(v)}" for k, v in c.items()) + "\n  }")
    return "{\n" + ",\n".join(head) + ',\n "cases": [\n' + ",\n".join(cases) + "\n ]\n}\n"


def debian_package_version():
    """The version of Debian's python3-torch (torch.__version__ reads 1.13.0a0 in Debian's build)."""
    try:
        import subprocess
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-torch"],
                              capture_output=True, text=True, check=True).stdout.strip() or None
    except Exception:
        return None


if __name__ == "__main__":
    main()
