<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>&lt;b&gt;No noise inputs.&lt;/b&gt; This {0} generator has none: StyleGAN3 removed StyleGAN2&apos;s per-pixel noise, because noise fixed to the pixel grid ties fine details to pixel positions instead of to the coarser features they belong to. Its image depends only on the latent and the class, so there are no noise modes, strengths or stochastic variation to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No noise inputs.&lt;/b&gt; This {0} generator has none: StyleGAN3 removed StyleGAN2&apos;s per-pixel noise, because noise fixed to the pixel grid ties fine details to pixel positions instead of to the coarser features they belong to. Its image depends only on the latent, so there are no noise modes, strengths or stochastic variation to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No noise inputs.&lt;/b&gt; This {0} generator is a deterministic function of z: the same z always gives the same image. Per-layer noise is a StyleGAN2 feature.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnimateSection</name>
    <message>
        <source>Tick the latents to pass through, in list order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected point earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected point later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slerp follows the sphere Gaussian latents live on; lerp a straight line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a dimension of A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a direction (PCA / SeFa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows x columns of random seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw new random seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery of random seeds (click a tile to make it A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep (explore one axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Along</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(seed {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolating in w (after mapping) is usually smoother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This {0} generator has no mapping network: z only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The technical detail behind this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookmarksWidget</name>
    <message>
        <source>＋ Bookmark A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep latent A (with its edits) for this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the selected bookmark into latent A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the selected bookmark into latent B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  + edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  · projected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed {0} edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked latent A as “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load bookmark “{0}”: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Captions</name>
    <message>
        <source>coarse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loaded latent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (edited in {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · class {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery: {0} random seeds · click one to make it A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation {0} · {1} frames · {2} in {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep of {0} #{1} from {2:g} to {3:g} · {4} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixing grid: rows {0} take the {1} styles of columns {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stochastic variation: A with {0} noise draws · last tile = where they differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CropView</name>
    <message>
        <source>Drag the square to choose what to project; the mouse wheel resizes it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DimensionSliders</name>
    <message>
        <source>Previous page of dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page of dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dim </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset this dimension to the seed&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}[{1}–{2}] of {3} · page {4}/{5}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplorerFiles</name>
    <message>
        <source>Models (*.pt *.pkl);;GAN Studio checkpoints (*.pt);;Official StyleGAN2-ADA / StyleGAN3 pickles (*.pkl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GAN Studio files (*.pt *.pkl *.toml *.png);;Models (*.pt *.pkl);;Recipes (*.toml);;Images GAN Studio made (*.png);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[{0}] (z), [{1}] (w) or [{2}, {1}] (w+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of shape {0} is not a latent of this model; it needs {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded {0} latent(s) and settings from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a NumPy .npy file ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded {0} into A as a {1} latent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export of {0} cancelled: nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} as the GAN Studio checkpoint {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Current image (PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image grid (PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current strip: interpolation, sweep, mixing grid, variation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latent A (.npy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>const</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds seed, seed+1, … fill the grid row by row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels between tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest-neighbour upscale: crisp pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animation frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebP animation (lossless)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs imageio-ffmpeg: pip install &apos;ganstudio[video]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a JSON sidecar (reproduce with `ganstudio export --from`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the rendered latents (.npy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the output file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows × columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No strip shown yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes {0}: latent A in its own space (z, w or w+), no image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (settings to reproduce it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noise {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latent A with the style mixing shown (B / C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latent A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} × {1} tiles of seeds {2}–{3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; style mixing is not applied (each tile is its own seed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The strip shown below the image, as shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, at {0} frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes {0}. {1}. Uses {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageRecords</name>
    <message>
        <source>Cannot restore {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was made with {1}: open that model first, then open the image again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the state {0} was made in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the settings of {0}; its first image is now A (ganstudio export --from renders all of it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the image to the clipboard (as a PNG that remembers how it was made)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture the View…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole Explorer view as a PNG; opening it restores this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image to copy yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model first: a capture records the image it shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the open model {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy the image: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the image (a PNG that remembers how it was made)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the capture: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured the view to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LatentBars</name>
    <message>
        <source>w the image is made from: mapping(z) + direction edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w the image is made from: your w + direction edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w+ row {row} the image is made from: your row + direction edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z (click a bar to jump to its slider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w (edited directly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w+ row {0} (edited directly)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LatentEditor</name>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z (input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w (after mapping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w+ (one w per layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which space the sliders edit. w and w+ need a mapping network (StyleGAN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w+: which row of ws (which layers) the sliders edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset every dimension to the seed&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class-conditional model: the class every image (A, B, C, the gallery, exports) is generated for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directions (PCA / SeFa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncation ψ: 1 = none, 0 = the average image (w_avg), between = closer to the average, safer but less varied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncate only the first rows of ws (the coarse layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latent A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cutoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which space the sliders edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This {0} generator has no mapping network: it is edited in z only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first {0} rows (to {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first {0} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ψ pulls every style row towards w_avg, the average image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mapping network: ψ scales z towards 0 (the mean of z).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Distance of the reconstruction to the target, per step (lower is closer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss curve: waiting for the first steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distance (log): {0:.4g} now, best {1:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distance: {0:.4g} now, best {1:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MixingSection</name>
    <message>
        <source>B seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ws rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Styles from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coarse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coarse styles (StyleGAN paper) from B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle styles (StyleGAN paper) from B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine styles (StyleGAN paper) from B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mixing: every row of ws from A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds down the left of the grid, e.g. 1,2,3 or 10-13</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds across the top of the grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coarse styles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>middle styles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fine styles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>styles marked B/C in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show mixing grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each row seed takes the chosen styles of each column seed (paper Fig. 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which latent feeds each resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixing grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns give</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: give seeds like 1,2,5-8, each from 0 to 4294967295 (got “{1}”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give 1–16 seeds for rows and for columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Style mixing is unavailable for this {0} generator.&lt;/b&gt; Mixing swaps the per-layer styles (rows of w) that a StyleGAN mapping network feeds to each resolution; a {0} generator feeds z once into its first layer, so there are no per-layer styles to mix. Open a StyleGAN checkpoint to use this section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which latent feeds each {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which latent&apos;s styles feed these layers. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ws rows&lt;/b&gt;: the rows of w+ that each {0}&apos;s layers read. Neighbours share a row (one block&apos;s image output, ToRGB, and the next block&apos;s first layer read the same w); a shared row takes the styles chosen for the higher one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelInfo</name>
    <message>
        <source>, Radford&apos;s layout (transposed convolutions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, the course&apos;s layout (nearest upsampling + 3×3 convolutions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (class-conditional; pick one in the Latent tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} × {1} style rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (per-pixel, every layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— (a network pickle does not record it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model open. Open a checkpoint (.pt), an official StyleGAN2-ADA / StyleGAN3 network pickle (.pkl) or a run directory — its newest checkpoint is used — or drop one onto the Explorer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: drag a checkpoint, a .pkl or a run folder onto the image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelView</name>
    <message>
        <source>StyleGAN2 (official)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StyleGAN3 (official)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>toy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StyleGAN2 (mapping + synthesis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StyleGAN2-ADA, official NVlabs network (mapping + synthesis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StyleGAN3, official NVlabs alias-free network (mapping + synthesis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLP (vanilla GAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>toy 1-D / 2-D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers sampled at {0} samples across the image (ws rows {1}): {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {0}×{0} block (ws rows {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {0} · {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoiseSection</name>
    <message>
        <source>constant (the same every render)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random (seeded; re-roll for new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (noise switched off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New random noise (switches to random noise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All 1.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every block at its learned noise strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show stochastic variation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latent A rendered with fresh noise each time; the last tile maps where the pixels differ (bright = noise changes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StyleGAN adds per-pixel noise in every layer: it decides stochastic detail (texture, strands, speckle), not identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength per resolution (× learned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stochastic variation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noise seed {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanelFileActions</name>
    <message>
        <source>Could not open {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {0} was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load latent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latents (*.npy *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved latent A to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanelLayout</name>
    <message>
        <source>Strip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>the model&apos;s discriminator features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multi-scale SSIM + L1 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixel MSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps: enter a whole number from 1 to {0:,} (got “{1}”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model first: projecting finds the latent of your picture in the open model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A projection is running: stop it before projecting another picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot project this picture: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model changed during the projection: its result was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The projection&apos;s latent does not fit this model: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncation ψ = 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s own noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A is now the {0} projection of {1} (distance {2:.4g} by {3}, best at step {4}, stopped after {5} steps); bookmarked as “{6}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A is now the {0} projection of {1} (distance {2:.4g} by {3}, best at step {4}, after {5} steps); bookmarked as “{6}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; set {0} so that A shows the reconstruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Note: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the crop square, as a share of the picture&apos;s shorter side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>white</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>black</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What transparent pixels become (the model draws no transparency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w+ (one w per layer: closest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w (one w for every layer: easiest to edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimisation steps (1 to {0:,}); Stop keeps the best latent so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparent pixels on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: what the model will try to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reconstruction appears after the first steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconstruction (current step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop now and keep the best latent so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cropped to the {0} × {0} square at ({1}, {2}) of the {3} × {4} picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame {0} used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversions: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversion needed: the picture is used as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This {0} model has no mapping network: z is optimised (no w or w+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting ready: the starting latent and the distance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projecting {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projecting with {0} as the distance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (the result is a z latent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projecting {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0} / {1} · distance {2:.4g} · best {3:.4g} at step {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best: step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The projection ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another model was opened: the projection was stopped (nothing was applied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the projection of {0}: the best latent so far becomes A</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectionTask</name>
    <message>
        <source>The projection could not start: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The projection&apos;s result could not be rendered: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenderProgress</name>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computing directions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>projecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixing grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noise variation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rendering the image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preview · full image coming</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>estimating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {0} s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {0} min {1:02d} s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {0} h {1:02d} min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
