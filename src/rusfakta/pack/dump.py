"""How exported pack files are written: YAML as an editor would write it.

PyYAML's wheels ship libyaml; its C emitter and scanner are about ten times faster than the pure-Python
ones and give the same text, so they are used when present (a load reads and writes the whole pack)."""

import yaml

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_text(data, width=100):
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=width)


def load_text(text):
    return yaml.load(text, Loader=LOADER)


def dump_yaml(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml_text(data), encoding="utf-8")
