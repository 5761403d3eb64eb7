from django.dispatch import Signal

# Sent after commit whenever a patent, China Patent Award, pledge or transfer is created or
# changed through a service. Arguments: sender (the model class), instance_id, created.
record_changed = Signal()
