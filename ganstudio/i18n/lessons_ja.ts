<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>BilinearPlot</name>
    <message>
        <source>Bilinear game min_x max_y xy</source>
        <translation>双線形ゲーム min_x max_y xy</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;■&lt;/span&gt; simultaneous steps · &lt;span style=&apos;color:{1}&apos;&gt;■&lt;/span&gt; alternating steps · + the Nash equilibrium (0, 0)</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;■&lt;/span&gt; 同時更新 · &lt;span style=&apos;color:{1}&apos;&gt;■&lt;/span&gt; 交互更新 · + ナッシュ均衡 (0, 0)</translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <source>Course: {0}</source>
        <translation>講座: {0}</translation>
    </message>
    <message>
        <source>Load this variant into the recipe form</source>
        <translation>このバリエーションをレシピフォームに読み込む</translation>
    </message>
    <message>
        <source>&lt;b&gt;Live:&lt;/b&gt; start the run; these numbers are measured from it as it trains.</source>
        <translation>&lt;b&gt;ライブ:&lt;/b&gt; 実行を開始してください。以下の数値は訓練中の実行からその場で測定されます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verdict at step {0}:&lt;/b&gt; {1} {2}</source>
        <translation>&lt;b&gt;ステップ {0} での判定:&lt;/b&gt; {1} {2}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verdict at step {0}:&lt;/b&gt; not {1} {2} (see the numbers marked {2})</source>
        <translation>&lt;b&gt;ステップ {0} での判定:&lt;/b&gt; {1} に達しなかった {2}（{2} の付いた数値を参照）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {0} of {1}:&lt;/b&gt; {2} now.</source>
        <translation>&lt;b&gt;ステップ {0} / {1}:&lt;/b&gt; 現在 {2} に到達。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {0} of {1}:&lt;/b&gt; not yet {2}.</source>
        <translation>&lt;b&gt;ステップ {0} / {1}:&lt;/b&gt; まだ {2} に達していない。</translation>
    </message>
    <message>
        <source>within {0} of {1}</source>
        <translation>{1} との差 {0} 未満</translation>
    </message>
    <message>
        <source>more than {0} from {1}</source>
        <translation>{1} との差 {0} 超</translation>
    </message>
    <message>
        <source>at least {0}</source>
        <translation>{0} 以上</translation>
    </message>
    <message>
        <source>at most {0}</source>
        <translation>{0} 以下</translation>
    </message>
    <message>
        <source>below {0}</source>
        <translation>{0} 未満</translation>
    </message>
    <message>
        <source>above {0}</source>
        <translation>{0} 超</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>generated mean</source>
        <translation>生成サンプルの平均</translation>
    </message>
    <message>
        <source>generated std</source>
        <translation>生成サンプルの標準偏差</translation>
    </message>
    <message>
        <source>max |D*(x) − 1/2| where the data has mass</source>
        <translation>データのある範囲での max |D*(x) − 1/2|</translation>
    </message>
    <message>
        <source>max |D(x) − 1/2| where the data has mass</source>
        <translation>データのある範囲での max |D(x) − 1/2|</translation>
    </message>
    <message>
        <source>modes captured</source>
        <translation>捉えたモード数</translation>
    </message>
    <message>
        <source>high-quality samples</source>
        <translation>高品質サンプルの割合</translation>
    </message>
    <message>
        <source>mean D(x) on real data now</source>
        <translation>本物データでの D(x) の平均（現在）</translation>
    </message>
    <message>
        <source>D&apos;s slope ‖∇D‖ between real and generated</source>
        <translation>本物と生成の間での識別器の傾き ‖∇D‖</translation>
    </message>
    <message>
        <source>highest mean D(x) on real data so far</source>
        <translation>これまでの本物データでの D(x) 平均の最大値</translation>
    </message>
    <message>
        <source>at equilibrium (p_g = p_data, D* = 1/2)</source>
        <translation>均衡状態 (p_g = p_data, D* = 1/2)</translation>
    </message>
    <message>
        <source>The 1-D game</source>
        <translation>1次元のゲーム</translation>
    </message>
    <message>
        <source>
&lt;p&gt;The generator turns noise into single numbers; the discriminator sees a number and says how
likely it is to be real. Real numbers come from a Gaussian with mean 5 and standard deviation 1.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the top plot:&lt;/b&gt; the blue histogram (generated) slides onto the grey one (data).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the bottom plot:&lt;/b&gt; the orange curve is D(x). The dashed green curve is the best
possible discriminator for the current generator,
&lt;i&gt;D*(x) = p&lt;sub&gt;data&lt;/sub&gt;(x) / (p&lt;sub&gt;data&lt;/sub&gt;(x) + p&lt;sub&gt;g&lt;/sub&gt;(x))&lt;/i&gt;: it rises towards 1
where the generator puts too little mass and falls towards 0 where it puts too much, and the
generator follows D&apos;s slope.&lt;/p&gt;
&lt;p&gt;When p&lt;sub&gt;g&lt;/sub&gt; = p&lt;sub&gt;data&lt;/sub&gt;, D* is &lt;b&gt;1/2 everywhere&lt;/b&gt;: no discriminator can beat a
coin toss. The live box says how far the run is from that point now (mean, spread and the
largest gap between D* and 1/2 where the data lies); the learning rate decays along a cosine so
that the players settle instead of circling.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;生成器はノイズを1つの数に変え、識別器は数を見てそれが本物らしい確率を答えます。本物の数は平均 5、標準偏差 1 のガウス分布から来ます。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;上のプロットを見る:&lt;/b&gt; 青いヒストグラム（生成）が灰色のヒストグラム（データ）に重なっていきます。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;下のプロットを見る:&lt;/b&gt; オレンジの曲線が D(x) です。緑の破線は現在の生成器に対して最も良い識別器
&lt;i&gt;D*(x) = p&lt;sub&gt;data&lt;/sub&gt;(x) / (p&lt;sub&gt;data&lt;/sub&gt;(x) + p&lt;sub&gt;g&lt;/sub&gt;(x))&lt;/i&gt; です。生成器の質量が足りない所では 1 に向かって上がり、多すぎる所では 0 に向かって下がります。生成器は D の傾きに沿って動きます。&lt;/p&gt;
&lt;p&gt;p&lt;sub&gt;g&lt;/sub&gt; = p&lt;sub&gt;data&lt;/sub&gt; になると D* は&lt;b&gt;どこでも 1/2&lt;/b&gt; になり、どんな識別器もコイン投げに勝てません。ライブ欄は、いまその点からどれだけ離れているか（平均、広がり、データのある範囲での D* と 1/2 の最大の差）を示します。学習率はコサインに沿って減衰するので、2人のプレイヤーは回り続けずに落ち着きます。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>ch. 3 §3.1 GANの基本概念 (敵対的学習のメカニズム, Nash均衡とは)</source>
        <translation>第3章 §3.1 GANの基本概念（敵対的学習のメカニズム、Nash均衡とは）</translation>
    </message>
    <message>
        <source>non-saturating loss</source>
        <translation>非飽和損失</translation>
    </message>
    <message>
        <source>Mode collapse on a ring of 8</source>
        <translation>8個のリングでのモード崩壊</translation>
    </message>
    <message>
        <source>
&lt;p&gt;The data are eight tight Gaussians on a circle. In the first variant the generator plays the
original &lt;b&gt;minimax&lt;/b&gt; game and learns ten times faster than the discriminator. Where D is
confident, the minimax loss gives G almost no gradient, so G piles its samples onto the spot
where D is still fooled; D then learns to reject that spot and the whole pile hops to another.
&lt;i&gt;Modes captured&lt;/i&gt; stays low: that is &lt;b&gt;mode collapse&lt;/b&gt;.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;The cure&lt;/b&gt; (second variant, same networks): the non-saturating loss keeps the gradient
alive, a small lazy R1 penalty keeps D smooth near the data, D learns twice as fast as G,
Adam runs without momentum, and the learning rate decays along a cosine so the samples settle
onto the modes at the end. Watch the mode count reach 8 early and the high-quality share
(samples within 3 standard deviations of a mode) climb above 85 % as the samples between the
modes thin out. (The recipe &lt;i&gt;Ring of 8 Gaussians (best recipe)&lt;/i&gt; trains 2.5 times longer and
reaches about 97 %.)&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;データは円周上の8個の細いガウス分布です。1つ目のバリエーションでは、生成器は元の&lt;b&gt;ミニマックス&lt;/b&gt;ゲームを行い、識別器の10倍の速さで学習します。識別器が確信している所ではミニマックス損失は生成器にほとんど勾配を与えないので、生成器はサンプルを識別器がまだだまされる場所に積み上げます。識別器がその場所を見破ると、山ごと別の場所に移ります。&lt;i&gt;捉えたモード数&lt;/i&gt;は少ないままです。これが&lt;b&gt;モード崩壊&lt;/b&gt;です。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;治療法&lt;/b&gt;（2つ目のバリエーション、同じネットワーク）: 非飽和損失で勾配を保ち、小さな遅延 R1 ペナルティでデータ付近の識別器をなめらかに保ち、識別器は生成器の2倍の速さで学習し、Adam はモーメンタムなしで動き、学習率はコサインに沿って減衰するので最後にサンプルがモードに落ち着きます。モード数が早く 8 に達し、モードの間のサンプルが減るにつれて高品質サンプル（モードから標準偏差3つ以内）の割合が 85 % を超えるのを見てください。（レシピ &lt;i&gt;Ring of 8 Gaussians (best recipe)&lt;/i&gt; は 2.5 倍長く訓練し、約 97 % に達します。）&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>ch. 3 §3.2 Mode Collapse問題, Mode Collapseの原因と対策</source>
        <translation>第3章 §3.2 Mode Collapse問題、Mode Collapseの原因と対策</translation>
    </message>
    <message>
        <source>minimax (collapses)</source>
        <translation>ミニマックス（崩壊する）</translation>
    </message>
    <message>
        <source>collapsed (few of the 8 modes)</source>
        <translation>崩壊状態（8モード中わずか）</translation>
    </message>
    <message>
        <source>the cure</source>
        <translation>治療法</translation>
    </message>
    <message>
        <source>all 8 modes filled</source>
        <translation>8モードすべてが埋まった状態</translation>
    </message>
    <message>
        <source>Minimax vs non-saturating: the vanishing gradient</source>
        <translation>ミニマックス対非飽和: 消える勾配</translation>
    </message>
    <message>
        <source>
&lt;p&gt;The original game asks G to &lt;i&gt;minimise&lt;/i&gt; log(1 − D(G(z))). Early on D easily tells the
generated numbers (near 0) from the data (near 5): D(G(z)) is close to 0, and there the curve
log(1 − D) is flat, so G&apos;s gradient nearly vanishes. The non-saturating loss −log D(G(z)) has
the same goal but is steepest exactly there.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the live box:&lt;/b&gt; for the same D and the same generated samples it shows the size of
G&apos;s gradient under &lt;i&gt;both&lt;/i&gt; losses, side by side, and their ratio. With the minimax loss the
ratio stays tiny while D is confident and G crawls; with the non-saturating loss (second
variant) G is pushed hard, reaches the data and D becomes unsure again.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;元のゲームでは生成器は log(1 − D(G(z))) を&lt;i&gt;最小化&lt;/i&gt;します。初めのうち識別器は生成された数（0 付近）とデータ（5 付近）を簡単に見分けるので D(G(z)) は 0 に近く、そこでは曲線 log(1 − D) が平らなため、生成器の勾配はほとんど消えます。非飽和損失 −log D(G(z)) は同じ目標を持ちながら、まさにそこで最も急になります。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;ライブ欄を見る:&lt;/b&gt; 同じ識別器と同じ生成サンプルについて、&lt;i&gt;両方&lt;/i&gt;の損失での生成器の勾配の大きさを並べ、その比を示します。ミニマックス損失では識別器が確信している間この比はごく小さく、生成器はほとんど動きません。非飽和損失（2つ目のバリエーション）では生成器は強く押され、データに届き、識別器は再び迷い始めます。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>lecture 12 §3.1.5 Non-saturating GAN; ch. 3 §3.1 Minimax Game理論</source>
        <translation>第12回 §3.1.5 Non-saturating GAN損失、第3章 §3.1 Minimax Game理論</translation>
    </message>
    <message>
        <source>mean D(G(z))</source>
        <translation>D(G(z)) の平均</translation>
    </message>
    <message>
        <source>G&apos;s gradient, minimax loss</source>
        <translation>生成器の勾配（ミニマックス損失）</translation>
    </message>
    <message>
        <source>G&apos;s gradient, non-saturating loss</source>
        <translation>生成器の勾配（非飽和損失）</translation>
    </message>
    <message>
        <source>ratio minimax / non-saturating</source>
        <translation>比 ミニマックス / 非飽和</translation>
    </message>
    <message>
        <source>clipping</source>
        <translation>クリッピング</translation>
    </message>
    <message>
        <source>WGAN-GP</source>
        <translation>WGAN-GP</translation>
    </message>
    <message>
        <source>stuck: G&apos;s gradient has vanished</source>
        <translation>停滞状態（生成器の勾配が消失）</translation>
    </message>
    <message>
        <source>non-saturating</source>
        <translation>非飽和</translation>
    </message>
    <message>
        <source>on the data</source>
        <translation>データ上</translation>
    </message>
    <message>
        <source>The optimal discriminator and the JS divergence</source>
        <translation>最適識別器とJSダイバージェンス</translation>
    </message>
    <message>
        <source>
&lt;p&gt;For a fixed generator the best discriminator is &lt;i&gt;D*(x) = p&lt;sub&gt;data&lt;/sub&gt;(x) /
(p&lt;sub&gt;data&lt;/sub&gt;(x) + p&lt;sub&gt;g&lt;/sub&gt;(x))&lt;/i&gt; (the dashed green curve). Put it back into the value
of the game and what is left is a divergence:
&lt;i&gt;V(D*, G) = 2&amp;nbsp;JSD(p&lt;sub&gt;data&lt;/sub&gt;, p&lt;sub&gt;g&lt;/sub&gt;) − log&amp;nbsp;4&lt;/i&gt;.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the live box:&lt;/b&gt; JSD is integrated numerically over x, with the exact data density and
a kernel density estimate of 2,500 generated samples; V(D*, G) is integrated separately from
log D* and log(1 − D*). Both sides of the identity are shown as the run goes, and so is the value
V(D, G) of the discriminator actually trained, which can never beat V(D*, G). As G learns,
JSD falls to 0 and both sides fall to −log 4 ≈ −1.386.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;生成器を固定すると最良の識別器は &lt;i&gt;D*(x) = p&lt;sub&gt;data&lt;/sub&gt;(x) / (p&lt;sub&gt;data&lt;/sub&gt;(x) + p&lt;sub&gt;g&lt;/sub&gt;(x))&lt;/i&gt;（緑の破線）です。これをゲームの価値に代入すると残るのはダイバージェンスです:
&lt;i&gt;V(D*, G) = 2&amp;nbsp;JSD(p&lt;sub&gt;data&lt;/sub&gt;, p&lt;sub&gt;g&lt;/sub&gt;) − log&amp;nbsp;4&lt;/i&gt;。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;ライブ欄を見る:&lt;/b&gt; JSD は x について数値積分されます。データの密度は厳密なものを、生成器の密度は生成サンプルのカーネル密度推定を使います。V(D*, G) は log D* と log(1 − D*) から別に積分されます。恒等式の両辺が実行中ずっと表示され、実際に訓練している識別器の価値 V(D, G) も表示されます。これは V(D*, G) を超えることはありません。生成器が学習すると JSD は 0 に、両辺は −log 4 ≈ −1.386 に下がります。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>lecture 12 §3.1.2 最適判別器 D*, §3.1.3 Jensen-Shannon, §3.1.4 数値検証</source>
        <translation>第12回 §3.1.2 最適判別器 D*、§3.1.3 Jensen-Shannon、§3.1.4 数値検証</translation>
    </message>
    <message>
        <source>at the minimum (JSD ≈ 0, V(D*, G) ≈ −log 4)</source>
        <translation>最小点 (JSD ≈ 0, V(D*, G) ≈ −log 4)</translation>
    </message>
    <message>
        <source>JSD(p_data, p_g)</source>
        <translation>JSD(p_data, p_g)</translation>
    </message>
    <message>
        <source>V(D*, G) (integrated)</source>
        <translation>V(D*, G)（数値積分）</translation>
    </message>
    <message>
        <source>2 JSD − log 4</source>
        <translation>2 JSD − log 4</translation>
    </message>
    <message>
        <source>|difference of the two sides|</source>
        <translation>|両辺の差|</translation>
    </message>
    <message>
        <source>V(D, G) of the trained D</source>
        <translation>訓練中の識別器の V(D, G)</translation>
    </message>
    <message>
        <source>Nash equilibrium, and a game that never gets there</source>
        <translation>ナッシュ均衡と、そこにたどり着かないゲーム</translation>
    </message>
    <message>
        <source>
&lt;p&gt;A Nash equilibrium is a pair of strategies where neither player gains by changing alone. For
a GAN it is p&lt;sub&gt;g&lt;/sub&gt; = p&lt;sub&gt;data&lt;/sub&gt; with &lt;b&gt;D = 1/2 everywhere&lt;/b&gt;: the trained
discriminator itself (orange curve) goes flat at 1/2 over the data.&lt;/p&gt;
&lt;p&gt;Gradient steps do not always find an equilibrium. The small plot plays the simplest
two-player game, min over x, max over y of x·y (its equilibrium is (0, 0)), for as many steps as
the GAN has made: with &lt;b&gt;simultaneous&lt;/b&gt; steps each player follows its own gradient and the pair
spirals &lt;i&gt;outwards&lt;/i&gt;; with &lt;b&gt;alternating&lt;/b&gt; steps it circles for ever. The 1-D GAN lands
because its learning rate decays and D&apos;s loss is curved, not flat like x·y.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;ナッシュ均衡とは、どちらのプレイヤーも自分だけ戦略を変えても得をしない戦略の組です。GAN では p&lt;sub&gt;g&lt;/sub&gt; = p&lt;sub&gt;data&lt;/sub&gt; で&lt;b&gt;どこでも D = 1/2&lt;/b&gt; の状態です。訓練している識別器そのもの（オレンジの曲線）がデータの上で 1/2 に平らになります。&lt;/p&gt;
&lt;p&gt;勾配によるステップがいつも均衡を見つけるとは限りません。小さなプロットは最も簡単な2人ゲーム、x について最小・y について最大の x·y（均衡は (0, 0)）を、GAN と同じステップ数だけ行います。&lt;b&gt;同時更新&lt;/b&gt;では各プレイヤーが自分の勾配に従い、組は&lt;i&gt;外側へ&lt;/i&gt;らせん状に離れていきます。&lt;b&gt;交互更新&lt;/b&gt;では永遠に回り続けます。1次元の GAN が着地するのは、学習率が減衰し、識別器の損失が x·y のように平らではなく曲がっているからです。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>ch. 3 §3.1 Nash均衡とは; lecture 12 §3.2 Nash均衡とゲーム理論</source>
        <translation>第3章 §3.1 Nash均衡とは、第12回 §3.2 Nash均衡とゲーム理論</translation>
    </message>
    <message>
        <source>the 1-D game</source>
        <translation>1次元のゲーム</translation>
    </message>
    <message>
        <source>at the Nash equilibrium (D = 1/2)</source>
        <translation>ナッシュ均衡 (D = 1/2)</translation>
    </message>
    <message>
        <source>bilinear game, simultaneous: distance from (0, 0)</source>
        <translation>双線形ゲーム・同時更新: (0, 0) からの距離</translation>
    </message>
    <message>
        <source>bilinear game, alternating: distance from (0, 0)</source>
        <translation>双線形ゲーム・交互更新: (0, 0) からの距離</translation>
    </message>
    <message>
        <source>f-GAN: which divergence, which modes</source>
        <translation>f-GAN: どのダイバージェンスで、どのモードへ</translation>
    </message>
    <message>
        <source>share elsewhere (off both modes)</source>
        <translation>それ以外（どちらのモードにもない）割合</translation>
    </message>
    <message>
        <source>on one mode (over 90 % of the samples)</source>
        <translation>ひとつのモードに集中した状態（サンプルの 90 % 超）</translation>
    </message>
    <message>
        <source>lecture 12 §3.4 f-GAN理論統一</source>
        <translation>第12回 §3.4 f-GAN理論統一</translation>
    </message>
    <message>
        <source>share on the mode at −3 / +3</source>
        <translation>−3 / +3 のモード上の割合</translation>
    </message>
    <message>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <source>reverse KL</source>
        <translation>逆KL</translation>
    </message>
    <message>
        <source>minimax</source>
        <translation>ミニマックス</translation>
    </message>
    <message>
        <source>
&lt;p&gt;An f-GAN trains G to shrink a chosen f-divergence between p&lt;sub&gt;data&lt;/sub&gt; and p&lt;sub&gt;g&lt;/sub&gt;.
The data here are two equal Gaussians at −3 and +3. The generator is deliberately simple: one
noise number times a weight plus a bias, so p&lt;sub&gt;g&lt;/sub&gt; is always one Gaussian. It cannot
copy both modes; each divergence shows which compromise it prefers.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Reverse KL(p&lt;sub&gt;g&lt;/sub&gt; ‖ p&lt;sub&gt;data&lt;/sub&gt;)&lt;/b&gt; punishes samples where there is no data:
it is &lt;i&gt;mode-seeking&lt;/i&gt; and settles on one mode, tightly. &lt;b&gt;Jensen-Shannon&lt;/b&gt; (the original
GAN&apos;s divergence) does the same here. &lt;b&gt;Pearson χ²&lt;/b&gt; punishes missing data: it is
&lt;i&gt;mode-covering&lt;/i&gt; and spreads one wide Gaussian over both modes, mass in between
included. &lt;b&gt;KL(p&lt;sub&gt;data&lt;/sub&gt; ‖ p&lt;sub&gt;g&lt;/sub&gt;)&lt;/b&gt; is mode-covering on paper too, but its
critic&apos;s exponential output keeps steepening and the training does not settle: the samples
run off past a mode instead.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the live box:&lt;/b&gt; the share of generated samples on each mode (within 3 standard
deviations of it) and elsewhere.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;f-GAN は、p&lt;sub&gt;data&lt;/sub&gt; と p&lt;sub&gt;g&lt;/sub&gt; の間の選んだ f ダイバージェンスを小さくするように G を訓練します。
ここでのデータは −3 と +3 にある同じ大きさの2つのガウス分布です。生成器はわざと単純にしてあり、
1つのノイズに重みを掛けてバイアスを足すだけなので、p&lt;sub&gt;g&lt;/sub&gt; は常に1つのガウス分布です。
両方のモードを写すことはできず、どのダイバージェンスがどの妥協を好むかが見えます。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;逆 KL(p&lt;sub&gt;g&lt;/sub&gt; ‖ p&lt;sub&gt;data&lt;/sub&gt;)&lt;/b&gt; はデータのない所にあるサンプルを罰します。
&lt;i&gt;モード探索的&lt;/i&gt;で、1つのモードに鋭く落ち着きます。&lt;b&gt;Jensen-Shannon&lt;/b&gt;（元の GAN のダイバージェンス）も
ここでは同じです。&lt;b&gt;Pearson χ²&lt;/b&gt; はデータを取りこぼすことを罰します。&lt;i&gt;モード被覆的&lt;/i&gt;で、
両方のモードを覆う幅の広いガウス分布を1つ広げ、間にも質量を置きます。&lt;b&gt;KL(p&lt;sub&gt;data&lt;/sub&gt; ‖ p&lt;sub&gt;g&lt;/sub&gt;)&lt;/b&gt;
も理論上はモード被覆的ですが、批評家の指数関数の出力が急になり続けて訓練が落ち着かず、
サンプルはモードを越えて走り去ってしまいます。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;ライブ欄を見てください：&lt;/b&gt;生成サンプルのうち各モード上（その標準偏差の3倍以内）にある割合と、
それ以外にある割合です。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Jensen-Shannon</source>
        <translation>Jensen-Shannon</translation>
    </message>
    <message>
        <source>straying: the second mode uncovered, over 10 % of the samples off both modes</source>
        <translation>迷走状態（2つ目のモードは覆われず、サンプルの 10 % 超がどちらのモードにもない）</translation>
    </message>
    <message>
        <source>Pearson χ²</source>
        <translation>Pearson χ²</translation>
    </message>
    <message>
        <source>covering: over 15 % of the samples on each mode, the rest between</source>
        <translation>被覆（各モードにサンプルの 15 % 超、残りはその間）</translation>
    </message>
    <message>
        <source>Label smoothing and instance noise</source>
        <translation>ラベル平滑化とインスタンスノイズ</translation>
    </message>
    <message>
        <source>
&lt;p&gt;A discriminator that is too sure of itself (D(x) ≈ 1 on real data, ≈ 0 on generated data)
gives the generator little to learn from. Two small remedies:&lt;/p&gt;
&lt;p&gt;&lt;b&gt;One-sided label smoothing&lt;/b&gt; trains D towards 0.9 instead of 1 on real data, so it
never claims certainty: the optimal D becomes 0.9 p&lt;sub&gt;data&lt;/sub&gt; / (p&lt;sub&gt;data&lt;/sub&gt; +
p&lt;sub&gt;g&lt;/sub&gt;). &lt;b&gt;Instance noise&lt;/b&gt; adds Gaussian noise to every input of D (here with
standard deviation 2, fading to 0 over the first 800 steps): real and generated samples
overlap, so D cannot separate them sharply.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the live box:&lt;/b&gt; the highest mean D(x) on real data so far. The generator starts
far from the data and D gets a head start, so a plain D becomes certain (D(real) = 1); with
smoothing it stops near 0.9; with noise it stays below certainty while the noise lasts. In all
three the generator still reaches the data.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;自信過剰な識別器（本物データで D(x) ≈ 1、生成データで ≈ 0）は、生成器が学べることをほとんど残しません。2つの小さな対策があります:&lt;/p&gt;
&lt;p&gt;&lt;b&gt;片側ラベル平滑化&lt;/b&gt;は本物データでの目標を 1 ではなく 0.9 にして識別器を訓練するので、識別器は決して確信を主張しません。最適な識別器は 0.9 p&lt;sub&gt;data&lt;/sub&gt; / (p&lt;sub&gt;data&lt;/sub&gt; + p&lt;sub&gt;g&lt;/sub&gt;) になります。&lt;b&gt;インスタンスノイズ&lt;/b&gt;は識別器へのすべての入力にガウスノイズを加えます（ここでは標準偏差 2、最初の 300 ステップで 0 まで減らします）。本物と生成サンプルが重なるので、識別器はそれらをはっきり分けられません。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;ライブ欄を見る:&lt;/b&gt; これまでの本物データでの D(x) 平均の最大値です。生成器はデータから遠くで始まり、識別器は先に有利なスタートを切るので、そのままの識別器は確信に達します（D(本物) = 1）。平滑化では 0.9 付近で止まり、ノイズではノイズが続く間は確信に届きません。3つとも生成器はやはりデータに届きます。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>ch. 3 §3.4 Label Smoothing (instance noise is not in the course)</source>
        <translation>第3章 §3.4 Label Smoothing（インスタンスノイズは講座にはない）</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>そのまま</translation>
    </message>
    <message>
        <source>an over-confident D (peak D(real) &gt; 0.99)</source>
        <translation>自信過剰な識別器（D(本物) の最大値 &gt; 0.99）</translation>
    </message>
    <message>
        <source>label smoothing</source>
        <translation>ラベル平滑化</translation>
    </message>
    <message>
        <source>a capped D (peak D(real) &lt; 0.92)</source>
        <translation>上限のある識別器（D(本物) の最大値 &lt; 0.92）</translation>
    </message>
    <message>
        <source>instance noise</source>
        <translation>インスタンスノイズ</translation>
    </message>
    <message>
        <source>a D short of certainty (peak D(real) &lt; 0.97)</source>
        <translation>確信に届かない識別器（D(本物) の最大値 &lt; 0.97）</translation>
    </message>
    <message>
        <source>Spectral normalisation, layer by layer</source>
        <translation>スペクトル正規化を層ごとに</translation>
    </message>
    <message>
        <source>
&lt;p&gt;How fast can D&apos;s output change when its input moves? At most by the product of the largest
singular values σ&lt;sub&gt;max&lt;/sub&gt; of its layers&apos; weights (the activations here never steepen a
slope). &lt;b&gt;Spectral normalisation&lt;/b&gt; divides every weight matrix by its own σ&lt;sub&gt;max&lt;/sub&gt;
(estimated by one step of power iteration per training step), so each layer is 1-Lipschitz and
so is D.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the live box:&lt;/b&gt; σ&lt;sub&gt;max&lt;/sub&gt; of every D layer, measured exactly (by a singular
value decomposition) as the run goes, and their product, the bound on D&apos;s slope. Without
normalisation the values drift wherever training takes them; with it they sit at 1.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;入力が動いたとき、識別器の出力はどれだけ速く変われるでしょうか。多くても各層の重みの最大特異値 σ&lt;sub&gt;max&lt;/sub&gt; の積までです（ここでの活性化関数は傾きを急にしません）。&lt;b&gt;スペクトル正規化&lt;/b&gt;は各重み行列をそれ自身の σ&lt;sub&gt;max&lt;/sub&gt;（訓練ステップごとにべき乗法1回で推定）で割るので、各層が 1-Lipschitz となり、識別器全体もそうなります。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;ライブ欄を見る:&lt;/b&gt; 識別器の各層の σ&lt;sub&gt;max&lt;/sub&gt; を実行中に（特異値分解で）厳密に測った値と、その積、すなわち識別器の傾きの上限です。正規化なしでは値は訓練の行き先次第で漂い、正規化ありでは 1 にとどまります。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>ch. 3 §3.4 Spectral Normalization; lecture 12 §3.3.7</source>
        <translation>第3章 §3.4 Spectral Normalization、第12回 §3.3.7</translation>
    </message>
    <message>
        <source>σ_max per D layer (input → output)</source>
        <translation>識別器の各層の σ_max（入力 → 出力）</translation>
    </message>
    <message>
        <source>product (bound on D&apos;s slope)</source>
        <translation>積（識別器の傾きの上限）</translation>
    </message>
    <message>
        <source>plain D</source>
        <translation>正規化なしの識別器</translation>
    </message>
    <message>
        <source>unconstrained (some σ_max far from 1)</source>
        <translation>制約なし（1 から遠い σ_max がある）</translation>
    </message>
    <message>
        <source>spectral norm</source>
        <translation>スペクトル正規化</translation>
    </message>
    <message>
        <source>1-Lipschitz (every σ_max ≈ 1)</source>
        <translation>1-Lipschitz（すべての σ_max ≈ 1）</translation>
    </message>
    <message>
        <source>WGAN: weight clipping vs gradient penalty</source>
        <translation>WGAN: 重みクリッピング対勾配ペナルティ</translation>
    </message>
    <message>
        <source>
&lt;p&gt;A WGAN critic estimates the Wasserstein distance, which needs a critic whose slope is at most
1 (a 1-Lipschitz function). The first WGAN enforced it crudely: after every critic step each
weight is &lt;b&gt;clipped&lt;/b&gt; to [−0.01, 0.01]. Most weights end up pinned at the bounds and the
critic&apos;s slope is far below 1, so it sees the data only dimly.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;WGAN-GP&lt;/b&gt; instead penalises (‖∇&lt;sub&gt;x&lt;/sub&gt; f‖ − 1)² at points between real and generated
samples, so the slope there is pushed to 1.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the live box:&lt;/b&gt; the critic&apos;s mean gradient norm between real and generated samples,
and the share of weights sitting at the clipping bound.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;WGAN の批評家は Wasserstein 距離を推定します。そのためには傾きが高々 1 の批評家（1-Lipschitz な関数）が必要です。最初の WGAN はこれを大ざっぱに強制しました。批評家のステップのたびに各重みを [−0.01, 0.01] に&lt;b&gt;クリップ&lt;/b&gt;するのです。ほとんどの重みが境界に張り付き、批評家の傾きは 1 よりずっと小さくなるので、批評家はデータをぼんやりとしか見られません。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;WGAN-GP&lt;/b&gt; は代わりに、本物と生成サンプルの間の点で (‖∇&lt;sub&gt;x&lt;/sub&gt; f‖ − 1)² を罰するので、そこでの傾きは 1 に押しやられます。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;ライブ欄を見る:&lt;/b&gt; 本物と生成サンプルの間での批評家の勾配ノルムの平均と、クリッピング境界にある重みの割合です。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>lecture 12 §3.3.4 Weight Clipping, §3.3.5 WGAN-GP; ch. 3 §3.4 WGAN-GP</source>
        <translation>第12回 §3.3.4 Weight Clipping、§3.3.5 WGAN-GP、第3章 §3.4 WGAN-GP</translation>
    </message>
    <message>
        <source>critic&apos;s gradient norm ‖∇f‖ between real and fake</source>
        <translation>本物と偽物の間での批評家の勾配ノルム ‖∇f‖</translation>
    </message>
    <message>
        <source>weights at the clipping bound</source>
        <translation>クリッピング境界にある重みの割合</translation>
    </message>
    <message>
        <source>a clipped critic (‖∇f‖ far below 1)</source>
        <translation>クリップされた批評家（‖∇f‖ が 1 よりずっと小さい）</translation>
    </message>
    <message>
        <source>a critic with slope ≈ 1</source>
        <translation>傾き ≈ 1 の批評家</translation>
    </message>
    <message>
        <source>RpGAN + R1 + R2 (R3GAN) on the grid of 25</source>
        <translation>25個の格子での RpGAN + R1 + R2 (R3GAN)</translation>
    </message>
    <message>
        <source>
&lt;p&gt;25 tight Gaussians on a 5 × 5 grid. The &lt;b&gt;classic&lt;/b&gt; GAN (non-saturating loss, no
penalty) judges each sample on its own. &lt;b&gt;RpGAN&lt;/b&gt;, the relativistic paired loss, judges a
real and a generated sample &lt;i&gt;against each other&lt;/i&gt;: D asks &quot;which of the two is more real?&quot;.
R3GAN adds zero-centred gradient penalties on real (&lt;b&gt;R1&lt;/b&gt;) and on generated data (&lt;b&gt;R2&lt;/b&gt;),
which keep D smooth on both sides; with them the paper proves local convergence.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the live box:&lt;/b&gt; the slope of D between real and generated samples (its gradient
norm), modes captured (of 25) and the share of high-quality samples (within 3 standard
deviations of a mode). In this short run both find the modes; the classic D keeps steepening
while R1 and R2 hold RpGAN&apos;s D smooth, which is what lets the longer run converge.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;5 × 5 の格子上の25個の細いガウス分布です。&lt;b&gt;従来の&lt;/b&gt; GAN（非飽和損失、ペナルティなし）は各サンプルを単独で判定します。&lt;b&gt;RpGAN&lt;/b&gt;（相対論的ペア損失）は本物と生成サンプルを&lt;i&gt;互いに比べて&lt;/i&gt;判定し、識別器は「2つのうちどちらがより本物らしいか」を問います。R3GAN は本物データ（&lt;b&gt;R1&lt;/b&gt;）と生成データ（&lt;b&gt;R2&lt;/b&gt;）での0中心の勾配ペナルティを加え、識別器を両側でなめらかに保ちます。これらがあれば論文は局所収束を証明しています。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;ライブ欄を見る:&lt;/b&gt; 本物と生成サンプルの間での識別器の傾き（勾配ノルム）、捉えたモード数（25個中）、高品質サンプル（モードから標準偏差3つ以内）の割合です。この短い実行ではどちらもモードを見つけますが、従来の識別器は急になり続け、R1 と R2 は RpGAN の識別器をなめらかに保ちます。それが長い実行を収束させるものです。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>lecture 12 §3.5 R3GAN (§3.5.1 RpGAN, §3.5.2 R3GAN)</source>
        <translation>第12回 §3.5 R3GAN（§3.5.1 相対論的GAN (RpGAN)、§3.5.2 R3GAN）</translation>
    </message>
    <message>
        <source>classic loss</source>
        <translation>従来の損失</translation>
    </message>
    <message>
        <source>a steep D (slope above 1)</source>
        <translation>急な識別器（傾き 1 超）</translation>
    </message>
    <message>
        <source>RpGAN + R1 + R2</source>
        <translation>RpGAN + R1 + R2</translation>
    </message>
    <message>
        <source>a smooth D on the whole grid</source>
        <translation>格子全体でなめらかな識別器</translation>
    </message>
    <message>
        <source>Path length regularisation (StyleGAN2)</source>
        <translation>経路長正則化 (StyleGAN2)</translation>
    </message>
    <message>
        <source>
&lt;p&gt;A StyleGAN generator is two networks: a &lt;b&gt;mapping network&lt;/b&gt; turns the noise z into a
latent w, and a &lt;b&gt;synthesis network&lt;/b&gt; turns w into the output. Here the output is a point on
the plane (the ring of 8), so the whole picture fits on the screen.&lt;/p&gt;
&lt;p&gt;The &lt;b&gt;path length&lt;/b&gt; at w measures how far the output moves when w takes a small step:
StyleGAN2 uses |J&lt;sub&gt;w&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;y|, with J&lt;sub&gt;w&lt;/sub&gt; the synthesis network&apos;s Jacobian
and y a random direction in the output. The regulariser penalises
E[(|J&lt;sub&gt;w&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;y| − a)&lt;sup&gt;2&lt;/sup&gt;], a the running mean: every step in w should move
the output equally far, wherever it is taken.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the live box:&lt;/b&gt; the &lt;i&gt;spread&lt;/i&gt; of the path lengths over 512 w (standard
deviation / mean; the length at each w is averaged exactly over the directions y). Without the
regulariser the synthesis network stretches some regions of w and squeezes others, and the
spread grows as the modes form. With it (second variant, otherwise the same recipe) the spread
stays several times smaller: the mapping network does the bending, and the synthesis network
stays nearly even. Both find the 8 modes. The price shows too: the mapping network now has to
squeeze w into eight tight clusters itself, and in this short run fewer samples land close to a
mode (the high-quality share).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch the small plot:&lt;/b&gt; the image under the synthesis network of a regular grid of w
over the range the mapping network fills. Even cells mean equal steps in w move the output
equally far. Without the regulariser the grid is crumpled onto the ring: its cells collapse at
the modes and stretch between them. With it the grid stays a smooth sheet of cells of similar
size, and it is the mapping network that puts w only where the ring is. The live box gives the
spread of the cells&apos; areas.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;StyleGAN の生成器は2つのネットワークからなります。&lt;b&gt;マッピングネットワーク&lt;/b&gt;がノイズ z を潜在ベクトル w に変え、&lt;b&gt;合成ネットワーク&lt;/b&gt;が w を出力に変えます。ここでは出力が平面上の点（8個のリング）なので、全体が画面に収まります。&lt;/p&gt;
&lt;p&gt;w での&lt;b&gt;経路長&lt;/b&gt;は、w を少し動かしたときに出力がどれだけ動くかを測ります。StyleGAN2 は |J&lt;sub&gt;w&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;y| を使います。J&lt;sub&gt;w&lt;/sub&gt; は合成ネットワークのヤコビアン、y は出力空間のランダムな方向です。正則化は E[(|J&lt;sub&gt;w&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;y| − a)&lt;sup&gt;2&lt;/sup&gt;]（a は移動平均）に罰則を課します。w のどこで一歩動いても、出力は同じだけ動くべきだということです。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;ライブ欄を見る:&lt;/b&gt; 512個の w での経路長の&lt;i&gt;ばらつき&lt;/i&gt;（標準偏差 / 平均。各 w での長さは方向 y について厳密に平均しています）。正則化がないと、合成ネットワークは w のある領域を引き伸ばし、別の領域を押し縮め、モードができるにつれてばらつきが大きくなります。正則化があると（2番目の変種、それ以外は同じレシピ）ばらつきは数分の一にとどまります。曲げるのはマッピングネットワークの役目になり、合成ネットワークはほぼ均一なままです。どちらも8個のモードを見つけます。代償も見えます。マッピングネットワークが自分で w を8個の細いかたまりに押し込まなければならなくなり、この短い実行ではモードの近くに落ちるサンプルが減ります（高品質サンプルの割合）。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;小さいプロットを見る:&lt;/b&gt; マッピングネットワークが埋める範囲の w の規則正しい格子を、合成ネットワークで写した像です。マス目が均一なら、w の同じ歩幅で出力が同じだけ動きます。正則化がないと格子はリングの上にくしゃくしゃに押し込まれ、マス目はモードのところでつぶれ、モードの間で引き伸ばされます。正則化があると格子は大きさのそろったマス目のなめらかな面のままで、w をリングのあるところだけに置くのはマッピングネットワークの役目になります。ライブ欄にはマス目の面積のばらつきが出ます。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>lecture 12 §3.7.1 StyleGAN2: Path Length Regularization</source>
        <translation>第12回 §3.7.1 StyleGAN2: Artifacts除去とPath Length Regularization</translation>
    </message>
    <message>
        <source>spread of the path lengths over w (std / mean)</source>
        <translation>w での経路長のばらつき（標準偏差 / 平均）</translation>
    </message>
    <message>
        <source>median stretch σ_max / σ_min of J_w</source>
        <translation>J_w の引き伸ばし σ_max / σ_min の中央値</translation>
    </message>
    <message>
        <source>spread of the grid&apos;s cell areas (std / mean)</source>
        <translation>格子のマス目の面積のばらつき（標準偏差 / 平均）</translation>
    </message>
    <message>
        <source>without the regulariser</source>
        <translation>正則化なし</translation>
    </message>
    <message>
        <source>uneven (spread above 1) with all 8 modes</source>
        <translation>不均一（ばらつき 1 超）で8個のモードすべてを捉えた状態</translation>
    </message>
    <message>
        <source>with the regulariser</source>
        <translation>正則化あり</translation>
    </message>
    <message>
        <source>even (spread below 0.7) with all 8 modes</source>
        <translation>均一（ばらつき 0.7 未満）で8個のモードすべてを捉えた状態</translation>
    </message>
    <message>
        <source>DCGAN on Fashion-MNIST</source>
        <translation>Fashion-MNIST での DCGAN</translation>
    </message>
    <message>
        <source>
&lt;p&gt;A deep convolutional GAN: the generator upsamples a 64-number z through transposed
convolutions with batch norm to a 28&amp;times;28 image; the discriminator is the mirror image with
strided convolutions and leaky ReLUs. Adam with lr 2&amp;middot;10&lt;sup&gt;-4&lt;/sup&gt; and &amp;beta;&lt;sub&gt;1&lt;/sub&gt; = 0.5
are the DCGAN paper&apos;s settings.&lt;/p&gt;
&lt;p&gt;The sample grid always uses the &lt;b&gt;same z&lt;/b&gt;, so you see each image sharpen: blobs first,
then silhouettes (shirts, trousers, shoes), then texture. Scrub the slider back to replay it.&lt;/p&gt;
&lt;p&gt;The losses do not fall to zero: a GAN is a game, not a minimisation. D(real) and D(fake)
hovering around 0.5&amp;ndash;0.8 and 0.2&amp;ndash;0.4 is healthy; D(fake) stuck at 0 means D has won and G
learns nothing.&lt;/p&gt;
&lt;p&gt;The second variant is the course&apos;s own DCGAN: its generator doubles the size with
nearest-neighbour copies followed by 3&amp;times;3 convolutions (which avoids the checkerboard
patterns transposed convolutions can leave) and its discriminator uses dropout. It has more
weights, so each step takes longer.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;深層畳み込み GAN です。生成器は64個の数の z を、バッチ正規化付きの転置畳み込みで 28&amp;times;28 の画像までアップサンプリングします。識別器はその鏡像で、ストライド付き畳み込みと Leaky ReLU を使います。学習率 2&amp;middot;10&lt;sup&gt;-4&lt;/sup&gt;、&amp;beta;&lt;sub&gt;1&lt;/sub&gt; = 0.5 の Adam は DCGAN 論文の設定です。&lt;/p&gt;
&lt;p&gt;サンプルグリッドはいつも&lt;b&gt;同じ z&lt;/b&gt; を使うので、各画像がはっきりしていく様子が見えます。最初はぼんやりした塊、次にシルエット（シャツ、ズボン、靴）、そして質感です。スライダーを戻すと再生できます。&lt;/p&gt;
&lt;p&gt;損失は 0 まで下がりません。GAN は最小化ではなくゲームだからです。D(本物) と D(偽物) がそれぞれ 0.5&amp;ndash;0.8 と 0.2&amp;ndash;0.4 あたりにあれば健全です。D(偽物) が 0 に張り付くのは識別器が勝ってしまい、生成器が何も学ばないことを意味します。&lt;/p&gt;
&lt;p&gt;2つ目のバリエーションは講座自身の DCGAN です。生成器は最近傍のコピーで大きさを2倍にしてから 3&amp;times;3 の畳み込みを行い（転置畳み込みが残しがちな市松模様を避けます）、識別器はドロップアウトを使います。重みが多いので、1ステップに時間がかかります。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>ch. 3 §3.3 DCGAN (Deep Convolutional GAN)</source>
        <translation>第3章 §3.3 DCGAN (Deep Convolutional GAN)</translation>
    </message>
    <message>
        <source>DCGAN, 28 px</source>
        <translation>DCGAN、28 px</translation>
    </message>
    <message>
        <source>The course&apos;s DCGAN, 28 px</source>
        <translation>講座の DCGAN、28 px</translation>
    </message>
    <message>
        <source>Evaluation: FD, precision / recall and IS while training</source>
        <translation>評価: 訓練中の FD・適合率 / 再現率・IS</translation>
    </message>
    <message>
        <source>
&lt;p&gt;How good is a generator? Every 100 steps this run draws 1,000 samples from the EMA generator
and compares them with the training images in the feature space of the shipped Fashion-MNIST
classifier (fast on a CPU; &lt;code&gt;ganstudio eval --metrics fid,kid,pr&lt;/code&gt; gives the Inception
numbers that compare with papers):&lt;/p&gt;
&lt;p&gt;&lt;b&gt;FD&lt;/b&gt; (the Fréchet distance of FID, here of classifier features) compares the means and
covariances of the two sets: one number for quality and variety together. &lt;b&gt;Precision&lt;/b&gt; is the
share of samples inside the real images&apos; k-nearest-neighbour manifold (do they look real?),
&lt;b&gt;recall&lt;/b&gt; the share of real images inside the samples&apos; manifold (is the data covered?).
&lt;b&gt;IS&lt;/b&gt; rewards confident class predictions spread over all ten classes.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Watch Diagnostics:&lt;/b&gt; pick &quot;FD, classifier features&quot;, &quot;Precision / recall&quot; and &quot;Inception
Score (classifier)&quot;. Early samples are blobs: FD is large, precision and recall low. FD falls
as the images sharpen, but it cannot say whether quality or variety moved: read precision and
recall beside it. Help ▸ StyleGAN lessons ▸ Evaluation shows the other half: on a trained model
the truncation trick buys precision with recall while FD alone calls it worse.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;生成器はどれだけ良いのでしょうか。この実行では 100 ステップごとに EMA 生成器から 1,000 枚のサンプルを作り、
同梱の Fashion-MNIST 分類器の特徴空間で訓練画像と比べます（CPU でも速い指標です。論文と比べられる
Inception の数値は &lt;code&gt;ganstudio eval --metrics fid,kid,pr&lt;/code&gt; で得られます）。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;FD&lt;/b&gt;（FID のフレシェ距離を分類器の特徴で測ったもの）は2つの集合の平均と共分散を比べます。
品質と多様性を1つの数にまとめたものです。&lt;b&gt;Precision&lt;/b&gt; は本物の画像の k 近傍多様体の内側にあるサンプルの割合
（本物らしく見えるか）、&lt;b&gt;Recall&lt;/b&gt; はサンプルの多様体の内側にある本物の画像の割合（データを覆っているか）です。
&lt;b&gt;IS&lt;/b&gt; は、自信のあるクラス予測が10クラス全体に散らばっていることを評価します。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;診断グラフを見てください：&lt;/b&gt;「FD, classifier features」「Precision / recall」「Inception
Score (classifier)」を選びます。初期のサンプルはぼやけた塊で、FD は大きく、Precision も Recall も低いままです。
画像が鮮明になるにつれて FD は下がりますが、品質と多様性のどちらが動いたのかは FD だけでは分かりません。
Precision と Recall を並べて読みましょう。ヘルプ ▸ StyleGAN のレッスン ▸ 評価 では残りの半分を示します。
学習済みモデルでは切り捨て（truncation）が Recall と引き換えに Precision を得る一方、FD だけでは悪化としか言えません。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>ch. 3 §3.6 実践: 評価指標 (FID, Precision &amp; Recall)</source>
        <translation>第3章 §3.6 実践: 評価指標 (FID, Precision &amp; Recall)</translation>
    </message>
    <message>
        <source>DCGAN, measured every 100 steps</source>
        <translation>DCGAN、100 ステップごとに測定</translation>
    </message>
</context>
<context>
    <name>WGridPlot</name>
    <message>
        <source>Synthesis of a regular grid of w</source>
        <translation>w の規則正しい格子の合成</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;■&lt;/span&gt; G&apos;s synthesis of a regular grid of w (the range the mapping network fills) · &lt;span style=&apos;color:{1}&apos;&gt;■&lt;/span&gt; real data</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;■&lt;/span&gt; G の合成ネットワークで写した w の規則正しい格子（マッピングネットワークが埋める範囲）· &lt;span style=&apos;color:{1}&apos;&gt;■&lt;/span&gt; 本物のデータ</translation>
    </message>
</context>
</TS>
