"""The lessons: one per idea of the course, each with recipes in ``training/lessons/``.

Every toy variant names the numbers that prove its point (shown live in the lesson pane) and
the claims its text makes about the end of the run; ``tests/test_lesson_claims.py`` runs each
recipe to its end and checks them.  Strings are marked for translation (context "Lessons").
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ganstudio.train.lesson_checks import Check

from .model import Lesson, Number, Variant

# --- numbers several lessons read -----------------------------------------------------------------
MEAN = Number("mean", QT_TRANSLATE_NOOP("Lessons", "generated mean"))
STD = Number("std", QT_TRANSLATE_NOOP("Lessons", "generated std"))
DSTAR_DEV = Number("dstar_dev", QT_TRANSLATE_NOOP(
    "Lessons", "max |D*(x) − 1/2| where the data has mass"))
D_DEV = Number("d_dev", QT_TRANSLATE_NOOP("Lessons", "max |D(x) − 1/2| where the data has mass"))
MODES = Number("modes_captured", QT_TRANSLATE_NOOP("Lessons", "modes captured"), "int")
HIGH_QUALITY = Number("high_quality", QT_TRANSLATE_NOOP("Lessons", "high-quality samples"), "pct")
D_REAL = Number("d_real", QT_TRANSLATE_NOOP("Lessons", "mean D(x) on real data now"))
D_SLOPE = Number("critic_grad", QT_TRANSLATE_NOOP("Lessons", "D's slope ‖∇D‖ between real and generated"), "g3")
PEAK_D_REAL = Number("peak_d_real", QT_TRANSLATE_NOOP("Lessons", "highest mean D(x) on real data so far"))

EQUILIBRIUM = QT_TRANSLATE_NOOP("Lessons", "at equilibrium (p_g = p_data, D* = 1/2)")
GAME_CHECKS = (Check("mean", "<", 0.1, centre=5.0), Check("std", "<", 0.1, centre=1.0),
               Check("dstar_dev", "<", 0.1))

LESSONS: tuple[Lesson, ...] = (
    Lesson("game_1d", QT_TRANSLATE_NOOP("Lessons", "The 1-D game"), QT_TRANSLATE_NOOP("Lessons", """
<p>The generator turns noise into single numbers; the discriminator sees a number and says how
likely it is to be real. Real numbers come from a Gaussian with mean 5 and standard deviation 1.</p>
<p><b>Watch the top plot:</b> the blue histogram (generated) slides onto the grey one (data).</p>
<p><b>Watch the bottom plot:</b> the orange curve is D(x). The dashed green curve is the best
possible discriminator for the current generator,
<i>D*(x) = p<sub>data</sub>(x) / (p<sub>data</sub>(x) + p<sub>g</sub>(x))</i>: it rises towards 1
where the generator puts too little mass and falls towards 0 where it puts too much, and the
generator follows D's slope.</p>
<p>When p<sub>g</sub> = p<sub>data</sub>, D* is <b>1/2 everywhere</b>: no discriminator can beat a
coin toss. The live box says how far the run is from that point now (mean, spread and the
largest gap between D* and 1/2 where the data lies); the learning rate decays along a cosine so
that the players settle instead of circling.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "ch. 3 §3.1 GANの基本概念 (敵対的学習のメカニズム, Nash均衡とは)"),
        (Variant(QT_TRANSLATE_NOOP("Lessons", "non-saturating loss"), "game_1d.toml", EQUILIBRIUM,
                 (MEAN, STD, DSTAR_DEV), GAME_CHECKS),)),

    Lesson("mode_collapse", QT_TRANSLATE_NOOP("Lessons", "Mode collapse on a ring of 8"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>The data are eight tight Gaussians on a circle. In the first variant the generator plays the
original <b>minimax</b> game and learns ten times faster than the discriminator. Where D is
confident, the minimax loss gives G almost no gradient, so G piles its samples onto the spot
where D is still fooled; D then learns to reject that spot and the whole pile hops to another.
<i>Modes captured</i> stays low: that is <b>mode collapse</b>.</p>
<p><b>The cure</b> (second variant, same networks): the non-saturating loss keeps the gradient
alive, a small lazy R1 penalty keeps D smooth near the data, D learns twice as fast as G,
Adam runs without momentum, and the learning rate decays along a cosine so the samples settle
onto the modes at the end. Watch the mode count reach 8 early and the high-quality share
(samples within 3 standard deviations of a mode) climb above 85 % as the samples between the
modes thin out. (The recipe <i>Ring of 8 Gaussians (best recipe)</i> trains 2.5 times longer and
reaches about 97 %.)</p>
"""), QT_TRANSLATE_NOOP("Lessons", "ch. 3 §3.2 Mode Collapse問題, Mode Collapseの原因と対策"),
        (Variant(QT_TRANSLATE_NOOP("Lessons", "minimax (collapses)"), "collapse_minimax.toml",
                 QT_TRANSLATE_NOOP("Lessons", "collapsed (few of the 8 modes)"),
                 (MODES, HIGH_QUALITY), (Check("modes_captured", "<", 4.5),)),
         Variant(QT_TRANSLATE_NOOP("Lessons", "the cure"), "collapse_cure.toml",
                 QT_TRANSLATE_NOOP("Lessons", "all 8 modes filled"),
                 (MODES, HIGH_QUALITY),
                 (Check("modes_captured", ">", 7.5), Check("high_quality", ">", 0.85))))),

    Lesson("saturation", QT_TRANSLATE_NOOP("Lessons", "Minimax vs non-saturating: the vanishing gradient"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>The original game asks G to <i>minimise</i> log(1 − D(G(z))). Early on D easily tells the
generated numbers (near 0) from the data (near 5): D(G(z)) is close to 0, and there the curve
log(1 − D) is flat, so G's gradient nearly vanishes. The non-saturating loss −log D(G(z)) has
the same goal but is steepest exactly there.</p>
<p><b>Watch the live box:</b> for the same D and the same generated samples it shows the size of
G's gradient under <i>both</i> losses, side by side, and their ratio. With the minimax loss the
ratio stays tiny while D is confident and G crawls; with the non-saturating loss (second
variant) G is pushed hard, reaches the data and D becomes unsure again.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "lecture 12 §3.1.5 Non-saturating GAN; ch. 3 §3.1 Minimax Game理論"),
        tuple(Variant(label, file, goal,
                      (Number("d_fake", QT_TRANSLATE_NOOP("Lessons", "mean D(G(z))"), "f3"),
                       Number("grad_minimax", QT_TRANSLATE_NOOP("Lessons", "G's gradient, minimax loss"), "e"),
                       Number("grad_nonsaturating", QT_TRANSLATE_NOOP("Lessons", "G's gradient, non-saturating loss"), "e"),
                       Number("saturation", QT_TRANSLATE_NOOP("Lessons", "ratio minimax / non-saturating"), "e"),
                       MEAN), checks)
              for label, file, goal, checks in (
                  (QT_TRANSLATE_NOOP("Lessons", "minimax"), "saturation_minimax.toml",
                   QT_TRANSLATE_NOOP("Lessons", "stuck: G's gradient has vanished"),
                   (Check("saturation", "<", 0.01), Check("mean", ">", 2.0, centre=5.0))),
                  (QT_TRANSLATE_NOOP("Lessons", "non-saturating"), "saturation_nonsaturating.toml",
                   QT_TRANSLATE_NOOP("Lessons", "on the data"),
                   (Check("mean", "<", 0.3, centre=5.0),)),
              ))),

    Lesson("optimal_d", QT_TRANSLATE_NOOP("Lessons", "The optimal discriminator and the JS divergence"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>For a fixed generator the best discriminator is <i>D*(x) = p<sub>data</sub>(x) /
(p<sub>data</sub>(x) + p<sub>g</sub>(x))</i> (the dashed green curve). Put it back into the value
of the game and what is left is a divergence:
<i>V(D*, G) = 2&nbsp;JSD(p<sub>data</sub>, p<sub>g</sub>) − log&nbsp;4</i>.</p>
<p><b>Watch the live box:</b> JSD is integrated numerically over x, with the exact data density and
a kernel density estimate of 2,500 generated samples; V(D*, G) is integrated separately from
log D* and log(1 − D*). Both sides of the identity are shown as the run goes, and so is the value
V(D, G) of the discriminator actually trained, which can never beat V(D*, G). As G learns,
JSD falls to 0 and both sides fall to −log 4 ≈ −1.386.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "lecture 12 §3.1.2 最適判別器 D*, §3.1.3 Jensen-Shannon, §3.1.4 数値検証"),
        (Variant(QT_TRANSLATE_NOOP("Lessons", "non-saturating loss"), "game_1d.toml",
                 QT_TRANSLATE_NOOP("Lessons", "at the minimum (JSD ≈ 0, V(D*, G) ≈ −log 4)"),
                 (Number("jsd", QT_TRANSLATE_NOOP("Lessons", "JSD(p_data, p_g)"), "f3"),
                  Number("v_dstar", QT_TRANSLATE_NOOP("Lessons", "V(D*, G) (integrated)"), "f3"),
                  Number("two_jsd_minus_log4", QT_TRANSLATE_NOOP("Lessons", "2 JSD − log 4"), "f3"),
                  Number("identity_gap", QT_TRANSLATE_NOOP("Lessons", "|difference of the two sides|"), "e"),
                  Number("v_d", QT_TRANSLATE_NOOP("Lessons", "V(D, G) of the trained D"), "f3")),
                 (Check("identity_gap", "<", 1e-6), Check("jsd", "<", 0.01),
                  Check("v_gap", ">", -0.005))),)),

    Lesson("nash", QT_TRANSLATE_NOOP("Lessons", "Nash equilibrium, and a game that never gets there"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>A Nash equilibrium is a pair of strategies where neither player gains by changing alone. For
a GAN it is p<sub>g</sub> = p<sub>data</sub> with <b>D = 1/2 everywhere</b>: the trained
discriminator itself (orange curve) goes flat at 1/2 over the data.</p>
<p>Gradient steps do not always find an equilibrium. The small plot plays the simplest
two-player game, min over x, max over y of x·y (its equilibrium is (0, 0)), for as many steps as
the GAN has made: with <b>simultaneous</b> steps each player follows its own gradient and the pair
spirals <i>outwards</i>; with <b>alternating</b> steps it circles for ever. The 1-D GAN lands
because its learning rate decays and D's loss is curved, not flat like x·y.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "ch. 3 §3.1 Nash均衡とは; lecture 12 §3.2 Nash均衡とゲーム理論"),
        (Variant(QT_TRANSLATE_NOOP("Lessons", "the 1-D game"), "game_1d.toml",
                 QT_TRANSLATE_NOOP("Lessons", "at the Nash equilibrium (D = 1/2)"),
                 (D_DEV, DSTAR_DEV,
                  Number("bilinear_simultaneous", QT_TRANSLATE_NOOP("Lessons", "bilinear game, simultaneous: distance from (0, 0)")),
                  Number("bilinear_alternating", QT_TRANSLATE_NOOP("Lessons", "bilinear game, alternating: distance from (0, 0)"))),
                 (Check("d_dev", "<", 0.1), Check("dstar_dev", "<", 0.1),
                  Check("bilinear_simultaneous", ">", 2.0))),), extra="bilinear"),

    Lesson("fgan", QT_TRANSLATE_NOOP("Lessons", "f-GAN: which divergence, which modes"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>An f-GAN trains G to shrink a chosen f-divergence between p<sub>data</sub> and p<sub>g</sub>.
The data here are two equal Gaussians at −3 and +3. The generator is deliberately simple: one
noise number times a weight plus a bias, so p<sub>g</sub> is always one Gaussian. It cannot
copy both modes; each divergence shows which compromise it prefers.</p>
<p><b>Reverse KL(p<sub>g</sub> ‖ p<sub>data</sub>)</b> punishes samples where there is no data:
it is <i>mode-seeking</i> and settles on one mode, tightly. <b>Jensen-Shannon</b> (the original
GAN's divergence) does the same here. <b>Pearson χ²</b> punishes missing data: it is
<i>mode-covering</i> and spreads one wide Gaussian over both modes, mass in between
included. <b>KL(p<sub>data</sub> ‖ p<sub>g</sub>)</b> is mode-covering on paper too, but its
critic's exponential output keeps steepening and the training does not settle: the samples
run off past a mode instead.</p>
<p><b>Watch the live box:</b> the share of generated samples on each mode (within 3 standard
deviations of it) and elsewhere.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "lecture 12 §3.4 f-GAN理論統一"),
        tuple(Variant(label, file, goal,
                      (Number("mode_share", QT_TRANSLATE_NOOP("Lessons", "share on the mode at −3 / +3"), "pctlist"),
                       Number("mode_share_between", QT_TRANSLATE_NOOP("Lessons", "share elsewhere (off both modes)"), "pct")),
                      checks)
              for label, file, goal, checks in (
                  (QT_TRANSLATE_NOOP("Lessons", "reverse KL"), "fgan_reverse_kl.toml",
                   QT_TRANSLATE_NOOP("Lessons", "on one mode (over 90 % of the samples)"),
                   (Check("mode_share_max", ">", 0.9),)),
                  (QT_TRANSLATE_NOOP("Lessons", "Jensen-Shannon"), "fgan_js.toml",
                   QT_TRANSLATE_NOOP("Lessons", "on one mode (over 90 % of the samples)"),
                   (Check("mode_share_max", ">", 0.9),)),
                  (QT_TRANSLATE_NOOP("Lessons", "KL"), "fgan_kl.toml",
                   QT_TRANSLATE_NOOP("Lessons", "straying: the second mode uncovered, over 10 % of the samples off both modes"),
                   (Check("mode_share_between", ">", 0.1), Check("mode_share_min", "<", 0.05))),
                  (QT_TRANSLATE_NOOP("Lessons", "Pearson χ²"), "fgan_pearson.toml",
                   QT_TRANSLATE_NOOP("Lessons", "covering: over 15 % of the samples on each mode, the rest between"),
                   (Check("mode_share_min", ">", 0.15), Check("mode_share_between", ">", 0.2))),
              ))),

    Lesson("smoothing", QT_TRANSLATE_NOOP("Lessons", "Label smoothing and instance noise"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>A discriminator that is too sure of itself (D(x) ≈ 1 on real data, ≈ 0 on generated data)
gives the generator little to learn from. Two small remedies:</p>
<p><b>One-sided label smoothing</b> trains D towards 0.9 instead of 1 on real data, so it
never claims certainty: the optimal D becomes 0.9 p<sub>data</sub> / (p<sub>data</sub> +
p<sub>g</sub>). <b>Instance noise</b> adds Gaussian noise to every input of D (here with
standard deviation 2, fading to 0 over the first 800 steps): real and generated samples
overlap, so D cannot separate them sharply.</p>
<p><b>Watch the live box:</b> the highest mean D(x) on real data so far. The generator starts
far from the data and D gets a head start, so a plain D becomes certain (D(real) = 1); with
smoothing it stops near 0.9; with noise it stays below certainty while the noise lasts. In all
three the generator still reaches the data.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "ch. 3 §3.4 Label Smoothing (instance noise is not in the course)"),
        tuple(Variant(label, file, goal, (PEAK_D_REAL, D_REAL, MEAN), checks)
              for label, file, goal, checks in (
                  (QT_TRANSLATE_NOOP("Lessons", "plain"), "smoothing_none.toml",
                   QT_TRANSLATE_NOOP("Lessons", "an over-confident D (peak D(real) > 0.99)"),
                   (Check("peak_d_real", ">", 0.99), Check("mean", "<", 0.3, centre=5.0))),
                  (QT_TRANSLATE_NOOP("Lessons", "label smoothing"), "smoothing_labels.toml",
                   QT_TRANSLATE_NOOP("Lessons", "a capped D (peak D(real) < 0.92)"),
                   (Check("peak_d_real", "<", 0.92), Check("mean", "<", 0.3, centre=5.0))),
                  (QT_TRANSLATE_NOOP("Lessons", "instance noise"), "smoothing_noise.toml",
                   QT_TRANSLATE_NOOP("Lessons", "a D short of certainty (peak D(real) < 0.97)"),
                   (Check("peak_d_real", "<", 0.97), Check("mean", "<", 0.3, centre=5.0))),
              ))),

    Lesson("spectral_norm", QT_TRANSLATE_NOOP("Lessons", "Spectral normalisation, layer by layer"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>How fast can D's output change when its input moves? At most by the product of the largest
singular values σ<sub>max</sub> of its layers' weights (the activations here never steepen a
slope). <b>Spectral normalisation</b> divides every weight matrix by its own σ<sub>max</sub>
(estimated by one step of power iteration per training step), so each layer is 1-Lipschitz and
so is D.</p>
<p><b>Watch the live box:</b> σ<sub>max</sub> of every D layer, measured exactly (by a singular
value decomposition) as the run goes, and their product, the bound on D's slope. Without
normalisation the values drift wherever training takes them; with it they sit at 1.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "ch. 3 §3.4 Spectral Normalization; lecture 12 §3.3.7"),
        tuple(Variant(label, file, goal,
                      (Number("sigma_max", QT_TRANSLATE_NOOP("Lessons", "σ_max per D layer (input → output)"), "list"),
                       Number("lipschitz_bound", QT_TRANSLATE_NOOP("Lessons", "product (bound on D's slope)")),
                       MODES), checks)
              for label, file, goal, checks in (
                  (QT_TRANSLATE_NOOP("Lessons", "plain D"), "sn_plain.toml",
                   QT_TRANSLATE_NOOP("Lessons", "unconstrained (some σ_max far from 1)"),
                   (Check("sigma_max_max", ">", 1.5),)),
                  (QT_TRANSLATE_NOOP("Lessons", "spectral norm"), "sn_spectral.toml",
                   QT_TRANSLATE_NOOP("Lessons", "1-Lipschitz (every σ_max ≈ 1)"),
                   (Check("sigma_max_max", "<", 1.1), Check("sigma_max_min", ">", 0.9))),
              ))),

    Lesson("wgan", QT_TRANSLATE_NOOP("Lessons", "WGAN: weight clipping vs gradient penalty"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>A WGAN critic estimates the Wasserstein distance, which needs a critic whose slope is at most
1 (a 1-Lipschitz function). The first WGAN enforced it crudely: after every critic step each
weight is <b>clipped</b> to [−0.01, 0.01]. Most weights end up pinned at the bounds and the
critic's slope is far below 1, so it sees the data only dimly.</p>
<p><b>WGAN-GP</b> instead penalises (‖∇<sub>x</sub> f‖ − 1)² at points between real and generated
samples, so the slope there is pushed to 1.</p>
<p><b>Watch the live box:</b> the critic's mean gradient norm between real and generated samples,
and the share of weights sitting at the clipping bound.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "lecture 12 §3.3.4 Weight Clipping, §3.3.5 WGAN-GP; ch. 3 §3.4 WGAN-GP"),
        tuple(Variant(label, file, goal,
                      (Number("critic_grad", QT_TRANSLATE_NOOP("Lessons", "critic's gradient norm ‖∇f‖ between real and fake"), "g3"),
                       Number("clip_share", QT_TRANSLATE_NOOP("Lessons", "weights at the clipping bound"), "pct"),
                       MODES), checks)
              for label, file, goal, checks in (
                  (QT_TRANSLATE_NOOP("Lessons", "clipping"), "wgan_clip.toml",
                   QT_TRANSLATE_NOOP("Lessons", "a clipped critic (‖∇f‖ far below 1)"),
                   (Check("critic_grad", "<", 0.2), Check("clip_share", ">", 0.5))),
                  (QT_TRANSLATE_NOOP("Lessons", "WGAN-GP"), "wgan_gp.toml",
                   QT_TRANSLATE_NOOP("Lessons", "a critic with slope ≈ 1"),
                   (Check("critic_grad", "<", 0.3, centre=1.0),)),
              ))),

    Lesson("r3gan", QT_TRANSLATE_NOOP("Lessons", "RpGAN + R1 + R2 (R3GAN) on the grid of 25"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>25 tight Gaussians on a 5 × 5 grid. The <b>classic</b> GAN (non-saturating loss, no
penalty) judges each sample on its own. <b>RpGAN</b>, the relativistic paired loss, judges a
real and a generated sample <i>against each other</i>: D asks "which of the two is more real?".
R3GAN adds zero-centred gradient penalties on real (<b>R1</b>) and on generated data (<b>R2</b>),
which keep D smooth on both sides; with them the paper proves local convergence.</p>
<p><b>Watch the live box:</b> the slope of D between real and generated samples (its gradient
norm), modes captured (of 25) and the share of high-quality samples (within 3 standard
deviations of a mode). In this short run both find the modes; the classic D keeps steepening
while R1 and R2 hold RpGAN's D smooth, which is what lets the longer run converge.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "lecture 12 §3.5 R3GAN (§3.5.1 RpGAN, §3.5.2 R3GAN)"),
        tuple(Variant(label, file, goal, (D_SLOPE, MODES, HIGH_QUALITY), checks)
              for label, file, goal, checks in (
                  (QT_TRANSLATE_NOOP("Lessons", "classic loss"), "r3gan_classic.toml",
                   QT_TRANSLATE_NOOP("Lessons", "a steep D (slope above 1)"),
                   (Check("critic_grad", ">", 1.0),)),
                  (QT_TRANSLATE_NOOP("Lessons", "RpGAN + R1 + R2"), "r3gan_rpgan.toml",
                   QT_TRANSLATE_NOOP("Lessons", "a smooth D on the whole grid"),
                   (Check("critic_grad", "<", 0.6), Check("modes_captured", ">", 23.5))),
              ))),

    Lesson("path_length", QT_TRANSLATE_NOOP("Lessons", "Path length regularisation (StyleGAN2)"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>A StyleGAN generator is two networks: a <b>mapping network</b> turns the noise z into a
latent w, and a <b>synthesis network</b> turns w into the output. Here the output is a point on
the plane (the ring of 8), so the whole picture fits on the screen.</p>
<p>The <b>path length</b> at w measures how far the output moves when w takes a small step:
StyleGAN2 uses |J<sub>w</sub><sup>T</sup>y|, with J<sub>w</sub> the synthesis network's Jacobian
and y a random direction in the output. The regulariser penalises
E[(|J<sub>w</sub><sup>T</sup>y| − a)<sup>2</sup>], a the running mean: every step in w should move
the output equally far, wherever it is taken.</p>
<p><b>Watch the live box:</b> the <i>spread</i> of the path lengths over 512 w (standard
deviation / mean; the length at each w is averaged exactly over the directions y). Without the
regulariser the synthesis network stretches some regions of w and squeezes others, and the
spread grows as the modes form. With it (second variant, otherwise the same recipe) the spread
stays several times smaller: the mapping network does the bending, and the synthesis network
stays nearly even. Both find the 8 modes. The price shows too: the mapping network now has to
squeeze w into eight tight clusters itself, and in this short run fewer samples land close to a
mode (the high-quality share).</p>
<p><b>Watch the small plot:</b> the image under the synthesis network of a regular grid of w
over the range the mapping network fills. Even cells mean equal steps in w move the output
equally far. Without the regulariser the grid is crumpled onto the ring: its cells collapse at
the modes and stretch between them. With it the grid stays a smooth sheet of cells of similar
size, and it is the mapping network that puts w only where the ring is. The live box gives the
spread of the cells' areas.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "lecture 12 §3.7.1 StyleGAN2: Path Length Regularization"),
        tuple(Variant(label, file, goal,
                      (Number("pl_cv", QT_TRANSLATE_NOOP("Lessons", "spread of the path lengths over w (std / mean)"), "f2"),
                       Number("pl_stretch", QT_TRANSLATE_NOOP("Lessons", "median stretch σ_max / σ_min of J_w"), "f2"),
                       Number("grid_cv", QT_TRANSLATE_NOOP("Lessons", "spread of the grid's cell areas (std / mean)"), "f2"),
                       MODES, HIGH_QUALITY), checks)
              for label, file, goal, checks in (
                  (QT_TRANSLATE_NOOP("Lessons", "without the regulariser"), "path_length_off.toml",
                   QT_TRANSLATE_NOOP("Lessons", "uneven (spread above 1) with all 8 modes"),
                   (Check("pl_cv", ">", 1.0), Check("modes_captured", ">", 7.5))),
                  (QT_TRANSLATE_NOOP("Lessons", "with the regulariser"), "path_length_on.toml",
                   QT_TRANSLATE_NOOP("Lessons", "even (spread below 0.7) with all 8 modes"),
                   (Check("pl_cv", "<", 0.7), Check("modes_captured", ">", 7.5))),
              )), extra="w_grid"),

    Lesson("dcgan_fashion", QT_TRANSLATE_NOOP("Lessons", "DCGAN on Fashion-MNIST"), QT_TRANSLATE_NOOP("Lessons", """
<p>A deep convolutional GAN: the generator upsamples a 64-number z through transposed
convolutions with batch norm to a 28&times;28 image; the discriminator is the mirror image with
strided convolutions and leaky ReLUs. Adam with lr 2&middot;10<sup>-4</sup> and &beta;<sub>1</sub> = 0.5
are the DCGAN paper's settings.</p>
<p>The sample grid always uses the <b>same z</b>, so you see each image sharpen: blobs first,
then silhouettes (shirts, trousers, shoes), then texture. Scrub the slider back to replay it.</p>
<p>The losses do not fall to zero: a GAN is a game, not a minimisation. D(real) and D(fake)
hovering around 0.5&ndash;0.8 and 0.2&ndash;0.4 is healthy; D(fake) stuck at 0 means D has won and G
learns nothing.</p>
<p>The second variant is the course's own DCGAN: its generator doubles the size with
nearest-neighbour copies followed by 3&times;3 convolutions (which avoids the checkerboard
patterns transposed convolutions can leave) and its discriminator uses dropout. It has more
weights, so each step takes longer.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "ch. 3 §3.3 DCGAN (Deep Convolutional GAN)"),
        (Variant(QT_TRANSLATE_NOOP("Lessons", "DCGAN, 28 px"), "dcgan_fashion.toml"),
         Variant(QT_TRANSLATE_NOOP("Lessons", "The course's DCGAN, 28 px"), "dcgan_fashion_course.toml")),
        toy=False),

    Lesson("evaluation", QT_TRANSLATE_NOOP("Lessons", "Evaluation: FD, precision / recall and IS while training"),
           QT_TRANSLATE_NOOP("Lessons", """
<p>How good is a generator? Every 100 steps this run draws 1,000 samples from the EMA generator
and compares them with the training images in the feature space of the shipped Fashion-MNIST
classifier (fast on a CPU; <code>ganstudio eval --metrics fid,kid,pr</code> gives the Inception
numbers that compare with papers):</p>
<p><b>FD</b> (the Fréchet distance of FID, here of classifier features) compares the means and
covariances of the two sets: one number for quality and variety together. <b>Precision</b> is the
share of samples inside the real images' k-nearest-neighbour manifold (do they look real?),
<b>recall</b> the share of real images inside the samples' manifold (is the data covered?).
<b>IS</b> rewards confident class predictions spread over all ten classes.</p>
<p><b>Watch Diagnostics:</b> pick "FD, classifier features", "Precision / recall" and "Inception
Score (classifier)". Early samples are blobs: FD is large, precision and recall low. FD falls
as the images sharpen, but it cannot say whether quality or variety moved: read precision and
recall beside it. Help ▸ StyleGAN lessons ▸ Evaluation shows the other half: on a trained model
the truncation trick buys precision with recall while FD alone calls it worse.</p>
"""), QT_TRANSLATE_NOOP("Lessons", "ch. 3 §3.6 実践: 評価指標 (FID, Precision & Recall)"),
        (Variant(QT_TRANSLATE_NOOP("Lessons", "DCGAN, measured every 100 steps"), "eval_dcgan.toml"),),
        toy=False),
)

FIRST_RUN_LESSON = "game_1d"


def lesson(key: str) -> Lesson:
    for item in LESSONS:
        if item.key == key:
            return item
    raise KeyError(key)
