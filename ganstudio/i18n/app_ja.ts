<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>LiveControls</name>
    <message>
        <source>D step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update only the discriminator (k times), G stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update only the generator (k times), D stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k whole training steps (D steps, then a G step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many updates each step button makes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow motion: wait this long after every training step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generator&apos;s learning rate [optim.lr_g]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discriminator&apos;s learning rate [optim.lr_d]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adversarial loss [objective.name]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use these learning rates and loss from the next step on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While paused:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: lr G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: must be a number above 0 and at most {1:g}, got {2!r}</source>
        <translation type="unfinished"></translation>
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
        <source>The Explorer could not be loaded: {0}</source>
        <translation>エクスプローラーを読み込めませんでした: {0}</translation>
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
        <source>&amp;Reset layout</source>
        <translation>レイアウトを元に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the last click or stroke (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read points from a CSV file of x,y rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on these points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put these points into the recipe (Dataset: drawn points); then press Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw at least {0} points first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the points: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the points: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipeForm</name>
    <message>
        <source>Choose a CSV file of x,y rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>from step {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} × {1} done at step {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toy1DView</name>
    <message>
        <source>Data vs generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>density</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discriminator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>real samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critic f(x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated mean {0:.3f}, std {1:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data mean {0:.3f}, std {1:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at equilibrium p_g = p_data, so D* = 1/2 everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a critic has no optimal probability D*: its slope is what moves G</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toy2DView</name>
    <message>
        <source>Real vs generated over D(x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>real</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G(z grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The real data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generator&apos;s samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discriminator&apos;s output as a heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&apos;s push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the generator&apos;s loss pushes a sample (its negative gradient)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&apos;s manifold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image under G of a regular grid of z: how G folds the latent plane onto the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divergences between p_data and p_g, both estimated with the same Gaussian kernel on the plotted grid. JS is symmetric and at most 0.693 (log 2); KL(data‖G) grows when G drops modes, KL(G‖data) when G puts samples where there is no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G(z), z from {0:g} to {1:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G(z) over a grid of z[0], z[1] in ±{0:g}; slice: z[2:] = 0 ({1}-D z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G(z) over a grid of z in ±{0:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modes captured {0}/{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high quality {0:.0f}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JS {0:.3f} · KL(data‖G) {1:.2f} · KL(G‖data) {2:.2f} nats</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToyView</name>
    <message>
        <source>Teaching views appear here while a toy (1-D or 2-D) recipe trains.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Draw data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the current run before training on new points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drawn points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The points you drew, smoothed by a small Gaussian kernel, are the data. Watch the generated samples (blue) move onto them and the JS divergence fall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training data: {0}; press Start</source>
        <translation type="unfinished"></translation>
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
