from django import forms

from mjc.notifications.models import NotificationPreference
from mjc.notifications.services import PREFERENCE_FIELDS


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = PREFERENCE_FIELDS
