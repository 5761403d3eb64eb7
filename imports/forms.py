from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from core.spreadsheets import SPREADSHEET_EXTENSIONS


class ImportUploadForm(forms.Form):
    resource = forms.ChoiceField(label=_("Records"))
    file = forms.FileField(
        label=_("File"),
        help_text=_("Excel (.xlsx) or CSV. The first row holds the column headers."),
        validators=[FileExtensionValidator(SPREADSHEET_EXTENSIONS)],
    )
    validate_only = forms.BooleanField(
        label=_("Check only"), required=False,
        help_text=_("Check every row and report the errors, but save nothing."))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resource"].choices = choices
