"""Create the demo superuser on a laptop set-up and print how to log in. The password is
generated once and kept in var/ (git-ignored), never in the repository."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create (once) the demo superuser and print its credentials. Refused without DEBUG."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("The demo superuser is only for a local set-up (DJANGO_DEBUG=1).")
        secret_file = settings.BASE_DIR / "var" / "demo-superuser.txt"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None or not secret_file.exists():
            password = secrets.token_urlsafe(12)
            user = user or User(username=username, email=f"{username}@example.org")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            secret_file.write_text(password)
        password = secret_file.read_text().strip()
        self.stdout.write(self.style.SUCCESS(
            f"Admin: http://127.0.0.1:{settings_port()}/admin/  user: {username}  "
            f"password: {password}"))


def settings_port():
    import os

    return os.environ.get("PORT", "8000")
