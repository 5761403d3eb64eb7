"""The two writes every service is built from: validate-and-save, and announce after commit."""

from typing import Any

from django.db import models, transaction
from django.dispatch import Signal


def announce(signal: Signal | None, instance: models.Model, *, created: bool) -> None:
    """Send `signal` once the surrounding transaction commits, so that listeners (the
    subsidies engine, cache invalidation) never see a row that may still roll back."""
    if signal is None:
        return
    sender, pk = type(instance), instance.pk
    transaction.on_commit(lambda: signal.send(sender=sender, instance_id=pk, created=created))


def model_save(instance: models.Model, *, signal: Signal | None = None,
               m2m: dict[str, Any] | None = None) -> models.Model:
    """full_clean(), save, set many-to-many values, announce. Field errors come back as a
    ValidationError naming each field, whatever door (admin, API, import) the data came in."""
    created = instance._state.adding
    instance.full_clean()
    with transaction.atomic():
        instance.save()
        for field, values in (m2m or {}).items():
            getattr(instance, field).set(values)
    announce(signal, instance, created=created)
    return instance


def model_update(instance: models.Model, data: dict[str, Any], *,
                 signal: Signal | None = None) -> models.Model:
    """Set the given fields (many-to-many ones included) and save through model_save."""
    m2m_names = {field.name for field in instance._meta.many_to_many}
    m2m = {name: value for name, value in data.items() if name in m2m_names}
    for name, value in data.items():
        if name not in m2m_names:
            setattr(instance, name, value)
    return model_save(instance, signal=signal, m2m=m2m)


def api_token_issue(*, token) -> str:
    """Give an unsaved APIToken its secret, save it, and return the secret: the only time it
    exists outside the caller's hands. The row keeps the prefix and a digest."""
    import hashlib
    import secrets

    prefix = secrets.token_hex(4)
    secret = f"qbr_{prefix}_{secrets.token_urlsafe(32)}"
    token.prefix = prefix
    token.secret_hash = hashlib.sha256(secret.encode()).hexdigest()
    model_save(token)
    return secret


def api_token_revoke(*, token) -> None:
    from django.utils import timezone

    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        model_save(token)
