from django.dispatch import Signal

# Sent after commit whenever an award session or award record is created or changed through a
# service. Arguments: sender (the model class), instance_id, created.
record_changed = Signal()
