from django.dispatch import Signal

# Sent after commit whenever a patent, China Patent Award, pledge or transfer is created or
# changed through a service. Arguments: sender (the model class), instance_id, created.
record_changed = Signal()

# Sent by the revoke services BEFORE the record is saved as revoked, inside their transaction
# (also when an admin form or an import saves an in-force record as revoked). Arguments:
# sender (the model class), instance (the record, not yet saved), revoked_on, reason.
# A receiver may raise django.core.exceptions.ValidationError to refuse the revocation (the
# subsidies app does when the record's grant is paid); whatever it wrote rolls back with it.
record_revoking = Signal()
