from django.dispatch import Signal

# Sent after commit whenever a registry record (enterprise, person, designation, GI product,
# provincial figure) is created or changed through a service.
# Arguments: sender (the model class), instance_id, created.
record_changed = Signal()
