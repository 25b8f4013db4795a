<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>使い方: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置引数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>このヘルプを表示して終了します</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>引数 %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>次の引数が必要です: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>引数 %s のいずれかが必要です</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>認識できない引数: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>引数 %s とは同時に使えません</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>明示された引数 %r は無視されました</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>引数が 1 つ必要です</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>引数は 1 つまでです</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>引数が 1 つ以上必要です</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>あいまいなオプション: %(option)s は %(matches)s のどれにも当てはまります</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>無効な %(type)s の値: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>無効な選択肢: %(value)r (%(choices)s から選んでください)</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>&apos;%(filename)s&apos; を開けません: %(error)s</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>GAN Studio: train GANs and explore what they learned. Subcommands: {0} (see `ganstudio SUBCOMMAND --help`).</source>
        <translation>GAN Studio: GAN を訓練し、学習した内容を探索します。サブコマンド: {0} (`ganstudio SUBCOMMAND --help` を参照)。</translation>
    </message>
    <message>
        <source>a checkpoint or run directory to open in the Explorer</source>
        <translation>エクスプローラーで開くチェックポイントまたは実行フォルダー</translation>
    </message>
    <message>
        <source>print the version and exit</source>
        <translation>バージョンを表示して終了します</translation>
    </message>
    <message>
        <source>{0}: interrupted</source>
        <translation>{0}: 中断しました</translation>
    </message>
    <message>
        <source>{0} does not exist</source>
        <translation>{0} は存在しません</translation>
    </message>
    <message>
        <source>{0} cannot be read: permission denied</source>
        <translation>{0} を読み込めません: アクセス権がありません</translation>
    </message>
    <message>
        <source>--device cuda: no CUDA device is available</source>
        <translation>--device cuda: 使える CUDA デバイスがありません</translation>
    </message>
    <message>
        <source>--device takes cpu, cuda or auto; got {0!r}</source>
        <translation>--device には cpu、cuda、auto のいずれかを指定します (指定値: {0!r})</translation>
    </message>
    <message>
        <source>{0}: error: {1}</source>
        <translation>{0}: エラー: {1}</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>must be &gt; 0</source>
        <translation>0 より大きくしてください</translation>
    </message>
    <message>
        <source>must be &gt;= 0</source>
        <translation>0 以上にしてください</translation>
    </message>
    <message>
        <source>must be in {0}{1}, {2}{3}</source>
        <translation>{0}{1}, {2}{3} の範囲にしてください</translation>
    </message>
    <message>
        <source>must be a power of two from {0} to {1}</source>
        <translation>{0} から {1} までの 2 のべき乗にしてください</translation>
    </message>
    <message>
        <source>expected true or false, got {0!r}</source>
        <translation>true か false を指定してください (指定値: {0!r})</translation>
    </message>
    <message>
        <source>expected an integer, got {0} {1!r}</source>
        <translation>整数を指定してください (指定値: {0} {1!r})</translation>
    </message>
    <message>
        <source>expected a finite number, got {0!r}</source>
        <translation>有限の数を指定してください (指定値: {0!r})</translation>
    </message>
    <message>
        <source>expected a number, got {0} {1!r}</source>
        <translation>数を指定してください (指定値: {0} {1!r})</translation>
    </message>
    <message>
        <source>expected a string, got {0} {1!r}</source>
        <translation>文字列を指定してください (指定値: {0} {1!r})</translation>
    </message>
    <message>
        <source>unknown key (known: {0})</source>
        <translation>不明なキーです (使えるキー: {0})</translation>
    </message>
    <message>
        <source>{0!r} is not one of {1}</source>
        <translation>{0!r} は {1} のいずれでもありません</translation>
    </message>
    <message>
        <source>{0} (got {1!r})</source>
        <translation>{0} (指定値: {1!r})</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>out of memory: try a smaller batch (train.batch) or a smaller model; details: {0}</source>
        <translation>メモリ不足です: バッチ (train.batch) かモデルを小さくしてください。詳細: {0}</translation>
    </message>
</context>
<context>
    <name>eval</name>
    <message>
        <source>the generator produced NaN or inf pixels: the checkpoint has diverged; evaluate an earlier checkpoint</source>
        <translation>生成器が NaN または inf のピクセルを出力しました: このチェックポイントは発散しています。より前のチェックポイントを評価してください</translation>
    </message>
    <message>
        <source>--ppl-samples must be at least 2, got {0}</source>
        <translation>--ppl-samples は 2 以上にしてください (指定値: {0})</translation>
    </message>
    <message>
        <source>--against: {0} is neither fashion-mnist, emoji nor an existing image folder or IDX file</source>
        <translation>--against: {0} は fashion-mnist、emoji、既存の画像フォルダー、IDX ファイルのいずれでもありません</translation>
    </message>
    <message>
        <source>--against needs Inception metrics (--metrics fid,...): the classifier space only knows Fashion-MNIST</source>
        <translation>--against には Inception 指標 (--metrics fid,...) が必要です: 分類器空間は Fashion-MNIST しか扱えません</translation>
    </message>
    <message>
        <source>--samples must be at least 10 for is (10 splits), got {0}</source>
        <translation>is (10 分割) には --samples を 10 以上にしてください (指定値: {0})</translation>
    </message>
    <message>
        <source>--samples must be at least {0}, got {1}</source>
        <translation>--samples は {0} 以上にしてください (指定値: {1})</translation>
    </message>
    <message>
        <source>--batch must be positive, got {0}</source>
        <translation>--batch は正の数にしてください (指定値: {0})</translation>
    </message>
    <message>
        <source>--reference must be in [{0}, {1}], got {2}</source>
        <translation>--reference は [{0}, {1}] の範囲にしてください (指定値: {2})</translation>
    </message>
    <message>
        <source>--seed must be in [0, 2^32 - 1), got {0}</source>
        <translation>--seed は [0, 2^32 - 1) の範囲にしてください (指定値: {0})</translation>
    </message>
    <message>
        <source>--psi must be in [0, 2], got {0}</source>
        <translation>--psi は [0, 2] の範囲にしてください (指定値: {0})</translation>
    </message>
    <message>
        <source>wrote {0}</source>
        <translation>{0} を書き出しました</translation>
    </message>
    <message>
        <source>quality metrics of an image generator (classifier space or Inception)</source>
        <translation>画像生成器の品質指標 (分類器空間または Inception)</translation>
    </message>
    <message>
        <source>By default (--metrics classifier): FD, KID, precision/recall (k=3) and class coverage of generated samples against the Fashion-MNIST test set in the feature space of GAN Studio&apos;s own Fashion-MNIST classifier (fast; NOT Inception FID). --metrics fid,kid,pr,is,ppl: the Inception-v3 metrics of the papers against Fashion-MNIST, the emoji set, a folder or an IDX file (needs pip install &apos;ganstudio[metrics]&apos;). With real training images as the floor.</source>
        <translation>既定 (--metrics classifier): GAN Studio 独自の Fashion-MNIST 分類器の特徴空間で、生成サンプルを Fashion-MNIST のテストセットと比べた FD、KID、precision/recall (k=3)、クラスの網羅率 (高速。Inception の FID ではありません)。--metrics fid,kid,pr,is,ppl: 論文と同じ Inception-v3 の指標を Fashion-MNIST、絵文字セット、フォルダー、IDX ファイルに対して計算します (pip install &apos;ganstudio[metrics]&apos; が必要)。本物の訓練画像の値を下限として併記します。</translation>
    </message>
    <message>
        <source>a checkpoint file or a run directory (its latest checkpoint)</source>
        <translation>チェックポイントファイルまたは実行フォルダー (最新のチェックポイント)</translation>
    </message>
    <message>
        <source>comma-separated: classifier (the fast classifier-space report, the default) and the Inception-v3 metrics fid, kid, pr (precision/recall), is, ppl (StyleGAN); Inception needs pip install &apos;ganstudio[metrics]&apos;</source>
        <translation>カンマ区切り: classifier (高速な分類器空間のレポート、既定) と Inception-v3 の指標 fid、kid、pr (precision/recall)、is、ppl (StyleGAN)。Inception には pip install &apos;ganstudio[metrics]&apos; が必要です</translation>
    </message>
    <message>
        <source>reference of the Inception metrics: fashion-mnist (the test split), emoji, or an image folder or IDX file (default auto: emoji for models trained on emoji, else fashion-mnist)</source>
        <translation>Inception 指標の比較対象: fashion-mnist (テスト分割)、emoji、画像フォルダー、IDX ファイル (既定 auto: 絵文字で訓練したモデルには emoji、それ以外は fashion-mnist)</translation>
    </message>
    <message>
        <source>pairs for the path length (default 1000; the paper uses 100,000)</source>
        <translation>パス長に使うペアの数 (既定 1000。論文では 100,000)</translation>
    </message>
    <message>
        <source>generated samples (default 10000)</source>
        <translation>生成するサンプル数 (既定 10000)</translation>
    </message>
    <message>
        <source>seed of the latents and subsets (default 0)</source>
        <translation>潜在ベクトルと部分集合のシード (既定 0)</translation>
    </message>
    <message>
        <source>truncation psi (StyleGAN only; default 1)</source>
        <translation>切り捨て ψ (StyleGAN のみ。既定 1)</translation>
    </message>
    <message>
        <source>where to run the generator and the classifier (default auto)</source>
        <translation>生成器と分類器を動かすデバイス (既定 auto)</translation>
    </message>
    <message>
        <source>generator batch size (default 250)</source>
        <translation>生成器のバッチサイズ (既定 250)</translation>
    </message>
    <message>
        <source>also write every number to this JSON file</source>
        <translation>すべての数値をこの JSON ファイルにも書き出します</translation>
    </message>
    <message>
        <source>also score real training images against the test set (default on)</source>
        <translation>本物の訓練画像もテストセットに対して評価します (既定 オン)</translation>
    </message>
    <message>
        <source>test images used as the reference (default all {0})</source>
        <translation>比較対象に使うテスト画像の数 (既定 全 {0} 枚)</translation>
    </message>
    <message>
        <source>use the EMA generator weights when the checkpoint has them (default on)</source>
        <translation>チェックポイントにあれば生成器の EMA 重みを使います (既定 オン)</translation>
    </message>
    <message>
        <source>another classifier file (default: the shipped one)</source>
        <translation>別の分類器ファイル (既定: 同梱のもの)</translation>
    </message>
    <message>
        <source>folder with the Fashion-MNIST IDX files (default: the Debian package&apos;s)</source>
        <translation>Fashion-MNIST の IDX ファイルがあるフォルダー (既定: Debian パッケージのもの)</translation>
    </message>
    <message>
        <source>Fashion-MNIST test images</source>
        <translation>Fashion-MNIST テスト画像</translation>
    </message>
    <message>
        <source>emoji images</source>
        <translation>絵文字画像</translation>
    </message>
    <message>
        <source>images of {0}</source>
        <translation>{0} の画像</translation>
    </message>
    <message>
        <source>PPL distance: squared Inception-v3 pool3 feature distance, NOT the published VGG16 LPIPS (which cannot ship): compare only with other `ganstudio eval` PPLs</source>
        <translation>PPL の距離: Inception-v3 pool3 特徴の距離の 2 乗で、論文の VGG16 LPIPS (同梱できません) ではありません。ほかの `ganstudio eval` の PPL とだけ比べてください</translation>
    </message>
    <message>
        <source>FID from fewer than 2,048 reference images is biased upward a lot: compare it only with FIDs of the same counts</source>
        <translation>比較する画像が 2,048 枚未満の FID は大きく上に偏ります。同じ枚数の FID とだけ比べてください</translation>
    </message>
    <message>
        <source>IS class probabilities: GAN Studio&apos;s Fashion-MNIST classifier (10 classes), NOT ImageNet Inception (the shipped network has no classification head)</source>
        <translation>IS のクラス確率: GAN Studio の Fashion-MNIST 分類器 (10 クラス) によるもので、ImageNet の Inception ではありません (同梱のネットワークには分類の出力層がありません)</translation>
    </message>
    <message>
        <source>{0} generated vs {1} {2}</source>
        <translation>生成 {0} 枚 対 {1} 枚の{2}</translation>
    </message>
    <message>
        <source>Inception-v3 pool3, {0}, bilinear resize to 299</source>
        <translation>Inception-v3 pool3、{0}、299 へバイリニア拡大</translation>
    </message>
    <message>
        <source>Inception-v3 pool3, cubic polynomial kernel, {0} subsets of {1}, {2}</source>
        <translation>Inception-v3 pool3、3 次多項式カーネル、{1} 枚の部分集合 {0} 個、{2}</translation>
    </message>
    <message>
        <source>k={0} nearest-neighbour manifolds in Inception-v3 pool3, {1}</source>
        <translation>Inception-v3 pool3 での k={0} 最近傍多様体、{1}</translation>
    </message>
    <message>
        <source>{0} images, {1} splits, Fashion-MNIST classifier&apos;s 10 classes, not ImageNet Inception</source>
        <translation>{0} 枚、{1} 分割、Fashion-MNIST 分類器の 10 クラス (ImageNet の Inception ではありません)</translation>
    </message>
    <message>
        <source>W space, full paths, eps {0}, {1} pairs, 1st-99th percentile, squared Inception-v3 pool3 distance instead of VGG16 LPIPS</source>
        <translation>W 空間、経路全体、eps {0}、{1} 組、1〜99 パーセンタイル、VGG16 LPIPS の代わりに Inception-v3 pool3 距離の 2 乗</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>`ganstudio export`: the Explorer&apos;s exports from the command line.

    ganstudio export CKPT --grid 8x8 --seed 0 --psi 0.7 --out grid.png
    ganstudio export CKPT --interp 1,2,3 --frames 24 --mode slerp --space w --out walk.gif
    ganstudio export CKPT --mix 1,2,3x10,11,12 --styles coarse --out mix.png
    ganstudio export CKPT --sweep pca0 --steps 9 --seed 4 --out sweep.webp
    ganstudio export CKPT --directions dirs.json --sweep &quot;more like Ankle boot&quot; --out boot.gif
    ganstudio export --from grid.json --out again.png
    ganstudio export --from grid.png --out again.png
    ganstudio export CKPT --samples 1000 --out samples.npy
    ganstudio export stylegan2-ffhq.pkl --grid 4x4 --psi 0.7 --out ffhq.png
    ganstudio export cifar10.pkl --grid 2x8 --class 3 --out cats.png
    ganstudio export network-snapshot.pkl --convert model.pt
    ganstudio export stylegan3-t.pkl --seed 7 --translate 16,0 --rotate 30 --untransform --out moved.png
    ganstudio export stylegan3-t.pkl --motion 0,0,1 --frames 48 --seed 7 --out turn.gif

CKPT is a GAN Studio checkpoint (.pt), a run directory, or an official StyleGAN2-ADA /
StyleGAN3 network pickle (.pkl; read without running code from it, see the README).

Opening the model and rendering show a progress line with the time left on stderr.  Ctrl-C
stops an export cleanly: the output file is only ever written complete (exit status 130).
</source>
        <translation>`ganstudio export`: エクスプローラーの書き出しをコマンドラインから行います。

    ganstudio export CKPT --grid 8x8 --seed 0 --psi 0.7 --out grid.png
    ganstudio export CKPT --interp 1,2,3 --frames 24 --mode slerp --space w --out walk.gif
    ganstudio export CKPT --mix 1,2,3x10,11,12 --styles coarse --out mix.png
    ganstudio export CKPT --sweep pca0 --steps 9 --seed 4 --out sweep.webp
    ganstudio export CKPT --directions dirs.json --sweep &quot;more like Ankle boot&quot; --out boot.gif
    ganstudio export --from grid.json --out again.png
    ganstudio export --from grid.png --out again.png
    ganstudio export CKPT --samples 1000 --out samples.npy
    ganstudio export stylegan2-ffhq.pkl --grid 4x4 --psi 0.7 --out ffhq.png
    ganstudio export cifar10.pkl --grid 2x8 --class 3 --out cats.png
    ganstudio export network-snapshot.pkl --convert model.pt
    ganstudio export stylegan3-t.pkl --seed 7 --translate 16,0 --rotate 30 --untransform --out moved.png
    ganstudio export stylegan3-t.pkl --motion 0,0,1 --frames 48 --seed 7 --out turn.gif

CKPT は GAN Studio のチェックポイント (.pt)、実行フォルダー、または公式の
StyleGAN2-ADA / StyleGAN3 ネットワーク pickle (.pkl。中のコードを実行せずに読
みます。README を参照) です。

モデルを開くときと描画中は、stderr に残り時間付きの進捗行を出します。Ctrl-C で
書き出しをきれいに止められます: 出力ファイルは必ず完全な形でしか書かれません
(終了ステータス 130)。</translation>
    </message>
    <message>
        <source>--grid takes ROWSxCOLS, e.g. 8x8; got {0!r}</source>
        <translation>--grid には 行x列 を指定します (例: 8x8。指定値: {0!r})</translation>
    </message>
    <message>
        <source>--grid {0}: rows and columns must be 1..64</source>
        <translation>--grid {0}: 行と列は 1..64 にしてください</translation>
    </message>
    <message>
        <source>{0} takes two values like {1}; got {2!r}</source>
        <translation>{0} には {1} のように 2 つの値を指定します (指定値: {2!r})</translation>
    </message>
    <message>
        <source>grids, interpolations, style-mix grids, sweeps, latents</source>
        <translation>グリッド、補間、スタイル混合のグリッド、スイープ、潜在ベクトル</translation>
    </message>
    <message>
        <source>checkpoint file or run directory (newest checkpoint)</source>
        <translation>チェックポイントファイルまたは実行フォルダー (最新のチェックポイント)</translation>
    </message>
    <message>
        <source>what to export (one of)</source>
        <translation>書き出す内容 (いずれか 1 つ)</translation>
    </message>
    <message>
        <source>a grid of images from seeds --seed, --seed+1, ...</source>
        <translation>シード --seed, --seed+1, ... の画像のグリッド</translation>
    </message>
    <message>
        <source>interpolate through seeds A,B[,C..]</source>
        <translation>シード A,B[,C..] を通る補間</translation>
    </message>
    <message>
        <source>style-mixing grid: row seeds x column seeds, e.g. 1,2x5,6</source>
        <translation>スタイル混合のグリッド: 行のシード x 列のシード (例: 1,2x5,6)</translation>
    </message>
    <message>
        <source>sweep a z dimension or a w direction (NAME: one from --directions)</source>
        <translation>z の 1 次元または w の方向に沿ったスイープ (NAME: --directions の中の 1 つ)</translation>
    </message>
    <message>
        <source>StyleGAN3: an animation of --seed over --frames frames whose input moves DX, DY pixels and turns TURNS full turns in all</source>
        <translation>StyleGAN3: --seed の画像を --frames フレームにわたって動かすアニメーション。入力は全体で DX, DY ピクセル移動し、TURNS 回転します</translation>
    </message>
    <message>
        <source>reproduce an export from its sidecar, or from a PNG GAN Studio wrote (every such PNG carries how it was made)</source>
        <translation>サイドカー、または GAN Studio が書いた PNG から書き出しを再現します (その PNG にはすべて作り方が記録されています)</translation>
    </message>
    <message>
        <source>N samples as a .npy array (training engine)</source>
        <translation>N 個のサンプルを .npy 配列で (訓練エンジン)</translation>
    </message>
    <message>
        <source>write the model as a GAN Studio checkpoint (e.g. an official .pkl)</source>
        <translation>モデルを GAN Studio のチェックポイントとして書き出します (公式の .pkl など)</translation>
    </message>
    <message>
        <source>output file: .png, or .gif/.webp/.mp4 for interpolations and sweeps</source>
        <translation>出力ファイル: .png、補間とスイープでは .gif/.webp/.mp4 も</translation>
    </message>
    <message>
        <source>first seed (grid) or base seed (sweep); default 0</source>
        <translation>最初のシード (グリッド) または基準のシード (スイープ)。既定 0</translation>
    </message>
    <message>
        <source>truncation psi (1 = none)</source>
        <translation>切り捨て ψ (1 = なし)</translation>
    </message>
    <message>
        <source>truncate only the first CUTOFF ws rows</source>
        <translation>ws の先頭 CUTOFF 行だけを切り捨ての対象にします</translation>
    </message>
    <message>
        <source>class-conditional models: render class K (default 0)</source>
        <translation>クラス条件付きモデル: クラス K を描画 (既定 0)</translation>
    </message>
    <message>
        <source>noise inputs (StyleGAN)</source>
        <translation>ノイズ入力 (StyleGAN)</translation>
    </message>
    <message>
        <source>seed of random noise</source>
        <translation>ランダムノイズのシード</translation>
    </message>
    <message>
        <source>interpolation frames (default 16)</source>
        <translation>補間のフレーム数 (既定 16)</translation>
    </message>
    <message>
        <source>interpolation mode</source>
        <translation>補間の方法</translation>
    </message>
    <message>
        <source>interpolate in z or in w</source>
        <translation>z と w のどちらで補間するか</translation>
    </message>
    <message>
        <source>animation frame rate</source>
        <translation>アニメーションのフレームレート</translation>
    </message>
    <message>
        <source>mixing: coarse|middle|fine or resolutions like 4,8</source>
        <translation>混合: coarse|middle|fine (粗い / 中間 / 細かい) または 4,8 のような解像度</translation>
    </message>
    <message>
        <source>sweep steps (default 7)</source>
        <translation>スイープの段数 (既定 7)</translation>
    </message>
    <message>
        <source>sweep range LO,HI (default -3,3)</source>
        <translation>スイープの範囲 LO,HI (既定 -3,3)</translation>
    </message>
    <message>
        <source>named directions exported by the Explorer (Latent &gt; Directions &gt; Export) for --sweep NAME</source>
        <translation>--sweep NAME に使う、エクスプローラーで書き出した名前付きの方向 (潜在 &gt; 方向 &gt; 書き出し)</translation>
    </message>
    <message>
        <source>sweep of a direction: ws rows START:END</source>
        <translation>方向のスイープ: ws の行 START:END</translation>
    </message>
    <message>
        <source>StyleGAN3: move the input (and so the picture) by DX, DY pixels: right, down</source>
        <translation>StyleGAN3: 入力 (つまり画像) を DX, DY ピクセル動かします: 右、下</translation>
    </message>
    <message>
        <source>StyleGAN3: turn the input by DEG degrees, counter-clockwise</source>
        <translation>StyleGAN3: 入力を反時計回りに DEG 度回転します</translation>
    </message>
    <message>
        <source>StyleGAN3: resample the output back by the inverse of --translate / --rotate (an equivariant model then looks unmoved)</source>
        <translation>StyleGAN3: 出力を --translate / --rotate の逆変換で再標本化して戻します (同変なモデルなら動いていないように見えます)</translation>
    </message>
    <message>
        <source>pixels between tiles</source>
        <translation>タイル間のピクセル数</translation>
    </message>
    <message>
        <source>nearest-neighbour upscale factor</source>
        <translation>最近傍補間による拡大倍率</translation>
    </message>
    <message>
        <source>also write the rendered latents (.npy)</source>
        <translation>描画した潜在ベクトルも書き出します (.npy)</translation>
    </message>
    <message>
        <source>also write a JSON sidecar (reproducible with --from)</source>
        <translation>JSON のサイドカーも書き出します (--from で再現可能)</translation>
    </message>
    <message>
        <source>auto (default: the GPU when there is one, else the CPU), cpu or cuda</source>
        <translation>auto (既定: GPU があれば GPU、なければ CPU)、cpu、cuda</translation>
    </message>
    <message>
        <source>images per forward pass (default: as many as fit ~1 GB of activations)</source>
        <translation>1 回の順伝播で描く画像数 (既定: 活性化が約 1 GB に収まるだけ)</translation>
    </message>
    <message>
        <source>no progress line on stderr</source>
        <translation>stderr に進捗行を出しません</translation>
    </message>
    <message>
        <source>choose one of --grid, --interp, --mix, --sweep, --motion, --from, --samples, --convert (got {0})</source>
        <translation>--grid, --interp, --mix, --sweep, --motion, --from, --samples, --convert から 1 つだけ選んでください (指定: {0})</translation>
    </message>
    <message>
        <source>name a checkpoint or run directory: ganstudio export CHECKPOINT ...</source>
        <translation>チェックポイントか実行フォルダーを指定してください: ganstudio export CHECKPOINT ...</translation>
    </message>
    <message>
        <source>--directions names the directions of --sweep NAME; add --sweep</source>
        <translation>--directions は --sweep NAME の方向を指定するものです。--sweep を加えてください</translation>
    </message>
    <message>
        <source>--convert writes a GAN Studio checkpoint: give a .pt file, not {0!r}</source>
        <translation>--convert は GAN Studio のチェックポイントを書き出します: {0!r} ではなく .pt ファイルを指定してください</translation>
    </message>
    <message>
        <source>--class must be &gt;= 0</source>
        <translation>--class は 0 以上にしてください</translation>
    </message>
    <message>
        <source>--out is required (e.g. --out grid.png)</source>
        <translation>--out が必要です (例: --out grid.png)</translation>
    </message>
    <message>
        <source>--frames must be 2..1000</source>
        <translation>--frames は 2..1000 にしてください</translation>
    </message>
    <message>
        <source>--steps must be 2..1000</source>
        <translation>--steps は 2..1000 にしてください</translation>
    </message>
    <message>
        <source>--upscale must be 1..32 and --padding &gt;= 0</source>
        <translation>--upscale は 1..32、--padding は 0 以上にしてください</translation>
    </message>
    <message>
        <source>--fps must be &gt; 0</source>
        <translation>--fps は 0 より大きくしてください</translation>
    </message>
    <message>
        <source>--seed must be in 0..4294967295</source>
        <translation>--seed は 0..4294967295 にしてください</translation>
    </message>
    <message>
        <source>--chunk must be 1..65536 (images per forward pass)</source>
        <translation>--chunk は 1..65536 にしてください (1 回の順伝播で描く画像数)</translation>
    </message>
    <message>
        <source>Opening {0}</source>
        <translation>{0} を開いています</translation>
    </message>
    <message>
        <source>Exporting {0}</source>
        <translation>{0} を書き出しています</translation>
    </message>
    <message>
        <source>ganstudio export: interrupted; {0} was not written</source>
        <translation>ganstudio export: 中断しました。{0} は書き出されていません</translation>
    </message>
    <message>
        <source>--directions: named directions live in w; this model has no mapping network</source>
        <translation>--directions: 名前付きの方向は w の中にありますが、このモデルにはマッピングネットワークがありません</translation>
    </message>
    <message>
        <source>--class {0}: this model has classes 0..{1}</source>
        <translation>--class {0}: このモデルのクラスは 0..{1} です</translation>
    </message>
    <message>
        <source>--class {0}: this model is not class-conditional</source>
        <translation>--class {0}: このモデルはクラス条件付きではありません</translation>
    </message>
    <message>
        <source>--cutoff needs a StyleGAN model and a value 1..num_ws</source>
        <translation>--cutoff には StyleGAN のモデルと 1..num_ws の値が必要です</translation>
    </message>
    <message>
        <source>--seed is too large for this grid</source>
        <translation>このグリッドには --seed が大きすぎます</translation>
    </message>
    <message>
        <source>--mix takes ROWSEEDSxCOLSEEDS, e.g. 1,2,3x10,11; got {0!r}</source>
        <translation>--mix には 行のシードx列のシード を指定します (例: 1,2,3x10,11。指定値: {0!r})</translation>
    </message>
    <message>
        <source>--layers takes START:END with 0 &lt;= START &lt; END &lt;= num_ws (StyleGAN only)</source>
        <translation>--layers には 0 &lt;= START &lt; END &lt;= num_ws となる START:END を指定します (StyleGAN のみ)</translation>
    </message>
    <message>
        <source>--styles takes coarse, middle, fine or resolutions like 4,8; got {0!r}</source>
        <translation>--styles には coarse、middle、fine か、4,8 のような解像度を指定してください。指定値: {0!r}</translation>
    </message>
    <message>
        <source>--styles: this model has blocks at {0}, not {1}</source>
        <translation>--styles: このモデルのブロックは {0} にあり、{1} にはありません</translation>
    </message>
    <message>
        <source>--sweep {0}: z has dimensions 0..{1}</source>
        <translation>--sweep {0}: z の次元は 0..{1} です</translation>
    </message>
    <message>
        <source>--sweep takes a z dimension (5), pcaK, sefaK or a name from --directions ({0}); got {1!r}</source>
        <translation>--sweep には z の次元 (5)、pcaK、sefaK か、--directions の名前 ({0}) を指定してください。指定値: {1!r}</translation>
    </message>
    <message>
        <source>--sweep takes a z dimension (5), pcaK, sefaK or, with --directions FILE, a named direction; got {0!r}</source>
        <translation>--sweep には z の次元 (5)、pcaK、sefaK か、--directions FILE と一緒に名前付きの方向を指定してください。指定値: {0!r}</translation>
    </message>
    <message>
        <source>{0} directions live in w; this {1} model has no mapping network</source>
        <translation>{0} の方向は w の中にあります。この {1} モデルにはマッピングネットワークがありません</translation>
    </message>
    <message>
        <source>--sweep {0}: only {1} directions exist</source>
        <translation>--sweep {0}: 方向は {1} 個しかありません</translation>
    </message>
    <message>
        <source>{0} takes {1} numbers like {2}; got {3!r}</source>
        <translation>{0} には {2} のように {1} 個の数を指定します (指定値: {3!r})</translation>
    </message>
    <message>
        <source>{0} needs a StyleGAN3 model (its input is Fourier features that can move); this is a {1} model</source>
        <translation>{0} には StyleGAN3 のモデルが必要です (入力が動かせるフーリエ特徴のため)。これは {1} のモデルです</translation>
    </message>
    <message>
        <source>wrote {0} (GAN Studio checkpoint: {1} {2}x{2})</source>
        <translation>{0} を書き出しました (GAN Studio のチェックポイント: {1} {2}x{2})</translation>
    </message>
    <message>
        <source>--samples must be &gt;= 1</source>
        <translation>--samples は 1 以上にしてください</translation>
    </message>
    <message>
        <source>--samples writes a NumPy array: give --out FILE.npy</source>
        <translation>--samples は NumPy 配列を書き出します: --out FILE.npy を指定してください</translation>
    </message>
    <message>
        <source>wrote {0} ({1} samples)</source>
        <translation>{0} を書き出しました ({1} サンプル)</translation>
    </message>
</context>
<context>
    <name>precision</name>
    <message>
        <source>{0} mixed precision</source>
        <translation>{0} 混合精度</translation>
    </message>
    <message>
        <source>bf16 mixed precision on {0}</source>
        <translation>{0} による bf16 混合精度</translation>
    </message>
    <message>
        <source>this CPU has no bf16 arithmetic (AVX512-BF16 or AMX): float32 is faster here</source>
        <translation>この CPU には bf16 の演算命令 (AVX512-BF16 または AMX) がないため、より速い float32 で訓練します</translation>
    </message>
</context>
<context>
    <name>project</name>
    <message>
        <source>`ganstudio project`: find the latents of your own pictures (GAN inversion).

    ganstudio project MODEL photo.png --out projected/
    ganstudio project MODEL pictures/ more.jpg --space w --steps 300 --out projected/ --video

MODEL is a GAN Studio checkpoint (.pt), a run directory, or an official StyleGAN2-ADA /
StyleGAN3 network pickle (.pkl).  For each image (folders: every image in them) it writes,
in --out:

    NAME.npy          the latent: w [w_dim], w+ [num_ws, w_dim], or z for a model without a
                      mapping network (DCGAN, MLP)
    NAME.png          the target and its reconstruction side by side
    NAME.json         a sidecar: `ganstudio export MODEL --from NAME.json --out X.png` renders
                      the reconstruction pixel for pixel
    NAME.mp4 / .gif   with --video: the optimisation, step by step

The picture is cropped to its centre square (or --crop&apos;s box), resized to the model&apos;s size and
converted to its channels; transparent pixels go on --background.  The distance is the model&apos;s
own discriminator features when the file holds a discriminator (GAN Studio checkpoints do),
else multi-scale SSIM with an L1 pixel term; --distance chooses.  A picture that cannot be read
is reported and skipped, the others are still projected (exit status 1 if any was skipped).
</source>
        <translation>`ganstudio project`: 自分の画像の潜在ベクトルを探します (GAN インバージョン)。

    ganstudio project MODEL photo.png --out projected/
    ganstudio project MODEL pictures/ more.jpg --space w --steps 300 --out projected/ --video

MODEL は GAN Studio のチェックポイント (.pt)、実行フォルダー、または公式の
StyleGAN2-ADA / StyleGAN3 ネットワーク pickle (.pkl) です。画像ごとに (フォル
ダーならその中のすべての画像)、--out に次を書き出します:

    NAME.npy          潜在ベクトル: w [w_dim]、w+ [num_ws, w_dim]、または
                      マッピングネットワークのないモデル (DCGAN、MLP) では z
    NAME.png          目標の画像と再構成を並べたもの
    NAME.json         サイドカー: 次のコマンドで再構成をピクセル単位で再現
                      `ganstudio export MODEL --from NAME.json --out X.png`
    NAME.mp4 / .gif   --video 指定時: 最適化の過程をステップごとに

画像は中央の正方形 (または --crop の範囲) に切り抜かれ、モデルの大きさに縮小さ
れ、モデルのチャンネル数に変換されます。透明なピクセルは --background の上に重
ねます。距離は、ファイルに識別器がある場合 (GAN Studio のチェックポイントには
あります) はモデル自身の識別器の特徴、なければマルチスケール SSIM に L1 のピク
セル項を加えたものです。--distance で選べます。読めない画像は報告して飛ばし、
残りは射影を続けます (1 枚でも飛ばすと終了ステータス 1)。</translation>
    </message>
    <message>
        <source>{0} takes a whole number, got {1!r}</source>
        <translation>{0} には整数を指定します (指定値: {1!r})</translation>
    </message>
    <message>
        <source>{0} must be {1}..{2}, got {3}</source>
        <translation>{0} は {1}..{2} にしてください (指定値: {3})</translation>
    </message>
    <message>
        <source>{0} takes a number, got {1!r}</source>
        <translation>{0} には数を指定します (指定値: {1!r})</translation>
    </message>
    <message>
        <source>{0} must be a finite number, got {1!r}</source>
        <translation>{0} は有限の数にしてください (指定値: {1!r})</translation>
    </message>
    <message>
        <source>{0} must be greater than {1:g} and at most {2:g}, got {3:g}</source>
        <translation>{0} は {1:g} より大きく {2:g} 以下にしてください (指定値: {3:g})</translation>
    </message>
    <message>
        <source>--crop takes LEFT,TOP,RIGHT,BOTTOM in pixels with LEFT &lt; RIGHT and TOP &lt; BOTTOM, got {0!r}</source>
        <translation>--crop には LEFT &lt; RIGHT かつ TOP &lt; BOTTOM となる LEFT,TOP,RIGHT,BOTTOM をピクセルで指定します (指定値: {0!r})</translation>
    </message>
    <message>
        <source>find the latents of your own pictures (GAN inversion)</source>
        <translation>自分の画像の潜在ベクトルを探します (GAN インバージョン)</translation>
    </message>
    <message>
        <source>checkpoint, run directory or official network pickle</source>
        <translation>チェックポイント、実行フォルダー、または公式のネットワーク pickle</translation>
    </message>
    <message>
        <source>picture files and/or folders of pictures</source>
        <translation>画像ファイルまたは画像のフォルダー (複数可)</translation>
    </message>
    <message>
        <source>folder for the results (created when missing)</source>
        <translation>結果を保存するフォルダー (なければ作成)</translation>
    </message>
    <message>
        <source>w: one w for every layer (edits well); w+: one w per layer (closer). Default w+</source>
        <translation>w: すべての層に 1 つの w (編集しやすい)。w+: 層ごとに 1 つの w (より近い)。既定 w+</translation>
    </message>
    <message>
        <source>optimisation steps (500)</source>
        <translation>最適化のステップ数 (500)</translation>
    </message>
    <message>
        <source>auto: discriminator features when the file holds D, else ssim</source>
        <translation>auto: ファイルに D があれば識別器の特徴、なければ ssim</translation>
    </message>
    <message>
        <source>start at the mean w, or at the best of --candidates random latents</source>
        <translation>平均の w から始めるか、--candidates 個のランダムな潜在ベクトルの中で最良のものから始めるか</translation>
    </message>
    <message>
        <source>peak learning rate (0.1)</source>
        <translation>最大学習率 (0.1)</translation>
    </message>
    <message>
        <source>what transparent pixels are composited on (white)</source>
        <translation>透明なピクセルの下に敷く色 (白)</translation>
    </message>
    <message>
        <source>crop box in the picture&apos;s pixels (default: the centre square)</source>
        <translation>画像のピクセル単位の切り抜き範囲 (既定: 中央の正方形)</translation>
    </message>
    <message>
        <source>the frame of an animated picture to project</source>
        <translation>アニメーション画像の中で射影するフレーム</translation>
    </message>
    <message>
        <source>also write the optimisation as a video (auto: mp4 when available, else gif)</source>
        <translation>最適化の過程も動画で書き出します (auto: 使えれば mp4、なければ gif)</translation>
    </message>
    <message>
        <source>video frame rate (24)</source>
        <translation>動画のフレームレート (24)</translation>
    </message>
    <message>
        <source>nearest-neighbour upscale of the side-by-side PNG</source>
        <translation>並べた PNG の最近傍補間による拡大倍率</translation>
    </message>
    <message>
        <source>auto (the GPU when there is one), cpu or cuda</source>
        <translation>auto (GPU があれば GPU)、cpu、cuda</translation>
    </message>
    <message>
        <source>no progress on stderr</source>
        <translation>stderr に進捗を出しません</translation>
    </message>
    <message>
        <source>{0} holds no pictures</source>
        <translation>{0} には画像がありません</translation>
    </message>
    <message>
        <source>{0} does not exist</source>
        <translation>{0} は存在しません</translation>
    </message>
    <message>
        <source>--video mp4 needs imageio-ffmpeg (pip install &apos;ganstudio[video]&apos;); use --video gif</source>
        <translation>--video mp4 には imageio-ffmpeg が必要です (pip install &apos;ganstudio[video]&apos;)。--video gif を使ってください</translation>
    </message>
    <message>
        <source>ganstudio project: skipped {0}: {1}</source>
        <translation>ganstudio project: {0} を飛ばしました: {1}</translation>
    </message>
    <message>
        <source>ganstudio project: {0} of {1} image(s) projected in {2:.0f} s</source>
        <translation>ganstudio project: {1} 枚中 {0} 枚を {2:.0f} 秒で射影しました</translation>
    </message>
    <message>
        <source>; {0} skipped</source>
        <translation>。{0} 枚を飛ばしました</translation>
    </message>
</context>
<context>
    <name>recipe</name>
    <message>
        <source>expected ROWSxCOLS such as 8x8, got {0!r}</source>
        <translation>8x8 のような 行x列 を指定してください。指定値: {0!r}</translation>
    </message>
    <message>
        <source>missing (one of mlp, dcgan, stylegan, toy)</source>
        <translation>指定がありません (mlp, dcgan, stylegan, toy のいずれか)</translation>
    </message>
    <message>
        <source>{0!r} does not fit model.family {1!r} (toy models train on toy data only)</source>
        <translation>{0!r} は model.family {1!r} に合いません (トイモデルはトイデータでのみ学習します)</translation>
    </message>
    <message>
        <source>drawn points are 2-D, the model makes {0}-D samples</source>
        <translation>描いた点は 2 次元ですが、モデルは {0} 次元のサンプルを生成します</translation>
    </message>
    <message>
        <source>{0} is {1}-D, the model makes {2}-D samples</source>
        <translation>{0} は {1} 次元ですが、モデルは {2} 次元のサンプルを生成します</translation>
    </message>
    <message>
        <source>only applies to model.family stylegan (this model is {0!r}); set it to 0</source>
        <translation>model.family stylegan にのみ使えます (このモデルは {0!r}): 0 にしてください</translation>
    </message>
    <message>
        <source>only applies to model.family stylegan or a toy model with a mapping network (model.mapping_layers &gt; 0) (this model is {0!r}); set it to 0</source>
        <translation>model.family stylegan か、マッピングネットワークを持つトイモデル (model.mapping_layers &gt; 0) にのみ使えます (このモデルは {0!r}): 0 にしてください</translation>
    </message>
    <message>
        <source>augments images only, not kind &apos;toy&apos; data; set it to none</source>
        <translation>拡張できるのは画像だけで、種類 &apos;toy&apos; のデータは拡張できません: none にしてください</translation>
    </message>
    <message>
        <source>Inception metrics need image data; toy runs count modes instead: set it to 0</source>
        <translation>Inception の指標には画像データが必要です。トイの実行では代わりにモードを数えます: 0 にしてください</translation>
    </message>
    <message>
        <source>the Fashion-MNIST classifier&apos;s metrics (classifier features, is) need data.kind fashion_mnist</source>
        <translation>Fashion-MNIST 分類器の指標 (分類器の特徴量、is) には data.kind fashion_mnist が必要です</translation>
    </message>
    <message>
        <source>must be a multiple of train.log_every ({0}), got {1}</source>
        <translation>train.log_every ({0}) の倍数にしてください。指定値: {1}</translation>
    </message>
    <message>
        <source>the schedule starts at step {0}, but the run ends at step {1}: set it below {2}</source>
        <translation>スケジュールはステップ {0} から始まりますが、実行はステップ {1} で終わります: {2} より小さくしてください</translation>
    </message>
    <message>
        <source>must be a multiple of model.pack ({0}), got {1}</source>
        <translation>model.pack ({0}) の倍数にしてください。指定値: {1}</translation>
    </message>
    <message>
        <source>groups the samples of one discriminator batch: at most train.batch / model.pack ({0}), got {1}</source>
        <translation>識別器の 1 バッチのサンプルをまとめる数なので、train.batch / model.pack ({0}) 以下にしてください。指定値: {1}</translation>
    </message>
    <message>
        <source>recipe {0} does not exist</source>
        <translation>レシピ {0} は存在しません</translation>
    </message>
    <message>
        <source>recipe {0} cannot be read: {1}</source>
        <translation>レシピ {0} を読めません: {1}</translation>
    </message>
    <message>
        <source>{0} is not a text file (a recipe is UTF-8 TOML)</source>
        <translation>{0} はテキストファイルではありません (レシピは UTF-8 の TOML です)</translation>
    </message>
    <message>
        <source>{0} is not valid TOML: {1}</source>
        <translation>{0} は正しい TOML ではありません: {1}</translation>
    </message>
    <message>
        <source>expected key=value such as train.steps=100, got {0!r}</source>
        <translation>train.steps=100 のような キー=値 を指定してください。指定値: {0!r}</translation>
    </message>
    <message>
        <source>is a value, not a table</source>
        <translation>値であり、テーブルではありません</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>{0} takes seeds like 1,2,5-8; got {1!r}</source>
        <translation>{0} には 1,2,5-8 のようにシードを指定します (指定値: {1!r})</translation>
    </message>
    <message>
        <source>{0}: seeds must be in 0..4294967295</source>
        <translation>{0}: シードは 0..4294967295 にしてください</translation>
    </message>
</context>
<context>
    <name>threads</name>
    <message>
        <source>1 thread ({0})</source>
        <translation>1 スレッド ({0})</translation>
    </message>
    <message>
        <source>{0} threads ({1})</source>
        <translation>{0} スレッド ({1})</translation>
    </message>
    <message>
        <source>{0} of {1} cores (from the load average)</source>
        <translation>{1} コア中 {0} (ロードアベレージから)</translation>
    </message>
    <message>
        <source>{0} of {1} cores (other work keeps {2:.1f} busy)</source>
        <translation>{1} コア中 {0} (他の処理が {2:.1f} コアを使用中)</translation>
    </message>
    <message>
        <source>{0} of {1} cores (all free)</source>
        <translation>{1} コア中 {0} (すべて空き)</translation>
    </message>
    <message>
        <source>toy MLP</source>
        <translation>トイ MLP</translation>
    </message>
</context>
<context>
    <name>train</name>
    <message>
        <source>train a GAN from a recipe (TOML) without the GUI</source>
        <translation>GUI なしでレシピ (TOML) から GAN を訓練します</translation>
    </message>
    <message>
        <source>Train a GAN from a recipe file. Progress goes to stderr; Ctrl-C stops with a checkpoint.</source>
        <translation>レシピファイルから GAN を訓練します。進捗は stderr に出ます。Ctrl-C でチェックポイントを書き出して停止します。</translation>
    </message>
    <message>
        <source>recipe file (training/*.toml) or a run directory&apos;s recipe.toml</source>
        <translation>レシピファイル (training/*.toml) または実行フォルダーの recipe.toml</translation>
    </message>
    <message>
        <source>run directory (default runs/&lt;recipe&gt;-&lt;time&gt;)</source>
        <translation>実行フォルダー (既定 runs/&lt;recipe&gt;-&lt;time&gt;)</translation>
    </message>
    <message>
        <source>total steps (overrides train.steps)</source>
        <translation>総ステップ数 (train.steps を上書き)</translation>
    </message>
    <message>
        <source>overrides train.device</source>
        <translation>train.device を上書きします</translation>
    </message>
    <message>
        <source>override a recipe value, e.g. --set optim.lr_g=1e-4 (repeatable)</source>
        <translation>レシピの値を上書きします (例: --set optim.lr_g=1e-4、複数指定可)</translation>
    </message>
    <message>
        <source>continue the run in --out from its latest checkpoint (a StyleGAN may go on wider: raise model.channel_base and model.channel_max with --set)</source>
        <translation>--out の学習を最新のチェックポイントから続けます (StyleGAN は --set で model.channel_base と model.channel_max を上げると、広げて続けられます)</translation>
    </message>
    <message>
        <source>no progress bar</source>
        <translation>進捗バーを出しません</translation>
    </message>
    <message>
        <source>under torchrun: how long a process waits for the others before it gives up (default 600)</source>
        <translation>torchrun 使用時: プロセスが他のプロセスを待つ秒数 (既定 600)</translation>
    </message>
    <message>
        <source>{0}: CPU threads: {1}</source>
        <translation>{0}: CPU スレッド: {1}</translation>
    </message>
    <message>
        <source>{0}: stopped at step {1}</source>
        <translation>{0}: ステップ {1} で停止しました</translation>
    </message>
    <message>
        <source>{0}: done at step {1}</source>
        <translation>{0}: ステップ {1} で完了しました</translation>
    </message>
    <message>
        <source>--steps must be &gt; 0, got {0}</source>
        <translation>--steps は 0 より大きくしてください (指定値: {0})</translation>
    </message>
    <message>
        <source>{0} has no recipe.toml</source>
        <translation>{0} に recipe.toml がありません</translation>
    </message>
    <message>
        <source>recipe {0} does not exist</source>
        <translation>レシピ {0} は存在しません</translation>
    </message>
    <message>
        <source>{0}: stopping after this step and writing a checkpoint (Ctrl-C again to abort)</source>
        <translation>{0}: このステップの後で停止し、チェックポイントを書き出します (もう一度 Ctrl-C で中止)</translation>
    </message>
    <message>
        <source>{0}: stopped: torchrun ended this process (another one failed or was stopped)</source>
        <translation>{0}: 停止しました: torchrun がこのプロセスを終了しました (別のプロセスが失敗したか停止しました)</translation>
    </message>
    <message>
        <source>--resume needs --out DIR (the run directory to continue)</source>
        <translation>--resume には --out DIR (続ける実行フォルダー) が必要です</translation>
    </message>
    <message>
        <source>, {0} processes</source>
        <translation>、{0} プロセス</translation>
    </message>
    <message>
        <source>{0}: {1} -&gt; {2} ({3}{4}, step {5}/{6})</source>
        <translation>{0}: {1} -&gt; {2} ({3}{4}、ステップ {5}/{6})</translation>
    </message>
    <message>
        <source>{0}: computes in {1}</source>
        <translation>{0}: 計算精度: {1}</translation>
    </message>
    <message>
        <source>--samples must be &gt; 0, got {0}</source>
        <translation>--samples は 0 より大きくしてください (指定値: {0})</translation>
    </message>
    <message>
        <source>widens the checkpoint&apos;s networks, {0}: the generator makes the same images; the new channels start untrained</source>
        <translation>チェックポイントのネットワークを広げます ({0})。生成器は同じ画像を作り、新しいチャンネルは未学習から始まります</translation>
    </message>
    <message>
        <source>Adam&apos;s betas are now the recipe&apos;s ({0[0]:g}, {0[1]:g}; the checkpoint trained with {1[0]:g}, {1[1]:g})</source>
        <translation>Adam の beta はレシピの値 ({0[0]:g}, {0[1]:g}) になります (チェックポイントは {1[0]:g}, {1[1]:g} で学習しました)</translation>
    </message>
    <message>
        <source>the learning rates go on at {0[0]:.3g} (G) and {0[1]:.3g} (D), where the checkpoint&apos;s own schedule was at {1[0]:.3g} and {1[1]:.3g}</source>
        <translation>学習率は G {0[0]:.3g}、D {0[1]:.3g} で続きます (チェックポイント自身のスケジュールでは {1[0]:.3g} と {1[1]:.3g} でした)</translation>
    </message>
    <message>
        <source>optim.lr_decay is now the recipe&apos;s {0} (the checkpoint trained with {1})</source>
        <translation>optim.lr_decay はレシピの値 {0} になります (チェックポイントは {1} で学習しました)</translation>
    </message>
    <message>
        <source>optim.{0} is now the recipe&apos;s {1:g} (the checkpoint trained at {2:g})</source>
        <translation>optim.{0} はレシピの値 {1:g} になります (チェックポイントは {2:g} で学習しました)</translation>
    </message>
</context>
</TS>
