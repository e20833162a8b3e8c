"""A pack load in every content model's history: one record per row it changed, marked "from pack <digest>".

A load saves every row it syncs, and a row with many-to-many fields once more per `.set()`; `record_load`
keeps only the last record per row, and none when that equals the row before the load, so the history
page shows what the load changed and nothing else. It runs when the load bumps the content version
(inside the load's transaction); `load_pack` may as well call it itself, a second call finds nothing.
"""

from django.apps import apps

from rusfakta.pack.sections import is_loading

LOADING = "pack load"  # the reason while a load runs; record_load replaces it with the pack's digest


def load_reason(digest):
    return f"from pack {digest[:12]}"


def history_models():
    """The historical model of every content model with a history."""
    return [
        getattr(model, model._meta.simple_history_manager_attribute).model
        for model in apps.get_models()
        if getattr(model._meta, "simple_history_manager_attribute", None)
    ]


def mark_load(sender, history_instance, **kwargs):
    """pre_create_historical_record: a record written during a load is the load's."""
    if is_loading():
        history_instance.history_change_reason = LOADING


def version_bumped(sender, instance, **kwargs):
    """post_save of the content version: a load bumps it once, after every section has loaded."""
    if is_loading() and instance.pack_digest:
        record_load(instance.pack_digest)


def record_load(digest):
    for model in history_models():
        _keep_what_changed(model, load_reason(digest))


def _keep_what_changed(history_model, reason):
    written = history_model.objects.filter(history_change_reason=LOADING)
    by_row = {}
    for record in written.order_by("history_date", "history_id"):
        by_row.setdefault(record.id, []).append(record)
    superseded, created = [], []
    for records in by_row.values():
        last, earlier = records[-1], records[:-1]
        superseded += [record.history_id for record in earlier]
        before = history_model.objects.filter(id=last.id, history_date__lt=records[0].history_date).first()
        if before is None or before.history_type == "-":
            if records[0].history_type == "+" and last.history_type != "-":
                created.append(last.history_id)
        elif last.history_type != "-" and not last.diff_against(before).changes:
            superseded.append(last.history_id)
    history_model.objects.filter(history_id__in=superseded).delete()
    history_model.objects.filter(history_id__in=created).update(history_type="+")
    written.update(history_change_reason=reason)
