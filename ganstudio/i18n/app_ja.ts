<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ContinueDialog</name>
    <message>
        <source>Continue training</source>
        <translation>学習を続ける</translation>
    </message>
    <message>
        <source>{0} continues from its checkpoint at step {1:,}, with the recipe it was trained with.</source>
        <translation>{0} をステップ {1:,} のチェックポイントから、学習したときのレシピのまま続けます。</translation>
    </message>
    <message>
        <source>The step the run stops at (more than the checkpoint&apos;s)</source>
        <translation>学習を止めるステップ (チェックポイントのステップより後)</translation>
    </message>
    <message>
        <source>Train until step</source>
        <translation>学習を続けるステップ数 (合計)</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate of the generator from here on (by default the rate the run&apos;s schedule had reached where it stopped; a smaller one for a calmer last stretch)</source>
        <translation>ここからの生成器の Adam の学習率 (既定では、止まった時点でその実行のスケジュールが達していた学習率。最後の区間を穏やかにするなら小さく)</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate of the discriminator from here on</source>
        <translation>ここから先の識別器の Adam 学習率</translation>
    </message>
    <message>
        <source>Learning rate G</source>
        <translation>生成器の学習率</translation>
    </message>
    <message>
        <source>Learning rate D</source>
        <translation>識別器の学習率</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>一定</translation>
    </message>
    <message>
        <source>Falling linearly</source>
        <translation>直線的に下げる</translation>
    </message>
    <message>
        <source>Falling along a cosine</source>
        <translation>コサインに沿って下げる</translation>
    </message>
    <message>
        <source>How the rates above go on: as they are, or falling from them over the new steps to a share of them at the last step</source>
        <translation>上の学習率をどう続けるか: そのまま、または新しいステップの間に下げていき、最後のステップでその一定割合にする</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>The rates at the last step, as a share of the rates above</source>
        <translation>最後のステップでの学習率 (上の学習率に対する割合)</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学習率のスケジュール</translation>
    </message>
    <message>
        <source>Falling to</source>
        <translation>下げる先</translation>
    </message>
    <message>
        <source>More channels per layer: the generator and discriminator grow, the generator still makes the same images, and the new channels start untrained. Each step costs more (about the square of the width).</source>
        <translation>層ごとのチャンネル数を増やします。生成器と識別器が広がり、生成器は同じ画像を作り続け、新しいチャンネルは未学習から始まります。1 ステップの計算量は増えます (幅のおよそ 2 乗)。</translation>
    </message>
    <message>
        <source>Channels per layer (at most)</source>
        <translation>層ごとのチャンネル数 (上限)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
</context>
<context>
    <name>DatasetPreview</name>
    <message>
        <source>loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>{0} images {1}</source>
        <translation>画像 {0} 枚 ({1})</translation>
    </message>
    <message>
        <source>{0} {1}-D points</source>
        <translation>{1} 次元の点 {0} 個</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>default</source>
        <translation>既定</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>
&lt;h2&gt;Getting started with GAN Studio&lt;/h2&gt;
&lt;p&gt;A &lt;b&gt;generative adversarial network&lt;/b&gt; is two networks playing a game: a &lt;i&gt;generator&lt;/i&gt;
turns random numbers (a latent vector &lt;i&gt;z&lt;/i&gt;) into samples, and a &lt;i&gt;discriminator&lt;/i&gt; tries to
tell those samples from real data. Each improves by exploiting the other&apos;s mistakes. GAN Studio
lets you watch that game as it is played, and explore what a trained generator has learned.&lt;/p&gt;

&lt;h3&gt;The Training panel&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;&lt;b&gt;Pick a lesson or a recipe.&lt;/b&gt; Lessons are small runs with an explanation beside the plots
&amp;mdash; &lt;i&gt;The 1-D game&lt;/i&gt; finishes in seconds on a CPU. Presets are the recipes in
&lt;code&gt;training/&lt;/code&gt;; &lt;i&gt;File &amp;rsaquo; Open&lt;/i&gt; reads any recipe (&lt;code&gt;.toml&lt;/code&gt;).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Adjust the form:&lt;/b&gt; dataset (with a preview and its size), architecture, objective and
regularisers, optimiser, batch, steps, device and seed. An invalid value is outlined in red with
the reason in its tooltip, and &lt;b&gt;Start&lt;/b&gt; stays disabled until it is fixed.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Start&lt;/b&gt; (Ctrl+Enter). &lt;b&gt;Pause / Resume&lt;/b&gt; with Space, &lt;b&gt;Stop&lt;/b&gt; with Ctrl+. (a
checkpoint is written), &lt;b&gt;Save checkpoint now&lt;/b&gt; with Ctrl+K, and &lt;b&gt;Open in Explorer&lt;/b&gt;
(Ctrl+E) to explore the current generator while it trains.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Watch:&lt;/b&gt; the D and G loss curves (raw and smoothed; drag to pan, wheel to zoom, &lt;i&gt;Fit&lt;/i&gt;
to follow again), the diagnostics plot (D(real)/D(fake), gradient norms, penalties), and the
sample grid from a fixed &lt;i&gt;z&lt;/i&gt; &amp;mdash; drag its slider to replay earlier steps. Toy (1-D / 2-D)
runs add a &lt;b&gt;Teaching view&lt;/b&gt;: histograms with D(x) and the optimal D*(x), or a scatter over
D&apos;s heat map with the generator&apos;s gradient field and the modes captured.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Follow a run elsewhere:&lt;/b&gt; &lt;i&gt;File &amp;rsaquo; Open run directory&lt;/i&gt; attaches to a folder that
&lt;code&gt;ganstudio train&lt;/code&gt; is writing (also through a synced or mounted folder from a server)
or has finished, and shows the same curves and samples as they grow.&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;Every run is saved under the runs folder (Documents/GAN Studio/runs by default): the resolved
recipe, &lt;code&gt;metrics.jsonl&lt;/code&gt;, sample grids and checkpoints. Closing the window during a
run asks first, then stops cleanly with a checkpoint.&lt;/p&gt;

&lt;h3&gt;The Explorer panel&lt;/h3&gt;
&lt;p&gt;Opens a checkpoint (&lt;code&gt;.pt&lt;/code&gt;) &amp;mdash; the shipped Fashion-MNIST StyleGAN at start-up &amp;mdash;
and shows a grid of samples. Move through latent space with the sliders, change the truncation
&amp;psi; (closer to the average image, less variety), mix styles from two latents per resolution,
interpolate between samples, and export grids and animations from &lt;i&gt;File &amp;rsaquo; Export&lt;/i&gt;.&lt;/p&gt;

&lt;h3&gt;Teaching from a projector&lt;/h3&gt;
&lt;p&gt;&lt;i&gt;View &amp;rsaquo; Presentation mode&lt;/i&gt; (F11) goes full screen with every text larger (how much:
&lt;i&gt;View &amp;rsaquo; Presentation text size&lt;/i&gt;), thicker curves and the recipe form hidden; the next
start comes back to it.&lt;/p&gt;
&lt;p&gt;While a run is paused, &lt;b&gt;D step&lt;/b&gt; and &lt;b&gt;G step&lt;/b&gt; move one player only and &lt;b&gt;Full step&lt;/b&gt;
makes whole training steps, &lt;i&gt;k&lt;/i&gt; at a time; &lt;b&gt;Slow motion&lt;/b&gt; waits after every step, and the
learning rates and the loss change live with &lt;b&gt;Apply&lt;/b&gt; (the run&apos;s &lt;code&gt;metrics.jsonl&lt;/code&gt;
records it). The &lt;b&gt;Draw data&lt;/b&gt; tab trains on points you click, paint or load from a CSV file of
x,y rows. The 2-D teaching view can draw &lt;b&gt;G&apos;s manifold&lt;/b&gt; (the image of a grid of &lt;i&gt;z&lt;/i&gt;) and
shows the KL and JS divergences between the data and the generated samples.&lt;/p&gt;
</source>
        <translation>
&lt;h2&gt;GAN Studio をはじめよう&lt;/h2&gt;
&lt;p&gt;&lt;b&gt;敵対的生成ネットワーク&lt;/b&gt; (GAN) は、2 つのネットワークが行うゲームです。&lt;i&gt;生成器&lt;/i&gt;は乱数(潜在ベクトル &lt;i&gt;z&lt;/i&gt;) をサンプルに変え、&lt;i&gt;識別器&lt;/i&gt;はそのサンプルを本物のデータと見分けようとします。どちらも相手の誤りを突くことで上達します。GAN Studio では、このゲームが進む様子を見守り、訓練済みの生成器が何を学んだかを探索できます。&lt;/p&gt;

&lt;h3&gt;訓練パネル&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;&lt;b&gt;レッスンかレシピを選びます。&lt;/b&gt; レッスンはグラフの横に説明が付いた小さな実行です&amp;mdash; &lt;i&gt;1 次元のゲーム&lt;/i&gt;は CPU で数秒で終わります。プリセットは &lt;code&gt;training/&lt;/code&gt; にあるレシピです。
&lt;i&gt;ファイル &amp;rsaquo; 開く&lt;/i&gt;で任意のレシピ (&lt;code&gt;.toml&lt;/code&gt;) を読み込めます。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;フォームを調整します:&lt;/b&gt; データセット (プレビューと大きさ付き)、アーキテクチャ、目的関数と正則化、オプティマイザ、バッチ、ステップ数、デバイス、シード。無効な値は赤枠で示され、理由はツールチップに出ます。修正するまで&lt;b&gt;開始&lt;/b&gt;は押せません。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;開始&lt;/b&gt; (Ctrl+Enter)。&lt;b&gt;一時停止 / 再開&lt;/b&gt;は Space、&lt;b&gt;停止&lt;/b&gt;は Ctrl+. (チェックポイントを書き出します)、&lt;b&gt;今すぐチェックポイントを保存&lt;/b&gt;は Ctrl+K、&lt;b&gt;エクスプローラーで開く&lt;/b&gt; (Ctrl+E) で訓練中の生成器をその場で探索できます。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;観察します:&lt;/b&gt; D と G の損失曲線 (生の値と平滑化した値。ドラッグで移動、ホイールで拡大縮小、
&lt;i&gt;全体表示&lt;/i&gt;で再び追従)、診断グラフ (D(real)/D(fake)、勾配ノルム、ペナルティ)、固定した &lt;i&gt;z&lt;/i&gt; からのサンプルグリッド &amp;mdash; スライダーをドラッグすると以前のステップを振り返れます。トイ (1 次元 / 2 次元) の実行には
&lt;b&gt;教材ビュー&lt;/b&gt;が加わります: D(x) と最適な D*(x) を重ねたヒストグラム、または D のヒートマップ上の散布図と生成器の勾配場、捉えたモード。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;別の場所の実行を追跡します:&lt;/b&gt; &lt;i&gt;ファイル &amp;rsaquo; 実行フォルダーを開く&lt;/i&gt;で、
&lt;code&gt;ganstudio train&lt;/code&gt; が書き込み中 (サーバーから同期・マウントしたフォルダーでも可) または書き終えたフォルダーに接続し、同じ曲線とサンプルを増えていくまま表示します。&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;実行はすべて実行の保存先フォルダー (既定は Documents/GAN Studio/runs) に保存されます: 解決済みのレシピ、
&lt;code&gt;metrics.jsonl&lt;/code&gt;、サンプルグリッド、チェックポイント。実行中にウィンドウを閉じると確認があり、チェックポイントを書き出してからきれいに停止します。&lt;/p&gt;

&lt;h3&gt;エクスプローラーパネル&lt;/h3&gt;
&lt;p&gt;チェックポイント (&lt;code&gt;.pt&lt;/code&gt;) を開き &amp;mdash; 起動時は同梱の Fashion-MNIST StyleGAN &amp;mdash;サンプルのグリッドを表示します。スライダーで潜在空間を移動し、切り捨て &amp;psi; を変え (平均的な画像に近づくほど多様性は減ります)、2 つの潜在ベクトルのスタイルを解像度ごとに混ぜ、サンプル間を補間し、
&lt;i&gt;ファイル &amp;rsaquo; 書き出し&lt;/i&gt;からグリッドやアニメーションを書き出せます。&lt;/p&gt;

&lt;h3&gt;プロジェクターで教える&lt;/h3&gt;
&lt;p&gt;&lt;i&gt;表示 &amp;rsaquo; プレゼンテーションモード&lt;/i&gt; (F11) で全画面になり、すべての文字が大きく (大きさは &lt;i&gt;表示 &amp;rsaquo; プレゼンテーションの文字サイズ&lt;/i&gt; で選べます)、曲線が太くなり、レシピのフォームが隠れます。次回の起動でもこの表示に戻ります。&lt;/p&gt;
&lt;p&gt;一時停止中は、&lt;b&gt;D ステップ&lt;/b&gt; と &lt;b&gt;G ステップ&lt;/b&gt; で一方のプレイヤーだけを、&lt;b&gt;完全なステップ&lt;/b&gt; で訓練ステップ全体を、一度に &lt;i&gt;k&lt;/i&gt; 回ずつ進められます。&lt;b&gt;スローモーション&lt;/b&gt; は各ステップの後に待ちます。学習率と損失は &lt;b&gt;適用&lt;/b&gt; で訓練中にも変えられます (実行の &lt;code&gt;metrics.jsonl&lt;/code&gt; に記録されます)。&lt;b&gt;データを描く&lt;/b&gt; タブでは、クリックやドラッグで描いた点、または x,y の行からなる CSV ファイルの点で訓練できます。2 次元の教材ビューは &lt;b&gt;G の多様体&lt;/b&gt; (&lt;i&gt;z&lt;/i&gt; の格子の像) を描き、データと生成サンプルの間の KL ダイバージェンスと JS ダイバージェンスを表示します。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>はじめに</translation>
    </message>
</context>
<context>
    <name>LiveControls</name>
    <message>
        <source>D step</source>
        <translation>D ステップ</translation>
    </message>
    <message>
        <source>Update only the discriminator (k times), G stays</source>
        <translation>識別器だけを (k 回) 更新します。G はそのまま</translation>
    </message>
    <message>
        <source>G step</source>
        <translation>G ステップ</translation>
    </message>
    <message>
        <source>Update only the generator (k times), D stays</source>
        <translation>生成器だけを (k 回) 更新します。D はそのまま</translation>
    </message>
    <message>
        <source>Full step</source>
        <translation>D+G ステップ</translation>
    </message>
    <message>
        <source>k whole training steps (D steps, then a G step)</source>
        <translation>訓練ステップ全体を k 回 (D のステップの後に G のステップ)</translation>
    </message>
    <message>
        <source>How many updates each step button makes</source>
        <translation>各ステップボタンで行う更新の回数</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Slow motion: wait this long after every training step</source>
        <translation>スローモーション: 各訓練ステップの後にこの時間だけ待ちます</translation>
    </message>
    <message>
        <source>The generator&apos;s learning rate [optim.lr_g]</source>
        <translation>生成器の学習率 [optim.lr_g]</translation>
    </message>
    <message>
        <source>The discriminator&apos;s learning rate [optim.lr_d]</source>
        <translation>識別器の学習率 [optim.lr_d]</translation>
    </message>
    <message>
        <source>The adversarial loss [objective.name]</source>
        <translation>敵対的損失 [objective.name]</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Use these learning rates and loss from the next step on</source>
        <translation>次のステップからこの学習率と損失を使います</translation>
    </message>
    <message>
        <source>While paused:</source>
        <translation>一時停止中:</translation>
    </message>
    <message>
        <source>Slow motion</source>
        <translation>スローモーション</translation>
    </message>
    <message>
        <source>Live: lr G</source>
        <translation>実行中に変更: G の学習率</translation>
    </message>
    <message>
        <source>lr D</source>
        <translation>D の学習率</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>{0}: must be a number above 0 and at most {1:g}, got {2!r}</source>
        <translation>{0}: 0 より大きく {1:g} 以下の数を指定してください (入力: {2!r})</translation>
    </message>
</context>
<context>
    <name>LiveCurves</name>
    <message>
        <source>D loss</source>
        <translation>D の損失</translation>
    </message>
    <message>
        <source>G loss</source>
        <translation>G の損失</translation>
    </message>
    <message>
        <source>D(real) / D(fake)</source>
        <translation>D(本物) / D(偽物)</translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>勾配ノルム</translation>
    </message>
    <message>
        <source>Penalties</source>
        <translation>ペナルティ</translation>
    </message>
    <message>
        <source>Modes captured (toy)</source>
        <translation>捉えたモード数 (トイ)</translation>
    </message>
    <message>
        <source>High-quality share (toy)</source>
        <translation>高品質サンプルの割合 (トイ)</translation>
    </message>
    <message>
        <source>KL / JS divergence (2-D toy)</source>
        <translation>KL / JS ダイバージェンス (2 次元トイ)</translation>
    </message>
    <message>
        <source>Sample mean / std (1-D)</source>
        <translation>サンプルの平均 / 標準偏差 (1 次元)</translation>
    </message>
    <message>
        <source>Augmentation (ADA)</source>
        <translation>データ拡張 (ADA)</translation>
    </message>
    <message>
        <source>FID (while training)</source>
        <translation>FID (訓練中)</translation>
    </message>
    <message>
        <source>KID (while training)</source>
        <translation>KID (訓練中)</translation>
    </message>
    <message>
        <source>FD, classifier features</source>
        <translation>FD (分類器の特徴)</translation>
    </message>
    <message>
        <source>KID, classifier features</source>
        <translation>KID (分類器の特徴)</translation>
    </message>
    <message>
        <source>Inception Score (classifier)</source>
        <translation>Inception Score (分類器)</translation>
    </message>
    <message>
        <source>Precision / recall</source>
        <translation>適合率 / 再現率</translation>
    </message>
    <message>
        <source>mean D output</source>
        <translation>D の出力の平均</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>ノルム</translation>
    </message>
    <message>
        <source>penalty</source>
        <translation>ペナルティ</translation>
    </message>
    <message>
        <source>modes</source>
        <translation>モード数</translation>
    </message>
    <message>
        <source>share</source>
        <translation>割合</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>nats</translation>
    </message>
    <message>
        <source>D(real)</source>
        <translation>D(本物)</translation>
    </message>
    <message>
        <source>D(fake)</source>
        <translation>D(偽物)</translation>
    </message>
    <message>
        <source>gradient penalty</source>
        <translation>勾配ペナルティ</translation>
    </message>
    <message>
        <source>path length</source>
        <translation>パス長</translation>
    </message>
    <message>
        <source>modes captured</source>
        <translation>捉えたモード数</translation>
    </message>
    <message>
        <source>high-quality share</source>
        <translation>高品質の割合</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>std</source>
        <translation>標準偏差</translation>
    </message>
    <message>
        <source>augmentation p</source>
        <translation>拡張確率 p</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>適合率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>再現率</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>Smoothing of the bold curves (exponential moving average weight)</source>
        <translation>太い曲線の平滑化 (指数移動平均の重み)</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>生の値</translation>
    </message>
    <message>
        <source>Show the unsmoothed values as faint curves</source>
        <translation>平滑化前の値を薄い曲線で表示します</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>グリッド</translation>
    </message>
    <message>
        <source>Grid lines (each redraw costs more CPU)</source>
        <translation>グリッド線 (再描画ごとの CPU 負荷が増えます)</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>対数目盛</translation>
    </message>
    <message>
        <source>Logarithmic y axis (values &lt;= 0 are not drawn)</source>
        <translation>y 軸を対数にします (0 以下の値は描かれません)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Zoom to show every point and follow new ones again (drag to pan, wheel to zoom)</source>
        <translation>すべての点が見えるように拡大縮小し、再び新しい点を追います (ドラッグで移動、ホイールで拡大縮小)</translation>
    </message>
    <message>
        <source>Which diagnostics the lower plot shows</source>
        <translation>下のグラフに表示する診断指標</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <source>Diagnostics:</source>
        <translation>診断:</translation>
    </message>
    <message>
        <source> (raw {0})</source>
        <translation> (生の値 {0})</translation>
    </message>
    <message>
        <source>No run yet: start training, or open a run directory (File &gt; Open run directory) to see its curves here.</source>
        <translation>まだ実行がありません。訓練を開始するか、実行フォルダーを開くと (ファイル &gt; 実行フォルダーを開く) ここに曲線が表示されます。</translation>
    </message>
    <message>
        <source>This run has not logged {0} yet.</source>
        <translation>この実行はまだ「{0}」を記録していません。</translation>
    </message>
    <message>
        <source>step {0:,}</source>
        <translation>ステップ {0:,}</translation>
    </message>
    <message>
        <source>Losses  —  {0}</source>
        <translation>損失  —  {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GAN Studio will use this language from its next start.</source>
        <translation>次回の起動から GAN Studio はこの言語で表示されます。</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>今すぐ再起動</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Explorer</source>
        <translation>エクスプローラー</translation>
    </message>
    <message>
        <source>The device training uses by default (train.device = auto)</source>
        <translation>訓練が既定で使うデバイス (train.device = auto)</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Where the Explorer renders (View ▸ Render on)</source>
        <translation>エクスプローラーが描画するデバイス（表示 ▸ 描画デバイス）</translation>
    </message>
    <message>
        <source>&amp;Runs folder…</source>
        <translation>実行の保存先フォルダー(&amp;R)…</translation>
    </message>
    <message>
        <source>Where new runs are saved (remembered)</source>
        <translation>新しい実行を保存するフォルダー (記憶されます)</translation>
    </message>
    <message>
        <source>&amp;Attach to run directory…</source>
        <translation>実行フォルダーに接続(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>接続を解除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Continue a run…</source>
        <translation>学習を続ける(&amp;C)…</translation>
    </message>
    <message>
        <source>Train a stopped run on from its checkpoint</source>
        <translation>止まった学習をチェックポイントから続けます</translation>
    </message>
    <message>
        <source>The Explorer could not be loaded: {0}</source>
        <translation>エクスプローラーを読み込めませんでした: {0}</translation>
    </message>
    <message>
        <source>Rendering: {0}</source>
        <translation>描画: {0}</translation>
    </message>
    <message>
        <source>Automatic (the GPU when there is one)</source>
        <translation>自動（GPU があれば GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a checkpoint (.pt), an official StyleGAN pickle (.pkl), a recipe (.toml) or a run directory</source>
        <translation>チェックポイント (.pt)、公式 StyleGAN の pickle (.pkl)、レシピ (.toml)、実行フォルダーを開きます</translation>
    </message>
    <message>
        <source>Open &amp;run directory…</source>
        <translation>実行フォルダーを開く(&amp;R)…</translation>
    </message>
    <message>
        <source>Follow a run directory that `ganstudio train` writes</source>
        <translation>`ganstudio train` が書き出す実行フォルダーを追跡します</translation>
    </message>
    <message>
        <source>&amp;Project an image…</source>
        <translation>画像を潜在空間へ射影(&amp;P)…</translation>
    </message>
    <message>
        <source>Find the latent of your own picture in the Explorer&apos;s model (GAN inversion); it becomes latent A</source>
        <translation>自分の画像に対応する潜在ベクトルをエクスプローラーのモデルから探します (GAN インバージョン)。結果は潜在ベクトル A になります</translation>
    </message>
    <message>
        <source>E&amp;valuate model…</source>
        <translation>モデルを評価(&amp;V)…</translation>
    </message>
    <message>
        <source>FID, KID, precision / recall, IS and PPL of the Explorer&apos;s model against Fashion-MNIST, the emoji set or your own images</source>
        <translation>エクスプローラーのモデルの FID、KID、適合率 / 再現率、IS、PPL を、Fashion-MNIST、絵文字セット、または自分の画像と比べて測ります</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;shipped model</source>
        <translation>同梱モデルを開く(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save recipe</source>
        <translation>レシピを保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save recipe &amp;as…</source>
        <translation>名前を付けてレシピを保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>書き出し(&amp;E)</translation>
    </message>
    <message>
        <source>Save as GAN Studio &amp;checkpoint…</source>
        <translation>GAN Studio のチェックポイントとして保存(&amp;C)…</translation>
    </message>
    <message>
        <source>Write the Explorer&apos;s model (e.g. an official StyleGAN .pkl) as a GAN Studio checkpoint</source>
        <translation>エクスプローラーのモデル (公式 StyleGAN の .pkl など) を GAN Studio のチェックポイントとして書き出します</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>訓練(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Training panel</source>
        <translation>訓練パネル(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Explorer panel</source>
        <translation>エクスプローラーパネル(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>プレゼンテーションモード(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, larger fonts, thicker curves</source>
        <translation>全画面、大きな文字、太い曲線</translation>
    </message>
    <message>
        <source>Presentation &amp;text size</source>
        <translation>プレゼンテーションの文字サイズ(&amp;T)</translation>
    </message>
    <message>
        <source>{0} %</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>レイアウトを元に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Render on</source>
        <translation>描画デバイス(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>はじめに(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>StyleGAN &amp;lessons on the Explorer&apos;s model…</source>
        <translation>エクスプローラーのモデルで StyleGAN のレッスン(&amp;L)…</translation>
    </message>
    <message>
        <source>Measure on the open StyleGAN what the mapping network, demodulation, noise, style mixing and truncation do</source>
        <translation>開いている StyleGAN で、マッピングネットワーク、デモジュレーション、ノイズ、スタイル混合、切り捨ての働きを測ります</translation>
    </message>
    <message>
        <source>&amp;About GAN Studio</source>
        <translation>GAN Studio について(&amp;A)</translation>
    </message>
    <message>
        <source>{0} does not exist</source>
        <translation>{0} は存在しません</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Open a checkpoint or an official StyleGAN .pkl in the Explorer first</source>
        <translation>先にエクスプローラーでチェックポイントか公式 StyleGAN の .pkl を開いてください</translation>
    </message>
    <message>
        <source>Save as GAN Studio checkpoint</source>
        <translation>GAN Studio のチェックポイントとして保存</translation>
    </message>
    <message>
        <source>GAN Studio checkpoints (*.pt)</source>
        <translation>GAN Studio のチェックポイント (*.pt)</translation>
    </message>
    <message>
        <source>Saving {0} as a GAN Studio checkpoint…</source>
        <translation>{0} を GAN Studio のチェックポイントとして保存しています…</translation>
    </message>
    <message>
        <source>Could not save the checkpoint: {0}</source>
        <translation>チェックポイントを保存できませんでした: {0}</translation>
    </message>
    <message>
        <source>Open run directory</source>
        <translation>実行フォルダーを開く</translation>
    </message>
    <message>
        <source>Continue a run</source>
        <translation>学習を続ける</translation>
    </message>
    <message>
        <source>Runs folder: where new runs are saved</source>
        <translation>実行の保存先: 新しい実行を保存するフォルダー</translation>
    </message>
    <message>
        <source>(none installed)</source>
        <translation>(インストールされていません)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <source>cannot build a generator: {0}</source>
        <translation>生成器を構築できません: {0}</translation>
    </message>
    <message>
        <source>untrained StyleGAN (random weights)</source>
        <translation>未訓練の StyleGAN (ランダムな重み)</translation>
    </message>
    <message>
        <source>Save recipe</source>
        <translation>レシピを保存</translation>
    </message>
    <message>
        <source>Recipes (*.toml)</source>
        <translation>レシピ (*.toml)</translation>
    </message>
    <message>
        <source>Training: {0}</source>
        <translation>訓練: {0}</translation>
    </message>
    <message>
        <source>About GAN Studio</source>
        <translation>GAN Studio について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;GAN Studio {0}&lt;/h3&gt;&lt;p&gt;Train generative adversarial networks and explore what they learned.&lt;/p&gt;&lt;p&gt;PyTorch {1} on {2}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;GAN Studio {0}&lt;/h3&gt;&lt;p&gt;敵対的生成ネットワーク (GAN) を訓練し、学習した内容を探索します。&lt;/p&gt;&lt;p&gt;PyTorch {1} ({2})&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>訓練中です</translation>
    </message>
    <message>
        <source>A run is training. Stop it, write a checkpoint and close GAN Studio?</source>
        <translation>訓練を実行中です。停止してチェックポイントを書き出し、GAN Studio を閉じますか?</translation>
    </message>
    <message>
        <source>stopping the run: writing a checkpoint before closing…</source>
        <translation>実行を停止しています: 閉じる前にチェックポイントを書き出しています…</translation>
    </message>
</context>
<context>
    <name>PointsCanvas</name>
    <message>
        <source>Your data: click or drag to draw, right-click to erase</source>
        <translation>あなたのデータ: クリックまたはドラッグで描画、右クリックで消去</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Remove the last click or stroke (Ctrl+Z)</source>
        <translation>最後のクリックまたはストロークを取り消します (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>CSV を読み込む…</translation>
    </message>
    <message>
        <source>Read points from a CSV file of x,y rows</source>
        <translation>x,y の行からなる CSV ファイルから点を読み込みます</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>CSV を保存…</translation>
    </message>
    <message>
        <source>Train on these points</source>
        <translation>この点で訓練</translation>
    </message>
    <message>
        <source>Put these points into the recipe (Dataset: drawn points); then press Start</source>
        <translation>これらの点をレシピに入れます (データセット: 描いた点)。その後、開始を押してください</translation>
    </message>
    <message>
        <source>Train on these {0} points</source>
        <translation>この {0} 個の点で訓練</translation>
    </message>
    <message>
        <source>Train on this 1 point</source>
        <translation>この 1 個の点で訓練</translation>
    </message>
    <message>
        <source>Draw at least {0} points first</source>
        <translation>まず {0} 個以上の点を描いてください</translation>
    </message>
    <message>
        <source>Cannot load the points: {0}</source>
        <translation>点を読み込めません: {0}</translation>
    </message>
    <message>
        <source>Cannot save the points: {0}</source>
        <translation>点を保存できません: {0}</translation>
    </message>
    <message>
        <source>Load points</source>
        <translation>点を読み込む</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV ファイル (*.csv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save points</source>
        <translation>点を保存</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>the drawing</source>
        <translation>描画</translation>
    </message>
    <message>
        <source>Cannot create {0}: {1}</source>
        <translation>{0} を作成できません: {1}</translation>
    </message>
</context>
<context>
    <name>Recipe</name>
    <message>
        <source>DCGAN on emoji faces (32 x 32, colour): the small-data baseline</source>
        <translation>絵文字の顔で DCGAN (32 x 32、カラー): 少量データの基準</translation>
    </message>
    <message>
        <source>DCGAN on Fashion-MNIST</source>
        <translation>Fashion-MNIST で DCGAN</translation>
    </message>
    <message>
        <source>Vanilla (MLP) GAN on Fashion-MNIST</source>
        <translation>Fashion-MNIST で素朴な (MLP) GAN</translation>
    </message>
    <message>
        <source>Seed 000: DCGAN on Fashion-MNIST (as taught, corrected)</source>
        <translation>講義テキスト 000: Fashion-MNIST で DCGAN (講義どおり、修正済み)</translation>
    </message>
    <message>
        <source>StyleGAN2 on emoji faces (32 x 32, colour)</source>
        <translation>絵文字の顔で StyleGAN2 (32 x 32、カラー)</translation>
    </message>
    <message>
        <source>StyleGAN2 on emoji faces with DiffAugment (32 x 32, colour)</source>
        <translation>DiffAugment を使って絵文字の顔で StyleGAN2 (32 x 32、カラー)</translation>
    </message>
    <message>
        <source>StyleGAN2 on Fashion-MNIST (32 x 32)</source>
        <translation>Fashion-MNIST で StyleGAN2 (32 x 32)</translation>
    </message>
    <message>
        <source>One Gaussian in 1-D (best recipe)</source>
        <translation>1 次元のガウス分布 1 つ (最良のレシピ)</translation>
    </message>
    <message>
        <source>Grid of 25 Gaussians (best recipe)</source>
        <translation>25 個のガウス分布の格子 (最良のレシピ)</translation>
    </message>
    <message>
        <source>Lesson: WGAN-GP on the 5 x 5 grid</source>
        <translation>レッスン: 5 x 5 格子で WGAN-GP</translation>
    </message>
    <message>
        <source>Ring of 8 Gaussians (best recipe)</source>
        <translation>8 個のガウス分布のリング (最良のレシピ)</translation>
    </message>
    <message>
        <source>Lesson: mode collapse on the ring (minimax GAN)</source>
        <translation>レッスン: リングでのモード崩壊 (ミニマックス GAN)</translation>
    </message>
</context>
<context>
    <name>RecipeChoice</name>
    <message>
        <source>fashion_mnist</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>idx</source>
        <translation>IDX</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>emoji</source>
        <translation>絵文字</translation>
    </message>
    <message>
        <source>toy</source>
        <translation>トイ</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>train</source>
        <translation>訓練用</translation>
    </message>
    <message>
        <source>test</source>
        <translation>テスト用</translation>
    </message>
    <message>
        <source>gauss1d</source>
        <translation>1 次元ガウス分布</translation>
    </message>
    <message>
        <source>bimodal1d</source>
        <translation>1 次元の二峰分布</translation>
    </message>
    <message>
        <source>ring8</source>
        <translation>8 個のリング</translation>
    </message>
    <message>
        <source>grid25</source>
        <translation>25 個の格子</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>らせん</translation>
    </message>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>faces</source>
        <translation>顔</translation>
    </message>
    <message>
        <source>animals</source>
        <translation>動物</translation>
    </message>
    <message>
        <source>food</source>
        <translation>食べ物</translation>
    </message>
    <message>
        <source>plants</source>
        <translation>植物</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>乗り物</translation>
    </message>
    <message>
        <source>flags</source>
        <translation>旗</translation>
    </message>
    <message>
        <source>mlp</source>
        <translation>MLP</translation>
    </message>
    <message>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <source>3</source>
        <translation>3</translation>
    </message>
    <message>
        <source>dcgan</source>
        <translation>DCGAN</translation>
    </message>
    <message>
        <source>28</source>
        <translation>28</translation>
    </message>
    <message>
        <source>32</source>
        <translation>32</translation>
    </message>
    <message>
        <source>64</source>
        <translation>64</translation>
    </message>
    <message>
        <source>radford</source>
        <translation>Radford 型</translation>
    </message>
    <message>
        <source>course</source>
        <translation>講義型</translation>
    </message>
    <message>
        <source>stylegan</source>
        <translation>StyleGAN</translation>
    </message>
    <message>
        <source>2</source>
        <translation>2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>one_sided</source>
        <translation>片側</translation>
    </message>
    <message>
        <source>two_sided</source>
        <translation>両側</translation>
    </message>
    <message>
        <source>diffaugment</source>
        <translation>DiffAugment</translation>
    </message>
    <message>
        <source>ada</source>
        <translation>ADA</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>線形</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>コサイン</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>cpu</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>cuda</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>inception</source>
        <translation>Inception</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>分類器</translation>
    </message>
    <message>
        <source>Minimax GAN (saturating)</source>
        <translation>ミニマックス GAN (飽和型)</translation>
    </message>
    <message>
        <source>Non-saturating GAN</source>
        <translation>非飽和 GAN</translation>
    </message>
    <message>
        <source>WGAN (weight clipping)</source>
        <translation>WGAN (重みクリッピング)</translation>
    </message>
    <message>
        <source>WGAN-GP (gradient penalty)</source>
        <translation>WGAN-GP (勾配ペナルティ)</translation>
    </message>
    <message>
        <source>Hinge loss</source>
        <translation>ヒンジ損失</translation>
    </message>
    <message>
        <source>Least squares (LSGAN)</source>
        <translation>最小二乗 (LSGAN)</translation>
    </message>
    <message>
        <source>Relativistic paired GAN (RpGAN)</source>
        <translation>相対論的ペア GAN (RpGAN)</translation>
    </message>
    <message>
        <source>f-GAN: KL</source>
        <translation>f-GAN: KL</translation>
    </message>
    <message>
        <source>f-GAN: reverse KL</source>
        <translation>f-GAN: 逆 KL</translation>
    </message>
    <message>
        <source>f-GAN: Jensen-Shannon</source>
        <translation>f-GAN: ジェンセン・シャノン</translation>
    </message>
    <message>
        <source>f-GAN: Pearson chi-squared</source>
        <translation>f-GAN: ピアソン χ²</translation>
    </message>
</context>
<context>
    <name>RecipeField</name>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分割</translation>
    </message>
    <message>
        <source>Toy set</source>
        <translation>トイデータ</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点の数</translation>
    </message>
    <message>
        <source>Emoji subset</source>
        <translation>絵文字の種類</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景色</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Labels file</source>
        <translation>ラベルファイル</translation>
    </message>
    <message>
        <source>Mirror left-right (x2 images)</source>
        <translation>左右反転 (画像 2 倍)</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Z size</source>
        <translation>z の次元</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>チャンネル数</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解像度</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>Spectral norm on D</source>
        <translation>D にスペクトル正規化</translation>
    </message>
    <message>
        <source>PacGAN pack</source>
        <translation>PacGAN のパック数</translation>
    </message>
    <message>
        <source>Base channels</source>
        <translation>基本チャンネル数</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>構成</translation>
    </message>
    <message>
        <source>W size</source>
        <translation>w の次元</translation>
    </message>
    <message>
        <source>Mapping layers</source>
        <translation>マッピング層の数</translation>
    </message>
    <message>
        <source>Mapping lr multiplier</source>
        <translation>マッピングの学習率倍率</translation>
    </message>
    <message>
        <source>Channel base</source>
        <translation>チャンネル基数</translation>
    </message>
    <message>
        <source>Channel max</source>
        <translation>最大チャンネル数</translation>
    </message>
    <message>
        <source>D minibatch-stddev group</source>
        <translation>D のミニバッチ標準偏差のグループ</translation>
    </message>
    <message>
        <source>Data dimension</source>
        <translation>データの次元</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>層の数</translation>
    </message>
    <message>
        <source>G linear</source>
        <translation>線形の G</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目的関数</translation>
    </message>
    <message>
        <source>R1 γ</source>
        <translation>R1 γ</translation>
    </message>
    <message>
        <source>R2 γ</source>
        <translation>R2 γ</translation>
    </message>
    <message>
        <source>R1 every</source>
        <translation>R1 の間隔</translation>
    </message>
    <message>
        <source>R2 every</source>
        <translation>R2 の間隔</translation>
    </message>
    <message>
        <source>Gradient penalty</source>
        <translation>勾配ペナルティ</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>ラベル平滑化</translation>
    </message>
    <message>
        <source>Smoothing amount</source>
        <translation>平滑化の量</translation>
    </message>
    <message>
        <source>Instance noise σ</source>
        <translation>インスタンスノイズ σ</translation>
    </message>
    <message>
        <source>Noise anneal steps</source>
        <translation>ノイズを減らすステップ数</translation>
    </message>
    <message>
        <source>D steps per G step</source>
        <translation>G 1 回あたりの D ステップ数</translation>
    </message>
    <message>
        <source>Style mixing prob.</source>
        <translation>スタイル混合の確率</translation>
    </message>
    <message>
        <source>Path length weight</source>
        <translation>パス長の重み</translation>
    </message>
    <message>
        <source>Path length every</source>
        <translation>パス長の間隔</translation>
    </message>
    <message>
        <source>Path length decay</source>
        <translation>パス長の減衰</translation>
    </message>
    <message>
        <source>Augment D&apos;s input</source>
        <translation>D の入力を拡張</translation>
    </message>
    <message>
        <source>Augmentations</source>
        <translation>拡張の種類</translation>
    </message>
    <message>
        <source>ADA target r_t</source>
        <translation>ADA の目標 r_t</translation>
    </message>
    <message>
        <source>ADA speed (images)</source>
        <translation>ADA の速さ (画像数)</translation>
    </message>
    <message>
        <source>ADA start p</source>
        <translation>ADA の初期 p</translation>
    </message>
    <message>
        <source>G learning rate</source>
        <translation>G の学習率</translation>
    </message>
    <message>
        <source>D learning rate</source>
        <translation>D の学習率</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>EMA half-life (images)</source>
        <translation>EMA の半減期 (画像数)</translation>
    </message>
    <message>
        <source>EMA ramp-up</source>
        <translation>EMA の立ち上がり</translation>
    </message>
    <message>
        <source>Lr decay</source>
        <translation>学習率の減衰</translation>
    </message>
    <message>
        <source>Lr final</source>
        <translation>最終学習率</translation>
    </message>
    <message>
        <source>Lr decay from</source>
        <translation>学習率の減衰の開始</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Log every</source>
        <translation>ログの間隔</translation>
    </message>
    <message>
        <source>Samples every</source>
        <translation>サンプルの間隔</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>チェックポイントの間隔</translation>
    </message>
    <message>
        <source>Sample grid</source>
        <translation>サンプルグリッド</translation>
    </message>
    <message>
        <source>Mixed precision (CUDA)</source>
        <translation>混合精度 (CUDA)</translation>
    </message>
    <message>
        <source>CPU mixed precision (bf16)</source>
        <translation>CPU の混合精度 (bf16)</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU スレッド数</translation>
    </message>
    <message>
        <source>Eval every</source>
        <translation>評価の間隔</translation>
    </message>
    <message>
        <source>Eval metrics</source>
        <translation>評価指標</translation>
    </message>
    <message>
        <source>Eval samples</source>
        <translation>評価のサンプル数</translation>
    </message>
    <message>
        <source>Eval features</source>
        <translation>評価の特徴空間</translation>
    </message>
</context>
<context>
    <name>RecipeForm</name>
    <message>
        <source>MLP (vanilla GAN)</source>
        <translation>MLP (素朴な GAN)</translation>
    </message>
    <message>
        <source>Toy MLP (1-D / 2-D)</source>
        <translation>トイ MLP (1 次元 / 2 次元)</translation>
    </message>
    <message>
        <source>Radford (transposed convolutions)</source>
        <translation>Radford 型 (転置畳み込み)</translation>
    </message>
    <message>
        <source>Course (upsample + 3×3 conv, dropout D)</source>
        <translation>講義型 (アップサンプル + 3×3 畳み込み、ドロップアウト付き D)</translation>
    </message>
    <message>
        <source>IDX file</source>
        <translation>IDX ファイル</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>画像フォルダー</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>絵文字</translation>
    </message>
    <message>
        <source>Toy distribution</source>
        <translation>トイ分布</translation>
    </message>
    <message>
        <source>Drawn points (CSV)</source>
        <translation>描いた点 (CSV)</translation>
    </message>
    <message>
        <source>1-D Gaussian</source>
        <translation>1 次元ガウス分布</translation>
    </message>
    <message>
        <source>Ring of 8 Gaussians</source>
        <translation>8 個のガウス分布のリング</translation>
    </message>
    <message>
        <source>Grid of 25 Gaussians</source>
        <translation>25 個のガウス分布の格子</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>らせん</translation>
    </message>
    <message>
        <source>network family [model.family]</source>
        <translation>ネットワークの種類 [model.family]</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Objective and regularisers</source>
        <translation>目的関数と正則化</translation>
    </message>
    <message>
        <source>Optimiser (Adam)</source>
        <translation>オプティマイザ (Adam)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>フォルダーを選択</translation>
    </message>
    <message>
        <source>Choose a CSV file of x,y rows</source>
        <translation>x,y の行からなる CSV ファイルを選択</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV ファイル (*.csv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>ファイルを選択</translation>
    </message>
</context>
<context>
    <name>RecipeHelp</name>
    <message>
        <source>where the training data comes from</source>
        <translation>訓練データの出どころ</translation>
    </message>
    <message>
        <source>idx: images file; folder: image folder; fashion_mnist: folder of the IDX files (empty = Debian&apos;s); emoji: font file (empty = find); points: CSV file of x,y rows</source>
        <translation>idx: 画像ファイル、folder: 画像フォルダー、fashion_mnist: IDX ファイルのフォルダー (空欄 = Debian のもの)、emoji: フォントファイル (空欄 = 自動で探す)、points: x,y の行からなる CSV ファイル</translation>
    </message>
    <message>
        <source>Fashion-MNIST split</source>
        <translation>Fashion-MNIST の分割</translation>
    </message>
    <message>
        <source>toy distribution</source>
        <translation>トイ分布</translation>
    </message>
    <message>
        <source>points drawn (once, from a fixed seed) for a toy set</source>
        <translation>トイデータとして (固定シードで一度だけ) 引く点の数</translation>
    </message>
    <message>
        <source>which emoji to render</source>
        <translation>描画する絵文字</translation>
    </message>
    <message>
        <source>colour behind transparent pixels (emoji, RGBA images)</source>
        <translation>透明なピクセルの背景色 (絵文字、RGBA 画像)</translation>
    </message>
    <message>
        <source>0 = all items; else only the first N</source>
        <translation>0 = すべて。それ以外は先頭の N 個だけ</translation>
    </message>
    <message>
        <source>idx: optional IDX file of class labels</source>
        <translation>idx: クラスラベルの IDX ファイル (省略可)</translation>
    </message>
    <message>
        <source>images: add a left-right mirrored copy of every image (doubles a small data set, as StyleGAN&apos;s --mirror)</source>
        <translation>画像: すべての画像に左右反転したコピーを加えます (StyleGAN の --mirror と同様に、少量のデータセットを 2 倍にします)</translation>
    </message>
    <message>
        <source>network family</source>
        <translation>ネットワークの種類</translation>
    </message>
    <message>
        <source>size of the latent z</source>
        <translation>潜在ベクトル z の次元</translation>
    </message>
    <message>
        <source>image channels (1 grey, 3 RGB)</source>
        <translation>画像のチャンネル数 (1 グレー、3 RGB)</translation>
    </message>
    <message>
        <source>image size in pixels</source>
        <translation>画像の大きさ (ピクセル)</translation>
    </message>
    <message>
        <source>hidden layer sizes of G (D uses them in reverse)</source>
        <translation>G の隠れ層の大きさ (D は逆順に使います)</translation>
    </message>
    <message>
        <source>spectral normalisation on every D layer</source>
        <translation>D のすべての層にスペクトル正規化</translation>
    </message>
    <message>
        <source>PacGAN: samples per D decision</source>
        <translation>PacGAN: D が 1 回の判定で見るサンプル数</translation>
    </message>
    <message>
        <source>channels of the finest conv layer (ngf = ndf)</source>
        <translation>最も細かい畳み込み層のチャンネル数 (ngf = ndf)</translation>
    </message>
    <message>
        <source>radford: transposed convs (Radford et al.); course: upsample + 3x3 convs and a dropout D, as in the course&apos;s first lesson</source>
        <translation>radford: 転置畳み込み (Radford ら)、course: 講義の最初の回と同じ、アップサンプル + 3x3 畳み込みとドロップアウト付きの D</translation>
    </message>
    <message>
        <source>size of the intermediate latent w</source>
        <translation>中間潜在ベクトル w の次元</translation>
    </message>
    <message>
        <source>depth of the mapping MLP</source>
        <translation>マッピング MLP の深さ</translation>
    </message>
    <message>
        <source>learning-rate multiplier of the mapping network</source>
        <translation>マッピングネットワークの学習率倍率</translation>
    </message>
    <message>
        <source>channels at res r = min(base // r, max)</source>
        <translation>解像度 r のチャンネル数 = min(channel_base // r, channel_max)</translation>
    </message>
    <message>
        <source>upper bound on channels per layer</source>
        <translation>1 層あたりのチャンネル数の上限</translation>
    </message>
    <message>
        <source>samples per group of D&apos;s minibatch-stddev feature (official StyleGAN2: 4; its CIFAR-10 setup: 32)</source>
        <translation>D のミニバッチ標準偏差の特徴を計算するグループのサンプル数 (公式の StyleGAN2: 4、その CIFAR-10 の設定: 32)</translation>
    </message>
    <message>
        <source>dimension of the data (1-D or 2-D)</source>
        <translation>データの次元 (1 次元または 2 次元)</translation>
    </message>
    <message>
        <source>width of every hidden layer</source>
        <translation>各隠れ層の幅</translation>
    </message>
    <message>
        <source>number of hidden layers</source>
        <translation>隠れ層の数</translation>
    </message>
    <message>
        <source>G is one linear map of z (a Gaussian family): shows which modes a divergence favours</source>
        <translation>G を z の 1 つの線形写像 (ガウス分布の族) にします: ダイバージェンスがどのモードを好むかを示します</translation>
    </message>
    <message>
        <source>hidden layers of a mapping network z -&gt; w before G (StyleGAN-shaped; 0 = G takes z)</source>
        <translation>G の前に置くマッピングネットワーク z -&gt; w の隠れ層の数 (StyleGAN と同じ形。0 = G が z を直接受け取る)</translation>
    </message>
    <message>
        <source>adversarial loss (see ganstudio.train.losses)</source>
        <translation>敵対的損失 (ganstudio.train.losses を参照)</translation>
    </message>
    <message>
        <source>R1 penalty weight gamma on real data (0 = off)</source>
        <translation>本物データに対する R1 ペナルティの重み γ (0 = オフ)</translation>
    </message>
    <message>
        <source>R2 penalty weight gamma on fake data (0 = off)</source>
        <translation>偽物データに対する R2 ペナルティの重み γ (0 = オフ)</translation>
    </message>
    <message>
        <source>lazy R1: apply every N steps (scaled by N)</source>
        <translation>遅延 R1: N ステップごとに適用 (N 倍して補正)</translation>
    </message>
    <message>
        <source>lazy R2: apply every N steps (scaled by N)</source>
        <translation>遅延 R2: N ステップごとに適用 (N 倍して補正)</translation>
    </message>
    <message>
        <source>WGAN-GP weight (default: the objective&apos;s own, 10 for wgan_gp)</source>
        <translation>WGAN-GP の重み (既定: 目的関数ごとの値、wgan_gp では 10)</translation>
    </message>
    <message>
        <source>D target smoothing</source>
        <translation>D の目標ラベルの平滑化</translation>
    </message>
    <message>
        <source>how far targets move</source>
        <translation>目標ラベルをずらす量</translation>
    </message>
    <message>
        <source>std of Gaussian noise added to every D input</source>
        <translation>D のすべての入力に加えるガウスノイズの標準偏差</translation>
    </message>
    <message>
        <source>steps over which instance noise falls to 0 (0 = constant)</source>
        <translation>インスタンスノイズが 0 まで下がるステップ数 (0 = 一定)</translation>
    </message>
    <message>
        <source>D steps per G step</source>
        <translation>G 1 回あたりの D ステップ数</translation>
    </message>
    <message>
        <source>style-mixing regularisation probability (StyleGAN)</source>
        <translation>スタイル混合正則化の確率 (StyleGAN)</translation>
    </message>
    <message>
        <source>path length penalty weight (StyleGAN)</source>
        <translation>パス長ペナルティの重み (StyleGAN)</translation>
    </message>
    <message>
        <source>lazy path length: every N steps</source>
        <translation>遅延パス長: N ステップごと</translation>
    </message>
    <message>
        <source>decay of the running mean</source>
        <translation>移動平均の減衰</translation>
    </message>
    <message>
        <source>augment what D sees: diffaugment (always) or ada (adaptive p)</source>
        <translation>D が見る画像を拡張: diffaugment (常に) または ada (適応的な p)</translation>
    </message>
    <message>
        <source>comma-separated: color, translation, cutout</source>
        <translation>カンマ区切り: color, translation, cutout</translation>
    </message>
    <message>
        <source>ADA: the r_t = E[sign D(real)] that p steers towards</source>
        <translation>ADA: p が目指す r_t = E[sign D(本物)]</translation>
    </message>
    <message>
        <source>ADA: images over which p can move from 0 to 1</source>
        <translation>ADA: p が 0 から 1 まで動くのにかかる画像数</translation>
    </message>
    <message>
        <source>ADA: p at the start</source>
        <translation>ADA: 開始時の p</translation>
    </message>
    <message>
        <source>Adam learning rate of G</source>
        <translation>G の Adam 学習率</translation>
    </message>
    <message>
        <source>Adam learning rate of D</source>
        <translation>D の Adam 学習率</translation>
    </message>
    <message>
        <source>Adam beta1</source>
        <translation>Adam の β1</translation>
    </message>
    <message>
        <source>Adam beta2</source>
        <translation>Adam の β2</translation>
    </message>
    <message>
        <source>half-life of the EMA of G in images (0 = no EMA)</source>
        <translation>G の EMA の半減期 (画像数、0 = EMA なし)</translation>
    </message>
    <message>
        <source>EMA half-life &lt;= images seen x rampup early on (0 = off)</source>
        <translation>初期の EMA 半減期を「見た画像数 x ema_rampup」以下に抑えます (0 = オフ)</translation>
    </message>
    <message>
        <source>learning-rate schedule over train.steps (none = constant)</source>
        <translation>train.steps にわたる学習率のスケジュール (none = 一定)</translation>
    </message>
    <message>
        <source>final learning rate as a fraction of the initial one</source>
        <translation>最終学習率 (初期値に対する割合)</translation>
    </message>
    <message>
        <source>step at which the schedule starts to fall (a continued run can fall over its remaining steps)</source>
        <translation>スケジュールが下がり始めるステップ (続きから学習する実行は、残りのステップの間に下げられます)</translation>
    </message>
    <message>
        <source>G steps in total</source>
        <translation>G のステップの総数</translation>
    </message>
    <message>
        <source>samples per batch</source>
        <translation>1 バッチのサンプル数</translation>
    </message>
    <message>
        <source>seeds every random number of the run</source>
        <translation>実行中のすべての乱数のシード</translation>
    </message>
    <message>
        <source>auto = cuda when available</source>
        <translation>auto = 使えるなら cuda</translation>
    </message>
    <message>
        <source>steps between log lines</source>
        <translation>ログを記録するステップ間隔</translation>
    </message>
    <message>
        <source>steps between sample grids (0 = end only)</source>
        <translation>サンプルグリッドを保存するステップ間隔 (0 = 最後のみ)</translation>
    </message>
    <message>
        <source>steps between kept checkpoints (0 = end only)</source>
        <translation>チェックポイントを残すステップ間隔 (0 = 最後のみ)</translation>
    </message>
    <message>
        <source>rows x cols of the fixed-z grid</source>
        <translation>固定 z のグリッドの行 x 列</translation>
    </message>
    <message>
        <source>mixed precision on CUDA (ignored on the CPU)</source>
        <translation>CUDA での混合精度 (CPU では無視)</translation>
    </message>
    <message>
        <source>bf16 mixed precision on a CPU that computes bf16 natively (AVX512-BF16 or AMX): faster image nets; float32 elsewhere</source>
        <translation>bf16 をネイティブに計算できる CPU (AVX512-BF16 または AMX) での bf16 混合精度。画像のネットワークの訓練が速くなります。それ以外の CPU では float32 で訓練します</translation>
    </message>
    <message>
        <source>CPU threads for torch (0 = automatic)</source>
        <translation>PyTorch が使う CPU スレッド数 (0 = 自動)</translation>
    </message>
    <message>
        <source>steps between Inception metrics of G (0 = off; a multiple of log_every)</source>
        <translation>G の Inception 指標を計算するステップ間隔 (0 = オフ、log_every の倍数)</translation>
    </message>
    <message>
        <source>comma-separated: fid, kid, pr (precision / recall)</source>
        <translation>カンマ区切り: fid、kid、pr (適合率 / 再現率)</translation>
    </message>
    <message>
        <source>generated images per evaluation</source>
        <translation>1 回の評価で生成する画像数</translation>
    </message>
    <message>
        <source>feature space of the metrics: Inception-v3 (papers) or the Fashion-MNIST classifier (fast, Fashion-MNIST runs only)</source>
        <translation>指標を計算する特徴空間: Inception-v3 (論文と同じ) または Fashion-MNIST 分類器 (高速、Fashion-MNIST の実行のみ)</translation>
    </message>
</context>
<context>
    <name>RunOverlay</name>
    <message>
        <source>Compare runs…</source>
        <translation>実行を比較…</translation>
    </message>
    <message>
        <source>Draw the curves of other run directories over these, and list how their recipes differ</source>
        <translation>他の実行フォルダーの曲線を重ねて描き、レシピの違いを一覧にします</translation>
    </message>
    <message>
        <source>Compare with run directory</source>
        <translation>比較する実行フォルダー</translation>
    </message>
    <message>
        <source>{0} is already compared</source>
        <translation>{0} はすでに比較しています</translation>
    </message>
    <message>
        <source>at most {0} runs can be compared at once; remove one first</source>
        <translation>一度に比較できる実行は {0} 個までです。先に 1 つ外してください</translation>
    </message>
    <message>
        <source>cannot compare with {0}: {1}</source>
        <translation>{0} と比較できません: {1}</translation>
    </message>
    <message>
        <source>{0} has not logged a step yet</source>
        <translation>{0} はまだステップを記録していません</translation>
    </message>
    <message>
        <source>{0}: {1} logged steps. Click to stop comparing it.</source>
        <translation>{0}: 記録済み {1} ステップ。クリックすると比較をやめます。</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>この実行</translation>
    </message>
    <message>
        <source>Nothing to compare the recipe with yet.</source>
        <translation>まだレシピを比較する相手がありません。</translation>
    </message>
    <message>
        <source>The recipes are the same.</source>
        <translation>レシピは同じです。</translation>
    </message>
    <message>
        <source>… and {0} more keys</source>
        <translation>… ほか {0} 個のキー</translation>
    </message>
    <message>
        <source>Recipe differences</source>
        <translation>レシピの違い</translation>
    </message>
</context>
<context>
    <name>SampleGridView</name>
    <message>
        <source>Samples from a fixed z appear here as training goes.</source>
        <translation>訓練が進むと、固定した z からのサンプルがここに表示されます。</translation>
    </message>
    <message>
        <source>Scrub back through earlier sample grids</source>
        <translation>以前のサンプルグリッドへさかのぼります</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>追従</translation>
    </message>
    <message>
        <source>Jump to each new grid as it arrives</source>
        <translation>新しいグリッドが届くたびにそこへ移動します</translation>
    </message>
    <message>
        <source>the grid of step {0} cannot be read</source>
        <translation>ステップ {0} のグリッドを読み込めません</translation>
    </message>
    <message>
        <source>step {0:,}  ({1}/{2})</source>
        <translation>ステップ {0:,}  ({1}/{2})</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>stopped (checkpoint written)</source>
        <translation>停止しました (チェックポイントを書き出し済み)</translation>
    </message>
    <message>
        <source>diverged: stopped at the last good checkpoint</source>
        <translation>発散しました: 最後の正常なチェックポイントで停止しました</translation>
    </message>
    <message>
        <source>failed (see the message above)</source>
        <translation>失敗しました (上のメッセージを参照)</translation>
    </message>
    <message>
        <source>cancelled before training started</source>
        <translation>訓練の開始前に取り消されました</translation>
    </message>
    <message>
        <source>training {0}</source>
        <translation>{0} を訓練中</translation>
    </message>
    <message>
        <source>training a recipe</source>
        <translation>レシピを訓練中</translation>
    </message>
    <message>
        <source>continuing {0} from step {1}</source>
        <translation>{0} をステップ {1} から続けています</translation>
    </message>
    <message>
        <source>training into {0}</source>
        <translation>{0} に訓練結果を保存中</translation>
    </message>
    <message>
        <source>loading the newest checkpoint of {0}…</source>
        <translation>{0} の最新のチェックポイントを読み込んでいます…</translation>
    </message>
    <message>
        <source>cannot open the generator: {0}</source>
        <translation>生成器を開けません: {0}</translation>
    </message>
    <message>
        <source>paused at step {0}</source>
        <translation>ステップ {0} で一時停止しました</translation>
    </message>
    <message>
        <source>checkpoint written at step {0}: {1}</source>
        <translation>ステップ {0} のチェックポイントを書き出しました: {1}</translation>
    </message>
    <message>
        <source>step {0}: metrics of {1} samples ...</source>
        <translation>ステップ {0}: {1} 枚のサンプルで指標を計算中 ...</translation>
    </message>
    <message>
        <source>step {0}: best FID so far ({1:.2f}), kept as {2}</source>
        <translation>ステップ {0}: これまでで最良の FID ({1:.2f})。{2} として保存しました</translation>
    </message>
    <message>
        <source>from step {0}: {1}</source>
        <translation>ステップ {0} から: {1}</translation>
    </message>
    <message>
        <source>D step</source>
        <translation>D ステップ</translation>
    </message>
    <message>
        <source>G step</source>
        <translation>G ステップ</translation>
    </message>
    <message>
        <source>full step</source>
        <translation>D+G ステップ</translation>
    </message>
    <message>
        <source>{0} × {1} done at step {2}</source>
        <translation>{0} を {1} 回実行しました (ステップ {2})</translation>
    </message>
    <message>
        <source>training: CPU threads: {0}</source>
        <translation>訓練: CPU スレッド: {0}</translation>
    </message>
    <message>
        <source>run finished: {0}</source>
        <translation>実行が完了しました: {0}</translation>
    </message>
    <message>
        <source>run stopped: {0}</source>
        <translation>実行を停止しました: {0}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>Toy1DView</name>
    <message>
        <source>Data vs generator</source>
        <translation>データと生成器</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>Discriminator</source>
        <translation>識別器</translation>
    </message>
    <message>
        <source>real samples</source>
        <translation>本物のサンプル</translation>
    </message>
    <message>
        <source>generated samples</source>
        <translation>生成サンプル</translation>
    </message>
    <message>
        <source>critic f(x)</source>
        <translation>クリティック f(x)</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <source>generated mean {0:.3f}, std {1:.3f}</source>
        <translation>生成: 平均 {0:.3f}、標準偏差 {1:.3f}</translation>
    </message>
    <message>
        <source>data mean {0:.3f}, std {1:.3f}</source>
        <translation>データ: 平均 {0:.3f}、標準偏差 {1:.3f}</translation>
    </message>
    <message>
        <source>at equilibrium: D* is within {0:.2f} of 1/2 where the data lives (p_g = p_data)</source>
        <translation>均衡: データのある範囲で D* と 1/2 の差は {0:.2f} 以内 (p_g = p_data)</translation>
    </message>
    <message>
        <source>not at equilibrium: D* is up to {0:.2f} away from 1/2 where the data lives</source>
        <translation>まだ均衡ではありません: データのある範囲で D* は 1/2 から最大 {0:.2f} 離れています</translation>
    </message>
    <message>
        <source>a critic has no optimal probability D*: its slope is what moves G</source>
        <translation>クリティックには最適な確率 D* がありません: G を動かすのはその傾きです</translation>
    </message>
</context>
<context>
    <name>Toy2DView</name>
    <message>
        <source>Real vs generated over D(x)</source>
        <translation>D(x) の上の本物と生成</translation>
    </message>
    <message>
        <source>real</source>
        <translation>本物</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>G(z grid)</source>
        <translation>G(z の格子)</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>本物</translation>
    </message>
    <message>
        <source>The real data</source>
        <translation>本物のデータ</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>The generator&apos;s samples</source>
        <translation>生成器のサンプル</translation>
    </message>
    <message>
        <source>The discriminator&apos;s output as a heat map</source>
        <translation>識別器の出力をヒートマップで表示</translation>
    </message>
    <message>
        <source>G&apos;s push</source>
        <translation>G の押す向き</translation>
    </message>
    <message>
        <source>Where the generator&apos;s loss pushes a sample (its negative gradient)</source>
        <translation>生成器の損失がサンプルを押す向き (負の勾配)</translation>
    </message>
    <message>
        <source>G&apos;s manifold</source>
        <translation>G の多様体</translation>
    </message>
    <message>
        <source>The image under G of a regular grid of z: how G folds the latent plane onto the data</source>
        <translation>z の規則的な格子の G による像: G が潜在平面をデータ上にどう折り畳むか</translation>
    </message>
    <message>
        <source>Divergences between p_data and p_g, both estimated with the same Gaussian kernel on the plotted grid. JS is symmetric and at most 0.693 (log 2); KL(data‖G) grows when G drops modes, KL(G‖data) when G puts samples where there is no data.</source>
        <translation>p_data と p_g のダイバージェンス。どちらも描画した格子上で同じガウスカーネルで推定します。JS は対称で最大 0.693 (log 2)。KL(p_data‖p_g) は G がモードを取りこぼすと増え、KL(p_g‖p_data) は G がデータのない所にサンプルを置くと増えます。</translation>
    </message>
    <message>
        <source>critic f(x)</source>
        <translation>クリティック f(x)</translation>
    </message>
    <message>
        <source>G(z), z from {0:g} to {1:g}</source>
        <translation>G(z)、z は {0:g} から {1:g}</translation>
    </message>
    <message>
        <source>G(z) over a grid of z[0], z[1] in ±{0:g}&lt;br&gt;(a slice: z[2:] = 0 of {1}-D z)</source>
        <translation>±{0:g} の範囲の z[0], z[1] の格子上の G(z)&lt;br&gt;({1} 次元の z の断面: z[2:] = 0)</translation>
    </message>
    <message>
        <source>G(z) over a grid of z in ±{0:g}</source>
        <translation>±{0:g} の範囲の z の格子上の G(z)</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <source>modes captured {0}/{1}</source>
        <translation>捉えたモード {0}/{1}</translation>
    </message>
    <message>
        <source>high quality {0:.0f}%</source>
        <translation>高品質 {0:.0f}%</translation>
    </message>
    <message>
        <source>JS {0:.3f} · KL(data‖G) {1:.2f} · KL(G‖data) {2:.2f} nats</source>
        <translation>JS {0:.3f} · KL(p_data‖p_g) {1:.2f} · KL(p_g‖p_data) {2:.2f} nats</translation>
    </message>
</context>
<context>
    <name>ToyView</name>
    <message>
        <source>Teaching views appear here while a toy (1-D or 2-D) recipe trains.</source>
        <translation>トイ (1 次元または 2 次元) のレシピを訓練している間、ここに教材ビューが表示されます。</translation>
    </message>
</context>
<context>
    <name>TrainWorker</name>
    <message>
        <source>cannot open the generator in the Explorer: {0}</source>
        <translation>エクスプローラーで生成器を開けません: {0}</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <source>ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>fix the marked fields to start</source>
        <translation>開始するには印の付いた項目を修正してください</translation>
    </message>
    <message>
        <source>loading data and building the networks…</source>
        <translation>データを読み込み、ネットワークを構築しています…</translation>
    </message>
    <message>
        <source>training</source>
        <translation>訓練中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>stopping: writing a checkpoint…</source>
        <translation>停止中: チェックポイントを書き出しています…</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>following a run directory</source>
        <translation>実行フォルダーを追跡中</translation>
    </message>
    <message>
        <source>&amp;Start training</source>
        <translation>訓練を開始(&amp;S)</translation>
    </message>
    <message>
        <source>Start training this recipe (Ctrl+Enter)</source>
        <translation>このレシピで訓練を開始します (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume between two steps (Space)</source>
        <translation>ステップの合間で一時停止・再開します (Space)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop after the current step and write a checkpoint (Ctrl+.)</source>
        <translation>現在のステップの後で停止し、チェックポイントを書き出します (Ctrl+.)</translation>
    </message>
    <message>
        <source>Save &amp;checkpoint now</source>
        <translation>今すぐチェックポイントを保存(&amp;C)</translation>
    </message>
    <message>
        <source>Write checkpoints/latest.pt now (Ctrl+K)</source>
        <translation>checkpoints/latest.pt を今すぐ書き出します (Ctrl+K)</translation>
    </message>
    <message>
        <source>Open in &amp;Explorer</source>
        <translation>エクスプローラーで開く(&amp;E)</translation>
    </message>
    <message>
        <source>Explore the current (EMA) generator (Ctrl+E)</source>
        <translation>現在の (EMA) 生成器を探索します (Ctrl+E)</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>まだ実行なし</translation>
    </message>
    <message>
        <source>step {0:,} / {1:,}</source>
        <translation>ステップ {0:,} / {1:,}</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <source>{0:,.0f} img/s</source>
        <translation>{0:,.0f} 枚/秒</translation>
    </message>
    <message>
        <source>{0:,.1f} steps/s</source>
        <translation>{0:,.1f} ステップ/秒</translation>
    </message>
    <message>
        <source>{0} CPU threads</source>
        <translation>CPU {0} スレッド</translation>
    </message>
    <message>
        <source>1 CPU thread</source>
        <translation>CPU 1 スレッド</translation>
    </message>
    <message>
        <source>ETA {0}</source>
        <translation>残り {0}</translation>
    </message>
    <message>
        <source>CPU threads: {0}</source>
        <translation>CPU スレッド: {0}</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>The runs folder {0} is a temporary folder: runs saved there can be lost at the next restart, and GAN Studio will not remember it. Choose another with Training &gt; Runs folder…</source>
        <translation>実行の保存先 {0} は一時フォルダーです。保存した実行は次の再起動で失われることがあり、GAN Studio はこの場所を記憶しません。訓練 &gt; 実行の保存先フォルダー… で別の場所を選んでください</translation>
    </message>
    <message>
        <source>The runs folder {0} does not exist (a drive not connected?); it is created when a run starts. Choose another with Training &gt; Runs folder…</source>
        <translation>実行の保存先 {0} は存在しません (ドライブが接続されていない?)。実行の開始時に作成されます。訓練 &gt; 実行の保存先フォルダー… で別の場所を選べます</translation>
    </message>
    <message>
        <source>The runs folder was set to {0}, a temporary folder where runs are lost at restart; runs now go to {1}. Choose another with Training &gt; Runs folder…</source>
        <translation>実行の保存先が一時フォルダー {0} になっていました (再起動で実行が失われます)。今後の実行は {1} に保存します。訓練 &gt; 実行の保存先フォルダー… で別の場所を選べます</translation>
    </message>
    <message>
        <source>— choose a lesson —</source>
        <translation>— レッスンを選択 —</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>接続を解除</translation>
    </message>
    <message>
        <source>Stop following the run directory</source>
        <translation>実行フォルダーの追跡をやめます</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>続ける…</translation>
    </message>
    <message>
        <source>Train this run on from its checkpoint: more steps, and for a StyleGAN optionally more channels</source>
        <translation>この学習をチェックポイントから続けます。ステップを増やし、StyleGAN ならチャンネル数も増やせます</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <source>Teaching view</source>
        <translation>教材ビュー</translation>
    </message>
    <message>
        <source>Draw data</source>
        <translation>データを描く</translation>
    </message>
    <message>
        <source>— choose a recipe —</source>
        <translation>— レシピを選択 —</translation>
    </message>
    <message>
        <source>lesson: {0}</source>
        <translation>レッスン: {0}</translation>
    </message>
    <message>
        <source>stop the current run before opening a recipe</source>
        <translation>レシピを開く前に現在の実行を停止してください</translation>
    </message>
    <message>
        <source>cannot open {0}: {1}</source>
        <translation>{0} を開けません: {1}</translation>
    </message>
    <message>
        <source>recipe {0} loaded</source>
        <translation>レシピ {0} を読み込みました</translation>
    </message>
    <message>
        <source>recipe {0} loaded with an error: {1}</source>
        <translation>レシピ {0} を読み込みましたが、エラーがあります: {1}</translation>
    </message>
    <message>
        <source>Stop the current run before training on new points</source>
        <translation>新しい点で訓練する前に現在の実行を停止してください</translation>
    </message>
    <message>
        <source>Your drawn points</source>
        <translation>あなたが描いた点</translation>
    </message>
    <message>
        <source>The points you drew, smoothed by a small Gaussian kernel, are the data. Watch the generated samples (blue) move onto them and the JS divergence fall.</source>
        <translation>描いた点を小さなガウスカーネルでなめらかにしたものがデータです。生成サンプル (青) がそこへ移動し、JS ダイバージェンスが下がる様子を見てください。</translation>
    </message>
    <message>
        <source>training data: {0}; press Start</source>
        <translation>訓練データ: {0}。開始を押してください</translation>
    </message>
    <message>
        <source>cannot save {0}: {1}</source>
        <translation>{0} を保存できません: {1}</translation>
    </message>
    <message>
        <source>recipe saved to {0}</source>
        <translation>レシピを {0} に保存しました</translation>
    </message>
    <message>
        <source> (the previous run stays in {0})</source>
        <translation> (前の実行は {0} に残っています)</translation>
    </message>
    <message>
        <source>{0} finished</source>
        <translation>{0} は完了</translation>
    </message>
    <message>
        <source>stop the current run before attaching to another one</source>
        <translation>別の実行に接続する前に現在の実行を停止してください</translation>
    </message>
    <message>
        <source>{0} is not a run directory</source>
        <translation>{0} は実行フォルダーではありません</translation>
    </message>
    <message>
        <source>following {0}</source>
        <translation>{0} を追跡中</translation>
    </message>
    <message>
        <source>stop the current run before continuing another one</source>
        <translation>別の学習を続ける前に、いまの学習を止めてください</translation>
    </message>
    <message>
        <source>reading {0}…</source>
        <translation>{0} を読み込んでいます…</translation>
    </message>
    <message>
        <source>cannot continue {0}: {1}</source>
        <translation>{0} を続けられません: {1}</translation>
    </message>
    <message>
        <source>runs now go to {0}</source>
        <translation>今後の実行は {0} に保存します</translation>
    </message>
</context>
<context>
    <name>_Poller</name>
    <message>
        <source>{0} no longer exists; the curves show what was read before</source>
        <translation>{0} はもう存在しません。曲線はそれまでに読み込んだ内容です</translation>
    </message>
    <message>
        <source>cannot read {0}: {1}</source>
        <translation>{0} を読み込めません: {1}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>no trained model ships yet: showing an untrained generator</source>
        <translation>訓練済みモデルはまだ同梱されていません: 未訓練の生成器を表示しています</translation>
    </message>
</context>
</TS>
