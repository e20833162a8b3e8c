"""The tools' input, read through Django forms: the quiz answers, the norm check's guesses and the mixing
question. The pages draw their own fields; these forms only read and check what comes back."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ANSWER_PREFIX = "svar-"
STEP_FIELD = "steg"
# The question to show next (1-based, as people count), after the feedback on the one before it.
SHOW_FIELD = "spm"
# The all-at-once quiz sends this even when no question is answered, so the result page by address
# alone (no query) can still go back to the start.
SENT_FIELD = "sendt"
CHOICE, OTHER = "med", "annet"
MAX_QUERY_LENGTH = 100
MAX_GUESS_LENGTH = 12
GUESS = re.compile(r"\d{1,3}(?:\.\d{1,2})?")


def printable(text, limit):
    """What a visitor typed, safe to show again in the page: at most limit characters, no control characters."""
    return "".join(ch for ch in str(text) if ch.isprintable())[:limit]


class VisitorText(forms.CharField):
    """Typed text with control characters dropped before it is trimmed, cut at limit + 1 so that a checker
    can still tell it was too long."""

    def __init__(self, limit, **kwargs):
        self.limit = limit
        super().__init__(required=False, strip=False, **kwargs)

    def to_python(self, value):
        return printable("" if value is None else value, self.limit + 1).strip()


class AnswerField(forms.Field):
    """One quiz question: blank, or the number of one of its options."""

    def __init__(self, number, options, **kwargs):
        self.number, self.options = number, options
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        raw = str("" if value is None else value).strip()
        if not raw:
            return None
        if re.fullmatch(r"[1-9]", raw) and int(raw) <= self.options:
            return int(raw)
        raise ValidationError(
            _("Svaret på spørsmål %(number)s er ikke et av alternativene. Velg et av dem.")
            % {"number": self.number}
        )


class StepField(forms.Field):
    """The question just answered (0-based) in the one-at-a-time quiz; None when the form is broken."""

    def __init__(self, count, **kwargs):
        self.count = count
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        raw = str("" if value is None else value).strip()
        return int(raw) if re.fullmatch(r"\d{1,3}", raw) and int(raw) < self.count else None


class ShowField(StepField):
    """The question to show (given 1-based, read 0-based); None when it is not one of the questions."""

    def to_python(self, value):
        raw = str("" if value is None else value).strip()
        return int(raw) - 1 if re.fullmatch(r"\d{1,3}", raw) and 1 <= int(raw) <= self.count else None


class QuizForm(forms.Form):
    """The answers to the given questions (anything with .field, .number and .options), and the step."""

    def __init__(self, data, questions):
        super().__init__(data)
        for question in questions:
            self.fields[question.field] = AnswerField(question.number, len(question.options))
        self.fields[STEP_FIELD] = StepField(len(questions))
        self.fields[SHOW_FIELD] = ShowField(len(questions))

    def answers(self):
        """{field: option number} for each answered question, whatever else is wrong in the form."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in (STEP_FIELD, SHOW_FIELD) and value
        }

    def error_messages(self):
        return [message for name in self.fields for message in self.errors.get(name, [])]

    def step(self):
        self.is_valid()
        return self.cleaned_data.get(STEP_FIELD)

    def shown(self):
        self.is_valid()
        return self.cleaned_data.get(SHOW_FIELD)


class GuessField(forms.Field):
    """A guess is a number from 0 to scale; "40", "40 %", "12,5" are fine. Blank means no guess."""

    def __init__(self, scale, **kwargs):
        self.scale = scale
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        text = str("" if value is None else value).strip()
        if not text:
            return None
        cleaned = text.removesuffix("%").strip().replace(",", ".")
        if len(text) > MAX_GUESS_LENGTH or not GUESS.fullmatch(cleaned) or Decimal(cleaned) > self.scale:
            raise ValidationError(_("Skriv et tall fra 0 til %(max)s.") % {"max": self.scale})
        return Decimal(cleaned)


class NormCheckForm(forms.Form):
    """One guess per item slug, each on its own scale; at least one guess is needed to see the answers."""

    def __init__(self, data, scales):
        super().__init__(data)
        for slug, scale in scales.items():
            self.fields[slug] = GuessField(scale)

    def typed(self, name):
        """What was typed for one guess, as it can be shown again."""
        text = str(self[name].value() or "").strip()
        return printable(text, MAX_GUESS_LENGTH) if name in self.errors else text

    def clean(self):
        data = super().clean()
        if not self.errors and not any(value is not None for value in data.values()):
            raise ValidationError(_("Skriv inn minst én gjetning før du ser svarene."))
        return data


class MixingForm(forms.Form):
    """A chosen substance, or what was typed under «noe annet»; the query is what to look up."""

    med = VisitorText(MAX_QUERY_LENGTH)
    annet = VisitorText(MAX_QUERY_LENGTH)

    def __init__(self, data, slugs):
        super().__init__(data)
        self.slugs = set(slugs)
        self.error_field = OTHER  # where the error summary points: the text field, or the choices ("valg")

    def clean(self):
        data = super().clean()
        chosen, typed = data.get(CHOICE, ""), data.get(OTHER, "")
        if chosen in self.slugs:
            data["query"] = chosen
            return data
        if not chosen and not typed and (CHOICE in self.data or OTHER in self.data):
            # The form was sent with nothing chosen: say so, rather than show the empty form again.
            self.error_field = "valg"
            raise ValidationError(_("Velg et stoff, eller skriv hva kokainet blandes med."))
        if chosen == OTHER and not typed:
            raise ValidationError(_("Skriv hva kokainet blandes med."))
        query = typed or ("" if chosen == OTHER else chosen)
        if len(query) > MAX_QUERY_LENGTH:
            raise ValidationError(_("Skriv kortere – høyst %(max)s tegn.") % {"max": MAX_QUERY_LENGTH})
        data["query"] = query
        return data

    def query(self):
        """(query, error): the error is the form's one message, or ""."""
        if self.is_valid():
            return self.cleaned_data["query"], ""
        return "", str(self.non_field_errors()[0])

    def typed_again(self):
        """What was typed under «noe annet», to fill the form in again after an error."""
        return printable(self[OTHER].value() or "", MAX_QUERY_LENGTH)
