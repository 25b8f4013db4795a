"""`ganstudio eval CHECKPOINT`: its options, their checks, and the printed report.

The metrics themselves live in the training engine: the classifier-space report in
:mod:`ganstudio.train.evaluate`, the Inception metrics in :mod:`ganstudio.train.inception_eval`.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..core.checkpoint import atomic_write
from ..errors import UsageError
from ..i18n import translate
from ..train.evaluate import (CLASSIFIER_ONLY, K_NEIGHBOURS, TEST_IMAGES, NotApplicable,
                              evaluate_checkpoint, format_report)
from .common import render_device


def _check_args(args) -> None:
    if not getattr(args, "metrics_list", None):
        from ..train.inception_eval import parse_metrics
        args.metrics_list = parse_metrics(args.metrics)
    if args.ppl_samples < 2:
        raise UsageError(translate(
            "eval", "--ppl-samples must be at least 2, got {0}").format(args.ppl_samples))
    if args.against not in ("auto", "fashion-mnist", "emoji") and not os.path.exists(args.against):
        raise UsageError(translate("eval", "--against: {0} is neither fashion-mnist, emoji nor an "
                                           "existing image folder or IDX file").format(args.against))
    if args.metrics_list == ["classifier"] and args.against not in ("auto", "fashion-mnist"):
        raise UsageError(translate(
            "eval", "--against needs Inception metrics (--metrics fid,...): the classifier "
                        "space only knows Fashion-MNIST"))
    if "is" in args.metrics_list and args.samples < 10:
        raise UsageError(translate("eval", "--samples must be at least 10 for is (10 splits), got {0}")
                         .format(args.samples))
    if args.samples < 2 * K_NEIGHBOURS:
        raise UsageError(translate("eval", "--samples must be at least {0}, got {1}").format(
            2 * K_NEIGHBOURS, args.samples))
    if args.batch < 1:
        raise UsageError(translate("eval", "--batch must be positive, got {0}").format(args.batch))
    if not 2 * K_NEIGHBOURS <= args.reference <= TEST_IMAGES:
        raise UsageError(translate("eval", "--reference must be in [{0}, {1}], got {2}").format(
            2 * K_NEIGHBOURS, TEST_IMAGES, args.reference))
    if not 0 <= args.seed < 2 ** 32 - 1:
        raise UsageError(translate("eval", "--seed must be in [0, 2^32 - 1), got {0}").format(args.seed))
    if not 0.0 <= args.psi <= 2.0:
        raise UsageError(translate("eval", "--psi must be in [0, 2], got {0}").format(args.psi))


def run(args) -> int:
    """`ganstudio eval` with parsed ``args``: prints the report, writes --json; exit status."""
    try:
        _check_args(args)
        if args.metrics_list != [CLASSIFIER_ONLY]:
            return _run_inception(args)
        result = evaluate_checkpoint(
            args.checkpoint, samples=args.samples, seed=args.seed, psi=args.psi,
            device=render_device(args.device), batch=args.batch, floor=args.floor,
            reference=args.reference, ema=args.ema, classifier_path=args.classifier,
            data_dir=args.data_dir, log=lambda s: print(s, file=sys.stderr, flush=True))
    except NotApplicable as e:   # "ganstudio eval: error: ..." and exit status 2
        raise UsageError(str(e)) from None
    print(format_report(result))
    _write_json(args, result)
    return 0


def _write_json(args, result: dict) -> None:
    if args.json:
        text = json.dumps(result, indent=2) + "\n"
        atomic_write(Path(args.json), lambda f: f.write(text.encode()))
        print(translate("eval", "wrote {0}").format(args.json))


def _run_inception(args) -> int:
    """--metrics with Inception metrics (and the classifier report too when listed)."""
    from ..train import inception_eval as ie
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    try:
        result = ie.evaluate_inception(
            args.checkpoint, metrics=args.metrics_list, against=args.against,
            samples=args.samples, seed=args.seed, psi=args.psi, device=render_device(args.device),
            batch=args.batch, floor=args.floor,
            reference=None if args.reference == TEST_IMAGES else args.reference, ema=args.ema,
            ppl_samples=args.ppl_samples, data_dir=args.data_dir, log=log, stream=sys.stderr)
        if CLASSIFIER_ONLY in args.metrics_list:
            result["classifier_space"] = evaluate_checkpoint(
                args.checkpoint, samples=args.samples, seed=args.seed, psi=args.psi,
                device=render_device(args.device), batch=args.batch, floor=args.floor,
                reference=args.reference, ema=args.ema, classifier_path=args.classifier,
                data_dir=args.data_dir, log=log)
    except NotApplicable as e:
        raise UsageError(str(e)) from None
    except ie.inception.MetricsExtraMissing as e:
        print(translate("cli", "{0}: error: {1}").format("ganstudio eval", e), file=sys.stderr)
        return 1
    print(ie.format_inception_report(result))
    if "classifier_space" in result:
        print()
        print(format_report(result["classifier_space"]))
    _write_json(args, result)
    return 0


def add_parser(subparsers) -> None:
    """Register ``ganstudio eval`` on the ``ganstudio`` sub-command parser."""
    p = subparsers.add_parser(
        "eval", help=translate(
            "eval", "quality metrics of an image generator (classifier space or Inception)"),
        description=translate("eval", "By default (--metrics classifier): FD, KID, precision/recall (k=3) and class "
                    "coverage of generated samples against the Fashion-MNIST test set in the "
                    "feature space of GAN Studio's own Fashion-MNIST classifier (fast; NOT "
                    "Inception FID). --metrics fid,kid,pr,is,ppl: the Inception-v3 metrics of "
                    "the papers against Fashion-MNIST, the emoji set, a folder or an IDX file "
                    "(needs pip install 'ganstudio[metrics]'). With real training images as the "
                    "floor."))
    p.add_argument("checkpoint", help=translate(
        "eval", "a checkpoint file or a run directory (its latest checkpoint)"))
    p.add_argument("--metrics", default=CLASSIFIER_ONLY,
                   help=translate(
                       "eval", "comma-separated: classifier (the fast classifier-space report, the "
                        "default) and the Inception-v3 metrics fid, kid, pr (precision/recall), "
                        "is, ppl (StyleGAN); Inception needs pip install 'ganstudio[metrics]'"))
    p.add_argument("--against", default="auto",
                   help=translate(
                       "eval", "reference of the Inception metrics: fashion-mnist (the test split), "
                        "emoji, or an image folder or IDX file (default auto: emoji for models "
                        "trained on emoji, else fashion-mnist)"))
    p.add_argument("--ppl-samples", type=int, default=1000,
                   help=translate("eval", "pairs for the path length (default 1000; the paper uses 100,000)"))
    p.add_argument("--samples", type=int, default=10_000, help=translate(
        "eval", "generated samples (default 10000)"))
    p.add_argument("--seed", type=int, default=0, help=translate(
        "eval", "seed of the latents and subsets (default 0)"))
    p.add_argument("--psi", type=float, default=1.0, help=translate(
        "eval", "truncation psi (StyleGAN only; default 1)"))
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto",
                   help=translate("eval", "where to run the generator and the classifier (default auto)"))
    p.add_argument("--batch", type=int, default=250, help=translate(
        "eval", "generator batch size (default 250)"))
    p.add_argument("--json", metavar="OUT", help=translate(
        "eval", "also write every number to this JSON file"))
    p.add_argument("--floor", action=argparse.BooleanOptionalAction, default=True,
                   help=translate(
                       "eval", "also score real training images against the test set (default on)"))
    p.add_argument("--reference", type=int, default=TEST_IMAGES,
                   help=translate(
                       "eval", "test images used as the reference (default all {0})").format(TEST_IMAGES))
    p.add_argument("--ema", action=argparse.BooleanOptionalAction, default=True,
                   help=translate(
                       "eval", "use the EMA generator weights when the checkpoint has them (default on)"))
    p.add_argument("--classifier", default=None, help=translate(
        "eval", "another classifier file (default: the shipped one)"))
    p.add_argument("--data-dir", default=None,
                   help=translate(
                       "eval", "folder with the Fashion-MNIST IDX files (default: the Debian package's)"))
    p.set_defaults(func=run)
