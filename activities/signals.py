from django.dispatch import Signal

# Sent after commit whenever a credit line, support visit, characteristic product, exhibition or
# enforcement case is created or changed through a service. Arguments: sender (the model
# class), instance_id, created (None for a bulk creation, where instance_id is None too).
record_changed = Signal()
