<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>activation_memory</name>
    <message>
        <source>the activation budget must be positive, got {0} bytes</source>
        <translation>活性化に使うメモリの上限は正の値でなければなりません ({0} バイトが指定されました)</translation>
    </message>
</context>
<context>
    <name>boundary</name>
    <message>
        <source>samples must be [N, D], got shape {0}</source>
        <translation>サンプルは [N, D] の形でなければなりません (形 {0} が指定されました)</translation>
    </message>
    <message>
        <source>{0} samples but {1} labels</source>
        <translation>サンプルが {0} 個なのにラベルが {1} 個です</translation>
    </message>
    <message>
        <source>the samples contain NaN or inf</source>
        <translation>サンプルに NaN または inf が含まれています</translation>
    </message>
    <message>
        <source>a boundary needs at least {0} samples on each side (got {1} with the attribute, {2} without)</source>
        <translation>境界には両側にそれぞれ {0} 個以上のサンプルが必要です (属性ありが {1} 個、なしが {2} 個でした)</translation>
    </message>
    <message>
        <source>method must be one of {0}, got {1!r}</source>
        <translation>方法は {0} のいずれかでなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>l2 must be a positive number, got {0}</source>
        <translation>l2 は正の数でなければなりません ({0} が指定されました)</translation>
    </message>
    <message>
        <source>the labels do not separate along any direction of w (the fit is flat)</source>
        <translation>ラベルは w のどの方向にも分かれません (当てはめた結果が平らです)</translation>
    </message>
    <message>
        <source>the held-out share must be in [0, 1), got {0}</source>
        <translation>検証用データの割合は [0, 1) の範囲でなければなりません ({0} が指定されました)</translation>
    </message>
    <message>
        <source>the direction lies within the span of the directions it should be independent of: nothing is left</source>
        <translation>方向は、独立にすべき方向たちが張る空間の中にあります: 何も残りません</translation>
    </message>
    <message>
        <source>vectors must be [K, D], got shape {0}</source>
        <translation>ベクトルは [K, D] の形でなければなりません (形 {0} が指定されました)</translation>
    </message>
</context>
<context>
    <name>checkpoint</name>
    <message>
        <source>{0} holds no discriminator</source>
        <translation>{0} には識別器がありません</translation>
    </message>
    <message>
        <source>official {0} network pickle ({1})</source>
        <translation>公式 {0} ネットワーク pickle ({1})</translation>
    </message>
    <message>
        <source>{0}: the {1} weights are not a state dict</source>
        <translation>{0}: {1} の重みが state dict ではありません</translation>
    </message>
    <message>
        <source>missing {0}</source>
        <translation>{0} がありません</translation>
    </message>
    <message>
        <source>unexpected {0}</source>
        <translation>想定外の {0}</translation>
    </message>
    <message>
        <source>{0}: the {1} weights do not fit the model config: {2}</source>
        <translation>{0}: {1} の重みがモデル設定に合いません: {2}</translation>
    </message>
    <message>
        <source>{0}: the {1} weight {2} is not a tensor</source>
        <translation>{0}: {1} の重み {2} がテンソルではありません</translation>
    </message>
    <message>
        <source>{0}: the {1} weight {2} has shape {3}, the model config needs {4}</source>
        <translation>{0}: {1} の重み {2} の形は {3} ですが、モデル設定では {4} が必要です</translation>
    </message>
    <message>
        <source>{0}: the {1} weight {2} is a {3} {4} tensor, the model needs {5}</source>
        <translation>{0}: {1} の重み {2} は {3} {4} のテンソルですが、モデルには {5} が必要です</translation>
    </message>
    <message>
        <source>{0}: the {1} weight {2} contains NaN or inf</source>
        <translation>{0}: {1} の重み {2} に NaN または inf が含まれています</translation>
    </message>
    <message>
        <source>{0} is a directory with no checkpoint in it</source>
        <translation>{0} はチェックポイントを含まないフォルダーです</translation>
    </message>
    <message>
        <source>{0} does not exist</source>
        <translation>{0} は存在しません</translation>
    </message>
    <message>
        <source>{0} is a directory, not a checkpoint</source>
        <translation>{0} はフォルダーで、チェックポイントではありません</translation>
    </message>
    <message>
        <source>{0} cannot be read: permission denied</source>
        <translation>{0} を読み込めません: アクセス権がありません</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} を読み込めません: {1}</translation>
    </message>
    <message>
        <source>{0} cannot be opened: {1}</source>
        <translation>{0} を開けません: {1}</translation>
    </message>
    <message>
        <source>{0} is empty (0 bytes)</source>
        <translation>{0} は空です (0 バイト)</translation>
    </message>
    <message>
        <source>{0} is not a GAN Studio checkpoint (not a PyTorch archive)</source>
        <translation>{0} は GAN Studio のチェックポイントではありません (PyTorch のアーカイブではありません)</translation>
    </message>
    <message>
        <source>{0} was refused: it holds Python objects that could run code when loaded{1}</source>
        <translation>{0} を拒否しました: 読み込むとコードを実行しうる Python オブジェクトを含んでいます{1}</translation>
    </message>
    <message>
        <source>{0} is damaged (not a valid archive)</source>
        <translation>{0} は壊れています (有効なアーカイブではありません)</translation>
    </message>
    <message>
        <source>{0} is a PyTorch file but not a GAN Studio checkpoint (no &apos;format: ganstudio-checkpoint&apos; marker)</source>
        <translation>{0} は PyTorch のファイルですが、GAN Studio のチェックポイントではありません (&apos;format: ganstudio-checkpoint&apos; の印がありません)</translation>
    </message>
    <message>
        <source>{0} has no valid format version</source>
        <translation>{0} には有効な形式バージョンがありません</translation>
    </message>
    <message>
        <source>{0} uses checkpoint format version {1}; this GAN Studio reads versions up to {2} — please update GAN Studio</source>
        <translation>{0} はチェックポイント形式バージョン {1} を使っています。この GAN Studio が読めるのはバージョン {2} までです — GAN Studio を更新してください</translation>
    </message>
    <message>
        <source>{0} has an unknown checkpoint format version {1}</source>
        <translation>{0} のチェックポイント形式バージョン {1} は不明です</translation>
    </message>
    <message>
        <source>{0} has no model config (family missing)</source>
        <translation>{0} にはモデル設定がありません (family がありません)</translation>
    </message>
    <message>
        <source>{0} holds no generator weights</source>
        <translation>{0} には生成器の重みがありません</translation>
    </message>
    <message>
        <source>{0}: its model config does not build: {1}</source>
        <translation>{0}: モデル設定からモデルを構築できません: {1}</translation>
    </message>
    <message>
        <source>{0}: its step must be a whole number ≥ 0, not {1}</source>
        <translation>{0}: ステップは 0 以上の整数でなければなりません ({1} ではなく)</translation>
    </message>
    <message>
        <source>{0}: its {1} must be a table (dict) or absent, not {2}</source>
        <translation>{0}: {1} はテーブル (dict) であるか、無いかのどちらかでなければなりません ({2} ではなく)</translation>
    </message>
    <message>
        <source>{0}: its w_avg must be a tensor or absent, not {1}</source>
        <translation>{0}: w_avg はテンソルであるか、無いかのどちらかでなければなりません ({1} ではなく)</translation>
    </message>
    <message>
        <source>{0}: the {1} weights do not fit the model config: a weight name is {2}, not text</source>
        <translation>{0}: {1} の重みがモデル設定に合いません: 重みの名前が文字列ではなく {2} です</translation>
    </message>
    <message>
        <source>a {0}-digit number</source>
        <translation>{0} 桁の数</translation>
    </message>
    <message>
        <source>a {0}-character text</source>
        <translation>{0} 文字の文字列</translation>
    </message>
    <message>
        <source>a tensor of shape {0}</source>
        <translation>形 {0} のテンソル</translation>
    </message>
    <message>
        <source>a {0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>{0}: this network is not supported: {1}</source>
        <translation>{0}: このネットワークには対応していません: {1}</translation>
    </message>
    <message>
        <source>GAN Studio checkpoints end in {0}; got {1}</source>
        <translation>GAN Studio のチェックポイントの拡張子は {0} です ({1} が指定されました)</translation>
    </message>
</context>
<context>
    <name>checkpoint_io</name>
    <message>
        <source>{0} is truncated or damaged: part of it is missing or was changed after it was saved (an interrupted download or copy?). Download or copy it again</source>
        <translation>{0} は途中で切れているか壊れています: 保存後に一部が失われたか変更されました (ダウンロードやコピーが中断されましたか?)。もう一度ダウンロードまたはコピーしてください</translation>
    </message>
    <message>
        <source>cannot write {0}: {1}; the previous checkpoint is unchanged</source>
        <translation>{0} を書き込めません: {1}。前のチェックポイントは変わっていません</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
</context>
<context>
    <name>drag</name>
    <message>
        <source>drag setting {0}: {1} (got {2!r})</source>
        <translation>ドラッグの設定 {0}: {1} ({2!r} が指定されました)</translation>
    </message>
    <message>
        <source>must be a finite number in {0}{1}, {2}]</source>
        <translation>{0}{1}, {2}] の範囲の有限の数でなければなりません</translation>
    </message>
    <message>
        <source>must be a whole number {0}..{1}</source>
        <translation>{0}..{1} の整数でなければなりません</translation>
    </message>
    <message>
        <source>must be a layer name such as &apos;b16&apos;</source>
        <translation>&apos;b16&apos; のような層の名前でなければなりません</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true か false で指定してください</translation>
    </message>
    <message>
        <source>drag setting rows: this model has {0} rows of w+ (got {1})</source>
        <translation>ドラッグの設定 rows: このモデルの w+ は {0} 行です ({1} が指定されました)</translation>
    </message>
    <message>
        <source>drag setting {0}: at most the image size, {1} px (got {2})</source>
        <translation>ドラッグの設定 {0}: 画像の大きさ {1} px 以下です ({2} が指定されました)</translation>
    </message>
    <message>
        <source>a drag starts from one image, not a {0} request</source>
        <translation>ドラッグは 1 枚の画像から始まります ({0} の要求ではなく)</translation>
    </message>
    <message>
        <source>drag {0}: need a list of (x, y) points, got shape {1}</source>
        <translation>ドラッグの {0}: (x, y) の点の一覧が必要です (形 {1} が指定されました)</translation>
    </message>
    <message>
        <source>drag {0}: at most {1} points (got {2})</source>
        <translation>ドラッグの {0}: 点は {1} 個までです ({2} 個が指定されました)</translation>
    </message>
    <message>
        <source>drag {0}: every point must lie on the image, 0..{1} px</source>
        <translation>ドラッグの {0}: どの点も画像の上 (0..{1} px) になければなりません</translation>
    </message>
    <message>
        <source>drag start: w+ must be finite, shape {0}, got {1}</source>
        <translation>ドラッグの開始点: w+ は形 {0} の有限の値でなければなりません ({1} が指定されました)</translation>
    </message>
    <message>
        <source>drag targets: one per handle ({0} handles, {1} targets)</source>
        <translation>ドラッグの目標: ハンドルごとに 1 つです (ハンドル {0} 個、目標 {1} 個)</translation>
    </message>
    <message>
        <source>drag mask: must be {0} x {0} (the image), got {1}</source>
        <translation>ドラッグのマスク: {0} x {0} (画像の大きさ) でなければなりません ({1} が指定されました)</translation>
    </message>
    <message>
        <source>drag mask: contains NaN or inf</source>
        <translation>ドラッグのマスク: NaN または inf が含まれています</translation>
    </message>
    <message>
        <source>drag mask: marks no pixel that may change (paint the region to move, or clear the mask to let everything change)</source>
        <translation>ドラッグのマスク: 変えてよいピクセルが 1 つもありません (動かす領域を塗るか、マスクを消去してすべてを変えられるようにしてください)</translation>
    </message>
    <message>
        <source>the drag has finished; call result()</source>
        <translation>ドラッグは終わっています。result() を呼んでください</translation>
    </message>
    <message>
        <source>the drag diverged at step {0}; the last good w+ is kept</source>
        <translation>ドラッグはステップ {0} で発散しました。最後の正常な w+ を保持します</translation>
    </message>
</context>
<context>
    <name>drag_features</name>
    <message>
        <source>drag editing moves StyleGAN features: this {0} generator has no mapping network and no w to optimise</source>
        <translation>ドラッグ編集は StyleGAN の特徴を動かします: この {0} 生成器にはマッピングネットワークがなく、最適化する w もありません</translation>
    </message>
    <message>
        <source>drag editing does not know the layers of this {0} synthesis network</source>
        <translation>ドラッグ編集はこの {0} 合成ネットワークの層を知りません</translation>
    </message>
    <message>
        <source>drag editing needs a synthesis network with at least one layer below the image</source>
        <translation>ドラッグ編集には、画像より下に少なくとも 1 つの層を持つ合成ネットワークが必要です</translation>
    </message>
    <message>
        <source>drag setting feature_layer: this model has no layer {0!r} (it has {1})</source>
        <translation>ドラッグの設定 feature_layer: このモデルに層 {0!r} はありません (あるのは {1})</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>{0} frames of {1}x{2}</source>
        <translation>{1}x{2} の {0} フレーム</translation>
    </message>
    <message>
        <source>wrote {0} ({1}){2}</source>
        <translation>{0} を書き出しました ({1}){2}</translation>
    </message>
    <message>
        <source>cannot write {0}: use .png, or .gif / .webp / .mp4 for animations</source>
        <translation>{0} は書き出せません: .png を、アニメーションなら .gif / .webp / .mp4 を使ってください</translation>
    </message>
    <message>
        <source>a {0} is a still image: write it as .png</source>
        <translation>{0} は静止画です: .png で書き出してください</translation>
    </message>
    <message>
        <source>MP4 export needs imageio-ffmpeg (pip install &apos;ganstudio[video]&apos;); GIF and WebP work without it</source>
        <translation>MP4 の書き出しには imageio-ffmpeg が必要です (pip install &apos;ganstudio[video]&apos;)。GIF と WebP はなくても書き出せます</translation>
    </message>
    <message>
        <source>rendering failed: {0}</source>
        <translation>描画に失敗しました: {0}</translation>
    </message>
    <message>
        <source>latents are written as .npy, not {0}</source>
        <translation>潜在ベクトルは {0} ではなく .npy で書き出します</translation>
    </message>
    <message>
        <source>{0} names no checkpoint file; pass the checkpoint: ganstudio export CHECKPOINT --from {0}</source>
        <translation>{0} はチェックポイントのファイルを示していません。チェックポイントを指定してください: ganstudio export CHECKPOINT --from {0}</translation>
    </message>
    <message>
        <source>cannot open the checkpoint {0} was made with: {1}</source>
        <translation>{0} を作ったチェックポイントを開けません: {1}</translation>
    </message>
    <message>
        <source>Pass that checkpoint: ganstudio export CHECKPOINT --from {0}</source>
        <translation>そのチェックポイントを指定してください: ganstudio export CHECKPOINT --from {0}</translation>
    </message>
    <message>
        <source>directions are &apos;pca&apos; or &apos;sefa&apos;, not {0!r}</source>
        <translation>方向は &apos;pca&apos; か &apos;sefa&apos; です ({0!r} ではなく)</translation>
    </message>
</context>
<context>
    <name>image_record</name>
    <message>
        <source>{0} is a {1} image, not a PNG: only PNG images carry how GAN Studio made them</source>
        <translation>{0} は PNG ではなく {1} の画像です: GAN Studio がどう作ったかを記録しているのは PNG 画像だけです</translation>
    </message>
    <message>
        <source>{0} does not exist</source>
        <translation>{0} は存在しません</translation>
    </message>
    <message>
        <source>{0} is not an image GAN Studio can read</source>
        <translation>{0} は GAN Studio が読める画像ではありません</translation>
    </message>
    <message>
        <source>{0} is a damaged PNG file ({1})</source>
        <translation>{0} は壊れた PNG ファイルです ({1})</translation>
    </message>
    <message>
        <source>{0} does not say how it was made: it was not written by GAN Studio, or a program that edited it dropped its metadata</source>
        <translation>{0} にはどう作ったかの記録がありません: GAN Studio が書いたものではないか、編集したプログラムがメタデータを消しました</translation>
    </message>
    <message>
        <source>{0} carries a damaged GAN Studio record and cannot be restored ({1})</source>
        <translation>{0} の GAN Studio の記録は壊れていて、復元できません ({1})</translation>
    </message>
    <message>
        <source>an unnamed model</source>
        <translation>名前のないモデル</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <source>Open that model first, then open the image again.</source>
        <translation>先にそのモデルを開いてから、もう一度画像を開いてください。</translation>
    </message>
    <message>
        <source>{0} was made with {1}, not with {2}. {3}</source>
        <translation>{0} は {2} ではなく {1} で作られました。{3}</translation>
    </message>
</context>
<context>
    <name>imaging</name>
    <message>
        <source>expected an NCHW image batch, got shape {0}</source>
        <translation>NCHW の画像バッチが必要です (形 {0} が指定されました)</translation>
    </message>
    <message>
        <source>expected uint8 pixels, got {0}</source>
        <translation>uint8 のピクセルが必要です ({0} が指定されました)</translation>
    </message>
    <message>
        <source>expected NHWC uint8 images, got {0} {1}</source>
        <translation>NHWC の uint8 画像が必要です ({0} {1} が指定されました)</translation>
    </message>
    <message>
        <source>unsupported animation format {0!r}; use .gif, .webp or .mp4</source>
        <translation>アニメーションの形式 {0!r} には対応していません。.gif、.webp、.mp4 のいずれかを使ってください</translation>
    </message>
    <message>
        <source>an animation needs at least one frame</source>
        <translation>アニメーションには少なくとも 1 フレームが必要です</translation>
    </message>
    <message>
        <source>the frame rate must be &gt; 0</source>
        <translation>フレームレートは 0 より大きくなければなりません</translation>
    </message>
    <message>
        <source>MP4 export needs imageio-ffmpeg (pip install &apos;ganstudio[video]&apos;); GIF and WebP work without it</source>
        <translation>MP4 の書き出しには imageio-ffmpeg が必要です (pip install &apos;ganstudio[video]&apos;)。GIF と WebP はなくても書き出せます</translation>
    </message>
</context>
<context>
    <name>input_transform</name>
    <message>
        <source>{0} must be a number, got {1!r}</source>
        <translation>{0} は数でなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>{0} must be a finite number, got {1!r}</source>
        <translation>{0} は有限の数でなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>{0} must be within ±{1:g}, got {2:g}</source>
        <translation>{0} は ±{1:g} の範囲でなければなりません ({2:g} が指定されました)</translation>
    </message>
    <message>
        <source>motion frames must be a whole number from 2 to 1000, got {0!r}</source>
        <translation>動きのフレーム数は 2 から 1000 の整数でなければなりません ({0!r} が指定されました)</translation>
    </message>
    <message>
        <source>moving and turning the input needs a StyleGAN3 model (its synthesis starts from Fourier features; this one does not)</source>
        <translation>入力を動かしたり回転させたりするには StyleGAN3 のモデルが必要です (その合成はフーリエ特徴から始まりますが、このモデルは違います)</translation>
    </message>
    <message>
        <source>untransforming needs square images, got {0}</source>
        <translation>変換を戻すには正方形の画像が必要です ({0} が指定されました)</translation>
    </message>
</context>
<context>
    <name>latent</name>
    <message>
        <source>seed must be in [0, 2^32), got {0}</source>
        <translation>シードは [0, 2^32) の範囲でなければなりません ({0} が指定されました)</translation>
    </message>
    <message>
        <source>mode must be &apos;lerp&apos; or &apos;slerp&apos;, got {0!r}</source>
        <translation>方式は &apos;lerp&apos; か &apos;slerp&apos; でなければなりません ({0!r} が指定されました)</translation>
    </message>
    <message>
        <source>an interpolation needs at least two points</source>
        <translation>補間には少なくとも 2 つの点が必要です</translation>
    </message>
    <message>
        <source>an interpolation needs at least two frames</source>
        <translation>補間には少なくとも 2 フレームが必要です</translation>
    </message>
    <message>
        <source>expected sources [S, N, num_ws, w_dim], got {0}</source>
        <translation>元の潜在ベクトルは [S, N, num_ws, w_dim] の形が必要です ({0} が指定されました)</translation>
    </message>
    <message>
        <source>rows has {0} entries, ws has {1} rows</source>
        <translation>rows は {0} 個ですが、ws は {1} 行です</translation>
    </message>
    <message>
        <source>a row names source {0}, only {1} given</source>
        <translation>ある行が元 {0} を指していますが、元は {1} 個しかありません</translation>
    </message>
    <message>
        <source>preset must be one of {0}</source>
        <translation>プリセットは {0} のいずれかでなければなりません</translation>
    </message>
    <message>
        <source>a sweep needs at least two steps</source>
        <translation>スイープには少なくとも 2 ステップが必要です</translation>
    </message>
    <message>
        <source>dimension {0} is outside 0..{1}</source>
        <translation>次元 {0} は 0..{1} の範囲外です</translation>
    </message>
    <message>
        <source>PCA directions need a generator with a mapping network</source>
        <translation>主成分分析の方向にはマッピングネットワークを持つ生成器が必要です</translation>
    </message>
    <message>
        <source>SeFa needs style (affine) layers; this generator has none</source>
        <translation>SeFa にはスタイル (アフィン) 層が必要ですが、この生成器にはありません</translation>
    </message>
</context>
<context>
    <name>layer_capture</name>
    <message>
        <source>mode must be one of {0}, got {1!r}</source>
        <translation>表示方式は {0} のいずれかでなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>normalisation must be one of {0}, got {1!r}</source>
        <translation>正規化は {0} のいずれかでなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>tiles must be 1 .. {0}, got {1}</source>
        <translation>タイル数は 1 .. {0} でなければなりません ({1} が指定されました)</translation>
    </message>
    <message>
        <source>channel must be &gt;= 0, got {0}</source>
        <translation>チャンネルは 0 以上でなければなりません ({0} が指定されました)</translation>
    </message>
    <message>
        <source>gain must be a finite number of dB within ±{0:g}, got {1}</source>
        <translation>ゲインは ±{0:g} dB の範囲の有限の数でなければなりません ({1} が指定されました)</translation>
    </message>
    <message>
        <source>the spectrum&apos;s range must be 1 .. 200 dB, got {0}</source>
        <translation>スペクトルの幅は 1 .. 200 dB でなければなりません ({0} が指定されました)</translation>
    </message>
    <message>
        <source>this network has no layer {0!r}; its layers: {1}</source>
        <translation>このネットワークに層 {0!r} はありません。層は次のとおりです: {1}</translation>
    </message>
</context>
<context>
    <name>named_directions</name>
    <message>
        <source>a direction&apos;s name must have 1 to {0} characters, got {1!r}</source>
        <translation>方向の名前は 1 から {0} 文字でなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>direction {0!r} contains NaN or inf</source>
        <translation>方向 {0!r} に NaN または inf が含まれています</translation>
    </message>
    <message>
        <source>direction {0!r} is all zeros</source>
        <translation>方向 {0!r} はすべて 0 です</translation>
    </message>
    <message>
        <source>direction {0!r}: scale must be a positive number, got {1}</source>
        <translation>方向 {0!r}: スケールは正の数でなければなりません ({1} が指定されました)</translation>
    </message>
    <message>
        <source>direction {0!r} has {1} numbers, w has {2}</source>
        <translation>方向 {0!r} の数は {1} 個ですが、w は {2} 個です</translation>
    </message>
    <message>
        <source>{0} is not a GAN Studio directions file</source>
        <translation>{0} は GAN Studio の方向ファイルではありません</translation>
    </message>
    <message>
        <source>{0} has directions format version {1}; this GAN Studio reads version {2}</source>
        <translation>{0} の方向ファイルの形式バージョンは {1} です。この GAN Studio が読めるのはバージョン {2} です</translation>
    </message>
    <message>
        <source>{0} holds directions for w of {1} numbers; this model&apos;s w has {2}</source>
        <translation>{0} は {1} 個の数からなる w の方向を含んでいますが、このモデルの w は {2} 個です</translation>
    </message>
    <message>
        <source>{0} was made for another model{1}, sha256 {2}; the open model is {3}: a direction of one model means nothing in another&apos;s w</source>
        <translation>{0} は別のモデル{1} (sha256 {2}) のために作られました。開いているモデルは {3} です: あるモデルの方向は、別のモデルの w では意味を持ちません</translation>
    </message>
    <message>
        <source>{0} has no list of directions</source>
        <translation>{0} には方向の一覧がありません</translation>
    </message>
    <message>
        <source>its vector has {0} numbers, w has {1}</source>
        <translation>ベクトルの数は {0} 個ですが、w は {1} 個です</translation>
    </message>
    <message>
        <source>{0}: direction {1!r} cannot be used: {2}</source>
        <translation>{0}: 方向 {1!r} は使えません: {2}</translation>
    </message>
    <message>
        <source>{0} names two directions {1!r}</source>
        <translation>{0} には {1!r} という名前の方向が 2 つあります</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} を読み込めません: {1}</translation>
    </message>
    <message>
        <source>{0} is not valid JSON: {1}</source>
        <translation>{0} は正しい JSON ではありません: {1}</translation>
    </message>
    <message>
        <source>samples must be 2..1,000,000, got {0}</source>
        <translation>サンプル数は 2..1,000,000 でなければなりません ({0} が指定されました)</translation>
    </message>
</context>
<context>
    <name>nets</name>
    <message>
        <source>expected a table, got {0}</source>
        <translation>テーブルを指定してください (指定値: {0})</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ありません</translation>
    </message>
    <message>
        <source>unknown family {0!r}</source>
        <translation>不明なファミリー {0!r}</translation>
    </message>
    <message>
        <source>{0}; one of {1}</source>
        <translation>{0}。{1} のいずれかです</translation>
    </message>
    <message>
        <source>must be &gt;= resolution ({0}) so every layer has at least one channel (got {1})</source>
        <translation>どの層にも少なくとも 1 チャンネルあるよう、解像度 ({0}) 以上にしてください (指定値: {1})</translation>
    </message>
    <message>
        <source>num_layers ({0}) must exceed num_critical ({1})</source>
        <translation>num_layers ({0}) は num_critical ({1}) より大きくなければなりません</translation>
    </message>
    <message>
        <source>noise_mode must be one of {0}, got {1!r}</source>
        <translation>noise_mode は {0} のいずれかでなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>a StyleGAN3 generator has no noise inputs; noise_strength must be empty</source>
        <translation>StyleGAN3 の生成器にはノイズ入力がありません。noise_strength は空でなければなりません</translation>
    </message>
    <message>
        <source>StyleGAN3 init kwargs must be a dict, got {0}</source>
        <translation>StyleGAN3 の init kwargs は dict でなければなりません ({0} が指定されました)</translation>
    </message>
    <message>
        <source>StyleGAN3 options given twice (flat and in synthesis_kwargs): {0}</source>
        <translation>StyleGAN3 のオプションが 2 回指定されています (直接と synthesis_kwargs の中): {0}</translation>
    </message>
    <message>
        <source>StyleGAN3 init kwargs lack {0}</source>
        <translation>StyleGAN3 の init kwargs に {0} がありません</translation>
    </message>
    <message>
        <source>unknown StyleGAN3 generator option(s): {0}</source>
        <translation>不明な StyleGAN3 生成器のオプション: {0}</translation>
    </message>
    <message>
        <source>StyleGAN3 option {0} must be a non-negative integer, got {1!r}</source>
        <translation>StyleGAN3 のオプション {0} は 0 以上の整数でなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>a linear G (g_linear) takes z directly: set mapping_layers = 0</source>
        <translation>線形の G (g_linear) は z を直接受け取ります: mapping_layers = 0 にしてください</translation>
    </message>
</context>
<context>
    <name>official</name>
    <message>
        <source>{0} is a pickle but holds no network generator (no G_ema or G; found {1})</source>
        <translation>{0} は pickle ですが、ネットワークの生成器を含んでいません (G_ema も G もありません。あったのは {1})</translation>
    </message>
    <message>
        <source>{0}: its generator is not a network GAN Studio can read ({1})</source>
        <translation>{0}: 生成器が GAN Studio の読めるネットワークではありません ({1})</translation>
    </message>
    <message>
        <source>{0}: its generator is neither a StyleGAN2 nor a StyleGAN3 network</source>
        <translation>{0}: 生成器は StyleGAN2 のネットワークでも StyleGAN3 のネットワークでもありません</translation>
    </message>
    <message>
        <source>{0} was not unpickled: {1}. Nothing from the file was run</source>
        <translation>{0} を unpickle しませんでした: {1}。ファイルの中身は何も実行していません</translation>
    </message>
    <message>
        <source>{0}: {1} is a {2}, not a Generator</source>
        <translation>{0}: {1} は Generator ではなく {2} です</translation>
    </message>
    <message>
        <source>{0}: the weight {1} contains NaN or inf</source>
        <translation>{0}: 重み {1} に NaN または inf が含まれています</translation>
    </message>
    <message>
        <source>the file ends inside a tensor storage</source>
        <translation>ファイルがテンソルのストレージの途中で終わっています</translation>
    </message>
    <message>
        <source>a tensor storage offset is not a non-negative integer</source>
        <translation>テンソルのストレージのオフセットが 0 以上の整数ではありません</translation>
    </message>
    <message>
        <source>a tensor has as many sizes as strides</source>
        <translation>テンソルの大きさとストライドの数が合いません</translation>
    </message>
    <message>
        <source>the pickle ends inside a bytes object</source>
        <translation>pickle が bytes オブジェクトの途中で終わっています</translation>
    </message>
    <message>
        <source>{0} differs between layers ({1}); GAN Studio supports one value per network</source>
        <translation>{0} が層ごとに違います ({1})。GAN Studio が対応しているのはネットワークごとに 1 つの値です</translation>
    </message>
    <message>
        <source>the mapping network has no layers</source>
        <translation>マッピングネットワークに層がありません</translation>
    </message>
    <message>
        <source>mapping activation {0!r} is not supported (only &apos;lrelu&apos;, which every official config uses)</source>
        <translation>マッピングの活性化関数 {0!r} には対応していません (対応しているのは、公式の設定がすべて使っている &apos;lrelu&apos; だけです)</translation>
    </message>
    <message>
        <source>mapping.fc{0} has weight shape {1}; GAN Studio supports embed_features = layer_features = w_dim ({2})</source>
        <translation>mapping.fc{0} の重みの形は {1} です。GAN Studio が対応しているのは embed_features = layer_features = w_dim ({2}) です</translation>
    </message>
    <message>
        <source>mapping.embed has weight shape {0}, expected {1}</source>
        <translation>mapping.embed の重みの形は {0} ですが、{1} が必要です</translation>
    </message>
    <message>
        <source>{0} uses the {1!r} architecture; GAN Studio reads &apos;skip&apos; generators (every official config)</source>
        <translation>{0} は {1!r} の構成を使っています。GAN Studio が読めるのは &apos;skip&apos; の生成器 (公式の設定すべて) です</translation>
    </message>
    <message>
        <source>{0}: only lrelu layers with noise inputs are supported</source>
        <translation>{0}: 対応しているのはノイズ入力のある lrelu の層だけです</translation>
    </message>
    <message>
        <source>block {0} has {1} channels, which channel_base={2} / channel_max={3} do not give</source>
        <translation>ブロック {0} のチャンネル数は {1} ですが、channel_base={2} / channel_max={3} からはその数になりません</translation>
    </message>
    <message>
        <source>{0} is not the standard [1, 3, 3, 1] filter</source>
        <translation>{0} は標準の [1, 3, 3, 1] フィルターではありません</translation>
    </message>
    <message>
        <source>{0} has no sub-network {1!r} (has {2})</source>
        <translation>{0} にサブネットワーク {1!r} はありません (あるのは {2})</translation>
    </message>
    <message>
        <source>a persistent object without a class name</source>
        <translation>クラス名のない永続オブジェクトです</translation>
    </message>
    <message>
        <source>a persistent object of type {0} (only &apos;class&apos; exists)</source>
        <translation>種類 {0} の永続オブジェクトです (&apos;class&apos; しかありません)</translation>
    </message>
    <message>
        <source>the state of {0} is not a dict</source>
        <translation>{0} の状態が dict ではありません</translation>
    </message>
    <message>
        <source>torch.storage._load_from_bytes was given something other than bytes</source>
        <translation>torch.storage._load_from_bytes に bytes 以外のものが渡されました</translation>
    </message>
    <message>
        <source>a tensor storage inside the pickle was refused by torch&apos;s safe loader: {0}</source>
        <translation>pickle の中のテンソルのストレージを torch の安全なローダーが拒否しました: {0}</translation>
    </message>
    <message>
        <source>a tensor storage unpickled to {0}, not a storage</source>
        <translation>テンソルのストレージを unpickle するとストレージではなく {0} になりました</translation>
    </message>
    <message>
        <source>a tensor {0} is not a tuple of non-negative integers</source>
        <translation>テンソルの {0} が 0 以上の整数のタプルではありません</translation>
    </message>
    <message>
        <source>a tensor was to be built from {0}, not a storage</source>
        <translation>テンソルをストレージではなく {0} から作ろうとしています</translation>
    </message>
    <message>
        <source>a tensor does not fit its storage ({0})</source>
        <translation>テンソルがストレージに収まりません ({0})</translation>
    </message>
    <message>
        <source>a parameter was to be built from {0}, not a tensor</source>
        <translation>パラメーターをテンソルではなく {0} から作ろうとしています</translation>
    </message>
    <message>
        <source>numpy.dtype was given something other than a type name</source>
        <translation>numpy.dtype に型の名前以外のものが渡されました</translation>
    </message>
    <message>
        <source>unknown NumPy dtype {0}</source>
        <translation>不明な NumPy の dtype {0}</translation>
    </message>
    <message>
        <source>NumPy dtype {0} is not a plain number type</source>
        <translation>NumPy の dtype {0} は単純な数の型ではありません</translation>
    </message>
    <message>
        <source>a NumPy {0} dtype with an unusual pickled state</source>
        <translation>pickle された状態が普通でない NumPy の {0} dtype です</translation>
    </message>
    <message>
        <source>a NumPy array with an unusual pickled state</source>
        <translation>pickle された状態が普通でない NumPy 配列です</translation>
    </message>
    <message>
        <source>a NumPy array without the right number of bytes</source>
        <translation>バイト数が正しくない NumPy 配列です</translation>
    </message>
    <message>
        <source>a NumPy scalar of something other than a number type</source>
        <translation>数の型以外の NumPy スカラーです</translation>
    </message>
    <message>
        <source>a NumPy scalar without the right number of bytes</source>
        <translation>バイト数が正しくない NumPy スカラーです</translation>
    </message>
    <message>
        <source>a NumPy array of a type other than numpy.ndarray</source>
        <translation>numpy.ndarray 以外の型の NumPy 配列です</translation>
    </message>
    <message>
        <source>_codecs.encode is allowed only for latin-1 text (protocol-2 bytes)</source>
        <translation>_codecs.encode が許されるのは latin-1 の文字列 (プロトコル 2 の bytes) だけです</translation>
    </message>
    <message>
        <source>it needs {0}: this is a TensorFlow-era StyleGAN pickle, which GAN Studio does not read (use a PyTorch network pickle, e.g. from stylegan2-ada-pytorch or stylegan3)</source>
        <translation>{0} が必要です: これは TensorFlow 時代の StyleGAN の pickle で、GAN Studio は読みません (stylegan2-ada-pytorch や stylegan3 などの PyTorch のネットワーク pickle を使ってください)</translation>
    </message>
    <message>
        <source>it needs {0}, which a network pickle never holds (it could run code); only tensors, NumPy numbers, dicts and NVlabs&apos; persistent-object records are allowed</source>
        <translation>{0} が必要ですが、ネットワークの pickle がそれを含むことはありません (コードを実行しうるからです)。許されるのはテンソル、NumPy の数、dict と NVlabs の永続オブジェクトの記録だけです</translation>
    </message>
    <message>
        <source>it uses persistent ids, which a network pickle never does</source>
        <translation>永続 ID を使っていますが、ネットワークの pickle が使うことはありません</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>estimating…</source>
        <translation>見積もり中…</translation>
    </message>
    <message>
        <source>about {0} s</source>
        <translation>約 {0} 秒</translation>
    </message>
    <message>
        <source>about {0} min {1:02d} s</source>
        <translation>約 {0} 分 {1:02d} 秒</translation>
    </message>
    <message>
        <source>about {0} h {1:02d} min</source>
        <translation>約 {0} 時間 {1:02d} 分</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>残り{0}</translation>
    </message>
</context>
<context>
    <name>projection</name>
    <message>
        <source>projection setting {0}: {1} (got {2!r})</source>
        <translation>射影の設定 {0}: {1} ({2!r} が指定されました)</translation>
    </message>
    <message>
        <source>must be one of {0}</source>
        <translation>{0} のいずれかでなければなりません</translation>
    </message>
    <message>
        <source>must be a whole number {0}..{1}</source>
        <translation>{0}..{1} の整数でなければなりません</translation>
    </message>
    <message>
        <source>must be a finite number in {0}{1}, {2}]</source>
        <translation>{0}{1}, {2}] の範囲の有限の数でなければなりません</translation>
    </message>
    <message>
        <source>the target must be [{0}, {1}, {1}] for this model, got {2}</source>
        <translation>このモデルでは目標画像は [{0}, {1}, {1}] でなければなりません ({2} が指定されました)</translation>
    </message>
    <message>
        <source>the target image contains NaN or inf</source>
        <translation>目標画像に NaN または inf が含まれています</translation>
    </message>
    <message>
        <source>this {0} model has no mapping network: z is optimised</source>
        <translation>この {0} モデルにはマッピングネットワークがありません: z を最適化します</translation>
    </message>
    <message>
        <source>the projection diverged at step {0} (loss {1}); the best latent so far is kept</source>
        <translation>射影はステップ {0} で発散しました (損失 {1})。これまでで最良の潜在ベクトルを保持します</translation>
    </message>
    <message>
        <source>rendering the projection failed: {0}</source>
        <translation>射影の結果を描画できませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>projection_distance</name>
    <message>
        <source>the &apos;d&apos; distance needs the model&apos;s discriminator; this file holds none (use &apos;ssim&apos; or &apos;pixel&apos;)</source>
        <translation>距離 &apos;d&apos; にはモデルの識別器が必要ですが、このファイルにはありません (&apos;ssim&apos; か &apos;pixel&apos; を使ってください)</translation>
    </message>
    <message>
        <source>unknown distance {0!r}: choose one of {1}</source>
        <translation>不明な距離 {0!r}: {1} のいずれかを選んでください</translation>
    </message>
</context>
<context>
    <name>projection_run</name>
    <message>
        <source>--distance d needs the model&apos;s discriminator, and this file holds none; use --distance ssim or pixel</source>
        <translation>--distance d にはモデルの識別器が必要ですが、このファイルにはありません。--distance ssim か pixel を使ってください</translation>
    </message>
    <message>
        <source>{0} models have no mapping network: z is optimised (the results are z latents)</source>
        <translation>{0} モデルにはマッピングネットワークがありません: z を最適化します (結果は z の潜在ベクトルです)</translation>
    </message>
    <message>
        <source>{0} ({1}/{2}): step {3}/{4}, distance {5:.4g}; all</source>
        <translation>{0} ({1}/{2}): ステップ {3}/{4}、距離 {5:.4g}。全体</translation>
    </message>
    <message>
        <source>{0}: {1} latent, distance {2:.4g} after {3} steps ({4:.1f} s): wrote {5}</source>
        <translation>{0}: {1} の潜在ベクトル、{3} ステップ後の距離 {2:.4g} ({4:.1f} 秒): {5} を書き出しました</translation>
    </message>
</context>
<context>
    <name>render</name>
    <message>
        <source>{0} does not exist</source>
        <translation>{0} は存在しません</translation>
    </message>
    <message>
        <source>{0} is not a readable JSON sidecar ({1})</source>
        <translation>{0} は読める JSON サイドカーではありません ({1})</translation>
    </message>
    <message>
        <source>{0} is not a readable {1} ({2})</source>
        <translation>{0} は読める {1} ではありません ({2})</translation>
    </message>
    <message>
        <source>{0} is not a GAN Studio sidecar (no &apos;format: {1}&apos;)</source>
        <translation>{0} は GAN Studio のサイドカーではありません (&apos;format: {1}&apos; がありません)</translation>
    </message>
    <message>
        <source>{0} has an invalid sidecar version {1!r}</source>
        <translation>{0} のサイドカーのバージョン {1!r} は正しくありません</translation>
    </message>
    <message>
        <source>{0} uses sidecar version {1}; please update GAN Studio</source>
        <translation>{0} はサイドカーのバージョン {1} を使っています。GAN Studio を更新してください</translation>
    </message>
    <message>
        <source>{0} has an invalid request: {1}</source>
        <translation>{0} の要求は正しくありません: {1}</translation>
    </message>
    <message>
        <source>{0} has an invalid &apos;checkpoint&apos; entry</source>
        <translation>{0} の &apos;checkpoint&apos; の項目は正しくありません</translation>
    </message>
</context>
<context>
    <name>render_batch</name>
    <message>
        <source>class {0} does not exist: this model has classes 0..{1}</source>
        <translation>クラス {0} はありません: このモデルのクラスは 0..{1} です</translation>
    </message>
    <message>
        <source>z has {0} dimensions, this model takes {1}</source>
        <translation>z は {0} 次元ですが、このモデルが受け取るのは {1} 次元です</translation>
    </message>
    <message>
        <source>w has {0} dimensions, this model has w_dim {1}</source>
        <translation>w は {0} 次元ですが、このモデルの w_dim は {1} です</translation>
    </message>
    <message>
        <source>w+ has shape {0}, this model needs {1}</source>
        <translation>w+ の形は {0} ですが、このモデルには {1} が必要です</translation>
    </message>
    <message>
        <source>a latent offset has shape {0}, need {1}</source>
        <translation>潜在ベクトルのずれの形は {0} ですが、{1} が必要です</translation>
    </message>
    <message>
        <source>this {0} generator has no mapping network: it takes z only</source>
        <translation>この {0} 生成器にはマッピングネットワークがありません: z のみを受け取ります</translation>
    </message>
    <message>
        <source>this model is not class-conditional: it takes no class</source>
        <translation>このモデルはクラス条件付きではありません: クラスを受け取りません</translation>
    </message>
    <message>
        <source>moving and turning the input needs a StyleGAN3 model; this {0} generator does not start from Fourier features</source>
        <translation>入力を動かしたり回転させたりするには StyleGAN3 のモデルが必要です。この {0} 生成器はフーリエ特徴から始まりません</translation>
    </message>
    <message>
        <source>a {0}x{1} grid cannot hold {2} images</source>
        <translation>{0}x{1} のグリッドに {2} 枚の画像は入りません</translation>
    </message>
    <message>
        <source>style mixing needs a mapping network; this {0} generator has none</source>
        <translation>スタイル混合にはマッピングネットワークが必要ですが、この {0} 生成器にはありません</translation>
    </message>
    <message>
        <source>this {0} generator has no noise inputs</source>
        <translation>この {0} 生成器にはノイズ入力がありません</translation>
    </message>
    <message>
        <source>interpolating in w needs a mapping network; this {0} generator has none</source>
        <translation>w での補間にはマッピングネットワークが必要ですが、この {0} 生成器にはありません</translation>
    </message>
    <message>
        <source>sweeping a w direction needs a mapping network; this {0} generator has none</source>
        <translation>w の方向のスイープにはマッピングネットワークが必要ですが、この {0} 生成器にはありません</translation>
    </message>
    <message>
        <source>dimension {0} is outside 0..{1}</source>
        <translation>次元 {0} は 0..{1} の範囲外です</translation>
    </message>
    <message>
        <source>the direction has {0} dimensions, w has {1}</source>
        <translation>方向は {0} 次元ですが、w は {1} 次元です</translation>
    </message>
    <message>
        <source>a mixing grid needs at least one row and one column latent</source>
        <translation>混合グリッドには行と列の潜在ベクトルが少なくとも 1 つずつ必要です</translation>
    </message>
</context>
<context>
    <name>render_device</name>
    <message>
        <source>a render device is cpu, cuda, cuda:N or auto; got {0!r}</source>
        <translation>描画デバイスは cpu、cuda、cuda:N、auto のいずれかです（{0!r} が指定されました）</translation>
    </message>
    <message>
        <source>GPU: {0}</source>
        <translation>GPU: {0}</translation>
    </message>
    <message>
        <source>CPU · {0} threads</source>
        <translation>CPU · {0} スレッド</translation>
    </message>
    <message>
        <source>CPU · 1 thread</source>
        <translation>CPU · 1 スレッド</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Could not render on {0} ({1}); rendering on the CPU instead</source>
        <translation>{0} で描画できませんでした（{1}）。代わりに CPU で描画します</translation>
    </message>
</context>
<context>
    <name>render_job</name>
    <message>
        <source>out of memory while rendering; try fewer frames or a smaller grid ({0})</source>
        <translation>描画中にメモリが足りなくなりました。フレーム数を減らすか、グリッドを小さくしてください ({0})</translation>
    </message>
    <message>
        <source>a chunk holds at least one sample, got {0}</source>
        <translation>1 つのまとまりには少なくとも 1 つのサンプルが入ります ({0} が指定されました)</translation>
    </message>
</context>
<context>
    <name>render_request</name>
    <message>
        <source>{0} must have {1} axes, got shape {2}</source>
        <translation>{0} は {1} 軸でなければなりません (形 {2} が指定されました)</translation>
    </message>
    <message>
        <source>{0} contains NaN or inf</source>
        <translation>{0} に NaN または inf が含まれています</translation>
    </message>
    <message>
        <source>latent space must be one of {0}, got {1!r}</source>
        <translation>潜在空間は {0} のいずれかでなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>a sweep needs exactly one of a dimension or a direction</source>
        <translation>スイープには次元か方向のどちらか一方だけが必要です</translation>
    </message>
    <message>
        <source>a sweep needs at least two steps</source>
        <translation>スイープには少なくとも 2 ステップが必要です</translation>
    </message>
    <message>
        <source>a render request needs at least one latent</source>
        <translation>描画の要求には少なくとも 1 つの潜在ベクトルが必要です</translation>
    </message>
    <message>
        <source>kind must be one of {0}, got {1!r}</source>
        <translation>種類は {0} のいずれかでなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>noise_mode must be one of {0}, got {1!r}</source>
        <translation>noise_mode は {0} のいずれかでなければなりません ({1!r} が指定されました)</translation>
    </message>
    <message>
        <source>a strip needs exactly one of path, sweep or motion</source>
        <translation>下段の表示には path、sweep、motion のどれか 1 つだけが必要です</translation>
    </message>
    <message>
        <source>a layer capture is of a single image</source>
        <translation>層の取り込みは 1 枚の画像に対して行います</translation>
    </message>
    <message>
        <source>a mix_grid request needs mix_grid</source>
        <translation>mix_grid の要求には mix_grid が必要です</translation>
    </message>
    <message>
        <source>upscale must be &gt;= 1 and padding &gt;= 0</source>
        <translation>upscale は 1 以上、padding は 0 以上でなければなりません</translation>
    </message>
    <message>
        <source>a class index is &gt;= 0, got {0}</source>
        <translation>クラスの番号は 0 以上です ({0} が指定されました)</translation>
    </message>
</context>
<context>
    <name>requests</name>
    <message>
        <source>a {0}x{1} grid needs {2} latents, got {3}</source>
        <translation>{0}x{1} のグリッドには {2} 個の潜在ベクトルが必要です ({3} 個が指定されました)</translation>
    </message>
    <message>
        <source>an interpolation needs at least two points</source>
        <translation>補間には少なくとも 2 つの点が必要です</translation>
    </message>
    <message>
        <source>interpolating in w needs a mapping network; this {0} model has none</source>
        <translation>w での補間にはマッピングネットワークが必要ですが、この {0} モデルにはありません</translation>
    </message>
    <message>
        <source>style mixing needs a mapping network; this {0} model has none</source>
        <translation>スタイル混合にはマッピングネットワークが必要ですが、この {0} モデルにはありません</translation>
    </message>
    <message>
        <source>a mixing grid needs at least one row seed and one column seed</source>
        <translation>混合グリッドには行と列のシードが少なくとも 1 つずつ必要です</translation>
    </message>
    <message>
        <source>only {0} directions exist</source>
        <translation>方向は {0} 個しかありません</translation>
    </message>
</context>
<context>
    <name>target_image</name>
    <message>
        <source>white</source>
        <translation>白</translation>
    </message>
    <message>
        <source>black</source>
        <translation>黒</translation>
    </message>
    <message>
        <source>{0} does not exist</source>
        <translation>{0} は存在しません</translation>
    </message>
    <message>
        <source>{0} is a folder, not an image</source>
        <translation>{0} はフォルダーで、画像ではありません</translation>
    </message>
    <message>
        <source>{0} is larger than {1} megapixels; shrink or crop it first</source>
        <translation>{0} は {1} メガピクセルより大きい画像です。先に縮小するか切り抜いてください</translation>
    </message>
    <message>
        <source>{0} is not an image file that can be read (unknown or damaged format)</source>
        <translation>{0} は読める画像ファイルではありません (不明な形式か、壊れています)</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} を読み込めません: {1}</translation>
    </message>
    <message>
        <source>{0} is {1} x {2} ({3:.0f} megapixels); images over {4} megapixels are refused: shrink or crop it first</source>
        <translation>{0} は {1} x {2} ({3:.0f} メガピクセル) です。{4} メガピクセルを超える画像は受け付けません: 先に縮小するか切り抜いてください</translation>
    </message>
    <message>
        <source>{0} has no pixels ({1} x {2})</source>
        <translation>{0} にはピクセルがありません ({1} x {2})</translation>
    </message>
    <message>
        <source>{0} is animated ({1} frames): choose the frame to project (0..{2})</source>
        <translation>{0} はアニメーションです ({1} フレーム): 射影するフレームを選んでください (0..{2})</translation>
    </message>
    <message>
        <source>{0} has frames 0..{1}, not {2}</source>
        <translation>{0} のフレームは 0..{1} です ({2} はありません)</translation>
    </message>
    <message>
        <source>{0} is a still image: it has no frame {1}</source>
        <translation>{0} は静止画です: フレーム {1} はありません</translation>
    </message>
    <message>
        <source>{0} is truncated or damaged ({1}); re-save or re-download it</source>
        <translation>{0} は途中で切れているか壊れています ({1})。保存し直すかダウンロードし直してください</translation>
    </message>
    <message>
        <source>floating-point pixels scaled to 8 bits</source>
        <translation>浮動小数点のピクセルを 8 ビットに変換しました</translation>
    </message>
    <message>
        <source>16-bit pixels scaled to 8 bits</source>
        <translation>16 ビットのピクセルを 8 ビットに変換しました</translation>
    </message>
    <message>
        <source>32-bit pixels scaled to 8 bits (darkest = 0, brightest = 255)</source>
        <translation>32 ビットのピクセルを 8 ビットに変換しました (最も暗い値 = 0、最も明るい値 = 255)</translation>
    </message>
    <message>
        <source>the background for transparent pixels is white or black, not {0!r}</source>
        <translation>透明なピクセルの背景は white か black です ({0!r} ではなく)</translation>
    </message>
    <message>
        <source>a background colour is three values 0..255, got {0!r}</source>
        <translation>背景色は 0..255 の 3 つの値です ({0!r} が指定されました)</translation>
    </message>
    <message>
        <source>the crop box {0} is not inside the {1} x {2} image (left, top, right, bottom in pixels)</source>
        <translation>切り抜き枠 {0} が {1} x {2} の画像の内側にありません (左、上、右、下をピクセルで)</translation>
    </message>
    <message>
        <source>centre square {0} x {0} cropped from the crop box</source>
        <translation>切り抜き枠から中央の正方形 {0} x {0} を切り抜きました</translation>
    </message>
    <message>
        <source>centre square {0} x {0} cropped</source>
        <translation>中央の正方形 {0} x {0} を切り抜きました</translation>
    </message>
    <message>
        <source>models make grey (1) or colour (3) images, not {0} channels</source>
        <translation>モデルが作るのはグレー (1) かカラー (3) の画像です ({0} チャンネルではなく)</translation>
    </message>
    <message>
        <source>turned upright (the camera&apos;s orientation tag)</source>
        <translation>正立させました (カメラの向きのタグ)</translation>
    </message>
    <message>
        <source>transparent pixels composited on {0}</source>
        <translation>透明なピクセルを{0}の背景に合成しました</translation>
    </message>
    <message>
        <source>colour converted to grey (ITU-R 601 luma): this model makes grey images</source>
        <translation>カラーをグレーに変換しました (ITU-R 601 の輝度): このモデルはグレーの画像を作ります</translation>
    </message>
    <message>
        <source>grey image used as colour (R = G = B): this model makes colour images</source>
        <translation>グレーの画像をカラーとして使いました (R = G = B): このモデルはカラーの画像を作ります</translation>
    </message>
    <message>
        <source>resized {0} -&gt; {1} pixels (Lanczos)</source>
        <translation>{0} -&gt; {1} ピクセルに拡大縮小しました (Lanczos)</translation>
    </message>
    <message>
        <source>padded {0} -&gt; {1} pixels with the edge colour (as the training images were)</source>
        <translation>端の色で {0} -&gt; {1} ピクセルに広げました (訓練画像と同じく)</translation>
    </message>
    <message>
        <source>frame {0} of {1} used</source>
        <translation>{1} フレームのうちフレーム {0} を使いました</translation>
    </message>
</context>
</TS>
