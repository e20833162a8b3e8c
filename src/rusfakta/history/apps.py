from django.apps import AppConfig, apps


class HistoryConfig(AppConfig):
    name = "rusfakta.history"
    label = "history"
    verbose_name = "Endringer"

    def ready(self):
        from django.db.models.signals import post_save
        from simple_history.signals import post_create_historical_record, pre_create_historical_record

        from rusfakta.history import flags, loads

        pre_create_historical_record.connect(loads.mark_load, dispatch_uid="history-mark-load")
        post_save.connect(
            loads.version_bumped, sender="content.ContentVersion", dispatch_uid="history-record-load"
        )
        post_create_historical_record.connect(
            flags.figure_saved,
            sender=apps.get_model("statistics", "HistoricalStatistic"),
            dispatch_uid="history-flag-figure-users",
        )
