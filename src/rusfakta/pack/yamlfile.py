"""The one reader of the pack's YAML files: the data, and the lines every value stands on."""

from dataclasses import dataclass, field

import yaml
from pydantic import ValidationError

from rusfakta.pack.dump import LOADER
from rusfakta.pack.problems import Problem, relative


@dataclass
class Lines:
    """Where the values of one YAML node stand: path (keys and list indexes) → (first line, last line)."""

    spans: dict
    file_lines: list = field(default_factory=list, repr=False)

    @property
    def line(self):
        return self.spans[()][0]

    def line_of(self, *where, text=""):
        """The line of a value; with text, the line inside a multi-line value where that text stands."""
        where = tuple(where)
        while where not in self.spans:
            where = where[:-1]
        first, last = self.spans[where]
        for number in range(first, last + 1):
            if text and text in self.file_lines[number - 1]:
                return number
        return first


def _spans(node, where=()):
    spans = {where: (node.start_mark.line + 1, node.end_mark.line + 1)}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            spans.update(_spans(value, (*where, key.value)))
            spans[(*where, key.value)] = (key.start_mark.line + 1, value.end_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            spans.update(_spans(item, (*where, index)))
    return spans


@dataclass
class YamlFile:
    rel: str
    data: object
    node: yaml.Node | None
    file_lines: list

    def lines(self, node=None):
        node = self.node if node is None else node
        return Lines(_spans(node), self.file_lines)

    def items(self, label, problems):
        """(mapping, Lines) for each entry of a list file; an entry that is no mapping is reported."""
        for item_node, item in zip(self.node.value, self.data, strict=True):
            if isinstance(item, dict):
                yield item, self.lines(item_node)
            else:
                problems.append(
                    Problem(self.rel, item_node.start_mark.line + 1, f"each {label} entry must be a mapping")
                )


def _parse(text):
    """Compose the document once and build the data from that same node."""
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def read_yaml(path, root, problems, label, shape=list):
    """The file as a YamlFile, or None: missing, empty, unreadable or of the wrong shape (reported)."""
    rel = relative(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(rel, 1, f"{path.name} is missing"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(rel, 1, f"cannot read {label}: {exc}"))
        return None
    try:
        node, data = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(
            Problem(rel, mark.line + 1 if mark else 1, f"invalid YAML: {getattr(exc, 'problem', exc)}")
        )
        return None
    if data is None and shape is list:
        return None
    if not isinstance(data, shape):
        kind = "a list" if shape is list else "a mapping"
        problems.append(Problem(rel, 1, f"{path.name} must be {kind}"))
        return None
    return YamlFile(rel, data, node, text.splitlines())


def validated(schema, item, lines, rel, problems):
    """The entry as its schema, or None after reporting each error on the line of its field."""
    try:
        return schema.model_validate(item)
    except ValidationError as exc:
        for error in exc.errors():
            loc = error["loc"] if isinstance(item, dict) else ()
            name = ".".join(str(part) for part in loc)
            problems.append(Problem(rel, lines.line_of(*loc), f"{name + ': ' if name else ''}{error['msg']}"))
        return None


def read_records(pack, path, schema, label, optional=False):
    """(record, path, line) for each entry of a list file that validates; the others are reported."""
    if optional and not path.exists():
        return []
    found = read_yaml(path, pack.root, pack.problems, label)
    if found is None:
        return []
    records = []
    for item, lines in found.items(label, pack.problems):
        record = validated(schema, item, lines, found.rel, pack.problems)
        if record:
            records.append((record, found.rel, lines.line))
    return records
