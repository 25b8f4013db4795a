"""C sources of the native StyleGAN3 filtering kernels; the library built from them at install
time lands here (loaded by ``ganstudio.core.nets.stylegan3_native``)."""
