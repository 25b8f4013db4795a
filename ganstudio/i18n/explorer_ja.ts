<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AnimateSection</name>
    <message>
        <source>Tick the latents to pass through, in list order</source>
        <translation>通過する潜在ベクトルにチェックを入れます (一覧の順に通ります)</translation>
    </message>
    <message>
        <source>Move the selected point earlier</source>
        <translation>選んだ点を前へ</translation>
    </message>
    <message>
        <source>Move the selected point later</source>
        <translation>選んだ点を後ろへ</translation>
    </message>
    <message>
        <source>slerp</source>
        <translation>球面線形補間</translation>
    </message>
    <message>
        <source>lerp</source>
        <translation>線形補間</translation>
    </message>
    <message>
        <source>slerp follows the sphere Gaussian latents live on; lerp a straight line</source>
        <translation>球面線形補間はガウス分布の潜在ベクトルが集まる球面に沿って、線形補間は直線で補間します</translation>
    </message>
    <message>
        <source>in z</source>
        <translation>z で</translation>
    </message>
    <message>
        <source>in w</source>
        <translation>w で</translation>
    </message>
    <message>
        <source>Show interpolation</source>
        <translation>補間を表示</translation>
    </message>
    <message>
        <source>a dimension of A</source>
        <translation>A の 1 次元</translation>
    </message>
    <message>
        <source>a direction (PCA / SeFa)</source>
        <translation>方向 (主成分分析 / SeFa)</translation>
    </message>
    <message>
        <source>a named direction</source>
        <translation>名前付きの方向</translation>
    </message>
    <message>
        <source>Which named direction (Latent ▸ Directions) to sweep</source>
        <translation>スイープする名前付きの方向 (潜在ベクトル ▸ 方向)</translation>
    </message>
    <message>
        <source>Show sweep</source>
        <translation>スイープを表示</translation>
    </message>
    <message>
        <source>Rows x columns of random seeds</source>
        <translation>ランダムなシードの行数 × 列数</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>シャッフル</translation>
    </message>
    <message>
        <source>Draw new random seeds</source>
        <translation>新しいランダムなシードを引きます</translation>
    </message>
    <message>
        <source>Show gallery</source>
        <translation>ギャラリーを表示</translation>
    </message>
    <message>
        <source>Gallery of random seeds (click a tile to make it A)</source>
        <translation>ランダムなシードのギャラリー (クリックで A に)</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>補間</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>フレーム数</translation>
    </message>
    <message>
        <source>Sweep (explore one axis)</source>
        <translation>スイープ (1 つの軸に沿って探る)</translation>
    </message>
    <message>
        <source>Along</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>From</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>(seed {0})</source>
        <translation>(シード {0})</translation>
    </message>
    <message>
        <source>Interpolating in w (after mapping) is usually smoother</source>
        <translation>w (マッピング後) での補間のほうが、たいてい滑らかです</translation>
    </message>
    <message>
        <source>This {0} generator has no mapping network: z only</source>
        <translation>この {0} 生成器にはマッピングネットワークがありません: z のみです</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>The technical detail behind this message</source>
        <translation>このメッセージの技術的な詳細</translation>
    </message>
</context>
<context>
    <name>BookmarksWidget</name>
    <message>
        <source>＋ Bookmark A</source>
        <translation>＋ A をブックマーク</translation>
    </message>
    <message>
        <source>Keep latent A (with its edits) for this model</source>
        <translation>潜在ベクトル A を (編集も含めて) このモデル用に保存します</translation>
    </message>
    <message>
        <source>Load the selected bookmark into latent A</source>
        <translation>選んだブックマークを潜在ベクトル A に読み込みます</translation>
    </message>
    <message>
        <source>Load the selected bookmark into latent B</source>
        <translation>選んだブックマークを潜在ベクトル B に読み込みます</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Rename the selected bookmark</source>
        <translation>選んだブックマークの名前を変更します</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete the selected bookmark</source>
        <translation>選んだブックマークを削除します</translation>
    </message>
    <message>
        <source>  + edit</source>
        <translation>  + 編集</translation>
    </message>
    <message>
        <source>  · projected</source>
        <translation>  · 射影</translation>
    </message>
    <message>
        <source>seed {0} edited</source>
        <translation>シード {0} (編集済み)</translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation>シード {0}</translation>
    </message>
    <message>
        <source>latent</source>
        <translation>潜在ベクトル</translation>
    </message>
    <message>
        <source>Bookmarked latent A as “{0}”</source>
        <translation>潜在ベクトル A を「{0}」としてブックマークしました</translation>
    </message>
    <message>
        <source>Cannot load bookmark “{0}”: {1}</source>
        <translation>ブックマーク「{0}」を読み込めません: {1}</translation>
    </message>
    <message>
        <source>Rename bookmark</source>
        <translation>ブックマークの名前を変更</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <source>Bookmarks could not be saved: {0}</source>
        <translation>ブックマークを保存できませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>Captions</name>
    <message>
        <source>coarse</source>
        <translation>粗い</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>中間</translation>
    </message>
    <message>
        <source>fine</source>
        <translation>細かい</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表で選んだ</translation>
    </message>
    <message>
        <source>slerp</source>
        <translation>球面線形補間</translation>
    </message>
    <message>
        <source>lerp</source>
        <translation>線形補間</translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation>シード {0}</translation>
    </message>
    <message>
        <source>loaded latent</source>
        <translation>読み込んだ潜在ベクトル</translation>
    </message>
    <message>
        <source> (edited in {0})</source>
        <translation> ({0} で編集済み)</translation>
    </message>
    <message>
        <source> · mixed</source>
        <translation> · 混合</translation>
    </message>
    <message>
        <source> · class {0}</source>
        <translation> · クラス {0}</translation>
    </message>
    <message>
        <source> · input moved {0:g}, {1:g} px, turned {2:g}°</source>
        <translation> · 入力を {0:g}, {1:g} px 移動、{2:g}° 回転</translation>
    </message>
    <message>
        <source>, untransformed</source>
        <translation>、逆変換済み</translation>
    </message>
    <message>
        <source>Gallery: {0} random seeds · labelling “{1}”: {2}</source>
        <translation>ギャラリー: ランダムなシード {0} 個 · 「{1}」をラベル付け中: {2}</translation>
    </message>
    <message>
        <source>Gallery: {0} random seeds · click one to make it A</source>
        <translation>ギャラリー: ランダムなシード {0} 個 · クリックすると A になります</translation>
    </message>
    <message>
        <source>Interpolation {0} · {1} frames · {2} in {3}</source>
        <translation>補間 {0} · {1} フレーム · {3} で {2}</translation>
    </message>
    <message>
        <source>Sweep along “{0}” from {1:g} to {2:g} σ · {3} steps</source>
        <translation>「{0}」に沿ったスイープ: {1:g} σ から {2:g} σ まで · {3} ステップ</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>{0} dimension</source>
        <translation>{0} の次元</translation>
    </message>
    <message>
        <source>Sweep of {0} #{1} from {2:g} to {3:g} · {4} steps</source>
        <translation>{0} #{1} のスイープ: {2:g} から {3:g} まで · {4} ステップ</translation>
    </message>
    <message>
        <source>Motion of A&apos;s input · {0} frames · moves {1:g}, {2:g} px · {3:g} turns</source>
        <translation>A の入力の動き · {0} フレーム · 移動 {1:g}, {2:g} px · {3:g} 回転</translation>
    </message>
    <message>
        <source>Mixing grid: rows {0} take the {1} styles of columns {2}</source>
        <translation>混合グリッド: 行 {0} が列 {2} の{1}スタイルを受け取ります</translation>
    </message>
    <message>
        <source>Stochastic variation: A with {0} noise draws · last tile = where they differ</source>
        <translation>確率的変動: ノイズを {0} 回引き直した A · 最後のタイル = 違いが出る場所</translation>
    </message>
</context>
<context>
    <name>CropView</name>
    <message>
        <source>Drag the square to choose what to project; the mouse wheel resizes it</source>
        <translation>正方形をドラッグして射影する範囲を選びます。マウスホイールで大きさを変えられます</translation>
    </message>
</context>
<context>
    <name>DimensionSliders</name>
    <message>
        <source>Previous page of dimensions</source>
        <translation>前の次元のページ</translation>
    </message>
    <message>
        <source>Next page of dimensions</source>
        <translation>次の次元のページ</translation>
    </message>
    <message>
        <source>Jump to a dimension</source>
        <translation>次元へ移動</translation>
    </message>
    <message>
        <source>dim </source>
        <translation>次元 </translation>
    </message>
    <message>
        <source>Reset this dimension to the seed&apos;s value</source>
        <translation>この次元をシードの値に戻します</translation>
    </message>
    <message>
        <source>{0}[{1}–{2}] of {3} · page {4}/{5}</source>
        <translation>{0}[{1}–{2}] / {3} 次元 · ページ {4}/{5}</translation>
    </message>
</context>
<context>
    <name>DirectionsEditor</name>
    <message>
        <source>PCA of w (GANSpace)</source>
        <translation>w の主成分分析 (GANSpace)</translation>
    </message>
    <message>
        <source>SeFa (closed form)</source>
        <translation>SeFa (閉形式)</translation>
    </message>
    <message>
        <source>The ws rows (layers) a direction edit acts on: low rows = coarse structure, high rows = fine detail</source>
        <translation>方向の編集が作用する w+ の行 (層): 低い行 = 大まかな構造、高い行 = 細部</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Set every direction back to 0</source>
        <translation>すべての方向を 0 に戻します</translation>
    </message>
    <message>
        <source>Move along this direction, in standard deviations of w</source>
        <translation>この方向に沿って動かします (単位は w の標準偏差)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Computing {0} directions…</source>
        <translation>{0} の方向を計算しています…</translation>
    </message>
    <message>
        <source>Could not compute directions: {0}</source>
        <translation>方向を計算できませんでした: {0}</translation>
    </message>
    <message>
        <source>rows {0}–{1} of {2}: sampling rates {3}</source>
        <translation>{2} 行中の行 {0}–{1}: サンプリングレート {3}</translation>
    </message>
    <message>
        <source>rows {0}–{1} of {2}: blocks {3}</source>
        <translation>{2} 行中の行 {0}–{1}: ブロック {3}</translation>
    </message>
    <message>
        <source>Directions live in w, the output of a mapping network. This {0} generator has none; use the Dimensions sliders on z.</source>
        <translation>方向はマッピングネットワークの出力である w の中にあります。この {0} 生成器にはマッピングネットワークがないため、z の「次元」スライダーを使ってください。</translation>
    </message>
    <message>
        <source>{0} principal components of w; sliders move in standard deviations of w</source>
        <translation>w の主成分 {0} 個。スライダーの単位は w の標準偏差です</translation>
    </message>
    <message>
        <source>{0} SeFa directions; sliders move in standard deviations of w</source>
        <translation>SeFa の方向 {0} 個。スライダーの単位は w の標準偏差です</translation>
    </message>
    <message>
        <source>PC{0}</source>
        <translation>主成分 {0}</translation>
    </message>
    <message>
        <source>SeFa {0}</source>
        <translation>SeFa {0}</translation>
    </message>
</context>
<context>
    <name>DragSection</name>
    <message>
        <source>Drag</source>
        <translation>ドラッグ</translation>
    </message>
    <message>
        <source>Drag points of the image to new places (StyleGAN models)</source>
        <translation>画像上の点を新しい位置へドラッグします (StyleGAN のモデル)</translation>
    </message>
    <message>
        <source>Click the image: first a &lt;b style=&apos;color:#eb4034&apos;&gt;handle&lt;/b&gt; on what to move, then its &lt;b style=&apos;color:#3478eb&apos;&gt;target&lt;/b&gt;. Add as many pairs as you like; a right click removes the nearest pair. Handles work best on something visible (an edge, an eye). Optionally paint the region that may change: outside it the image is held still.</source>
        <translation>画像をクリックします: まず動かしたいものの上に&lt;b style=&apos;color:#eb4034&apos;&gt;ハンドル&lt;/b&gt;を、次にその&lt;b style=&apos;color:#3478eb&apos;&gt;目標&lt;/b&gt;を置きます。組はいくつでも追加でき、右クリックで最も近い組を削除します。ハンドルは目に見えるもの (輪郭や目など) の上に置くとうまく働きます。変えてよい領域を塗ることもでき、その外側の画像は動きません。</translation>
    </message>
    <message>
        <source>Place points</source>
        <translation>点を置く</translation>
    </message>
    <message>
        <source>Paint the region that may change</source>
        <translation>変えてよい領域を塗る</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush radius in image pixels (left button paints, right button wipes)</source>
        <translation>ブラシの半径 (画像のピクセル単位。左ボタンで塗り、右ボタンで消す)</translation>
    </message>
    <message>
        <source>With a painted region: how firmly the image outside it (its pixels and the pulled layer&apos;s features) is held as it was, against the pull on the handles. Higher keeps the rest stiller and moves the handles less; 0 lets everything change</source>
        <translation>領域を塗ったとき、その外側の画像 (ピクセルと、引っ張る層の特徴) をハンドルの引っ張りに逆らってどれだけ強く元のまま保つか。大きいほど外側は動かず、ハンドルの動きは小さくなります。0 ではすべてが変わり得ます</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>マスクを消去</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Undo drag</source>
        <translation>ドラッグを元に戻す</translation>
    </message>
    <message>
        <source>Put back the latent, ψ, mixing and points from before the last drag</source>
        <translation>潜在ベクトル、ψ、スタイル混合、点を最後のドラッグの前に戻します</translation>
    </message>
    <message>
        <source>Reset points</source>
        <translation>点をリセット</translation>
    </message>
    <message>
        <source>The drag ends after this many steps, or earlier once every handle has reached its target</source>
        <translation>ドラッグはこのステップ数で終わります。すべてのハンドルが目標に着けば、それより早く終わります</translation>
    </message>
    <message>
        <source>Adam&apos;s step size, as a share of the spread of w: larger moves faster and changes more</source>
        <translation>Adam のステップ幅 (w のばらつきに対する割合): 大きいほど速く動き、変化も大きくなります</translation>
    </message>
    <message>
        <source>How many of the first rows of w+ may change (coarse layers first; the rest keep the fine detail)</source>
        <translation>w+ の最初の何行を変えてよいか (粗い層から。残りの行は細部を保ちます)</translation>
    </message>
    <message>
        <source>The layer whose features are pulled along and tracked</source>
        <translation>特徴を引っ張り、追跡する層</translation>
    </message>
    <message>
        <source>Track on the finest features too</source>
        <translation>最も細かい特徴でも追跡する</translation>
    </message>
    <message>
        <source>Find the handles again on the last layer&apos;s features (as large as the image) as well as on the pulled layer&apos;s: a coarser layer&apos;s features are nearly alike along a straight edge, and a handle tracked on them alone slides along the edge instead of following it</source>
        <translation>引っ張る層の特徴に加えて、最後の層 (画像と同じ大きさ) の特徴でもハンドルを探し直します。粗い層の特徴はまっすぐな輪郭に沿ってほとんど同じなので、それだけで追跡するとハンドルは輪郭についていかず、輪郭に沿って滑ってしまいます</translation>
    </message>
    <message>
        <source>How strongly a tracked handle keeps to the straight line from where it started to its target: along an edge the features are nearly alike, and without this the handle can slide along the edge and the drag never arrives. 0: the features alone decide</source>
        <translation>追跡するハンドルを、出発点からターゲットへの直線の上にどれだけ強くとどめるか。縁に沿っては特徴がほとんど同じなので、これがないとハンドルが縁に沿って滑り、ドラッグがいつまでも到着しないことがある。0: 特徴だけで決める</translation>
    </message>
    <message>
        <source>The drag has arrived when every handle is this near its target; 0: on the target&apos;s pixel</source>
        <translation>すべてのハンドルが目標にこの距離まで近づいたらドラッグは到着です。0 なら目標のピクセルの上</translation>
    </message>
    <message>
        <source>Steps at most</source>
        <translation>最大ステップ数</translation>
    </message>
    <message>
        <source>Step size</source>
        <translation>ステップ幅</translation>
    </message>
    <message>
        <source>Rows of w+ that change</source>
        <translation>変える w+ の行数</translation>
    </message>
    <message>
        <source>Feature layer</source>
        <translation>特徴の層</translation>
    </message>
    <message>
        <source>Stop within</source>
        <translation>到着とみなす距離</translation>
    </message>
    <message>
        <source>Keep handles on their line</source>
        <translation>ハンドルを直線上に保つ</translation>
    </message>
    <message>
        <source>Points and mask</source>
        <translation>点とマスク</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>ブラシ</translation>
    </message>
    <message>
        <source>Hold outside</source>
        <translation>外側の保持</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>モデルがありません</translation>
    </message>
    <message>
        <source>Drag editing moves StyleGAN features: this {0} generator has no mapping network and no w to optimise.</source>
        <translation>ドラッグ編集は StyleGAN の特徴を動かします: この {0} 生成器にはマッピングネットワークがなく、最適化する w もありません。</translation>
    </message>
    <message>
        <source>{0} ({1}×{1}, {2} channels)</source>
        <translation>{0} ({1}×{1}、{2} チャンネル)</translation>
    </message>
    <message>
        <source>Now click where the handle should go.</source>
        <translation>次に、ハンドルを動かしたい先をクリックしてください。</translation>
    </message>
    <message>
        <source>Press Drag, or add another pair.</source>
        <translation>「ドラッグ」を押すか、別の組を追加してください。</translation>
    </message>
    <message>
        <source>Place a handle and its target on the image first.</source>
        <translation>先に画像上にハンドルとその目標を置いてください。</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>準備中…</translation>
    </message>
    <message>
        <source>Stopping after this step…</source>
        <translation>このステップの後で停止します…</translation>
    </message>
    <message>
        <source>dragging · step {0}</source>
        <translation>ドラッグ中 · ステップ {0}</translation>
    </message>
    <message>
        <source>Step {0} of at most {1} · farthest handle {2:.1f} px from its target</source>
        <translation>ステップ {0} / 最大 {1} · 最も遠いハンドルは目標から {2:.1f} px</translation>
    </message>
    <message>
        <source>The drag could not start: {0}</source>
        <translation>ドラッグを開始できませんでした: {0}</translation>
    </message>
    <message>
        <source>The model changed during the drag: its result was not applied.</source>
        <translation>ドラッグの途中でモデルが変わりました: 結果は適用していません。</translation>
    </message>
    <message>
        <source>truncation ψ = 1</source>
        <translation>切り捨て ψ = 1</translation>
    </message>
    <message>
        <source>no style mixing</source>
        <translation>スタイル混合なし</translation>
    </message>
    <message>
        <source>Arrived after {0} steps: every handle is on its target. A is now the dragged w+.</source>
        <translation>{0} ステップで到達しました: すべてのハンドルが目標の上にあります。A はドラッグ後の w+ になりました。</translation>
    </message>
    <message>
        <source>Arrived after {0} steps: every handle is within {1:.1f} px of its target. A is now the dragged w+.</source>
        <translation>{0} ステップで到達しました: すべてのハンドルが目標から {1:.1f} px 以内です。A はドラッグ後の w+ になりました。</translation>
    </message>
    <message>
        <source>Stopped after {0} steps (farthest handle {1:.1f} px from its target). A is now the dragged w+.</source>
        <translation>{0} ステップで停止しました (最も遠いハンドルは目標から {1:.1f} px)。A はドラッグ後の w+ になりました。</translation>
    </message>
    <message>
        <source>Ran all {0} steps; the farthest handle is still {1:.1f} px from its target (Drag again to go on). A is now the dragged w+.</source>
        <translation>{0} ステップをすべて実行しました。最も遠いハンドルはまだ目標から {1:.1f} px です (続けるにはもう一度「ドラッグ」)。A はドラッグ後の w+ になりました。</translation>
    </message>
    <message>
        <source>Set {0} so that A shows it.</source>
        <translation>A に表示されるよう、{0} にしました。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The last drag was undone.</source>
        <translation>最後のドラッグを元に戻しました。</translation>
    </message>
</context>
<context>
    <name>DragTask</name>
    <message>
        <source>the drag could not start</source>
        <translation>ドラッグを開始できませんでした</translation>
    </message>
</context>
<context>
    <name>EvalDialog</name>
    <message>
        <source>Evaluate model</source>
        <translation>モデルを評価</translation>
    </message>
    <message>
        <source>FID</source>
        <translation>FID</translation>
    </message>
    <message>
        <source>Fréchet Inception distance (lower is better)</source>
        <translation>フレシェ Inception 距離 (小さいほど良い)</translation>
    </message>
    <message>
        <source>KID</source>
        <translation>KID</translation>
    </message>
    <message>
        <source>Kernel Inception distance, unbiased (lower is better)</source>
        <translation>カーネル Inception 距離、不偏推定 (小さいほど良い)</translation>
    </message>
    <message>
        <source>Precision / recall</source>
        <translation>適合率 / 再現率</translation>
    </message>
    <message>
        <source>How many samples look real (precision) and how much of the real set the samples cover (recall)</source>
        <translation>本物らしく見えるサンプルの割合 (適合率) と、実画像の集合をサンプルがどれだけ覆うか (再現率)</translation>
    </message>
    <message>
        <source>IS</source>
        <translation>IS</translation>
    </message>
    <message>
        <source>Inception Score with the Fashion-MNIST classifier&apos;s classes (Fashion-MNIST reference only)</source>
        <translation>Fashion-MNIST 分類器のクラスによる Inception スコア (比較対象が Fashion-MNIST のときだけ)</translation>
    </message>
    <message>
        <source>PPL</source>
        <translation>PPL</translation>
    </message>
    <message>
        <source>Perceptual path length in W (StyleGAN only)</source>
        <translation>W での知覚的経路長 (StyleGAN のみ)</translation>
    </message>
    <message>
        <source>As trained (emoji for emoji models, else Fashion-MNIST)</source>
        <translation>学習データどおり (絵文字のモデルは絵文字、それ以外は Fashion-MNIST)</translation>
    </message>
    <message>
        <source>Fashion-MNIST test set (10,000 images)</source>
        <translation>Fashion-MNIST テストセット (10,000 枚)</translation>
    </message>
    <message>
        <source>Emoji set</source>
        <translation>絵文字セット</translation>
    </message>
    <message>
        <source>Image folder…</source>
        <translation>画像フォルダー…</translation>
    </message>
    <message>
        <source>IDX file…</source>
        <translation>IDX ファイル…</translation>
    </message>
    <message>
        <source>Generated images. FID falls with more samples: compare only figures of the same counts (papers use 50,000; GAN Studio&apos;s tables 5,000)</source>
        <translation>生成する画像の枚数。FID は枚数が多いほど下がるので、同じ枚数の値どうしだけを比べてください (論文は 50,000 枚、GAN Studio の表は 5,000 枚)</translation>
    </message>
    <message>
        <source>Truncation psi of the samples (papers report psi 1)</source>
        <translation>サンプルのトランケーション psi (論文の値は psi 1)</translation>
    </message>
    <message>
        <source>EMA weights (when the checkpoint has them)</source>
        <translation>EMA の重み (チェックポイントにあれば)</translation>
    </message>
    <message>
        <source>Also score real training images (the floor; Fashion-MNIST only)</source>
        <translation>実際の学習画像も評価する (下限の目安。Fashion-MNIST のみ)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>比較対象</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <source>Truncation psi</source>
        <translation>トランケーション psi</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>PPL pairs</source>
        <translation>PPL の組数</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation>JSON を保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Real training images</source>
        <translation>実際の学習画像</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>測り方</translation>
    </message>
    <message>
        <source>none: open a checkpoint or an official StyleGAN pickle in the Explorer</source>
        <translation>なし: エクスプローラーでチェックポイントか公式 StyleGAN の pickle を開いてください</translation>
    </message>
    <message>
        <source>Reference image folder</source>
        <translation>比較する画像のフォルダー</translation>
    </message>
    <message>
        <source>Reference IDX file</source>
        <translation>比較する IDX ファイル</translation>
    </message>
    <message>
        <source>IDX files (*-ubyte *.idx *-ubyte.gz);;All files (*)</source>
        <translation>IDX ファイル (*-ubyte *.idx *-ubyte.gz);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose at least one metric.</source>
        <translation>指標を 1 つ以上選んでください。</translation>
    </message>
    <message>
        <source>IS needs at least 10 samples (10 splits).</source>
        <translation>IS にはサンプルが 10 枚以上必要です (10 分割)。</translation>
    </message>
    <message>
        <source>Loading the model and the reference images…</source>
        <translation>モデルと比較する画像を読み込んでいます…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>Generating {0} samples</source>
        <translation>{0} 枚のサンプルを生成中</translation>
    </message>
    <message>
        <source>Inception features of the reference images (cached for next time)</source>
        <translation>比較する画像の Inception 特徴 (次回のためにキャッシュします)</translation>
    </message>
    <message>
        <source>Inception features of the samples</source>
        <translation>サンプルの Inception 特徴</translation>
    </message>
    <message>
        <source>Inception features of real training images (the floor)</source>
        <translation>実際の学習画像の Inception 特徴 (下限の目安)</translation>
    </message>
    <message>
        <source>Path length over {0} pairs</source>
        <translation>{0} 組での経路長</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>適合率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>再現率</translation>
    </message>
    <message>
        <source>{0}, step {1} ({2} weights): {3} samples against {4}, in {5} s.</source>
        <translation>{0}、ステップ {1} ({2} の重み): {3} 枚のサンプルを{4}と比較、{5} 秒。</translation>
    </message>
    <message>
        <source>Could not evaluate: {0}</source>
        <translation>評価できませんでした: {0}</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was computed to the end; the reference features computed so far are cached.</source>
        <translation>キャンセルしました。最後まで計算したものはありません。比較する画像の特徴は計算済みの分がキャッシュに残っています。</translation>
    </message>
    <message>
        <source>Save the figures</source>
        <translation>数値を保存</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} を保存できませんでした: {1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
</context>
<context>
    <name>ExplorerFiles</name>
    <message>
        <source>Models (*.pt *.pkl);;GAN Studio checkpoints (*.pt);;Official StyleGAN2-ADA / StyleGAN3 pickles (*.pkl);;All files (*)</source>
        <translation>モデル (*.pt *.pkl);;GAN Studio のチェックポイント (*.pt);;公式 StyleGAN2-ADA / StyleGAN3 の pickle (*.pkl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>GAN Studio files (*.pt *.pkl *.toml *.png);;Models (*.pt *.pkl);;Recipes (*.toml);;Images GAN Studio made (*.png);;All files (*)</source>
        <translation>GAN Studio のファイル (*.pt *.pkl *.toml *.png);;モデル (*.pt *.pkl);;レシピ (*.toml);;GAN Studio が作った画像 (*.png);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>[{0}] (z), [{1}] (w) or [{2}, {1}] (w+)</source>
        <translation>[{0}] (z)、[{1}] (w) または [{2}, {1}] (w+)</translation>
    </message>
    <message>
        <source>an array of shape {0} is not a latent of this model; it needs {1}</source>
        <translation>形状 {0} の配列はこのモデルの潜在ベクトルではありません。必要な形状は {1} です</translation>
    </message>
    <message>
        <source>Loaded {0} latent(s) and settings from {1}</source>
        <translation>{1} から潜在ベクトル {0} 個と設定を読み込みました</translation>
    </message>
    <message>
        <source>{0} is not a NumPy .npy file ({1})</source>
        <translation>{0} は NumPy の .npy ファイルではありません ({1})</translation>
    </message>
    <message>
        <source>Loaded {0} into A as a {1} latent</source>
        <translation>{0} を {1} の潜在ベクトルとして A に読み込みました</translation>
    </message>
    <message>
        <source>Export of {0} cancelled: nothing was written</source>
        <translation>{0} の書き出しを取り消しました: 何も書き出していません</translation>
    </message>
    <message>
        <source>Exported: {0}</source>
        <translation>書き出しました: {0}</translation>
    </message>
    <message>
        <source>Saved {0} as the GAN Studio checkpoint {1}</source>
        <translation>{0} を GAN Studio のチェックポイント {1} として保存しました</translation>
    </message>
</context>
<context>
    <name>ExplorerPanel</name>
    <message>
        <source>Undo latent edit</source>
        <translation>潜在ベクトルの編集を元に戻す</translation>
    </message>
    <message>
        <source>Redo latent edit</source>
        <translation>潜在ベクトルの編集をやり直す</translation>
    </message>
    <message>
        <source>Undo the last latent edit (Ctrl+Z)</source>
        <translation>最後の潜在ベクトルの編集を元に戻します (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>やり直します (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近使ったファイル</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>読み込み…</translation>
    </message>
    <message>
        <source>Load a latent (.npy) or a sidecar (.json) into A</source>
        <translation>潜在ベクトル (.npy) またはサイドカー (.json) を A に読み込みます</translation>
    </message>
    <message>
        <source>Save A…</source>
        <translation>A を保存…</translation>
    </message>
    <message>
        <source>Save latent A as .npy</source>
        <translation>潜在ベクトル A を保存します (.npy)</translation>
    </message>
    <message>
        <source>Bookmarks (kept for this model)</source>
        <translation>ブックマーク (このモデル用に保存)</translation>
    </message>
    <message>
        <source>Latent</source>
        <translation>潜在ベクトル</translation>
    </message>
    <message>
        <source>Mixing</source>
        <translation>スタイル混合</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>ノイズ</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>アニメーション</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Open a checkpoint, an official StyleGAN .pkl or a run directory (File ▸ Open, the Model tab, or drop it here) to explore what its generator learned.</source>
        <translation>チェックポイント、公式 StyleGAN の .pkl、または実行フォルダーを開くと (ファイル ▸ 開く、「モデル」タブ、またはここへドロップ)、その生成器が学習した内容を探索できます。</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 再生</translation>
    </message>
    <message>
        <source>Play the strip as an animation</source>
        <translation>下段の表示をアニメーションとして再生します</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Export Image…</source>
        <translation>画像を書き出し…</translation>
    </message>
    <message>
        <source>Export Image Grid…</source>
        <translation>画像グリッドを書き出し…</translation>
    </message>
    <message>
        <source>Export Strip / Animation…</source>
        <translation>下段の表示 / アニメーションを書き出し…</translation>
    </message>
    <message>
        <source>Save Latent A (.npy)…</source>
        <translation>潜在ベクトル A を保存 (.npy)…</translation>
    </message>
    <message>
        <source>Could not open {0}: {1}</source>
        <translation>{0} を開けませんでした: {1}</translation>
    </message>
    <message>
        <source>live generator from training</source>
        <translation>訓練中の生成器 (スナップショット)</translation>
    </message>
    <message>
        <source>A projection or drag is running on the current device: stop it first, then switch</source>
        <translation>現在のデバイスで射影またはドラッグが実行中です。停止してから切り替えてください</translation>
    </message>
    <message>
        <source>This is a toy (1-D / 2-D points) model: the Training panel&apos;s toy views show it; the Explorer renders image generators.</source>
        <translation>これはトイモデル (1 次元 / 2 次元の点) です。訓練パネルのトイ表示で見られます。エクスプローラーが描画するのは画像の生成器です。</translation>
    </message>
    <message>
        <source>Opened {0}: {1} {2}², step {3}</source>
        <translation>{0} を開きました: {1} {2}²、ステップ {3}</translation>
    </message>
    <message>
        <source>Rendering failed: {0}</source>
        <translation>描画に失敗しました: {0}</translation>
    </message>
    <message>
        <source>{0} · {1} of {2} rendered…</source>
        <translation>{0} · {2} 枚中 {1} 枚を描画…</translation>
    </message>
    <message>
        <source>A is now seed {0} (from the gallery)</source>
        <translation>A をシード {0} にしました (ギャラリーから)</translation>
    </message>
    <message>
        <source>frame {0} of {1} (click the image or edit A to go back)</source>
        <translation>フレーム {0} / {1} (画像をクリックするか A を編集すると戻ります)</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
    <message>
        <source>frame {0} / {1} · {2} fps</source>
        <translation>フレーム {0} / {1} · {2} fps</translation>
    </message>
    <message>
        <source>Switching to w needs one rendered image first; try again in a moment</source>
        <translation>w に切り替えるには、先に画像が 1 枚描画されている必要があります。少し待ってからもう一度試してください</translation>
    </message>
    <message>
        <source>A has no z to go back to (it was loaded in w)</source>
        <translation>A には戻るべき z がありません (w として読み込まれました)</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>書き出しに失敗しました: {0}</translation>
    </message>
</context>
<context>
    <name>ExplorerState</name>
    <message>
        <source>this {0} model takes z only (no mapping network)</source>
        <translation>この {0} モデルは z しか受け付けません (マッピングネットワークがありません)</translation>
    </message>
    <message>
        <source>the saved {0} latent has shape {1}; this model needs {2}</source>
        <translation>保存された {0} の潜在ベクトルの形状は {1} ですが、このモデルには {2} が必要です</translation>
    </message>
    <message>
        <source>the saved direction edit has shape {0}; this model needs {1}</source>
        <translation>保存された方向の編集の形状は {0} ですが、このモデルには {1} が必要です</translation>
    </message>
    <message>
        <source>class {0} does not exist: this model has classes 0..{1}</source>
        <translation>クラス {0} はありません: このモデルのクラスは 0..{1} です</translation>
    </message>
    <message>
        <source>class {0} does not exist: this model has no classes</source>
        <translation>クラス {0} はありません: このモデルにはクラスがありません</translation>
    </message>
    <message>
        <source>no bookmark named “{0}”</source>
        <translation>「{0}」という名前のブックマークはありません</translation>
    </message>
    <message>
        <source>choose at least two points for the interpolation</source>
        <translation>補間する点を 2 つ以上選んでください</translation>
    </message>
    <message>
        <source>directions are still being computed</source>
        <translation>方向をまだ計算中です</translation>
    </message>
    <message>
        <source>this model has no named directions yet: label the gallery or import a directions file (Latent ▸ Directions)</source>
        <translation>このモデルにはまだ名前付きの方向がありません: ギャラリーにラベルを付けるか、方向ファイルを読み込んでください (潜在ベクトル ▸ 方向)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Current image (PNG)</source>
        <translation>現在の画像 (PNG)</translation>
    </message>
    <message>
        <source>Image grid (PNG)</source>
        <translation>画像グリッド (PNG)</translation>
    </message>
    <message>
        <source>Current strip: interpolation, sweep, mixing grid, variation</source>
        <translation>現在の下段の表示: 補間、スイープ、混合グリッド、変動</translation>
    </message>
    <message>
        <source>Latent A (.npy)</source>
        <translation>潜在ベクトル A (.npy)</translation>
    </message>
    <message>
        <source>const</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>random</source>
        <translation>ランダム</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>No preview yet</source>
        <translation>プレビューはまだありません</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <source>Seeds seed, seed+1, … fill the grid row by row</source>
        <translation>このシードから 1 ずつ増やしたシードで、行ごとにグリッドを埋めます</translation>
    </message>
    <message>
        <source>Pixels between tiles</source>
        <translation>タイル間のピクセル数</translation>
    </message>
    <message>
        <source>Nearest-neighbour upscale: crisp pixels</source>
        <translation>最近傍法による拡大 (ピクセルがぼやけません)</translation>
    </message>
    <message>
        <source>Animation frames per second</source>
        <translation>アニメーションの毎秒フレーム数</translation>
    </message>
    <message>
        <source>GIF animation</source>
        <translation>GIF アニメーション</translation>
    </message>
    <message>
        <source>WebP animation (lossless)</source>
        <translation>WebP アニメーション (可逆圧縮)</translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation>MP4 動画</translation>
    </message>
    <message>
        <source>PNG strip</source>
        <translation>PNG (横に並べた 1 枚)</translation>
    </message>
    <message>
        <source>needs imageio-ffmpeg: pip install &apos;ganstudio[video]&apos;</source>
        <translation>imageio-ffmpeg が必要です: `pip install &apos;ganstudio[video]&apos;`</translation>
    </message>
    <message>
        <source>Write a JSON sidecar (reproduce with `ganstudio export --from`)</source>
        <translation>JSON サイドカーも書き出す (`ganstudio export --from` で再現できます)</translation>
    </message>
    <message>
        <source>Write the rendered latents (.npy)</source>
        <translation>描画した潜在ベクトルも書き出す (.npy)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose the output file</source>
        <translation>書き出し先のファイルを選びます</translation>
    </message>
    <message>
        <source>Rows × columns</source>
        <translation>行数 × 列数</translation>
    </message>
    <message>
        <source>First seed</source>
        <translation>最初のシード</translation>
    </message>
    <message>
        <source>No strip shown yet</source>
        <translation>下段にはまだ何も表示されていません</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>毎秒フレーム数</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>余白</translation>
    </message>
    <message>
        <source>Upscale</source>
        <translation>拡大率</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存先</translation>
    </message>
    <message>
        <source>Writes {0}: latent A in its own space (z, w or w+), no image.</source>
        <translation>{0} を書き出します: 潜在ベクトル A をその空間 (z、w または w+) のまま保存し、画像は書き出しません。</translation>
    </message>
    <message>
        <source>{0} (settings to reproduce it)</source>
        <translation>{0} (再現するための設定)</translation>
    </message>
    <message>
        <source>noise {0}</source>
        <translation>ノイズ: {0}</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>クラス {0}</translation>
    </message>
    <message>
        <source>no style mixing (B and C unused)</source>
        <translation>スタイル混合なし (B と C は使いません)</translation>
    </message>
    <message>
        <source>Latent A with the style mixing shown (B / C)</source>
        <translation>表示中のスタイル混合 (B / C) を適用した潜在ベクトル A</translation>
    </message>
    <message>
        <source>Latent A</source>
        <translation>潜在ベクトル A</translation>
    </message>
    <message>
        <source>{0} × {1} tiles of seeds {2}–{3}</source>
        <translation>シード {2}–{3} の {0} × {1} タイル</translation>
    </message>
    <message>
        <source>; style mixing is not applied (each tile is its own seed)</source>
        <translation>。スタイル混合は適用されません (各タイルはそれぞれのシードです)</translation>
    </message>
    <message>
        <source>The strip shown below the image, as shown</source>
        <translation>画像の下に表示中の内容をそのまま</translation>
    </message>
    <message>
        <source>, at {0} frames per second</source>
        <translation>、毎秒 {0} フレーム</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Writes {0}. {1}. Uses {2}.</source>
        <translation>{0} を書き出します。{1}。使う設定: {2}。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>書き出し先</translation>
    </message>
</context>
<context>
    <name>ImageRecords</name>
    <message>
        <source>Cannot restore {0}: {1}</source>
        <translation>{0} を復元できません: {1}</translation>
    </message>
    <message>
        <source>{0} was made with {1}: open that model first, then open the image again.</source>
        <translation>{0} は {1} で作られました。先にそのモデルを開いてから、もう一度画像を開いてください。</translation>
    </message>
    <message>
        <source>Restored the state {0} was made in</source>
        <translation>{0} を作ったときの状態を復元しました</translation>
    </message>
    <message>
        <source>Restored the settings of {0}; its first image is now A (ganstudio export --from renders all of it again)</source>
        <translation>{0} の設定を復元しました。最初の画像が A になりました (ganstudio export --from ですべてを再び描画できます)</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>画像をコピー</translation>
    </message>
    <message>
        <source>Copy the image to the clipboard (as a PNG that remembers how it was made)</source>
        <translation>画像をクリップボードにコピーします (作り方を記録した PNG として)</translation>
    </message>
    <message>
        <source>Capture the View…</source>
        <translation>ビューをキャプチャ…</translation>
    </message>
    <message>
        <source>Save the whole Explorer view as a PNG; opening it restores this state</source>
        <translation>エクスプローラーのビュー全体を PNG として保存します。開くとこの状態が復元されます</translation>
    </message>
    <message>
        <source>No image to copy yet</source>
        <translation>コピーできる画像がまだありません</translation>
    </message>
    <message>
        <source>Capture the view</source>
        <translation>ビューをキャプチャ</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Open a model first: a capture records the image it shows</source>
        <translation>先にモデルを開いてください: キャプチャには表示中の画像が記録されます</translation>
    </message>
    <message>
        <source>the open model {0}</source>
        <translation>開いているモデル {0}</translation>
    </message>
    <message>
        <source>Could not copy the image: {0}</source>
        <translation>画像をコピーできませんでした: {0}</translation>
    </message>
    <message>
        <source>Copied the image (a PNG that remembers how it was made)</source>
        <translation>画像をコピーしました (作り方を記録した PNG)</translation>
    </message>
    <message>
        <source>Could not save the capture: {0}</source>
        <translation>キャプチャを保存できませんでした: {0}</translation>
    </message>
    <message>
        <source>Captured the view to {0}</source>
        <translation>ビューを {0} にキャプチャしました</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>Zoom In</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Fit to Pane</source>
        <translation>ペインに合わせる</translation>
    </message>
    <message>
        <source>Actual Pixels (1:1)</source>
        <translation>実際のピクセル (1:1)</translation>
    </message>
</context>
<context>
    <name>LabelPanel</name>
    <message>
        <source>Label the gallery</source>
        <translation>ギャラリーにラベルを付ける</translation>
    </message>
    <message>
        <source>Click gallery tiles that have the attribute, right-click those that lack it (click again to clear)</source>
        <translation>属性のあるギャラリーのタイルをクリック、ないタイルを右クリックします (もう一度クリックで解除)</translation>
    </message>
    <message>
        <source>attribute, e.g. “has a handle”</source>
        <translation>属性 (例: 「取っ手がある」)</translation>
    </message>
    <message>
        <source>+ has it</source>
        <translation>+ あり</translation>
    </message>
    <message>
        <source>− lacks it</source>
        <translation>− なし</translation>
    </message>
    <message>
        <source>What a left click marks (a right click marks the other)</source>
        <translation>左クリックで付ける印 (右クリックはもう一方)</translation>
    </message>
    <message>
        <source>More seeds</source>
        <translation>シードを追加</translation>
    </message>
    <message>
        <source>New random tiles (the marks stay with their seeds)</source>
        <translation>新しいランダムなタイル (印はそれぞれのシードに残ります)</translation>
    </message>
    <message>
        <source>Clear marks</source>
        <translation>印を消去</translation>
    </message>
    <message>
        <source>Forget every mark</source>
        <translation>すべての印を消します</translation>
    </message>
    <message>
        <source>logistic regression</source>
        <translation>ロジスティック回帰</translation>
    </message>
    <message>
        <source>linear SVM</source>
        <translation>線形サポートベクターマシン</translation>
    </message>
    <message>
        <source>Ticked directions stay unchanged when moving along the new one (it is made orthogonal to them)</source>
        <translation>チェックした方向は、新しい方向に沿って動かしても変わりません (新しい方向をそれらと直交させます)</translation>
    </message>
    <message>
        <source>Fit direction</source>
        <translation>方向を求める</translation>
    </message>
    <message>
        <source>Define a direction by labelling the gallery</source>
        <translation>ギャラリーにラベルを付けて方向を定義</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Click marks</source>
        <translation>クリックで付ける印</translation>
    </message>
    <message>
        <source>Independent of (optional):</source>
        <translation>独立にする方向 (任意):</translation>
    </message>
    <message>
        <source>Fit by</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>has it (+)</source>
        <translation>あり (+)</translation>
    </message>
    <message>
        <source>lacks it (−)</source>
        <translation>なし (−)</translation>
    </message>
    <message>
        <source>click = {0}, right-click = {1}, again = clear</source>
        <translation>クリック = {0}、右クリック = {1}、もう一度 = 解除</translation>
    </message>
    <message>
        <source>{0} with · {1} without (at least {2} of each to fit)</source>
        <translation>あり {0} · なし {1} (方向を求めるにはそれぞれ {2} 個以上)</translation>
    </message>
    <message>
        <source>Name the attribute and mark at least {0} tiles of each kind</source>
        <translation>属性に名前を付け、それぞれ {0} 個以上のタイルに印を付けてください</translation>
    </message>
    <message>
        <source>Fitting…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <source>Could not fit: {0}</source>
        <translation>求められませんでした: {0}</translation>
    </message>
    <message>
        <source>Could not fit a direction: {0}</source>
        <translation>方向を求められませんでした: {0}</translation>
    </message>
    <message>
        <source>“{0}”: held-out accuracy {1:.0%} ({2} of {3} held-out tiles on their side); the direction uses all {4} labels</source>
        <translation>「{0}」: 検証用データでの正解率 {1:.0%} (検証用タイル {3} 個中 {2} 個が正しい側)。方向にはラベル {4} 個すべてを使います</translation>
    </message>
    <message>
        <source>“{0}” fitted</source>
        <translation>「{0}」を求めました</translation>
    </message>
    <message>
        <source>independent of {0}</source>
        <translation>{0} とは独立</translation>
    </message>
</context>
<context>
    <name>LatentBars</name>
    <message>
        <source>w the image is made from: mapping(z) + direction edits</source>
        <translation>画像の元になる w: z のマッピング + 方向の編集</translation>
    </message>
    <message>
        <source>w the image is made from: your w + direction edits</source>
        <translation>画像の元になる w: 編集した w + 方向の編集</translation>
    </message>
    <message>
        <source>w+ row {row} the image is made from: your row + direction edits</source>
        <translation>画像の元になる w+ の行 {row}: 編集した行 + 方向の編集</translation>
    </message>
    <message>
        <source>z (click a bar to jump to its slider)</source>
        <translation>z (棒をクリックするとそのスライダーへ移動します)</translation>
    </message>
    <message>
        <source>w (edited directly)</source>
        <translation>w (直接編集)</translation>
    </message>
    <message>
        <source>w+ row {0} (edited directly)</source>
        <translation>w+ の行 {0} (直接編集)</translation>
    </message>
</context>
<context>
    <name>LatentEditor</name>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>z (input)</source>
        <translation>z (入力)</translation>
    </message>
    <message>
        <source>w (after mapping)</source>
        <translation>w (マッピング後)</translation>
    </message>
    <message>
        <source>w+ (one w per layer)</source>
        <translation>w+ (層ごとに 1 つの w)</translation>
    </message>
    <message>
        <source>Which space the sliders edit. w and w+ need a mapping network (StyleGAN).</source>
        <translation>スライダーで編集する空間。w と w+ にはマッピングネットワーク (StyleGAN) が必要です。</translation>
    </message>
    <message>
        <source>w+: which row of ws (which layers) the sliders edit</source>
        <translation>w+: スライダーで編集する行 (層)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Reset every dimension to the seed&apos;s values</source>
        <translation>すべての次元をシードの値に戻します</translation>
    </message>
    <message>
        <source>Class-conditional model: the class every image (A, B, C, the gallery, exports) is generated for</source>
        <translation>クラス条件付きモデル: すべての画像 (A、B、C、ギャラリー、書き出し) を生成するクラス</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>クラス</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>次元</translation>
    </message>
    <message>
        <source>Directions (PCA / SeFa / named)</source>
        <translation>方向 (主成分分析 / SeFa / 名前付き)</translation>
    </message>
    <message>
        <source>Truncation ψ: 1 = none, 0 = the average image (w_avg), between = closer to the average, safer but less varied</source>
        <translation>切り捨て ψ: 1 = なし、0 = 平均画像 (w の平均)、その間 = 平均に近づき、破綻しにくい代わりに多様性が減ります</translation>
    </message>
    <message>
        <source>Truncate only the first rows of ws (the coarse layers)</source>
        <translation>w+ の最初の行 (粗い層) だけを切り捨てます</translation>
    </message>
    <message>
        <source>Latent A</source>
        <translation>潜在ベクトル A</translation>
    </message>
    <message>
        <source>Edit in</source>
        <translation>編集する空間</translation>
    </message>
    <message>
        <source>Truncation</source>
        <translation>切り捨て (トランケーション)</translation>
    </message>
    <message>
        <source>Cutoff</source>
        <translation>適用範囲</translation>
    </message>
    <message>
        <source>Which space the sliders edit</source>
        <translation>スライダーで編集する空間</translation>
    </message>
    <message>
        <source>This {0} generator has no mapping network: it is edited in z only</source>
        <translation>この {0} 生成器にはマッピングネットワークがありません: z でのみ編集できます</translation>
    </message>
    <message>
        <source>all layers</source>
        <translation>すべての層</translation>
    </message>
    <message>
        <source>first {0} rows (to {1})</source>
        <translation>最初の {0} 行 ({1} まで)</translation>
    </message>
    <message>
        <source>first {0} rows</source>
        <translation>最初の {0} 行</translation>
    </message>
    <message>
        <source>ψ pulls every style row towards w_avg, the average image.</source>
        <translation>ψ はすべてのスタイル行を w の平均 (平均画像) へ引き寄せます。</translation>
    </message>
    <message>
        <source>No mapping network: ψ scales z towards 0 (the mean of z).</source>
        <translation>マッピングネットワークがありません: ψ は z を 0 (z の平均) へ縮めます。</translation>
    </message>
</context>
<context>
    <name>LayersSection</name>
    <message>
        <source>Channel grid</source>
        <translation>チャンネルのグリッド</translation>
    </message>
    <message>
        <source>One channel</source>
        <translation>1 チャンネル</translation>
    </message>
    <message>
        <source>Mean over channels</source>
        <translation>チャンネルの平均</translation>
    </message>
    <message>
        <source>Max over channels</source>
        <translation>チャンネルの最大値</translation>
    </message>
    <message>
        <source>Largest |value| = full scale</source>
        <translation>最大の |値| = 最大輝度</translation>
    </message>
    <message>
        <source>Each channel to full scale</source>
        <translation>チャンネルごとに最大輝度へ</translation>
    </message>
    <message>
        <source>Stretch min … max</source>
        <translation>最小 … 最大に引き伸ばす</translation>
    </message>
    <message>
        <source>None (±1 = black / white)</source>
        <translation>なし (±1 = 黒 / 白)</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Output (channels × height × width)</source>
        <translation>出力 (チャンネル × 高さ × 幅)</translation>
    </message>
    <message>
        <source>channel </source>
        <translation>チャンネル </translation>
    </message>
    <message>
        <source>The channel shown (grid: the first tile)</source>
        <translation>表示するチャンネル (グリッド: 最初のタイル)</translation>
    </message>
    <message>
        <source> tiles</source>
        <translation> タイル</translation>
    </message>
    <message>
        <source>Channels in the grid</source>
        <translation>グリッドに並べるチャンネル数</translation>
    </message>
    <message>
        <source>How values become grey levels (0 is mid grey)</source>
        <translation>値を灰色の濃さに変える方法 (0 が中間の灰色)</translation>
    </message>
    <message>
        <source>Brightness: values are multiplied by 10^(dB / 20) (+20 dB = ten times)</source>
        <translation>明るさ: 値に 10^(dB / 20) を掛けます (+20 dB = 10 倍)</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>The spectrum&apos;s colours span this many dB below its peak</source>
        <translation>スペクトルの色が表す範囲 (ピークから何 dB 下まで)</translation>
    </message>
    <message>
        <source>of every channel</source>
        <translation>全チャンネル</translation>
    </message>
    <message>
        <source>The spectrum of all channels summed (off: only the channels shown)</source>
        <translation>全チャンネルを合計したスペクトル (オフ: 表示中のチャンネルのみ)</translation>
    </message>
    <message>
        <source>Choose a layer</source>
        <translation>層を選んでください</translation>
    </message>
    <message>
        <source>Click a tile of the grid to see that channel alone</source>
        <translation>グリッドのタイルをクリックすると、そのチャンネルだけを表示します</translation>
    </message>
    <message>
        <source>The power spectrum of the layer</source>
        <translation>この層のパワースペクトル</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特徴マップ</translation>
    </message>
    <message>
        <source>Normalise</source>
        <translation>正規化</translation>
    </message>
    <message>
        <source>Gain (dB)</source>
        <translation>ゲイン (dB)</translation>
    </message>
    <message>
        <source>Power spectrum (log scale, zero frequency in the centre)</source>
        <translation>パワースペクトル (対数スケール、中央が周波数 0)</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>Energy far from the centre that the layer should not hold at its sampling rate is aliasing; StyleGAN3&apos;s layers keep it low.</source>
        <translation>中央から遠く、その層のサンプリングレートでは持つべきでないエネルギーはエイリアシングです。StyleGAN3 の層はこれを低く抑えます。</translation>
    </message>
    <message>
        <source>Listing the layers…</source>
        <translation>層を一覧にしています…</translation>
    </message>
    <message>
        <source>Capturing {0}…</source>
        <translation>{0} を取得しています…</translation>
    </message>
    <message>
        <source>Nothing was captured</source>
        <translation>何も取得されませんでした</translation>
    </message>
    <message>
        <source>channels {0}–{1} of {2}</source>
        <translation>チャンネル {0}–{1} / {2}</translation>
    </message>
    <message>
        <source>channel {0} of {1}</source>
        <translation>チャンネル {0} / {1}</translation>
    </message>
    <message>
        <source>mean of {0} channels</source>
        <translation>{0} チャンネルの平均</translation>
    </message>
    <message>
        <source>max of {0} channels</source>
        <translation>{0} チャンネルの最大値</translation>
    </message>
    <message>
        <source>Layer: mean {0:.3g} · std {1:.3g} · min {2:.3g} · max {3:.3g}</source>
        <translation>層: 平均 {0:.3g} · 標準偏差 {1:.3g} · 最小 {2:.3g} · 最大 {3:.3g}</translation>
    </message>
    <message>
        <source>A dense layer (a vector, not a map) has no 2-D spectrum</source>
        <translation>全結合層 (マップではなくベクトル) には 2 次元のスペクトルがありません</translation>
    </message>
    <message>
        <source>peak {0:.0f} dB above the mean power</source>
        <translation>ピークは平均パワーより {0:.0f} dB 高い</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Distance of the reconstruction to the target, per step (lower is closer)</source>
        <translation>ステップごとの再構成と目標の距離 (小さいほど近い)</translation>
    </message>
    <message>
        <source>loss curve: waiting for the first steps</source>
        <translation>損失曲線: 最初のステップを待っています</translation>
    </message>
    <message>
        <source>distance (log): {0:.4g} now, best {1:.4g}</source>
        <translation>距離 (対数): 現在 {0:.4g}、最良 {1:.4g}</translation>
    </message>
    <message>
        <source>distance: {0:.4g} now, best {1:.4g}</source>
        <translation>距離: 現在 {0:.4g}、最良 {1:.4g}</translation>
    </message>
</context>
<context>
    <name>MixingSection</name>
    <message>
        <source>B seed</source>
        <translation>B のシード</translation>
    </message>
    <message>
        <source>C seed</source>
        <translation>C のシード</translation>
    </message>
    <message>
        <source>Latent {0} as it enters the mix (truncated like A)</source>
        <translation>混合に入るときの潜在ベクトル {0} (A と同じく切り捨て済み)</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解像度</translation>
    </message>
    <message>
        <source>ws rows</source>
        <translation>w+ の行</translation>
    </message>
    <message>
        <source>Styles from</source>
        <translation>スタイルの出どころ</translation>
    </message>
    <message>
        <source>Coarse</source>
        <translation>粗い</translation>
    </message>
    <message>
        <source>Coarse styles (StyleGAN paper) from B</source>
        <translation>粗いスタイル (StyleGAN 論文) を B から</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>中間</translation>
    </message>
    <message>
        <source>Middle styles (StyleGAN paper) from B</source>
        <translation>中間スタイル (StyleGAN 論文) を B から</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>細かい</translation>
    </message>
    <message>
        <source>Fine styles (StyleGAN paper) from B</source>
        <translation>細かいスタイル (StyleGAN 論文) を B から</translation>
    </message>
    <message>
        <source>All A</source>
        <translation>すべて A</translation>
    </message>
    <message>
        <source>No mixing: every row of ws from A</source>
        <translation>混合なし: w+ のすべての行を A から</translation>
    </message>
    <message>
        <source>Seeds down the left of the grid, e.g. 1,2,3 or 10-13</source>
        <translation>グリッドの左に縦に並ぶシード (例: 1,2,3 や 10-13)</translation>
    </message>
    <message>
        <source>Seeds across the top of the grid</source>
        <translation>グリッドの上に横に並ぶシード</translation>
    </message>
    <message>
        <source>coarse styles</source>
        <translation>粗いスタイル</translation>
    </message>
    <message>
        <source>middle styles</source>
        <translation>中間スタイル</translation>
    </message>
    <message>
        <source>fine styles</source>
        <translation>細かいスタイル</translation>
    </message>
    <message>
        <source>styles marked B/C in the table</source>
        <translation>表で B/C にしたスタイル</translation>
    </message>
    <message>
        <source>Show mixing grid</source>
        <translation>混合グリッドを表示</translation>
    </message>
    <message>
        <source>Each row seed takes the chosen styles of each column seed (paper Fig. 3)</source>
        <translation>各行のシードが各列のシードから選んだスタイルを受け取ります (論文の図 3)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>混合の元</translation>
    </message>
    <message>
        <source>Which latent feeds each resolution</source>
        <translation>解像度ごとのスタイルの出どころ</translation>
    </message>
    <message>
        <source>Mixing grid</source>
        <translation>混合グリッド</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Columns give</source>
        <translation>列から渡すもの</translation>
    </message>
    <message>
        <source>{0}: give seeds like 1,2,5-8, each from 0 to 4294967295 (got “{1}”)</source>
        <translation>{0}: 1,2,5-8 のようにシードを指定してください。各シードは 0 から 4294967295 まで (入力: 「{1}」)</translation>
    </message>
    <message>
        <source>Give 1–16 seeds for rows and for columns</source>
        <translation>行と列にそれぞれ 1～16 個のシードを指定してください</translation>
    </message>
    <message>
        <source>&lt;b&gt;Style mixing is unavailable for this {0} generator.&lt;/b&gt; Mixing swaps the per-layer styles (rows of w) that a StyleGAN mapping network feeds to each resolution; a {0} generator feeds z once into its first layer, so there are no per-layer styles to mix. Open a StyleGAN checkpoint to use this section.</source>
        <translation>&lt;b&gt;この {0} 生成器ではスタイル混合は使えません。&lt;/b&gt;スタイル混合は、StyleGAN のマッピングネットワークが解像度ごとに渡す層ごとのスタイル (w の行) を入れ替えます。{0} 生成器は z を最初の層に一度だけ入力するので、混合する層ごとのスタイルがありません。この機能を使うには StyleGAN のチェックポイントを開いてください。</translation>
    </message>
    <message>
        <source>Which latent feeds each {0}</source>
        <translation>{0}ごとのスタイルの出どころ</translation>
    </message>
    <message>
        <source>Which latent&apos;s styles feed these layers. {0}</source>
        <translation>これらの層にどの潜在ベクトルのスタイルを渡すか。{0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;ws rows&lt;/b&gt;: the rows of w+ that each {0}&apos;s layers read. Neighbours share a row (one block&apos;s image output, ToRGB, and the next block&apos;s first layer read the same w); a shared row takes the styles chosen for the higher one.</source>
        <translation>&lt;b&gt;w+ の行&lt;/b&gt;: 各{0}の層が読む w+ の行。隣どうしは 1 行を共有します (あるブロックの画像出力 ToRGB と次のブロックの最初の層が同じ w を読むため)。共有された行には、高いほうで選んだスタイルが使われます。</translation>
    </message>
</context>
<context>
    <name>ModelInfo</name>
    <message>
        <source>, Radford&apos;s layout (transposed convolutions)</source>
        <translation>、原論文 (DCGAN) の構成 (転置畳み込み)</translation>
    </message>
    <message>
        <source>, the course&apos;s layout (nearest upsampling + 3×3 convolutions)</source>
        <translation>、講座の構成 (最近傍アップサンプリング + 3×3 畳み込み)</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>入手元</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>グレースケール</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解像度</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>クラス数</translation>
    </message>
    <message>
        <source>{0} (class-conditional; pick one in the Latent tab)</source>
        <translation>{0} (クラス条件付き。「潜在ベクトル」タブで選べます)</translation>
    </message>
    <message>
        <source>z size</source>
        <translation>z の次元数</translation>
    </message>
    <message>
        <source>w size</source>
        <translation>w の次元数</translation>
    </message>
    <message>
        <source>{0} × {1} style rows</source>
        <translation>{0} 次元 × {1} 行 (スタイル行)</translation>
    </message>
    <message>
        <source>Sampling rates</source>
        <translation>サンプリングレート</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>Noise inputs</source>
        <translation>ノイズ入力</translation>
    </message>
    <message>
        <source>yes (per-pixel, every layer)</source>
        <translation>あり (ピクセルごと、全層)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Steps trained</source>
        <translation>訓練ステップ数</translation>
    </message>
    <message>
        <source>— (a network pickle does not record it)</source>
        <translation>— (ネットワークの pickle には記録されていません)</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>レシピ</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>読み込み元</translation>
    </message>
    <message>
        <source>Open checkpoint…</source>
        <translation>チェックポイントを開く…</translation>
    </message>
    <message>
        <source>No model open. Open a checkpoint (.pt), an official StyleGAN2-ADA / StyleGAN3 network pickle (.pkl) or a run directory — its newest checkpoint is used — or drop one onto the Explorer.</source>
        <translation>モデルが開かれていません。チェックポイント (.pt)、公式 StyleGAN2-ADA / StyleGAN3 のネットワーク pickle (.pkl)、または実行フォルダー (最新のチェックポイントを使います) を開くか、エクスプローラーにドロップしてください。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Tip: drag a checkpoint, a .pkl or a run folder onto the image.</source>
        <translation>ヒント: チェックポイント、.pkl、実行フォルダーを画像の上にドラッグしても開けます。</translation>
    </message>
</context>
<context>
    <name>ModelView</name>
    <message>
        <source>StyleGAN2 (official)</source>
        <translation>StyleGAN2 (公式)</translation>
    </message>
    <message>
        <source>StyleGAN3 (official)</source>
        <translation>StyleGAN3 (公式)</translation>
    </message>
    <message>
        <source>toy</source>
        <translation>トイ</translation>
    </message>
    <message>
        <source>StyleGAN2 (mapping + synthesis)</source>
        <translation>StyleGAN2 (マッピング + 合成)</translation>
    </message>
    <message>
        <source>StyleGAN2-ADA, official NVlabs network (mapping + synthesis)</source>
        <translation>StyleGAN2-ADA、NVlabs 公式ネットワーク (マッピング + 合成)</translation>
    </message>
    <message>
        <source>StyleGAN3, official NVlabs alias-free network (mapping + synthesis)</source>
        <translation>StyleGAN3、NVlabs 公式のエイリアスフリーネットワーク (マッピング + 合成)</translation>
    </message>
    <message>
        <source>MLP (vanilla GAN)</source>
        <translation>MLP (Vanilla GAN)</translation>
    </message>
    <message>
        <source>toy 1-D / 2-D</source>
        <translation>トイ (1 次元 / 2 次元)</translation>
    </message>
    <message>
        <source>Sampling rate</source>
        <translation>サンプリングレート</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解像度</translation>
    </message>
    <message>
        <source>rate {0}</source>
        <translation>レート {0}</translation>
    </message>
    <message>
        <source>Layers sampled at {0} samples across the image (ws rows {1}): {2}</source>
        <translation>画像の幅あたり {0} サンプルでサンプリングされる層 (w+ の行 {1}): {2}</translation>
    </message>
    <message>
        <source>The {0}×{0} block (ws rows {1})</source>
        <translation>{0}×{0} のブロック (w+ の行 {1})</translation>
    </message>
    <message>
        <source>row {0} · {1} ({2})</source>
        <translation>行 {0} · {1} ({2})</translation>
    </message>
    <message>
        <source>row {0} · {1}</source>
        <translation>行 {0} · {1}</translation>
    </message>
</context>
<context>
    <name>NamedDirectionsWidget</name>
    <message>
        <source>No named directions yet: label tiles of the gallery below, import a file or make class directions.</source>
        <translation>名前付きの方向はまだありません: 下のギャラリーのタイルにラベルを付けるか、ファイルを読み込むか、クラスの方向を作ってください。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>読み込み…</translation>
    </message>
    <message>
        <source>Add the directions of a directions file (.json) made for this model</source>
        <translation>このモデル用に作られた方向ファイル (.json) の方向を追加します</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Write this model&apos;s named directions to a file (.json)</source>
        <translation>このモデルの名前付きの方向をファイル (.json) に書き出します</translation>
    </message>
    <message>
        <source>Class directions</source>
        <translation>クラスの方向</translation>
    </message>
    <message>
        <source>Label {0} samples with the shipped Fashion-MNIST classifier and add one direction per class (“more like a boot”)</source>
        <translation>同梱の Fashion-MNIST 分類器で {0} 個のサンプルにラベルを付け、クラスごとに 1 つの方向を追加します (「よりブーツらしく」)</translation>
    </message>
    <message>
        <source>Cosine similarity of every pair of named directions: 1 = the same, 0 = independent, −1 = opposite</source>
        <translation>名前付きの方向どうしのコサイン類似度: 1 = 同じ、0 = 独立、−1 = 逆向き</translation>
    </message>
    <message>
        <source>Similarity (cosine; numbered as the sliders above)</source>
        <translation>類似度 (コサイン。番号は上のスライダーと同じ)</translation>
    </message>
    <message>
        <source>Named directions (kept for this model)</source>
        <translation>名前付きの方向 (このモデル用に保存)</translation>
    </message>
    <message>
        <source>The saved directions of this model cannot be read: {0}</source>
        <translation>このモデルの保存済みの方向を読み込めません: {0}</translation>
    </message>
    <message>
        <source>held-out accuracy {0:.0%}</source>
        <translation>検証用データでの正解率 {0:.0%}</translation>
    </message>
    <message>
        <source>from the classifier: samples it calls {0}</source>
        <translation>分類器から: {0} と判定されたサンプル</translation>
    </message>
    <message>
        <source>from your labels: {0} with, {1} without</source>
        <translation>あなたのラベルから: あり {0}、なし {1}</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>読み込み済み</translation>
    </message>
    <message>
        <source>Move along this direction, in standard deviations of w</source>
        <translation>この方向に沿って動かします (単位は w の標準偏差)</translation>
    </message>
    <message>
        <source>Delete this direction</source>
        <translation>この方向を削除</translation>
    </message>
    <message>
        <source>cos(“{0}”, “{1}”) = {2:+.3f}</source>
        <translation>cos(「{0}」, 「{1}」) = {2:+.3f}</translation>
    </message>
    <message>
        <source>Deleted the direction “{0}”</source>
        <translation>方向「{0}」を削除しました</translation>
    </message>
    <message>
        <source>The directions could not be saved: {0}</source>
        <translation>方向を保存できませんでした: {0}</translation>
    </message>
    <message>
        <source>Not imported: {0}</source>
        <translation>読み込みませんでした: {0}</translation>
    </message>
    <message>
        <source>Imported {0} direction(s) from {1}: {2}</source>
        <translation>{1} から方向を {0} 個読み込みました: {2}</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0} を書き出せませんでした: {1}</translation>
    </message>
    <message>
        <source>Wrote {0} direction(s) to {1}</source>
        <translation>方向 {0} 個を {1} に書き出しました</translation>
    </message>
    <message>
        <source>Import directions</source>
        <translation>方向を読み込む</translation>
    </message>
    <message>
        <source>Directions (*.json)</source>
        <translation>方向 (*.json)</translation>
    </message>
    <message>
        <source>Export directions</source>
        <translation>方向を書き出す</translation>
    </message>
    <message>
        <source>Labelling {0} samples with the classifier…</source>
        <translation>分類器で {0} 個のサンプルにラベルを付けています…</translation>
    </message>
    <message>
        <source>more like {0}</source>
        <translation>より {0} らしく</translation>
    </message>
    <message>
        <source>Class directions failed: {0}</source>
        <translation>クラスの方向を作れませんでした: {0}</translation>
    </message>
    <message>
        <source>Added {0} class directions from {1} classified samples</source>
        <translation>分類した {1} 個のサンプルからクラスの方向を {0} 個追加しました</translation>
    </message>
</context>
<context>
    <name>NoiseSection</name>
    <message>
        <source>&lt;b&gt;No noise inputs.&lt;/b&gt; This {0} generator has none: StyleGAN3 removed StyleGAN2&apos;s per-pixel noise, because noise fixed to the pixel grid ties fine details to pixel positions instead of to the coarser features they belong to. Its image depends only on the latent and the class, so there are no noise modes, strengths or stochastic variation to show.</source>
        <translation>&lt;b&gt;ノイズ入力はありません。&lt;/b&gt;この {0} 生成器にはノイズ入力がありません。StyleGAN3 は StyleGAN2 のピクセルごとのノイズを取り除きました。ピクセル格子に固定されたノイズは、細部を本来属する大まかな特徴ではなくピクセルの位置に結び付けてしまうからです。画像は潜在ベクトルとクラスだけで決まるため、ノイズのモード、強さ、確率的変動はありません。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No noise inputs.&lt;/b&gt; This {0} generator has none: StyleGAN3 removed StyleGAN2&apos;s per-pixel noise, because noise fixed to the pixel grid ties fine details to pixel positions instead of to the coarser features they belong to. Its image depends only on the latent, so there are no noise modes, strengths or stochastic variation to show.</source>
        <translation>&lt;b&gt;ノイズ入力はありません。&lt;/b&gt;この {0} 生成器にはノイズ入力がありません。StyleGAN3 は StyleGAN2 のピクセルごとのノイズを取り除きました。ピクセル格子に固定されたノイズは、細部を本来属する大まかな特徴ではなくピクセルの位置に結び付けてしまうからです。画像は潜在ベクトルだけで決まるため、ノイズのモード、強さ、確率的変動はありません。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No noise inputs.&lt;/b&gt; This {0} generator is a deterministic function of z: the same z always gives the same image. Per-layer noise is a StyleGAN2 feature.</source>
        <translation>&lt;b&gt;ノイズ入力はありません。&lt;/b&gt;この {0} 生成器は z の決定的な関数です: 同じ z からは常に同じ画像が生成されます。層ごとのノイズは StyleGAN2 の機能です。</translation>
    </message>
    <message>
        <source>constant (the same every render)</source>
        <translation>固定 (毎回同じノイズ)</translation>
    </message>
    <message>
        <source>random (seeded; re-roll for new)</source>
        <translation>ランダム (シード付き。引き直すと変わります)</translation>
    </message>
    <message>
        <source>none (noise switched off)</source>
        <translation>なし (ノイズを切る)</translation>
    </message>
    <message>
        <source>Re-roll</source>
        <translation>引き直す</translation>
    </message>
    <message>
        <source>New random noise (switches to random noise)</source>
        <translation>新しいランダムノイズ (ランダムノイズに切り替わります)</translation>
    </message>
    <message>
        <source>All 1.0</source>
        <translation>すべて 1.0</translation>
    </message>
    <message>
        <source>Every block at its learned noise strength</source>
        <translation>すべてのブロックを学習したノイズの強さに戻します</translation>
    </message>
    <message>
        <source>Show stochastic variation</source>
        <translation>確率的変動を表示</translation>
    </message>
    <message>
        <source>Latent A rendered with fresh noise each time; the last tile maps where the pixels differ (bright = noise changes it)</source>
        <translation>潜在ベクトル A を毎回新しいノイズで描画します。最後のタイルはピクセルが変わる場所を示します (明るい = ノイズで変わる)</translation>
    </message>
    <message>
        <source>Noise inputs</source>
        <translation>ノイズ入力</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <source>StyleGAN adds per-pixel noise in every layer: it decides stochastic detail (texture, strands, speckle), not identity.</source>
        <translation>StyleGAN はすべての層でピクセルごとのノイズを加えます。ノイズが決めるのは確率的な細部 (質感、毛の流れ、斑点) で、全体の見た目ではありません。</translation>
    </message>
    <message>
        <source>Strength per resolution (× learned)</source>
        <translation>解像度ごとの強さ (学習値の倍率)</translation>
    </message>
    <message>
        <source>Stochastic variation</source>
        <translation>確率的変動</translation>
    </message>
    <message>
        <source>Renders</source>
        <translation>描画数</translation>
    </message>
    <message>
        <source>noise seed {0}</source>
        <translation>ノイズのシード {0}</translation>
    </message>
</context>
<context>
    <name>PanelDirections</name>
    <message>
        <source>Added the direction “{0}”: its slider is under Named directions</source>
        <translation>方向「{0}」を追加しました: スライダーは「名前付きの方向」にあります</translation>
    </message>
</context>
<context>
    <name>PanelFileActions</name>
    <message>
        <source>Could not open {0}: {1}</source>
        <translation>{0} を開けませんでした: {1}</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>{0} を開いています…</translation>
    </message>
    <message>
        <source>Opening a model</source>
        <translation>モデルを開いています</translation>
    </message>
    <message>
        <source>Opening {0} was cancelled</source>
        <translation>{0} を開くのを取り消しました</translation>
    </message>
    <message>
        <source>Load latent</source>
        <translation>潜在ベクトルを読み込む</translation>
    </message>
    <message>
        <source>Latents (*.npy *.json)</source>
        <translation>潜在ベクトル (*.npy *.json)</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>モデルを開く</translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation>(最近使ったファイルはありません)</translation>
    </message>
    <message>
        <source>Clear recent files</source>
        <translation>最近使ったファイルの一覧を消去</translation>
    </message>
    <message>
        <source>Nothing shown yet to preview</source>
        <translation>プレビューできるものがまだ表示されていません</translation>
    </message>
    <message>
        <source>The image in the main view</source>
        <translation>メインビューの画像</translation>
    </message>
    <message>
        <source>The strip below the image: {0} frames</source>
        <translation>画像の下の表示: {0} フレーム</translation>
    </message>
    <message>
        <source>The whole grid</source>
        <translation>グリッド全体</translation>
    </message>
    <message>
        <source>Its first {0} × {1} tiles</source>
        <translation>最初の {0} × {1} タイル</translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation>プレビューを描画しています…</translation>
    </message>
    <message>
        <source>Saved latent A to {0}</source>
        <translation>潜在ベクトル A を {0} に保存しました</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} を保存できませんでした: {1}</translation>
    </message>
    <message>
        <source>Cannot export: {0}</source>
        <translation>書き出せません: {0}</translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation>{0} を書き出しています…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
</context>
<context>
    <name>PanelInside</name>
    <message>
        <source>Layers</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Inside the generator: each layer&apos;s feature maps and their spectrum</source>
        <translation>生成器の内部: 各層の特徴マップとそのスペクトル</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>変換</translation>
    </message>
    <message>
        <source>StyleGAN3: move and turn the input</source>
        <translation>StyleGAN3: 入力を動かし、回転させます</translation>
    </message>
</context>
<context>
    <name>PanelLayout</name>
    <message>
        <source>Strip</source>
        <translation>下段の表示</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>the model&apos;s discriminator features</source>
        <translation>モデルの識別器の特徴</translation>
    </message>
    <message>
        <source>multi-scale SSIM + L1 pixels</source>
        <translation>マルチスケール SSIM + ピクセルの L1</translation>
    </message>
    <message>
        <source>pixel MSE</source>
        <translation>ピクセルの MSE</translation>
    </message>
    <message>
        <source>Project an image</source>
        <translation>画像を射影</translation>
    </message>
    <message>
        <source>Pictures ({0});;All files (*)</source>
        <translation>画像 ({0});;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Steps: enter a whole number from 1 to {0:,} (got “{1}”)</source>
        <translation>ステップ数: 1 から {0:,} までの整数を入力してください (入力: 「{1}」)</translation>
    </message>
    <message>
        <source>Open a model first: projecting finds the latent of your picture in the open model.</source>
        <translation>先にモデルを開いてください: 射影は、開いているモデルの中から画像に対応する潜在ベクトルを探します。</translation>
    </message>
    <message>
        <source>A projection is running: stop it before projecting another picture.</source>
        <translation>射影を実行中です: 別の画像を射影する前に停止してください。</translation>
    </message>
    <message>
        <source>Cannot project this picture: {0}</source>
        <translation>この画像は射影できません: {0}</translation>
    </message>
    <message>
        <source>The model changed during the projection: its result was not applied.</source>
        <translation>射影の途中でモデルが変わりました: 結果は適用していません。</translation>
    </message>
    <message>
        <source>The projection&apos;s latent does not fit this model: {0}</source>
        <translation>射影で得た潜在ベクトルはこのモデルに合いません: {0}</translation>
    </message>
    <message>
        <source>truncation ψ = 1</source>
        <translation>切り捨て ψ = 1</translation>
    </message>
    <message>
        <source>the model&apos;s own noise</source>
        <translation>モデル本来のノイズ</translation>
    </message>
    <message>
        <source>A is now the {0} projection of {1} (distance {2:.4g} by {3}, best at step {4}, stopped after {5} steps); bookmarked as “{6}”</source>
        <translation>A を {1} の射影 ({0}) にしました (距離 {2:.4g}、尺度: {3}、最良はステップ {4}、{5} ステップで停止)。「{6}」としてブックマークしました</translation>
    </message>
    <message>
        <source>A is now the {0} projection of {1} (distance {2:.4g} by {3}, best at step {4}, after {5} steps); bookmarked as “{6}”</source>
        <translation>A を {1} の射影 ({0}) にしました (距離 {2:.4g}、尺度: {3}、最良はステップ {4}、{5} ステップ実行)。「{6}」としてブックマークしました</translation>
    </message>
    <message>
        <source>; set {0} so that A shows the reconstruction</source>
        <translation>。A に再構成が表示されるよう、{0} にしました</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>. Note: {0}</source>
        <translation>。注: {0}</translation>
    </message>
    <message>
        <source>Project {0}</source>
        <translation>{0} を射影</translation>
    </message>
    <message>
        <source>Size of the crop square, as a share of the picture&apos;s shorter side</source>
        <translation>切り抜く正方形の大きさ (画像の短い辺に対する割合)</translation>
    </message>
    <message>
        <source>white</source>
        <translation>白</translation>
    </message>
    <message>
        <source>black</source>
        <translation>黒</translation>
    </message>
    <message>
        <source>What transparent pixels become (the model draws no transparency)</source>
        <translation>透明なピクセルを何色にするか (モデルは透明を描けません)</translation>
    </message>
    <message>
        <source>w+ (one w per layer: closest)</source>
        <translation>w+ (層ごとに 1 つの w: 最も近い)</translation>
    </message>
    <message>
        <source>w (one w for every layer: easiest to edit)</source>
        <translation>w (全層で 1 つの w: 最も編集しやすい)</translation>
    </message>
    <message>
        <source>Optimisation steps (1 to {0:,}); Stop keeps the best latent so far</source>
        <translation>最適化のステップ数 (1～{0:,})。停止すると、それまでで最良の潜在ベクトルが残ります</translation>
    </message>
    <message>
        <source>Crop size</source>
        <translation>切り抜きの大きさ</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>Transparent pixels on</source>
        <translation>透明部分の背景</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空間</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Target: what the model will try to draw</source>
        <translation>目標: モデルが描こうとする画像</translation>
    </message>
    <message>
        <source>The reconstruction appears after the first steps</source>
        <translation>最初の数ステップの後に再構成が表示されます</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Reconstruction (current step)</source>
        <translation>再構成 (現在のステップ)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>射影</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop now and keep the best latent so far</source>
        <translation>今すぐ停止し、それまでで最良の潜在ベクトルを残します</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cannot show {0}: {1}</source>
        <translation>{0} を表示できません: {1}</translation>
    </message>
    <message>
        <source>cropped to the {0} × {0} square at ({1}, {2}) of the {3} × {4} picture</source>
        <translation>{3} × {4} の画像の ({1}, {2}) にある {0} × {0} の正方形に切り抜き</translation>
    </message>
    <message>
        <source>frame {0} used</source>
        <translation>フレーム {0} を使用</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>カラー</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>グレースケール</translation>
    </message>
    <message>
        <source>Conversions: {0}.</source>
        <translation>変換: {0}。</translation>
    </message>
    <message>
        <source>No conversion needed: the picture is used as it is.</source>
        <translation>変換は不要です: 画像をそのまま使います。</translation>
    </message>
    <message>
        <source>This {0} model has no mapping network: z is optimised (no w or w+)</source>
        <translation>この {0} モデルにはマッピングネットワークがありません: z を最適化します (w や w+ はありません)</translation>
    </message>
    <message>
        <source>Getting ready: the starting latent and the distance…</source>
        <translation>準備中: 開始時の潜在ベクトルと距離…</translation>
    </message>
    <message>
        <source>Projecting {0}…</source>
        <translation>{0} を射影しています…</translation>
    </message>
    <message>
        <source>Projecting with {0} as the distance…</source>
        <translation>射影しています (距離の尺度: {0})…</translation>
    </message>
    <message>
        <source>{0} (the result is a z latent).</source>
        <translation>{0} (結果は z の潜在ベクトルです)。</translation>
    </message>
    <message>
        <source>Projecting {0}: {1}</source>
        <translation>{0} を射影中: {1}</translation>
    </message>
    <message>
        <source> · stopping…</source>
        <translation> · 停止中…</translation>
    </message>
    <message>
        <source>Step {0} / {1} · distance {2:.4g} · best {3:.4g} at step {4}</source>
        <translation>ステップ {0} / {1} · 距離 {2:.4g} · 最良 {3:.4g} (ステップ {4})</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止中…</translation>
    </message>
    <message>
        <source>best: step {0}</source>
        <translation>最良: ステップ {0}</translation>
    </message>
    <message>
        <source>The projection ended.</source>
        <translation>射影が終わりました。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Another model was opened: the projection was stopped (nothing was applied).</source>
        <translation>別のモデルが開かれました: 射影を停止しました (何も適用していません)。</translation>
    </message>
    <message>
        <source>Stopping the projection of {0}: the best latent so far becomes A</source>
        <translation>{0} の射影を停止しています: それまでで最良の潜在ベクトルが A になります</translation>
    </message>
</context>
<context>
    <name>ProjectionTask</name>
    <message>
        <source>The projection could not start: {0}</source>
        <translation>射影を開始できませんでした: {0}</translation>
    </message>
    <message>
        <source>The projection&apos;s result could not be rendered: {0}</source>
        <translation>射影の結果を描画できませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>RenderProgress</name>
    <message>
        <source>loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>computing directions…</source>
        <translation>方向を計算中…</translation>
    </message>
    <message>
        <source>exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <source>projecting…</source>
        <translation>射影中…</translation>
    </message>
    <message>
        <source>writing how the image was made…</source>
        <translation>画像の作り方を書き込み中…</translation>
    </message>
    <message>
        <source>gallery</source>
        <translation>ギャラリー</translation>
    </message>
    <message>
        <source>interpolation</source>
        <translation>補間</translation>
    </message>
    <message>
        <source>sweep</source>
        <translation>スイープ</translation>
    </message>
    <message>
        <source>mixing grid</source>
        <translation>混合グリッド</translation>
    </message>
    <message>
        <source>noise variation</source>
        <translation>ノイズによる変動</translation>
    </message>
    <message>
        <source>motion</source>
        <translation>動き</translation>
    </message>
    <message>
        <source>rendering the image…</source>
        <translation>画像を描画中…</translation>
    </message>
    <message>
        <source>capturing a layer…</source>
        <translation>層を取得中…</translation>
    </message>
    <message>
        <source>rendering B and C…</source>
        <translation>B と C を描画中…</translation>
    </message>
    <message>
        <source>rendering the export preview…</source>
        <translation>書き出しのプレビューを描画中…</translation>
    </message>
    <message>
        <source>{0} {1} of {2}</source>
        <translation>{0} {1} / {2}</translation>
    </message>
    <message>
        <source>rendering…</source>
        <translation>描画中…</translation>
    </message>
    <message>
        <source>preview · full image coming</source>
        <translation>プレビュー · 完全な画像を描画中</translation>
    </message>
</context>
<context>
    <name>SeedBox</name>
    <message>
        <source>The same seed always gives the same latent, on every machine</source>
        <translation>同じシードからは、どのマシンでも常に同じ潜在ベクトルが得られます</translation>
    </message>
    <message>
        <source>A random seed</source>
        <translation>ランダムなシード</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
</context>
<context>
    <name>StateRestore</name>
    <message>
        <source>the recorded mixing covers {0} ws rows; this model has {1}</source>
        <translation>記録されたスタイル混合は w+ の {0} 行分ですが、このモデルは {1} 行です</translation>
    </message>
    <message>
        <source>the recorded style mixing mixes rows inside one block, which the Mixing table cannot show</source>
        <translation>記録されたスタイル混合は 1 つのブロックの中で行を混ぜており、「スタイル混合」の表では表せません</translation>
    </message>
    <message>
        <source>no model is open</source>
        <translation>モデルが開かれていません</translation>
    </message>
    <message>
        <source>it renders class {0}; this model has classes 0..{1}</source>
        <translation>クラス {0} を描画する記録ですが、このモデルのクラスは 0..{1} です</translation>
    </message>
    <message>
        <source>it renders class {0}; this model has no classes</source>
        <translation>クラス {0} を描画する記録ですが、このモデルにはクラスがありません</translation>
    </message>
    <message>
        <source>it truncates ws rows, and this model has no mapping network</source>
        <translation>w+ の行を切り捨てる記録ですが、このモデルにはマッピングネットワークがありません</translation>
    </message>
    <message>
        <source>it moves a StyleGAN3 model&apos;s input, and this model has no such input</source>
        <translation>StyleGAN3 モデルの入力を動かす記録ですが、このモデルにはそのような入力がありません</translation>
    </message>
</context>
<context>
    <name>StripChooser</name>
    <message>
        <source>Gallery</source>
        <translation>ギャラリー</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>補間</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>スイープ</translation>
    </message>
    <message>
        <source>Mixing grid</source>
        <translation>混合グリッド</translation>
    </message>
    <message>
        <source>Noise variation</source>
        <translation>ノイズによる変動</translation>
    </message>
    <message>
        <source>Input motion (StyleGAN3)</source>
        <translation>入力の動き (StyleGAN3)</translation>
    </message>
    <message>
        <source>What the strip shows (its settings: the Animate and Mixing tabs)</source>
        <translation>下段に表示する内容 (設定は「アニメーション」と「スタイル混合」タブ)</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>シャッフル</translation>
    </message>
    <message>
        <source>Draw new random seeds for the gallery</source>
        <translation>ギャラリーに新しいランダムなシードを引きます</translation>
    </message>
</context>
<context>
    <name>StripLabels</name>
    <message>
        <source>seed {0}</source>
        <translation>シード {0}</translation>
    </message>
    <message>
        <source>loaded latent</source>
        <translation>読み込んだ潜在ベクトル</translation>
    </message>
    <message>
        <source> · click to make it A</source>
        <translation> · クリックすると A になります</translation>
    </message>
    <message>
        <source>the sweep</source>
        <translation>スイープ</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0} = {1}</translation>
    </message>
    <message>
        <source>column source: {0}</source>
        <translation>列の元: {0}</translation>
    </message>
    <message>
        <source>row source: {0}</source>
        <translation>行の元: {0}</translation>
    </message>
    <message>
        <source>{0} with the styles of {1}</source>
        <translation>{1} のスタイルを受け取った {0}</translation>
    </message>
    <message>
        <source>noise {0}</source>
        <translation>ノイズ: {0}</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>ばらつき</translation>
    </message>
    <message>
        <source>where the noise draws differ (brighter: more)</source>
        <translation>ノイズの引き直しで違いが出る場所 (明るいほど大きい)</translation>
    </message>
    <message>
        <source>frame {0} of {1}</source>
        <translation>フレーム {0} / {1}</translation>
    </message>
</context>
<context>
    <name>StudyDialog</name>
    <message>
        <source>StyleGAN lessons on the Explorer&apos;s model</source>
        <translation>エクスプローラーのモデルで学ぶ StyleGAN</translation>
    </message>
    <message>
        <source>Run on this model</source>
        <translation>このモデルで実行</translation>
    </message>
    <message>
        <source>Open the shipped Fashion-MNIST StyleGAN</source>
        <translation>同梱の Fashion-MNIST StyleGAN を開く</translation>
    </message>
    <message>
        <source>Open a StyleGAN model in the Explorer first (any StyleGAN checkpoint or official pickle).</source>
        <translation>先にエクスプローラーで StyleGAN のモデルを開いてください (StyleGAN のチェックポイントか公式の pickle)。</translation>
    </message>
    <message>
        <source>This lesson compares with Fashion-MNIST test images: open a Fashion-MNIST StyleGAN.</source>
        <translation>このレッスンは Fashion-MNIST のテスト画像と比べます: Fashion-MNIST の StyleGAN を開いてください。</translation>
    </message>
    <message>
        <source>Model: {0}</source>
        <translation>モデル: {0}</translation>
    </message>
    <message>
        <source>Measuring… (runs on the render thread, about a minute at most)</source>
        <translation>測定中… (描画スレッドで実行、長くても 1 分ほど)</translation>
    </message>
    <message>
        <source>The lesson could not run: {0}</source>
        <translation>レッスンを実行できませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>StyleLessons</name>
    <message>
        <source>StyleGAN: the mapping network (z vs w)</source>
        <translation>StyleGAN: マッピングネットワーク (z と w)</translation>
    </message>
    <message>
        <source>Course §3.5 StyleGAN概要: StyleGANの主要技術 (Mapping Network)</source>
        <translation>講座 §3.5 StyleGAN概要: StyleGANの主要技術 (Mapping Network)</translation>
    </message>
    <message>
        <source>&lt;p&gt;z is drawn from a Gaussian, but the training images are not spread like one: a generator fed z directly must warp the space. StyleGAN first maps z to w with an MLP, and the synthesis network only sees w.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured:&lt;/b&gt; the perceptual path length of short steps along straight paths, in Z (spherical) and in W (linear), with the squared pixel distance. The shorter the path, the more evenly the images change: compare the two strips.&lt;/p&gt;</source>
        <translation>&lt;p&gt;z はガウス分布から引かれますが、訓練画像はガウス分布のようには広がっていません。z を直接受け取る生成器は空間を歪めなければなりません。StyleGAN はまず MLP で z を w にマッピングし、合成ネットワークは w だけを見ます。&lt;/p&gt;&lt;p&gt;&lt;b&gt;測定:&lt;/b&gt; まっすぐな経路に沿った短いステップの知覚的経路長を、Z (球面) と W (線形) で、ピクセルの二乗距離を使って測ります。経路が短いほど画像は均一に変わります: 2 つの列を見比べてください。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>StyleGAN2: weight demodulation</source>
        <translation>StyleGAN2: 重みの復調</translation>
    </message>
    <message>
        <source>Course 第12回 §3.7.1 StyleGAN2: Artifacts除去 (demodulation)</source>
        <translation>講座 第12回 §3.7.1 StyleGAN2: Artifacts除去 (demodulation)</translation>
    </message>
    <message>
        <source>&lt;p&gt;A style scales the input channels of each convolution. StyleGAN normalised the features themselves (AdaIN); the generator learned to cheat with a strong local spike that dominates the statistics: the &lt;i&gt;droplet&lt;/i&gt; artefact. StyleGAN2 instead divides the scaled weights by their norm (demodulation), so each output keeps unit scale whatever the style.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured:&lt;/b&gt; every styled layer&apos;s output std for 32 samples, as trained and with demodulation switched off: the ratio of the largest to the smallest per-sample std, averaged over layers, and the largest std seen. The droplet itself only grows in a model trained without demodulation; here you see what demodulation holds in check.&lt;/p&gt;</source>
        <translation>&lt;p&gt;スタイルは各畳み込みの入力チャンネルを拡大縮小します。StyleGAN は特徴そのものを正規化していました (AdaIN)。すると生成器は、統計を支配する強い局所的なスパイクでごまかすことを覚えました: &lt;i&gt;水滴状&lt;/i&gt;のアーティファクトです。StyleGAN2 は代わりに、拡大縮小した重みをそのノルムで割ります (復調)。これでスタイルが何であっても各出力の大きさは 1 に保たれます。&lt;/p&gt;&lt;p&gt;&lt;b&gt;測定:&lt;/b&gt; スタイルを受ける各層の出力の標準偏差を 32 サンプルについて、訓練されたままの状態と復調を切った状態で測ります: サンプルごとの標準偏差の最大と最小の比 (層の平均) と、見られた最大の標準偏差です。水滴そのものは復調なしで訓練したモデルでしか育ちません。ここでは復調が何を抑えているかが分かります。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>StyleGAN: noise inputs</source>
        <translation>StyleGAN: ノイズ入力</translation>
    </message>
    <message>
        <source>Course §3.5 StyleGAN概要: StyleGANの主要技術 (Noise Injection)</source>
        <translation>講座 §3.5 StyleGAN概要: StyleGANの主要技術 (Noise Injection)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Per-pixel noise added after every convolution gives the generator a source of stochastic detail (texture, hair, stitching) so that w can spend itself on the content.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured:&lt;/b&gt; one w rendered with 16 noise draws: the per-pixel std of the image (the heat map: bright = where noise acts) and the share of pixels it moves by more than 2 levels of 255.&lt;/p&gt;</source>
        <translation>&lt;p&gt;すべての畳み込みの後に加えるピクセルごとのノイズは、生成器に確率的な細部 (質感、髪、縫い目) の源を与え、w を内容に専念させます。&lt;/p&gt;&lt;p&gt;&lt;b&gt;測定:&lt;/b&gt; 1 つの w を 16 回のノイズの引き直しで描画し、画像のピクセルごとの標準偏差 (ヒートマップ: 明るい = ノイズが効く場所) と、255 段階で 2 段階より大きく動くピクセルの割合を求めます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>StyleGAN: style mixing, coarse / middle / fine</source>
        <translation>StyleGAN: スタイル混合 (粗い / 中間 / 細かい)</translation>
    </message>
    <message>
        <source>Course §3.5 StyleGAN概要: StyleGANのスタイル混合</source>
        <translation>講座 §3.5 StyleGAN概要: StyleGANのスタイル混合</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each resolution of the synthesis network reads its own rows of w, so styles can be mixed: take the coarse rows from B and the rest from A, and so on.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured:&lt;/b&gt; for 64 pairs, the mean pixel change when one band of rows comes from B and, for Fashion-MNIST models, how often the classifier&apos;s class changes. The grid: A, B, then A with B&apos;s coarse, middle and fine styles.&lt;/p&gt;</source>
        <translation>&lt;p&gt;合成ネットワークの各解像度は w の自分の行を読むので、スタイルを混ぜられます: 粗い行を B から、残りを A から取る、などです。&lt;/p&gt;&lt;p&gt;&lt;b&gt;測定:&lt;/b&gt; 64 組について、1 つの帯の行を B から取ったときのピクセルの平均変化量と、Fashion-MNIST のモデルでは分類器のクラスが変わる頻度を求めます。グリッド: A、B、そして B の粗い・中間・細かいスタイルを受けた A。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>StyleGAN2: path length regularisation</source>
        <translation>StyleGAN2: 経路長正則化</translation>
    </message>
    <message>
        <source>Course 第12回 §3.7.1 StyleGAN2: Path Length Regularization</source>
        <translation>講座 第12回 §3.7.1 StyleGAN2: Path Length Regularization</translation>
    </message>
    <message>
        <source>&lt;p&gt;A fixed-size step in w should change the image by a fixed amount, wherever in W it is taken: then W is smooth and interpolations and edits behave. StyleGAN2 measures the length of J&lt;sub&gt;w&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;y (J the synthesis network&apos;s Jacobian, y a random image direction) and penalises its variation around a running mean: E[(|J&lt;sup&gt;T&lt;/sup&gt;y| − a)&lt;sup&gt;2&lt;/sup&gt;].&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured on this model:&lt;/b&gt; the length for 64 w, its spread (std / mean), the penalty the regulariser would add now, and the samples with the shortest and the longest paths. A model trained with the regulariser (objective.path_length &amp;gt; 0) keeps the spread small; the shipped models were trained without it. The lesson Path length regularisation (Training panel ▸ Lesson) trains a small generator with and without it and shows the difference.&lt;/p&gt;</source>
        <translation>&lt;p&gt;w の中で一定の大きさのステップを取れば、W のどこで取っても画像は一定量だけ変わるべきです。そうなれば W は滑らかで、補間や編集が素直にふるまいます。StyleGAN2 は J&lt;sub&gt;w&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;y の長さ (J は合成ネットワークのヤコビアン、y はランダムな画像方向) を測り、移動平均からのばらつきに罰則を与えます: E[(|J&lt;sup&gt;T&lt;/sup&gt;y| − a)&lt;sup&gt;2&lt;/sup&gt;]。&lt;/p&gt;&lt;p&gt;&lt;b&gt;このモデルでの測定:&lt;/b&gt; 64 個の w についての長さ、そのばらつき (標準偏差 / 平均)、正則化が今加える罰則、そして経路が最も短いサンプルと最も長いサンプルです。正則化付きで訓練したモデル (objective.path_length &amp;gt; 0) はばらつきを小さく保ちます。同梱のモデルは正則化なしで訓練されています。レッスン「経路長正則化」(訓練パネル ▸ レッスン) は小さな生成器を正則化ありとなしで訓練し、その違いを見せます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Evaluation: truncation, precision and recall</source>
        <translation>評価: 切り捨て、適合率と再現率</translation>
    </message>
    <message>
        <source>Course §3.6 実践: 評価指標 (FID, Precision &amp; Recall)</source>
        <translation>講座 §3.6 実践: 評価指標 (FID, Precision &amp; Recall)</translation>
    </message>
    <message>
        <source>&lt;p&gt;FID folds quality and variety into one number. Precision asks how many samples look real (fall inside the real images&apos; k-NN manifold); recall asks how much of the real data the samples cover. The truncation trick (psi &amp;lt; 1) pulls w toward its mean: typical images, less variety.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured:&lt;/b&gt; 1,000 samples at each psi against 1,000 Fashion-MNIST test images, in the shipped classifier&apos;s feature space (fast; `ganstudio eval --metrics fid,pr` gives the Inception numbers). Rows of the picture: psi 0.3, 0.5, 0.7, 1.0.&lt;/p&gt;</source>
        <translation>&lt;p&gt;FID は品質と多様性を 1 つの数にまとめてしまいます。適合率は本物らしく見えるサンプルがどれだけあるか (本物の画像の k 近傍による多様体の内側に入るか) を、再現率は本物のデータのどれだけをサンプルが覆うかを問います。切り捨て (ψ &amp;lt; 1) は w をその平均へ引き寄せます: 典型的な画像になり、多様性は減ります。&lt;/p&gt;&lt;p&gt;&lt;b&gt;測定:&lt;/b&gt; 各 ψ で 1,000 サンプルを 1,000 枚の Fashion-MNIST テスト画像と、同梱の分類器の特徴空間で比べます (高速。Inception での値は `ganstudio eval --metrics fid,pr` で得られます)。画像の行: ψ 0.3、0.5、0.7、1.0。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Path length in Z {0:.3g}, in W {1:.3g}: </source>
        <translation>経路長 Z で {0:.3g}、W で {1:.3g}: </translation>
    </message>
    <message>
        <source>W&apos;s paths are {0:.2f}x shorter; the mapping network made the latent space more even.</source>
        <translation>W の経路は {0:.2f} 倍短くなっています。マッピングネットワークが潜在空間をより均一にしました。</translation>
    </message>
    <message>
        <source>W&apos;s paths are not shorter here ({0:.2f}x).</source>
        <translation>ここでは W の経路は短くなっていません ({0:.2f} 倍)。</translation>
    </message>
    <message>
        <source>With demodulation the per-sample std varies {0:.2f}x within a layer (largest std {1:.3g}); without it {2:.3g}x (largest {3:.3g}).</source>
        <translation>復調ありでは、サンプルごとの標準偏差は層の中で {0:.2f} 倍変わります (最大の標準偏差 {1:.3g})。復調なしでは {2:.3g} 倍 (最大 {3:.3g}) です。</translation>
    </message>
    <message>
        <source>Noise moves {0:.0%} of the pixels by more than 2 levels; their std is {1:.2f} levels on average, {2:.1f} at most.</source>
        <translation>ノイズはピクセルの {0:.0%} を 2 段階より大きく動かします。その標準偏差は平均 {1:.2f} 段階、最大 {2:.1f} 段階です。</translation>
    </message>
    <message>
        <source>coarse</source>
        <translation>粗い</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>中間</translation>
    </message>
    <message>
        <source>fine</source>
        <translation>細かい</translation>
    </message>
    <message>
        <source>{0}: pixels change {1:.1f} levels</source>
        <translation>{0}: ピクセルは {1:.1f} 段階変化</translation>
    </message>
    <message>
        <source>, class changes in {0:.0%}</source>
        <translation>、クラスが変わるのは {0:.0%}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>。</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Path length {0:.3g} on average ({1:.3g} to {2:.3g}); spread {3:.0%} of the mean; the regulariser&apos;s penalty would be {4:.3g}.</source>
        <translation>経路長は平均 {0:.3g} ({1:.3g} ～ {2:.3g})。ばらつきは平均の {3:.0%}。正則化の罰則は {4:.3g} になります。</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;th&gt;psi&lt;/th&gt;&lt;th&gt;precision&lt;/th&gt;&lt;th&gt;recall&lt;/th&gt;&lt;th&gt;FD (classifier)&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;th&gt;ψ&lt;/th&gt;&lt;th&gt;適合率&lt;/th&gt;&lt;th&gt;再現率&lt;/th&gt;&lt;th&gt;フレシェ距離 (分類器)&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>From psi {0} to {1} recall goes {2:.2f} → {3:.2f} and precision {4:.2f} → {5:.2f}; the FD rises {6:.0f}x: one number that calls the less varied samples much worse, without saying whether quality or variety moved.</source>
        <translation>ψ を {0} から {1} にすると、再現率は {2:.2f} → {3:.2f}、適合率は {4:.2f} → {5:.2f} と変わり、フレシェ距離は {6:.0f} 倍に上がります: 多様性の少ないサンプルをずっと悪いと判定する 1 つの数ですが、品質と多様性のどちらが動いたのかは語りません。</translation>
    </message>
    <message>
        <source>Interpolation in Z</source>
        <translation>Z での補間</translation>
    </message>
    <message>
        <source>Interpolation in W (same ends)</source>
        <translation>W での補間 (両端は同じ)</translation>
    </message>
    <message>
        <source>Demodulation on (as trained)</source>
        <translation>復調あり (訓練どおり)</translation>
    </message>
    <message>
        <source>Demodulation off</source>
        <translation>復調なし</translation>
    </message>
    <message>
        <source>One w, eight noise draws</source>
        <translation>1 つの w、8 回のノイズの引き直し</translation>
    </message>
    <message>
        <source>Per-pixel std over 16 draws (bright = noise acts)</source>
        <translation>16 回の引き直しでのピクセルごとの標準偏差 (明るい = ノイズが効く場所)</translation>
    </message>
    <message>
        <source>Rows: A, B, A + B&apos;s coarse, A + B&apos;s middle, A + B&apos;s fine</source>
        <translation>行: A、B、A + B の粗いスタイル、A + B の中間スタイル、A + B の細かいスタイル</translation>
    </message>
    <message>
        <source>Rows: psi 0.3, 0.5, 0.7, 1.0</source>
        <translation>行: ψ 0.3、0.5、0.7、1.0</translation>
    </message>
    <message>
        <source>Top: the shortest paths; bottom: the longest</source>
        <translation>上: 最も短い経路、下: 最も長い経路</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>estimating…</source>
        <translation>見積もり中…</translation>
    </message>
    <message>
        <source>about {0} s left</source>
        <translation>残り約 {0} 秒</translation>
    </message>
    <message>
        <source>about {0} min {1:02d} s left</source>
        <translation>残り約 {0} 分 {1:02d} 秒</translation>
    </message>
    <message>
        <source>about {0} h {1:02d} min left</source>
        <translation>残り約 {0} 時間 {1:02d} 分</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>取り消し中…</translation>
    </message>
</context>
<context>
    <name>TransformSection</name>
    <message>
        <source>This {0} generator starts from a learned 4 × 4 constant, fixed to the pixel grid.</source>
        <translation>この {0} 生成器は、ピクセル格子に固定された学習済みの 4 × 4 の定数から始まります。</translation>
    </message>
    <message>
        <source>This {0} generator turns z into pixels directly.</source>
        <translation>この {0} 生成器は z を直接ピクセルに変えます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to move.&lt;/b&gt; Moving and turning the input is a StyleGAN3 feature: its synthesis starts from Fourier features, waves defined everywhere in the plane, which can be shifted and rotated, and an alias-free network moves every detail with them.</source>
        <translation>&lt;b&gt;動かせるものがありません。&lt;/b&gt;入力を動かしたり回転させたりするのは StyleGAN3 の機能です。その合成ネットワークは、平面全体で定義された波であるフーリエ特徴から始まり、それは平行移動も回転もでき、エイリアスフリーのネットワークはすべての細部をそれに合わせて動かします。</translation>
    </message>
    <message>
        <source>Open a StyleGAN3 pickle to try it.</source>
        <translation>試すには StyleGAN3 の pickle を開いてください。</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Move the picture right (negative: left), in pixels of the output</source>
        <translation>画像を右へ動かします (負: 左へ)。単位は出力のピクセル</translation>
    </message>
    <message>
        <source>Move the picture down (negative: up), in pixels of the output</source>
        <translation>画像を下へ動かします (負: 上へ)。単位は出力のピクセル</translation>
    </message>
    <message>
        <source>Turn the picture counter-clockwise, in degrees</source>
        <translation>画像を反時計回りに回転させます (単位は度)</translation>
    </message>
    <message>
        <source>Untransform the output</source>
        <translation>出力を逆変換する</translation>
    </message>
    <message>
        <source>Resample the image back by the inverse motion: an equivariant network then shows a still picture; whatever still moves or flickers is where it is not equivariant</source>
        <translation>逆の動きで画像を再サンプリングして戻します。等変なネットワークなら静止した画像になり、それでも動いたりちらついたりする部分は等変ではありません</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>No translation, no rotation</source>
        <translation>平行移動も回転もなし</translation>
    </message>
    <message>
        <source>Frames of one loop of the motion</source>
        <translation>動きの 1 周のフレーム数</translation>
    </message>
    <message>
        <source>How far the picture moves right over one loop</source>
        <translation>1 周で画像が右へ動く距離</translation>
    </message>
    <message>
        <source>How far the picture moves down over one loop</source>
        <translation>1 周で画像が下へ動く距離</translation>
    </message>
    <message>
        <source> turns</source>
        <translation> 回転</translation>
    </message>
    <message>
        <source>Full turns (counter-clockwise) over one loop</source>
        <translation>1 周での回転数 (反時計回り)</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 再生</translation>
    </message>
    <message>
        <source>Play the motion on the image, live</source>
        <translation>画像上で動きをライブ再生します</translation>
    </message>
    <message>
        <source>Show in the strip</source>
        <translation>下段に表示</translation>
    </message>
    <message>
        <source>Render one loop as the strip: play it there, or export it (Export ▸ Strip / Animation) as a GIF, WebP or MP4</source>
        <translation>1 周を下段に描画します: そこで再生するか、GIF、WebP、MP4 として書き出せます (書き出し ▸ 下段の表示 / アニメーション)</translation>
    </message>
    <message>
        <source>Move and turn the input</source>
        <translation>入力を動かす・回転させる</translation>
    </message>
    <message>
        <source>Translate x</source>
        <translation>平行移動 x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Rotate (°)</source>
        <translation>回転 (°)</translation>
    </message>
    <message>
        <source>Motion (one loop)</source>
        <translation>動き (1 周)</translation>
    </message>
    <message>
        <source>Move x</source>
        <translation>移動 x</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>回転</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>フレーム数</translation>
    </message>
    <message>
        <source>The picture is made from Fourier features, moved here before the first layer. An alias-free (StyleGAN3) network moves its details with them; with &lt;i&gt;Untransform&lt;/i&gt; a perfectly equivariant model would show a still image.</source>
        <translation>画像はフーリエ特徴から作られ、最初の層の前でここで動かされます。エイリアスフリー (StyleGAN3) のネットワークは細部をそれに合わせて動かします。&lt;i&gt;逆変換&lt;/i&gt;を使うと、完全に等変なモデルなら静止した画像になります。</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
</context>
</TS>
