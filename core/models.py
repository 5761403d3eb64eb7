from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class User(AbstractUser):
    """A member of the bureau's staff. Their division (for district clerks) is on StaffProfile."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class APITokenScope(models.TextChoices):
    PUBLIC_READ = "public_read", _("read public records")
    PRIVATE_READ = "private_read", _("read public and private records")
    WRITE = "write", _("read everything and write records")


class APIToken(BaseModel):
    """A secret an agency's integration sends as `Authorization: Token <secret>`.

    Only a SHA-256 digest of the secret is stored: the secret carries 256 random bits, so a
    slow password hash would add nothing but latency to every request. `prefix` (also part of
    the secret) finds the row without a scan."""

    name = models.CharField(_("name"), max_length=100)
    agency = models.CharField(_("agency"), max_length=200,
                              help_text=_("The agency or system that uses the token."))
    owner = models.ForeignKey("core.User", verbose_name=_("responsible staff member"),
                              on_delete=models.PROTECT, related_name="api_tokens",
                              help_text=_("Writes made with the token are recorded as theirs."))
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(_("secret digest"), max_length=64, editable=False)
    scope = models.CharField(_("scope"), max_length=16, choices=APITokenScope.choices,
                             default=APITokenScope.PUBLIC_READ)
    allowed_networks = models.TextField(
        _("allowed IP ranges"), blank=True,
        help_text=_("CIDR ranges, one per line or comma-separated (e.g. 10.8.0.0/16). Empty "
                    "allows any address."))
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    last_used_ip = models.GenericIPAddressField(_("last used from"), null=True, blank=True,
                                                editable=False)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.agency}, {self.prefix})"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def networks(self):
        import ipaddress

        return [ipaddress.ip_network(part.strip(), strict=False)
                for part in self.allowed_networks.replace(",", "\n").splitlines()
                if part.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        try:
            self.networks()
        except ValueError as error:
            raise ValidationError({"allowed_networks": _("Not an IP range: %(error)s")
                                   % {"error": error}}) from error
