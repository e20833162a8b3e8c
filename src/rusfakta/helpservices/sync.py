"""The help services' rows."""

from rusfakta.helpservices.models import Service
from rusfakta.helpservices.pack import ServiceData
from rusfakta.pack.dump import dump_yaml
from rusfakta.pack.records import sync


def load(pack):
    sync(Service, [service for service, _, _ in pack.services])


def export(root):
    dump_yaml(root / "services.yaml", [ServiceData.from_row(s) for s in Service.objects.all()])
